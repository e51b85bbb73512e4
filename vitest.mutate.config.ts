/**
 * The tests `npm run mutate` runs against each mutant: the ones that exercise src/model, src/core
 * and the arithmetic in process (no build, no child processes, no reading of the source text),
 * so a mutant is judged in seconds.
 */
import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

export default defineConfig({
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  test: {
    include: [
      "test/model/**/*.test.ts",
      "test/api/**/*.test.ts",
      "test/core/**/*.test.ts",
      "test/decimal*.test.ts",
      "test/decimal/**/*.test.ts",
      "test/conformance.test.ts",
      "test/robustness/values.test.ts",
      "test/robustness/keys.test.ts",
      "test/robustness/exact-sum.test.ts",
    ],
    testTimeout: 60_000,
    pool: "threads",
  },
});
