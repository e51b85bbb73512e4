import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // The version in the results workbook's author field (`wubi-wuping 0.2.0`).
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // The core by its package name (a peer dependency): one copy of the engine beside the CLI.
  external: ["wubi-wuping", /^wubi-wuping\//],
});
