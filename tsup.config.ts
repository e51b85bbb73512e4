import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** The library's entries (the main entry pure: it runs in a browser). */
const library = {
  index: "src/index.ts",
  sensitivity: "src/sensitivity.ts",
  chart: "src/chart/index.ts",
  formats: "src/formats/index.ts",
};

/**
 * The front-end packages the CLI loads when a command needs them (docs/cli.md): never bundled, so
 * the core installs without them and a command whose package is absent says which one to install.
 */
const frontEnds = ["@wubi-wuping/workbook", "@wubi-wuping/service"];

export default defineConfig([
  {
    // The library and the CLI as one ES module build: the entries share their chunks, so a process
    // that runs the CLI and the front-end packages beside it holds one copy of the engine.
    // `batch-worker` is the scoring thread of `score --batch --jobs N`, loaded beside the CLI.
    entry: { ...library, cli: "src/cli/bin.ts", "batch-worker": "src/cli/batch-worker.ts" },
    format: ["esm"],
    splitting: true,
    sourcemap: false,
    clean: true,
    target: "es2022",
    platform: "neutral",
    external: [/^node:/, ...frontEnds],
    define: { PACKAGE_VERSION: JSON.stringify(version) },
  },
  {
    // For `require`: the same entries as CommonJS, sharing their chunks too.
    entry: library,
    format: ["cjs"],
    splitting: true,
    sourcemap: false,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The declarations of the library's entries, for `import` (.d.ts) and `require` (.d.cts): one
    // TypeScript program written out twice, where a `dts` in each build above compiled it twice.
    entry: library,
    format: ["esm", "cjs"],
    dts: { entry: library, only: true },
    target: "es2022",
    platform: "neutral",
  },
]);
