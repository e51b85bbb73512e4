import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "tsup";
import type { Plugin } from "esbuild";

/**
 * The workbook entry imports the main entry's public surface by the package's own name, so an
 * application using both loads the core once (and `instanceof InputError` holds across them).
 */
const mainEntryByName: Plugin = {
  name: "main-entry-by-name",
  setup(build) {
    const main = resolve("src/index.ts");
    build.onResolve({ filter: /\/index\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")) === main ? { path: "wubi-wuping", external: true } : undefined,
    );
  },
};

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

export default defineConfig([
  {
    entry: { index: "src/index.ts", chart: "src/chart/index.ts", sensitivity: "src/sensitivity.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // The workbook entry: its own build, so the main entry's output and budgets stay as they are.
    entry: { workbook: "src/workbook/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    external: ["exceljs", "wubi-wuping"],
    esbuildPlugins: [mainEntryByName],
  },
  {
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    define: { PACKAGE_VERSION: JSON.stringify(version) },
  },
  {
    // `wubi-wuping/service`: the HTTP service, its own entry so the main entry stays pure.
    entry: { service: "src/service/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    platform: "node",
    // Rollup's interop, as for the main entry: zod's locale modules are read through `.default`.
    treeshake: true,
    define: { PACKAGE_VERSION: JSON.stringify(version) },
  },
]);
