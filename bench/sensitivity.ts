/**
 * The sensitivity part of `npm run bench`: `sensitivity` of 100 bodies with the default 1,000
 * samples against 1,000 × `safeScore` of the same 100 inputs (target: at most half), and 100,000
 * samples run in a child process whose heap is capped (memory bounded by the bodies, not samples).
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { definePolicy, safeScore } from "../src/index.js";
import { sensitivity } from "../src/sensitivity.js";
import { generateLines } from "./generate.js";

const HEAP_CAP_MB = 48;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/** 100 valid bodies of one year (2022) with distinct ids, from the benchmark's seeded generator. */
export function hundredBodies(): unknown[] {
  const bodies: unknown[] = [];
  for (const line of generateLines(1_000)) {
    const input = JSON.parse(line) as { year: number; participant: { id: string } };
    if (input.year !== 2022) continue;
    input.participant.id = `p${String(bodies.length).padStart(3, "0")}`;
    if (safeScore(input).success) bodies.push(input);
    if (bodies.length === 100) break;
  }
  return bodies;
}

/**
 * Prints the figures and whether the target is met.
 *
 * @example
 * ```ts
 * benchSensitivity(5); // sensitivity of 100 bodies, 1,000 samples: 41.3 ms; 1,000 × safeScore of the same 100: 1,203.5 ms; ratio 0.03 (target ≤ 0.50: met)
 * ```
 */
export function benchSensitivity(runs: number): void {
  const bodies = hundredBodies();
  const policy = definePolicy({ id: "bench-quota", excellentQuota: "0.2", tiers: [{ tier: "excellent", min: 85 }, { tier: "competent", min: 70 }] });
  if (process.argv.includes("--sensitivity-memory-child")) {
    console.log(sensitivity(bodies, { policy, samples: 100_000 }).samples === 100_000 ? "ok" : "wrong");
    return;
  }
  let sink = 0;
  const scoreThousand = (): void => {
    for (let k = 0; k < 1_000; k += 1) for (const input of bodies) if (safeScore(input, { policy }).success) sink += 1;
  };
  let scenarios = 0;
  const analyse = (samples: number) => () => {
    const result = sensitivity(bodies, { policy, samples });
    scenarios = 1 + result.oneAtATime.length + result.samples; // the base, one at a time, sampled
    sink += result.participants.length;
  };
  const time = (task: () => void): number => {
    const start = performance.now();
    task();
    return performance.now() - start;
  };
  analyse(1_000)();
  scoreThousand();
  const scoreTimes: number[] = [];
  const sensitivityTimes: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    scoreTimes.push(time(scoreThousand));
    sensitivityTimes.push(time(analyse(1_000)));
  }
  const scoreMs = median(scoreTimes);
  const sensitivityMs = median(sensitivityTimes);
  const ratio = sensitivityMs / scoreMs;
  const fmt = (n: number, digits = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  console.log(`sensitivity of ${bodies.length} bodies, 1,000 samples (${fmt(scenarios, 0)} scenarios): ${fmt(sensitivityMs)} ms`);
  console.log(`1,000 × safeScore of the same ${bodies.length} inputs: ${fmt(scoreMs)} ms`);
  console.log(`  ratio ${fmt(ratio, 3)}  (target ≤ 0.50: ${ratio <= 0.5 ? "met" : "NOT met"})`);
  const t100k = time(analyse(100_000));
  // Memory: 100,000 samples of 100 bodies in a child whose heap is capped at 48 MB. Keeping every
  // scenario's ranks would need 10,000,000 numbers (80 MB and more); per-body tallies need a few kB.
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, process.argv[1] as string, "--sensitivity-memory-child"], { encoding: "utf8" });
  const fits = child.status === 0 && child.stdout.trim() === "ok";
  console.log(`100,000 samples: ${fmt(t100k / 1000, 2)} s; within a ${HEAP_CAP_MB} MB heap: ${fits ? "yes" : `NO (${child.stderr.split("\n")[0] ?? ""})`}`);
  if (sink === -1) console.log("(unreachable)");
}
