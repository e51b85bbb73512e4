import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", worker: "src/worker.ts" },
  // `import.meta.url` in the CommonJS build too: the pool finds worker.js beside the module.
  shims: true,
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "node20",
  platform: "node",
  treeshake: true,
  // The core by its package name (a peer dependency): one copy of the engine beside the CLI.
  external: ["wubi-wuping", /^wubi-wuping\//],
});
