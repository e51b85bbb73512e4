import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  resolve: {
    // The packages of this repository by their names, from source, as tsconfig.json's paths: one
    // copy of each module in a test process, whichever package imports it. (The tests of the
    // packed tarballs, test/package/, run the built packages in processes of their own.)
    alias: [
      { find: /^wubi-wuping$/, replacement: at("src/index.ts") },
      { find: /^wubi-wuping\/sensitivity$/, replacement: at("src/sensitivity.ts") },
      { find: /^wubi-wuping\/chart$/, replacement: at("src/chart/index.ts") },
      { find: /^wubi-wuping\/formats$/, replacement: at("src/formats/index.ts") },
      { find: /^@wubi-wuping\/workbook$/, replacement: at("packages/workbook/src/index.ts") },
      { find: /^@wubi-wuping\/service$/, replacement: at("packages/service/src/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "threads",
  },
});
