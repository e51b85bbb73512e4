/**
 * `npm run bench`: what validating and scoring costs next to reading the input.
 *
 * Generates a seeded set of realistic participant-years as NDJSON lines and measures, in this one
 * process, several times each (medians): (1) `JSON.parse` of every line, keeping nothing, the
 * floor; (2) `safeScore` of every parsed input (held in memory, results dropped); (3) the same
 * scoring done naively with floats (`bench/naive.ts`). The three run interleaved, round by round,
 * so a change in the machine's load hits them alike, and the ratio (2)/(1) is also taken per round. Then the scaling from 10,000 to 100,000 inputs, and
 * the CLI's `score --batch` on 100,000 lines in a child process (throughput and peak RSS).
 *
 * Then `sensitivity` of 100 bodies against 1,000 × `safeScore` of them (bench/sensitivity.ts).
 *
 * Options (after `npm run bench --`): `--count N` (default 100000), `--runs N` (default 7),
 * `--batch-lines N` (default 100000, the size of issue #20's target; 0 skips the CLI), `--sensitivity-only`; `--service-only` runs only the
 * service part (`bench/service.ts`: requests per second over HTTP next to the same work in process);
 * `--tally-only` runs only the tally part (`bench/tally.ts`: ballots per second of `tallyStream`, and
 * `wubi-wuping tally` of a box of `--tally-ballots N` ballots, default 1000000, with its peak RSS).
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, openSync, closeSync, readSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { safeScore } from "../src/index.js";
import { generateLines } from "./generate.js";
import { naiveScore, type NaiveInput } from "./naive.js";
import { serviceBench } from "./service.js";
import { benchSensitivity } from "./sensitivity.js";
import { benchTally } from "./tally.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

const COUNT = option("count", 100_000);
const RUNS = Math.max(1, option("runs", 7));
const BATCH_LINES = option("batch-lines", 100_000);
const TALLY_BALLOTS = option("tally-ballots", 1_000_000);
const CLI = join(process.cwd(), "dist", "cli.js");

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Runs every task once to warm up, then `runs` rounds of every task in turn; milliseconds per task. */
function interleaved(runs: number, tasks: Readonly<Record<string, () => number>>): Record<string, number[]> {
  let sink = 0;
  for (const task of Object.values(tasks)) sink += task();
  const times: Record<string, number[]> = {};
  for (let round = 0; round < runs; round += 1) {
    for (const [name, task] of Object.entries(tasks)) {
      const start = performance.now();
      sink += task();
      (times[name] ??= []).push(performance.now() - start);
    }
  }
  if (sink === -1) console.log("(unreachable)");
  return times;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const perSecond = (count: number, ms: number): number => (count / ms) * 1000;
const row = (label: string, count: number, ms: number): string =>
  `${label.padEnd(30)}${fmt(ms, 1).padStart(10)} ms ${fmt(perSecond(count, ms)).padStart(10)} /s ${fmt((ms / count) * 1000, 2).padStart(8)} µs each`;

function parseAll(lines: readonly string[]): unknown[] {
  const out = new Array<unknown>(lines.length);
  for (let i = 0; i < lines.length; i += 1) out[i] = JSON.parse(lines[i] as string);
  return out;
}

/** The floor: parse every line and keep nothing, as a streaming scorer reads its input. */
function parseEach(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) if (JSON.parse(line) !== null) n += 1;
  return n;
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

/** What the CLI does per line, in process: parse, score, serialise. */
function pipelineAll(lines: readonly string[]): number {
  let bytes = 0;
  for (const line of lines) {
    const outcome = safeScore(JSON.parse(line));
    if (outcome.success) bytes += JSON.stringify(outcome.data).length;
  }
  return bytes;
}

/** Whether the built CLI has `score --batch`. */
function batchAvailable(): boolean {
  if (!existsSync(CLI)) return false;
  const help = spawnSync(process.execPath, [CLI, "score", "--help"], { encoding: "utf8" });
  return `${help.stdout}${help.stderr}`.includes("--batch");
}

/** Counts the lines of a file, and those that are error lines, a block at a time. */
function countOutput(file: string): { lines: number; errors: number } {
  const fd = openSync(file, "r");
  const block = Buffer.alloc(1 << 20);
  const marker = Buffer.from('{"line":');
  let lines = 0;
  let errors = 0;
  let atLineStart = true;
  try {
    for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) {
      for (let i = 0; i < read; i += 1) {
        if (atLineStart && block[i] === marker[0] && block.subarray(i, i + marker.length).equals(marker)) errors += 1;
        atLineStart = block[i] === 10;
        if (atLineStart) lines += 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { lines, errors };
}

interface BatchRun {
  readonly ms: number;
  readonly rssMb: number;
  readonly inputMb: number;
  readonly outLines: number;
  readonly errors: number;
}

/** Runs `score --batch` on `count` lines (the generated lines over and over) in a child process. */
async function runBatch(lines: readonly string[], count: number): Promise<BatchRun> {
  const dir = mkdtempSync(join(tmpdir(), "wubi-bench-"));
  try {
    const file = join(dir, "input.ndjson");
    const out = createWriteStream(file);
    for (let written = 0; written < count; ) {
      const take = Math.min(1000, count - written);
      const chunk: string[] = [];
      for (let i = 0; i < take; i += 1) chunk.push(lines[(written + i) % lines.length] as string);
      written += take;
      if (!out.write(`${chunk.join("\n")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    // The child reports its own peak RSS (getrusage's maxrss) as it exits.
    const rssFile = join(dir, "rss.txt");
    const preload = join(dir, "rss.cjs");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const outFile = join(dir, "out.ndjson");
    const outFd = openSync(outFile, "w");
    const start = performance.now();
    const child = spawn(process.execPath, ["--require", preload, CLI, "score", "--batch", file], { stdio: ["ignore", outFd, "inherit"] });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const ms = performance.now() - start;
    closeSync(outFd);
    if (code !== 0) throw new Error(`score --batch exited with ${String(code)}`);
    const counted = countOutput(outFile);
    return { ms, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024, inputMb: statSync(file).size / 1e6, outLines: counted.lines, errors: counted.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--sensitivity-only") || process.argv.includes("--sensitivity-memory-child")) return benchSensitivity(RUNS);
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(`wubi-wuping bench: Node ${process.version}, ${cpus().length} CPUs (${cpu}), ${fmt(COUNT)} participant-years, median of ${RUNS} rounds`);
  const started = performance.now();
  const lines = generateLines(COUNT);
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  console.log(`input: ${fmt(lines.length)} NDJSON lines, ${fmt(chars / lines.length)} characters a line on average (generated in ${fmt((performance.now() - started) / 1000, 1)} s)`);
  const inputs = parseAll(lines);
  const ok = scoreAll(inputs);
  if (ok !== inputs.length) throw new Error(`only ${ok} of ${inputs.length} generated inputs scored`);

  const times = interleaved(RUNS, {
    parse: () => parseEach(lines),
    score: () => scoreAll(inputs),
    naive: () => naiveAll(inputs),
  });
  const parseMs = median(times["parse"] ?? []);
  const scoreMs = median(times["score"] ?? []);
  const naiveMs = median(times["naive"] ?? []);
  const pairedRatio = median((times["score"] ?? []).map((t, i) => t / ((times["parse"] ?? [])[i] ?? t)));
  const pipelineMs = median(interleaved(Math.max(3, RUNS >> 1), { pipeline: () => pipelineAll(lines) })["pipeline"] ?? []);

  console.log("");
  console.log(row("(1) JSON.parse (floor)", lines.length, parseMs));
  console.log(row("(2) safeScore", lines.length, scoreMs));
  console.log(row("(3) naive float scoring", lines.length, naiveMs));
  console.log(row("parse + safeScore + stringify", lines.length, pipelineMs));
  console.log("");
  const ratio = scoreMs / parseMs;
  // The target of issue #20 (the score on decimal.js): validate + score ≤ 2.5 × the parse.
  console.log(`ratio (2)/(1) = ${fmt(ratio, 2)} of medians, ${fmt(pairedRatio, 2)} median of rounds  (target ≤ 2.50: ${Math.max(ratio, pairedRatio) <= 2.5 ? "met" : "NOT met"})`);
  console.log(`ratio (3)/(1) = ${fmt(naiveMs / parseMs, 2)}, (2)/(3) = ${fmt(scoreMs / naiveMs, 2)}`);

  if (lines.length >= 100_000) {
    const scaling = interleaved(RUNS, { small: () => scoreAll(inputs, 10_000), large: () => scoreAll(inputs, 100_000) });
    const small = median(scaling["small"] ?? []);
    const large = median(scaling["large"] ?? []);
    const factor = large / small;
    console.log(`scaling: 10,000 in ${fmt(small, 1)} ms, 100,000 in ${fmt(large, 1)} ms: ratio ${fmt(factor, 2)}  (target 9–11: ${factor >= 9 && factor <= 11 ? "met" : "NOT met"})`);
  }

  console.log("");
  benchSensitivity(Math.max(3, RUNS >> 1));

  if (BATCH_LINES > 0) {
    console.log("");
    if (!batchAvailable()) {
      console.log(`score --batch: not in ${CLI} (build first: npm run build); skipped`);
      return;
    }
    const batch = await runBatch(lines, BATCH_LINES);
    const throughput = perSecond(BATCH_LINES, batch.ms);
    const inProcess = perSecond(lines.length, scoreMs);
    const pipeline = perSecond(lines.length, pipelineMs);
    console.log(
      `score --batch: ${fmt(BATCH_LINES)} lines (${fmt(batch.inputMb)} MB) in ${fmt(batch.ms / 1000, 1)} s = ${fmt(throughput)} /s, peak RSS ${fmt(batch.rssMb, 1)} MB  (target < 200 MB: ${batch.rssMb < 200 ? "met" : "NOT met"})`,
    );
    // Issue #20: 100,000 participant-years through `score --batch` in ≤ 10 s.
    const per100k = (batch.ms / BATCH_LINES) * 100_000;
    console.log(`  100,000 lines at this rate: ${fmt(per100k / 1000, 1)} s  (target ≤ 10 s: ${per100k <= 10_000 ? "met" : "NOT met"})`);
    // The CLI parses and serialises every line too, which alone cost more than scoring it: the
    // in-process figure for the same work is the pipeline's.
    console.log(
      `  ${fmt(throughput / pipeline, 2)} of the same work in process (parse + safeScore + stringify; target ≥ 0.50: ${throughput / pipeline >= 0.5 ? "met" : "NOT met"}), ${fmt(throughput / inProcess, 2)} of safeScore (2) alone`,
    );
    if (batch.outLines !== BATCH_LINES || batch.errors !== 0) {
      throw new Error(`score --batch wrote ${batch.outLines} lines, ${batch.errors} of them errors, for ${BATCH_LINES} valid inputs`);
    }
  }
}

/** The tally part: in process always, through the CLI when it is built. */
async function tallyPart(): Promise<void> {
  console.log("");
  await benchTally(existsSync(CLI) ? TALLY_BALLOTS : 0, CLI);
  if (!existsSync(CLI)) console.log(`tally BOX.ndjson: not in ${CLI} (build first: npm run build); skipped`);
}

const only = (flag: string): boolean => process.argv.includes(flag);
if (only("--tally-only")) await tallyPart();
else {
  if (!only("--service-only")) await main();
  if (!only("--service-only") && !only("--sensitivity-only") && !only("--sensitivity-memory-child")) await tallyPart();
  if (!only("--sensitivity-only") && !only("--sensitivity-memory-child")) await serviceBench();
}
