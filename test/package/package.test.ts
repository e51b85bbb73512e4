/**
 * The packages as users get them: `npm pack` of the built core, `@wubi-wuping/workbook` and
 * `@wubi-wuping/service` (npm test builds first), each linted by publint and "are the types wrong?",
 * and installed into fresh projects: the core alone (exactly the core, zod, decimal.js and
 * date-fns), the core with the workbook, the core with the service. Each is used from ESM, from
 * CommonJS, through the core's `bin`, and from TypeScript under `node16` and `bundler` resolution.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
const workbookFile = join(root, "test/fixtures/workbook/openpyxl.xlsx");

/** The environment without the `npm_*` variables of the `npm test` run this may be inside. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
const options = (cwd: string) => ({ cwd, env, maxBuffer: 64 * 1024 * 1024 });

/** The core's unpacked tarball may hold at most this many bytes. */
const CORE_BUDGET = 2_500_000;

interface Packed {
  readonly dir: string;
  readonly name: string;
  readonly tarball: string;
  readonly unpackedSize: number;
  readonly files: readonly string[];
}

const PACKAGES = { core: root, workbook: join(root, "packages/workbook"), service: join(root, "packages/service") } as const;
type PackageKey = keyof typeof PACKAGES;

let work = "";
const packed = {} as Record<PackageKey, Packed>;
const consumers = { core: "", workbook: "", service: "" } as Record<PackageKey, string>;

/** The names of every package installed under `node_modules` (scoped ones as `@scope/name`). */
function installedPackages(dir: string): string[] {
  const modules = join(dir, "node_modules");
  return readdirSync(modules)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => (name.startsWith("@") ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))
    .sort();
}

async function consumerWith(name: string, tarballs: readonly string[]): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: `consumer-${name}`, version: "0.0.0", private: true }, null, 2)}\n`);
  await run("npm", ["install", ...tarballs, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--loglevel=error"], options(dir));
  return dir;
}

beforeAll(async () => {
  for (const dir of Object.values(PACKAGES)) {
    if (!existsSync(join(dir, "dist/index.js"))) throw new Error(`${dir}/dist is not built: run \`npm run build\` first (\`npm test\` does)`);
  }
  work = mkdtempSync(join(tmpdir(), "wubi-wuping-pack-"));
  for (const [key, dir] of Object.entries(PACKAGES) as [PackageKey, string][]) {
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], options(dir));
    const [info] = JSON.parse(stdout) as { name: string; filename: string; unpackedSize: number; files: { path: string }[] }[];
    if (info === undefined) throw new Error(`npm pack gave nothing for ${dir}`);
    packed[key] = { dir, name: info.name, tarball: join(work, info.filename), unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path) };
  }
  const core = packed.core.tarball;
  [consumers.core, consumers.workbook, consumers.service] = await Promise.all([
    consumerWith("core", [core]),
    consumerWith("workbook", [core, packed.workbook.tarball]),
    consumerWith("service", [core, packed.service.tarball]),
  ]);
}, 300_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
}, 120_000);

const bin = (consumer: string): string => join(consumer, "node_modules/.bin/wubi-wuping");

describe("the packed packages", () => {
  for (const key of Object.keys(PACKAGES) as PackageKey[]) {
    it(`${key}: has nothing for publint to report`, async () => {
      const installed = join(consumers[key], "node_modules", packed[key].name);
      const { messages, pkg } = await publint({ pkgDir: installed, pack: false, strict: true });
      expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
    });

    it(`${key}: has nothing for attw to report (the tarball \`attw --pack\` would make)`, async () => {
      const attw = join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");
      const { stdout } = await run(process.execPath, [attw, packed[key].tarball, "--format", "json", "--no-color"], options(root)).catch(
        (failure: { stdout?: string }) => ({ stdout: failure.stdout ?? "" }),
      );
      const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
      expect(report.analysis.problems).toEqual([]);
    });

    it(`${key}: ships no source maps and no page`, () => {
      expect(packed[key].files.filter((path) => /\.map$|\.html$/.test(path))).toEqual([]);
    });
  }

  it(`unpacks the core to at most ${CORE_BUDGET / 1e6} MB`, () => {
    for (const key of Object.keys(PACKAGES) as PackageKey[]) console.info(`${packed[key].name}: unpacked ${(packed[key].unpackedSize / 1e6).toFixed(2)} MB, ${packed[key].files.length} files`);
    expect(packed.core.unpackedSize).toBeLessThanOrEqual(CORE_BUDGET);
  });
});

describe("the core installed alone", () => {
  it("installs exactly four packages: the core, zod, decimal.js and date-fns", () => {
    expect(installedPackages(consumers.core)).toEqual(["date-fns", "decimal.js", "wubi-wuping", "zod"]);
  });

  it("installs a bin that starts with a shebang and is executable", () => {
    const installed = join(consumers.core, "node_modules/wubi-wuping/dist/cli.js");
    expect(readFileSync(installed, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(() => accessSync(bin(consumers.core), constants.X_OK)).not.toThrow();
  });

  it("gives byte-identical result JSON through import, require and the bin", async () => {
    const consumer = consumers.core;
    writeFileSync(
      join(consumer, "esm.mjs"),
      `import { readFileSync } from "node:fs";\nimport { score } from "wubi-wuping";\nprocess.stdout.write(JSON.stringify(score(JSON.parse(readFileSync(process.argv[2], "utf8")))) + "\\n");\n`,
    );
    writeFileSync(
      join(consumer, "cjs.cjs"),
      `const { readFileSync } = require("node:fs");\nconst { score } = require("wubi-wuping");\nprocess.stdout.write(JSON.stringify(score(JSON.parse(readFileSync(process.argv[2], "utf8")))) + "\\n");\n`,
    );
    const [esm, cjs, cli] = await Promise.all([
      run(process.execPath, ["esm.mjs", example], options(consumer)),
      run(process.execPath, ["cjs.cjs", example], options(consumer)),
      run(bin(consumer), ["score", example, "--json"], options(consumer)),
    ]);
    const result = JSON.parse(esm.stdout) as { total: string; participant: { id: string } };
    expect(result.participant.id).toBe("cgjdk");
    expect(result.total).toMatch(/^[0-9]+\.[0-9]{2}$/);
    expect(cjs.stdout).toBe(esm.stdout);
    expect(cli.stdout).toBe(esm.stdout);
  });

  const missing: readonly (readonly [string[], string])[] = [
    [["import", workbookFile], "@wubi-wuping/workbook"],
    [["template"], "@wubi-wuping/workbook"],
    [["serve", "--port", "0"], "@wubi-wuping/service"],
  ];
  for (const [args, name] of missing) {
    it(`says in one line which package \`${args[0]}\` needs when it is not installed (exit 2)`, async () => {
      for (const lang of ["zh", "en"] as const) {
        const failure = await run(bin(consumers.core), [...args, ...(lang === "en" ? ["--lang", "en"] : [])], options(consumers.core)).then(
          () => ({ code: 0, stderr: "", stdout: "" }),
          (f: { code: number; stderr: string; stdout: string }) => f,
        );
        expect(failure.code).toBe(2);
        expect(failure.stdout).toBe("");
        expect(failure.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(failure.stderr).toContain(`npm install ${name}`);
        expect(failure.stderr).toMatch(lang === "zh" ? /尚未安装/ : /is not installed/);
      }
    });
  }

  it("resolves its types for TypeScript under node16 and bundler resolution", async () => {
    const use = [
      `const result: ScoreResult = score({});`,
      `const total: string = result.total;`,
      `// @ts-expect-error totals are fixed-point strings: a type that fails here is not \`any\``,
      `const wrong: number = result.total;`,
      `const outcome: SafeScoreResult = safeScore({}, { lang: "en" });`,
      `const error: InputError | undefined = outcome.success ? undefined : outcome.error;`,
      `export const used = [total, wrong, error, explain(result), rankingCsv(rankingTable([result]))];`,
    ].join("\n");
    const imports =
      `import { explain, safeScore, score, InputError, type SafeScoreResult, type ScoreResult } from "wubi-wuping";\n` +
      `import { rankingCsv, rankingTable } from "wubi-wuping/formats";\n`;
    expect(await typecheck(consumers.core, imports, use)).toEqual({ node16: "", bundler: "" });
  });
});

describe("the core with @wubi-wuping/workbook", () => {
  it("brings exceljs and what it needs, and no service framework", () => {
    const installed = installedPackages(consumers.workbook);
    expect(installed).toEqual(expect.arrayContaining(["@wubi-wuping/workbook", "exceljs", "wubi-wuping"]));
    expect(installed.filter((name) => name === "hono" || name === "@hono/node-server")).toEqual([]);
  });

  it("reads a workbook from import and require alike", async () => {
    const consumer = consumers.workbook;
    const body = `(await readWorkbook(readFileSync(process.argv[2]))).inputs.map((i) => score(i).total).join(",")`;
    writeFileSync(
      join(consumer, "workbook.mjs"),
      `import { readFileSync } from "node:fs";\nimport { score } from "wubi-wuping";\nimport { readWorkbook } from "@wubi-wuping/workbook";\nprocess.stdout.write(${body});\n`,
    );
    writeFileSync(
      join(consumer, "workbook.cjs"),
      `const { readFileSync } = require("node:fs");\nconst { score } = require("wubi-wuping");\nconst { readWorkbook } = require("@wubi-wuping/workbook");\n(async () => process.stdout.write(${body}))();\n`,
    );
    const [esm, cjs] = await Promise.all([run(process.execPath, ["workbook.mjs", workbookFile], options(consumer)), run(process.execPath, ["workbook.cjs", workbookFile], options(consumer))]);
    expect(esm.stdout).toMatch(/^[0-9]+\.[0-9]{2}(,[0-9]+\.[0-9]{2}){7}$/);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it("lets the core's CLI import the workbook, as the library reads it", async () => {
    const { stdout } = await run(bin(consumers.workbook), ["import", workbookFile], options(consumers.workbook));
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(8);
    expect((JSON.parse(lines[0] ?? "{}") as { year: number }).year).toBe(2022);
  });

  it("resolves its types for TypeScript under node16 and bundler resolution", async () => {
    const use = `export const read: Promise<ReadWorkbookResult> = readWorkbook(new Uint8Array(0), { lang: "en" });\nexport const p = xuancheng2022.id;`;
    const imports = `import { xuancheng2022 } from "wubi-wuping";\nimport { readWorkbook, type ReadWorkbookResult } from "@wubi-wuping/workbook";\n`;
    expect(await typecheck(consumers.workbook, imports, use)).toEqual({ node16: "", bundler: "" });
  });
});

describe("the core with @wubi-wuping/service", () => {
  it("brings hono and its Node adapter, and no spreadsheet library", () => {
    const installed = installedPackages(consumers.service);
    expect(installed).toEqual(expect.arrayContaining(["@hono/node-server", "@wubi-wuping/service", "hono", "wubi-wuping"]));
    expect(installed.filter((name) => name === "exceljs")).toEqual([]);
  });

  it("serves over HTTP through import and require alike, with the bytes the CLI prints", async () => {
    const consumer = consumers.service;
    const body = (load: string) =>
      `${load}\n(async () => {\n  const service = await startService({ ...SERVICE_DEFAULTS, port: 0, policies: [], log: () => {}, version: "test" });\n  const answer = await fetch(service.url + "/v1/score", { method: "POST", headers: { "content-type": "application/json" }, body: readFileSync(process.argv[2], "utf8") });\n  process.stdout.write(await answer.text());\n  await service.close();\n})();\n`;
    writeFileSync(join(consumer, "service.mjs"), body(`import { readFileSync } from "node:fs";\nimport { startService, SERVICE_DEFAULTS } from "@wubi-wuping/service";`));
    writeFileSync(join(consumer, "service.cjs"), body(`const { readFileSync } = require("node:fs");\nconst { startService, SERVICE_DEFAULTS } = require("@wubi-wuping/service");`));
    const [esm, cjs, cli] = await Promise.all([
      run(process.execPath, ["service.mjs", example], options(consumer)),
      run(process.execPath, ["service.cjs", example], options(consumer)),
      run(bin(consumer), ["score", example, "--json"], options(consumer)),
    ]);
    expect(esm.stdout).toBe(cli.stdout);
    expect(cjs.stdout).toBe(cli.stdout);
  });

  it("resolves its types for TypeScript under node16 and bundler resolution", async () => {
    const use = `export const started: Promise<Service> = startService({ ...SERVICE_DEFAULTS, port: 0, policies: [xuancheng2022], log: () => {}, version: "t" });`;
    const imports = `import { xuancheng2022 } from "wubi-wuping";\nimport { startService, SERVICE_DEFAULTS, type Service } from "@wubi-wuping/service";\n`;
    // The service's types name Node's (its `Service` holds a `node:http` server): a program that
    // starts it is a Node program with Node's types, here the repository's @types/node.
    expect(await typecheck(consumers.service, imports, use, { types: ["node"], typeRoots: [join(root, "node_modules/@types")] })).toEqual({ node16: "", bundler: "" });
  });
});

/** tsc's complaints about `imports` + `use` in a consumer, as ESM and CJS under node16 and under bundler resolution. */
async function typecheck(consumer: string, imports: string, use: string, more: Record<string, unknown> = {}): Promise<{ node16: string; bundler: string }> {
  writeFileSync(join(consumer, "esm.mts"), `${imports}${use}\n`);
  writeFileSync(join(consumer, "cjs.cts"), `${imports}${use}\n`);
  writeFileSync(join(consumer, "app.ts"), `${imports}${use}\n`);
  // Every declaration file is checked (skipLibCheck false): the packages' and their dependencies'.
  // TypeScript's own lib files are not (skipDefaultLibCheck): the same in each of the six programs,
  // a third of each one's time, and no package here declares a global that could clash with them.
  const base = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false, skipDefaultLibCheck: true, ...more };
  writeFileSync(join(consumer, "tsconfig.node16.json"), JSON.stringify({ compilerOptions: { ...base, module: "node16", moduleResolution: "node16" }, files: ["esm.mts", "cjs.cts"] }));
  writeFileSync(join(consumer, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" }, files: ["app.ts"] }));
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const check = (project: string) =>
    run(process.execPath, [tsc, "-p", project], options(consumer)).then(
      () => "",
      (failure: { stdout?: string }) => failure.stdout ?? "tsc failed",
    );
  const [node16, bundler] = await Promise.all([check("tsconfig.node16.json"), check("tsconfig.bundler.json")]);
  return { node16, bundler };
}
