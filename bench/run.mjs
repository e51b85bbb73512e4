// Runs bench/bench.ts: Node 20 cannot run TypeScript, so esbuild (the copy tsup brings) bundles it
// to a temporary .mjs first. `--profile` writes a CPU profile (node --cpu-prof) to ./bench-profile/.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "wubi-bench-build-"));
const outfile = join(dir, "bench.mjs");
try {
  await build({
    entryPoints: ["bench/bench.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    logLevel: "warning",
  });
  const profile = process.argv.includes("--profile") ? ["--cpu-prof", "--cpu-prof-dir=bench-profile"] : [];
  const run = spawnSync(process.execPath, [...profile, "--enable-source-maps", outfile, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
