/**
 * The size budget of a browser page using the package: the built main entry, bundled by esbuild
 * (the copy tsup brings) for the browser with every dependency, minified and gzipped. A page that
 * uses only `safeScore` stays within 30 kB, one that uses everything within 40 kB — so the main
 * entry must tree-shake — and nothing may import a `node:` module.
 */
import { build, type Metafile, type Plugin } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  exports: { ".": { import: { default: string } } };
};
/** The file a bundler reaches for `import … from "wubi-wuping"`: the `import` condition. */
const entry = join(root, pkg.exports["."].import.default);

// The whole main entry carries the tally since SPEC §13 (decision T9): 40 kB before it.
const BUDGET = { safeScore: 30_000, everything: 50_000 } as const;

/** Resolves the package to its built entry, and refuses any Node built-in, `node:` or bare. */
const resolve: Plugin = {
  name: "package-and-no-node",
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${pkg.name}$`) }, () => ({ path: entry }));
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /.*/ }, (args) =>
      args.path.startsWith("node:") || builtins.has(args.path)
        ? { errors: [{ text: `${args.importer} imports the Node module "${args.path}"` }] }
        : undefined,
    );
  },
};

interface Page {
  readonly gzipped: number;
  readonly minified: number;
  /** Bytes each source file contributes to the output (0 for a file tree-shaken away). */
  readonly inputs: Readonly<Record<string, number>>;
}

async function page(source: string): Promise<Page> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [resolve],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output: Metafile["outputs"][string] | undefined = Object.values(result.metafile.outputs)[0];
  const inputs = Object.fromEntries(Object.entries(output?.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0).map(([path, i]) => [path, i.bytesInOutput]));
  return { gzipped: gzipSync(code, { level: 9 }).length, minified: code.length, inputs };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

describe("a browser page using the package", () => {
  if (!existsSync(entry)) throw new Error(`${entry} is not built: run \`npm run build\` first (\`npm test\` does)`);

  it(`that imports only safeScore is at most ${kB(BUDGET.safeScore)} gzipped`, async () => {
    const p = await page(`import { safeScore } from "${pkg.name}";\nglobalThis.result = safeScore(globalThis.input);\n`);
    console.info(`safeScore-only page: ${kB(p.minified)} minified, ${kB(p.gzipped)} gzipped`);
    expect(p.gzipped).toBeLessThanOrEqual(BUDGET.safeScore);
  });

  it(`that imports everything from the main entry is at most ${kB(BUDGET.everything)} gzipped`, async () => {
    const p = await page(`import * as all from "${pkg.name}";\nglobalThis.all = all;\nglobalThis.names = Object.keys(all);\n`);
    console.info(`everything page: ${kB(p.minified)} minified, ${kB(p.gzipped)} gzipped`);
    expect(p.gzipped).toBeLessThanOrEqual(BUDGET.everything);
  });

  it("bundles no date library (the calendar is the Gregorian leap-year rule in src/dates.ts) and no locale of zod's (the library renders its own messages)", async () => {
    const p = await page(`import * as all from "${pkg.name}";\nglobalThis.all = all;\n`);
    const locales = Object.keys(p.inputs).filter((path) => /zod\/v4\/locales\/(?!index)/.test(path));
    expect(locales).toEqual([]);
    expect(Object.keys(p.inputs).filter((path) => /date-fns\//.test(path))).toEqual([]);
  });
});
