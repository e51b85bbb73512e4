/**
 * `npm run bench`: what validating and scoring costs next to reading the input.
 *
 * Generates a seeded set of realistic participant-years as NDJSON text and measures, in this one
 * process, several times each (medians): (1) `JSON.parse` of every line, the floor; (2) `safeScore`
 * of every parsed input; (3) the same scoring done naively with floats (`bench/naive.ts`). Then the
 * scaling from 10,000 to 100,000 inputs, and the CLI's `score --batch` on 1,000,000 lines.
 *
 * Options (after `--`): `--count N` (default 100000), `--runs N` (default 7), `--batch-lines N`
 * (default 1000000, 0 to skip the CLI).
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { safeScore } from "../src/index.js";
import { generateNdjson } from "./generate.js";
import { naiveScore, type NaiveInput } from "./naive.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
}

const COUNT = option("count", 100_000);
const RUNS = option("runs", 7);
const BATCH_LINES = option("batch-lines", 1_000_000);
const CLI = join(process.cwd(), "dist", "cli.js");

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Runs `work` `runs` times after one warm-up and returns the median milliseconds. */
function measure(runs: number, work: () => number): number {
  let sink = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    sink += work();
    times.push(performance.now() - start);
  }
  if (sink === -1) console.log("unreachable");
  return median(times);
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const rate = (count: number, ms: number): string => `${fmt((count / ms) * 1000)} /s`;

function parseAll(lines: readonly string[]): unknown[] {
  const out = new Array<unknown>(lines.length);
  for (let i = 0; i < lines.length; i += 1) out[i] = JSON.parse(lines[i] as string);
  return out;
}

function scoreAll(inputs: readonly unknown[], count = inputs.length): number {
  let ok = 0;
  for (let i = 0; i < count; i += 1) if (safeScore(inputs[i]).success) ok += 1;
  return ok;
}

function naiveAll(inputs: readonly unknown[]): number {
  let n = 0;
  for (const input of inputs) n += (naiveScore(input as NaiveInput)["total"] as string).length;
  return n;
}

function cpuModel(): string {
  return cpus()[0]?.model.trim() ?? "unknown";
}

/** Whether the built CLI has `score --batch` (it is being written separately). */
function batchAvailable(): boolean {
  if (!existsSync(CLI)) return false;
  const help = spawnSync(process.execPath, [CLI, "score", "--help"], { encoding: "utf8" });
  return `${help.stdout}${help.stderr}`.includes("--batch");
}

/** Runs `score --batch` on `lines` NDJSON lines; returns wall milliseconds, peak RSS (MB), output lines. */
async function runBatch(ndjson: string, lines: number): Promise<{ ms: number; rssMb: number; outLines: number; errors: number }> {
  const dir = mkdtempSync(join(tmpdir(), "wubi-bench-"));
  try {
    const file = join(dir, "input.ndjson");
    const perCopy = ndjson.split("\n").filter((l) => l !== "").length;
    const out = createWriteStream(file);
    for (let written = 0; written < lines; written += perCopy) {
      const take = Math.min(perCopy, lines - written);
      const chunk = take === perCopy ? ndjson : `${ndjson.split("\n").slice(0, take).join("\n")}\n`;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    // The child reports its own peak RSS (getrusage maxrss) when it exits.
    const rssFile = join(dir, "rss.txt");
    const preload = join(dir, "rss.cjs");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const outFile = join(dir, "out.ndjson");
    const start = performance.now();
    const child = spawn(process.execPath, ["--require", preload, CLI, "score", "--batch", file], { stdio: ["ignore", openSync(outFile, "w"), "inherit"] });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const ms = performance.now() - start;
    if (code !== 0) throw new Error(`score --batch exited with ${String(code)}`);
    const rssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
    let outLines = 0;
    let errors = 0;
    const text = readFileSync(outFile, "latin1");
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) outLines += 1;
    for (let at = text.indexOf('{"line":'); at >= 0; at = text.indexOf('{"line":', at + 1)) errors += 1;
    return { ms, rssMb, outLines, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`wubi-wuping bench — Node ${process.version}, ${cpus().length} CPUs (${cpuModel()}), ${COUNT.toLocaleString("en-US")} inputs, median of ${RUNS} runs`);
  const ndjson = generateNdjson(COUNT);
  const lines = ndjson.split("\n").filter((l) => l !== "");
  console.log(`input: ${fmt(lines.length)} lines, ${fmt(ndjson.length / 1024 / 1024, 1)} MB of NDJSON text (${fmt(ndjson.length / lines.length)} chars a line)`);
  const inputs = parseAll(lines);
  const ok = scoreAll(inputs);
  if (ok !== inputs.length) throw new Error(`only ${ok} of ${inputs.length} generated inputs scored`);

  const parseMs = measure(RUNS, () => parseAll(lines).length);
  const scoreMs = measure(RUNS, () => scoreAll(inputs));
  const naiveMs = measure(RUNS, () => naiveAll(inputs));
  const pipelineMs = measure(Math.max(3, RUNS >> 1), () => {
    let bytes = 0;
    for (const line of lines) {
      const outcome = safeScore(JSON.parse(line));
      if (outcome.success) bytes += JSON.stringify(outcome.data).length;
    }
    return bytes;
  });
  console.log("");
  console.log(`(1) JSON.parse            ${fmt(parseMs, 1).padStart(9)} ms  ${rate(lines.length, parseMs).padStart(12)}`);
  console.log(`(2) safeScore             ${fmt(scoreMs, 1).padStart(9)} ms  ${rate(lines.length, scoreMs).padStart(12)}`);
  console.log(`(3) naive float scoring   ${fmt(naiveMs, 1).padStart(9)} ms  ${rate(lines.length, naiveMs).padStart(12)}`);
  console.log(`    parse+score+stringify ${fmt(pipelineMs, 1).padStart(9)} ms  ${rate(lines.length, pipelineMs).padStart(12)}`);
  console.log("");
  const ratio = scoreMs / parseMs;
  console.log(`ratio (2)/(1) = ${fmt(ratio, 2)}  (target ≤ 2.00: ${ratio <= 2 ? "met" : "NOT met"})`);
  console.log(`ratio (3)/(1) = ${fmt(naiveMs / parseMs, 2)}   ratio (2)/(3) = ${fmt(scoreMs / naiveMs, 2)}`);

  if (lines.length >= 100_000) {
    const small = measure(RUNS * 3, () => scoreAll(inputs, 10_000));
    const large = measure(RUNS, () => scoreAll(inputs, 100_000));
    const scaling = large / small;
    console.log(`scaling: 10,000 in ${fmt(small, 1)} ms, 100,000 in ${fmt(large, 1)} ms, ratio ${fmt(scaling, 2)} (target 9–11: ${scaling >= 9 && scaling <= 11 ? "met" : "NOT met"})`);
  }

  if (BATCH_LINES > 0) {
    console.log("");
    if (!batchAvailable()) {
      console.log(`score --batch: not available in ${CLI} yet (run \`npm run build\` once it exists); skipped`);
    } else {
      const batch = await runBatch(ndjson, BATCH_LINES);
      const throughput = (BATCH_LINES / batch.ms) * 1000;
      const inProcess = (lines.length / scoreMs) * 1000;
      const pipeline = (lines.length / pipelineMs) * 1000;
      console.log(`score --batch: ${fmt(BATCH_LINES)} lines in ${fmt(batch.ms / 1000, 2)} s = ${fmt(throughput)} /s, peak RSS ${fmt(batch.rssMb, 1)} MB, ${fmt(batch.outLines)} lines out (${fmt(batch.errors)} errors)`);
      console.log(`  vs in-process safeScore ${fmt(throughput / inProcess, 2)}×, vs in-process parse+score+stringify ${fmt(throughput / pipeline, 2)}× (target ≥ 0.5 of safeScore: ${throughput / inProcess >= 0.5 ? "met" : "NOT met"}); RSS target < 200 MB: ${batch.rssMb < 200 ? "met" : "NOT met"}`);
      if (batch.outLines !== BATCH_LINES || batch.errors !== 0) throw new Error("score --batch did not answer every line with a result");
    }
  }
}

await main();
