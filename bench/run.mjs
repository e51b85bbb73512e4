// `npm run bench`: Node 20 runs no TypeScript, so esbuild (the copy tsup brings) bundles
// bench/bench.ts into a temporary .mjs, which then runs in one process. Arguments are passed on;
// `--profile` adds `node --cpu-prof` and says where the profile went.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "wubi-bench-build-"));
const outfile = join(dir, "bench.mjs");
const profile = process.argv.includes("--profile");
try {
  await build({ entryPoints: ["bench/bench.ts"], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" });
  const profileDir = join(tmpdir(), `wubi-bench-profile-${process.pid}`);
  const flags = profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const run = spawnSync(process.execPath, [...flags, outfile, ...process.argv.slice(2)], { stdio: "inherit" });
  if (profile) console.log(`CPU profile: ${profileDir}`);
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
