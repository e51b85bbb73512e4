import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // The core by its package name (a peer dependency): one copy of the engine beside the CLI.
  external: ["wubi-wuping", /^wubi-wuping\//],
});
