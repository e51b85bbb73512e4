/**
 * The `wubi-wuping/sensitivity`, `wubi-wuping/chart` and `wubi-wuping/formats` entries: pure like the main entry (a browser
 * bundle of either imports no Node module), and kept out of the main entry, whose budget a page that
 * scores and ranks pays.
 */
import { build, type Plugin } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { import: { default: string } }> };
const builtins = new Set(builtinModules);
const noNode: Plugin = {
  name: "no-node",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.path.startsWith("node:") || builtins.has(args.path) ? { errors: [{ text: `imports the Node module ${args.path}` }] } : undefined,
    );
  },
};

const entries = [
  ["./sensitivity", "compare, sensitivity, sensitivityChart"],
  ["./chart", "sensitivityChart"],
  ["./formats", "rankingTable, rankingCsv, batchLine, LineSplitter, verifyResult, jsonSchemaText"],
] as const;

describe("the sensitivity and chart entries", () => {
  for (const [subpath, names] of entries) {
    it(`${subpath} bundles for a browser without any Node module`, async () => {
      const entry = join(root, (pkg.exports[subpath] as { import: { default: string } }).import.default);
      if (!existsSync(entry)) throw new Error(`${entry} is not built: run \`npm run build\` first`);
      const result = await build({
        stdin: { contents: `import { ${names} } from ${JSON.stringify(entry)};\nglobalThis.x = [${names}];\n`, resolveDir: root, loader: "js" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        logLevel: "silent",
        plugins: [noNode],
      });
      const code = result.outputFiles[0]?.contents ?? new Uint8Array();
      console.info(`${subpath} page: ${(gzipSync(code, { level: 9 }).length / 1000).toFixed(1)} kB gzipped`);
      expect(code.length).toBeGreaterThan(0);
    });
  }

  it("leaves the analysis and the drawing out of the main entry", () => {
    const main = readFileSync(join(root, "dist/index.js"), "utf8");
    expect(main).not.toContain("名次对假定参数的敏感性");
    expect(main).not.toContain("meanAbsRankChange");
  });
});
