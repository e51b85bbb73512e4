/**
 * The `wubi-wuping/chart` entry: pure like the main entry (a browser bundle of it imports no Node
 * module), and kept out of the main entry, whose budget a scoring-only page pays.
 */
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { import: { default: string } }> };

describe("the chart entry", () => {
  const entry = join(root, (pkg.exports["./chart"] as { import: { default: string } }).import.default);
  if (!existsSync(entry)) throw new Error(`${entry} is not built: run \`npm run build\` first`);

  it("bundles for a browser without any Node module, and the main entry carries none of it", async () => {
    const builtins = new Set(builtinModules);
    const result = await build({
      stdin: { contents: `import { sensitivityChart } from ${JSON.stringify(entry)};\nglobalThis.draw = sensitivityChart;\n`, resolveDir: root, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
      plugins: [
        {
          name: "no-node",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) =>
              args.path.startsWith("node:") || builtins.has(args.path) ? { errors: [{ text: `imports the Node module ${args.path}` }] } : undefined,
            );
          },
        },
      ],
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    console.info(`chart page: ${(gzipSync(code, { level: 9 }).length / 1000).toFixed(1)} kB gzipped`);
    expect(code.length).toBeGreaterThan(0);
    expect(readFileSync(join(root, "dist/index.js"), "utf8")).not.toContain("名次对假定参数的敏感性");
  });
});
