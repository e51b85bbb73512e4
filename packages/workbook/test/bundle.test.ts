/**
 * `@wubi-wuping/workbook` in a browser: bundled by esbuild from the built package (ExcelJS through its
 * `browser` build), it reaches no Node module, and its size is known: ExcelJS is most of it.
 */
import { build, type Plugin } from "esbuild";
import { existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const WORKBOOK = "packages/workbook/dist/index.js";
// 340 kB until the core took decimal.js and date-fns (issue #20) and the ballot reader came (issue #22).
const BUDGET_GZIPPED = 360_000;

const noNode: Plugin = {
  name: "no-node",
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /^(wubi-wuping(\/formats)?|@wubi-wuping\/workbook)$/ }, (args) => ({
      path: join(root, args.path === "@wubi-wuping/workbook" ? WORKBOOK : args.path === "wubi-wuping" ? "dist/index.js" : "dist/formats.js"),
    }));
    b.onResolve({ filter: /.*/ }, (args) =>
      args.path.startsWith("node:") || builtins.has(args.path) ? { errors: [{ text: `${args.importer} imports the Node module "${args.path}"` }] } : undefined,
    );
  },
};

describe.runIf(existsSync(join(root, WORKBOOK)))("the workbook entry in a browser bundle", () => {
  it(`bundles with no Node module, within ${BUDGET_GZIPPED / 1000} kB gzipped, ExcelJS's browser build included once`, async () => {
    const result = await build({
      stdin: { contents: 'export { readWorkbook, writeTemplate, writeResults } from "@wubi-wuping/workbook";', resolveDir: root, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [noNode],
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    expect(gzipSync(code).length).toBeLessThan(BUDGET_GZIPPED);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes("exceljs"))).toEqual(["node_modules/exceljs/dist/exceljs.min.js"]);
    expect(inputs).toEqual(expect.arrayContaining(["dist/index.js", WORKBOOK]));
  });
});
