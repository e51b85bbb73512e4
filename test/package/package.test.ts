/**
 * The package as a user gets it: `npm pack` of the built `dist/` (npm test builds first), linted
 * by publint and "are the types wrong?", installed into a fresh project, and used from ESM, from
 * CommonJS, through its `bin`, and from TypeScript under `node16` and `bundler` resolution.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const example = join(root, "examples/2022/cgjdk.json");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; bin: Record<string, string> };

/** The environment without the `npm_*` variables of the `npm test` run this may be inside. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
const options = (cwd: string) => ({ cwd, env, maxBuffer: 64 * 1024 * 1024 });

let work = "";
let tarball = "";
let consumer = "";

beforeAll(async () => {
  if (!existsSync(join(root, "dist/index.js")) || !existsSync(join(root, "dist/cli.js"))) {
    throw new Error("dist/ is not built: run `npm run build` first (`npm test` does)");
  }
  work = mkdtempSync(join(tmpdir(), "wubi-wuping-pack-"));
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], options(root));
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "");
  consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), `${JSON.stringify({ name: "consumer", version: "0.0.0", private: true }, null, 2)}\n`);
  await run(
    "npm",
    ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--loglevel=error"],
    options(consumer),
  );
}, 120_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("the packed package", () => {
  it("has nothing for publint to report", async () => {
    // The installed copy is exactly the tarball's files, so nothing needs packing again.
    const installed = join(consumer, "node_modules", pkg.name);
    const { messages, pkg: linted } = await publint({ pkgDir: installed, pack: false, strict: true });
    expect(messages.map((m) => formatMessage(m, linted) ?? m.code)).toEqual([]);
  });

  it("has nothing for attw to report (the tarball `attw --pack` would make)", async () => {
    const attw = join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");
    const { stdout } = await run(process.execPath, [attw, tarball, "--format", "json", "--no-color"], options(root)).catch(
      (failure: { stdout?: string }) => ({ stdout: failure.stdout ?? "" }),
    );
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  });

  it("installs a bin that starts with a shebang and is executable", () => {
    const [name, target] = Object.entries(pkg.bin)[0] ?? ["", ""];
    const installed = join(consumer, "node_modules", pkg.name, target);
    expect(readFileSync(installed, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(() => accessSync(join(consumer, "node_modules/.bin", name), constants.X_OK)).not.toThrow();
  });

  it("gives byte-identical result JSON through import, require and the bin", async () => {
    writeFileSync(
      join(consumer, "esm.mjs"),
      `import { readFileSync } from "node:fs";\nimport { score } from "wubi-wuping";\nprocess.stdout.write(JSON.stringify(score(JSON.parse(readFileSync(process.argv[2], "utf8")))) + "\\n");\n`,
    );
    writeFileSync(
      join(consumer, "cjs.cjs"),
      `const { readFileSync } = require("node:fs");\nconst { score } = require("wubi-wuping");\nprocess.stdout.write(JSON.stringify(score(JSON.parse(readFileSync(process.argv[2], "utf8")))) + "\\n");\n`,
    );
    const bin = join(consumer, "node_modules/.bin", Object.keys(pkg.bin)[0] ?? "");
    const [esm, cjs, cli] = await Promise.all([
      run(process.execPath, ["esm.mjs", example], options(consumer)),
      run(process.execPath, ["cjs.cjs", example], options(consumer)),
      run(bin, ["score", example, "--json"], options(consumer)),
    ]);
    const result = JSON.parse(esm.stdout) as { total: string; participant: { id: string } };
    expect(result.participant.id).toBe("cgjdk");
    expect(result.total).toMatch(/^[0-9]+\.[0-9]{2}$/);
    expect(cjs.stdout).toBe(esm.stdout);
    expect(cli.stdout).toBe(esm.stdout);
  });

  it("serves over HTTP from wubi-wuping/service, through import and require alike", async () => {
    const body = (load: string) =>
      `${load}\n(async () => {\n  const service = await startService({ ...SERVICE_DEFAULTS, port: 0, policies: [], log: () => {}, version: "test" });\n  const answer = await fetch(service.url + "/v1/score", { method: "POST", headers: { "content-type": "application/json" }, body: readFileSync(process.argv[2], "utf8") });\n  process.stdout.write(await answer.text());\n  await service.close();\n})();\n`;
    writeFileSync(join(consumer, "service.mjs"), body(`import { readFileSync } from "node:fs";\nimport { startService, SERVICE_DEFAULTS } from "wubi-wuping/service";`));
    writeFileSync(join(consumer, "service.cjs"), body(`const { readFileSync } = require("node:fs");\nconst { startService, SERVICE_DEFAULTS } = require("wubi-wuping/service");`));
    const bin = join(consumer, "node_modules/.bin", Object.keys(pkg.bin)[0] ?? "");
    const [esm, cjs, cli] = await Promise.all([
      run(process.execPath, ["service.mjs", example], options(consumer)),
      run(process.execPath, ["service.cjs", example], options(consumer)),
      run(bin, ["score", example, "--json"], options(consumer)),
    ]);
    expect(esm.stdout).toBe(cli.stdout);
    expect(cjs.stdout).toBe(cli.stdout);
  });

  it("reads a workbook through wubi-wuping/workbook from import and require alike", async () => {
    const workbook = join(root, "test/fixtures/workbook/openpyxl.xlsx");
    const body = `(await readWorkbook(readFileSync(process.argv[2]))).inputs.map((i) => score(i).total).join(",")`;
    writeFileSync(
      join(consumer, "workbook.mjs"),
      `import { readFileSync } from "node:fs";\nimport { score } from "wubi-wuping";\nimport { readWorkbook } from "wubi-wuping/workbook";\nprocess.stdout.write(${body});\n`,
    );
    writeFileSync(
      join(consumer, "workbook.cjs"),
      `const { readFileSync } = require("node:fs");\nconst { score } = require("wubi-wuping");\nconst { readWorkbook } = require("wubi-wuping/workbook");\n(async () => process.stdout.write(${body}))();\n`,
    );
    const [esm, cjs] = await Promise.all([run(process.execPath, ["workbook.mjs", workbook], options(consumer)), run(process.execPath, ["workbook.cjs", workbook], options(consumer))]);
    expect(esm.stdout).toMatch(/^[0-9]+\.[0-9]{2}(,[0-9]+\.[0-9]{2}){7}$/);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it("resolves its types for TypeScript under node16 and bundler resolution", async () => {
    const use = [
      `const result: ScoreResult = score({});`,
      `const total: string = result.total;`,
      `// @ts-expect-error totals are fixed-point strings: a type that fails here is not \`any\``,
      `const wrong: number = result.total;`,
      `const outcome: SafeScoreResult = safeScore({}, { lang: "en" });`,
      `const error: InputError | undefined = outcome.success ? undefined : outcome.error;`,
      `export const used = [total, wrong, error, explain(result)];`,
      `export const read: Promise<ReadWorkbookResult> = readWorkbook(new Uint8Array(0), { lang: "en" });`,
    ].join("\n");
    const imports =
      `import { explain, safeScore, score, InputError, type SafeScoreResult, type ScoreResult } from "wubi-wuping";\n` +
      `import { readWorkbook, type ReadWorkbookResult } from "wubi-wuping/workbook";\n`;
    writeFileSync(join(consumer, "esm.mts"), `${imports}${use}\n`);
    writeFileSync(join(consumer, "cjs.cts"), `${imports}${use}\n`);
    writeFileSync(join(consumer, "app.ts"), `${imports}${use}\n`);
    const base = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false };
    writeFileSync(
      join(consumer, "tsconfig.node16.json"),
      JSON.stringify({ compilerOptions: { ...base, module: "node16", moduleResolution: "node16" }, files: ["esm.mts", "cjs.cts"] }),
    );
    writeFileSync(
      join(consumer, "tsconfig.bundler.json"),
      JSON.stringify({ compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" }, files: ["app.ts"] }),
    );
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const check = (project: string) =>
      run(process.execPath, [tsc, "-p", project], options(consumer)).then(
        () => "",
        (failure: { stdout?: string }) => failure.stdout ?? "tsc failed",
      );
    const [node16, bundler] = await Promise.all([check("tsconfig.node16.json"), check("tsconfig.bundler.json")]);
    expect(node16).toBe("");
    expect(bundler).toBe("");
  });
});
