/**
 * The built executable `dist/cli.js` run as a process: exit codes, stdout and stderr, and no stack
 * trace for a user's mistake.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILT, spawnCli } from "./run.js";

const STACK = /\n\s+at .+:[0-9]+:[0-9]+/;

describe.skipIf(!BUILT)("the wubi-wuping executable", () => {
  it("prints the version of the package", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(spawnCli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("scores a file to stdout with exit 0", () => {
    const run = spawnCli(["score", "examples/2022/cgjdk.json", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(readFileSync("examples/2022/expected/cgjdk.json", "utf8"));
  });

  it("reads stdin for -", () => {
    const run = spawnCli(["score", "-", "--lang", "en"], readFileSync("examples/2022/cgjdk.json"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Total: 93.51 + 1.00 = 94.51");
  });

  it("exits 1 with one line on stderr and nothing on stdout for a missing file, a directory and a bad file", () => {
    for (const argv of [["score", "missing.json"], ["score", "examples"], ["score", "test/fixtures/bad-inputs/truncated.json"], ["verify", "examples/2022/cgjdk.json", "package.json"]]) {
      const run = spawnCli(argv);
      expect(run.code, argv.join(" ")).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trimEnd().split("\n"), argv.join(" ")).toHaveLength(1);
      expect(run.stderr).not.toMatch(STACK);
    }
  });

  it("exits 2 with one line for an unknown flag", () => {
    const run = spawnCli(["score", "examples/2022/cgjdk.json", "--fast", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("wubi-wuping score: unknown option --fast (see wubi-wuping score --help)\n");
  });

  it("exits 1 for a verify mismatch, printing the differences on stdout", () => {
    const edited = readFileSync("examples/2022/expected/cgjdk.json", "utf8").replace('"daily":"47.14"', '"daily":"47.15"');
    const run = spawnCli(["verify", "examples/2022/cgjdk.json", "-", "--lang", "en"], edited);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('daily: recomputed "47.14", file has "47.15"\n');
    expect(run.stderr).toMatch(/^mismatch: /);
  });
});
