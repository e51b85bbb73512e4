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
    // One test file at a time per processor, all of them: Vitest's default for `vitest run` is one
    // fewer than the processors, which on a 2-core machine runs the files one after another (most
    // of them wait on Chromium, LibreOffice, npm or a server as much as they compute).
    maxWorkers: "100%",
    // The files share their worker's modules instead of importing the engine afresh each (half the
    // time of the small files went to that). No test relies on a fresh module graph: the one that
    // needs the library loaded anew does so itself (vi.resetModules, test/core/decimal-isolation),
    // the stubs are undone (below, and in each file), and the limits of memory and stack are
    // measured in processes of their own.
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
