/**
 * The tally part of `npm run bench` (`--tally-only` runs it alone): ballots per second of
 * `tallyStream` in process on ballots already parsed, then `wubi-wuping tally BOX.ndjson` on a
 * box of a million ballots (`--tally-ballots N`) in a child process: ballots per second, and the
 * child's peak RSS (`process.resourceUsage().maxRSS`, written as it exits). The box is generated
 * from the ballot's number alone (seven bodies, every kind of mark, a repeated rater now and then),
 * so it is the same on every run, and written to a temporary file a thousand lines at a time.
 */
import { spawn } from "node:child_process";
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { tallyStream } from "../src/index.js";

const BODIES = ["cgjdk", "csglk", "gysyc", "hjwsc", "jdzhzx", "yllhc", "zfzd"];
/** Forty marks in the proportions of a real survey: mostly 满意, one blank and one double tick in forty. */
const MARKS: readonly unknown[] = [
  ...Array<string>(26).fill("满意"),
  ...Array<string>(7).fill("基本满意"),
  ...Array<string>(2).fill("不满意"),
  ...Array<string>(3).fill("不了解"),
  "",
  ["满意", "不满意"],
];
const HEADER = { year: 2022, component: "serviceRecipients", date: "2022-12-20" };

/**
 * Ballot `i` of the generated box: with `raters`, a rater token on every ballot, as a survey
 * platform's export gives (the SHA-256 of an address), one in 997 a repeat; without, paper ballots.
 */
function ballot(i: number, raters: boolean): unknown {
  const marks: Record<string, unknown> = {};
  BODIES.forEach((id, k) => {
    marks[id] = MARKS[(i * 7 + k * 13 + (i >> 5)) % MARKS.length];
  });
  return { id: `b${i}`, ...(raters ? { rater: `r${i % 997 === 0 ? 0 : i}` } : {}), seconds: 30 + (i % 240), marks };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Writes the box as NDJSON: the header, then `count` ballots. */
async function writeBox(path: string, count: number, raters: boolean): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${JSON.stringify({ ...HEADER, issued: count })}\n`);
  for (let written = 0; written < count; ) {
    const take = Math.min(1000, count - written);
    const chunk: string[] = [];
    for (let i = 0; i < take; i += 1) chunk.push(JSON.stringify(ballot(written + i, raters)));
    written += take;
    if (!out.write(`${chunk.join("\n")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** `tallyStream` over `ballots` parsed beforehand; milliseconds. */
function inProcess(ballots: readonly unknown[]): number {
  const start = performance.now();
  const stream = tallyStream({ ...HEADER, issued: ballots.length }, { participants: BODIES });
  for (const b of ballots) stream.add(b);
  const outcome = stream.finish();
  const ms = performance.now() - start;
  if (!outcome.success) throw outcome.error;
  return ms;
}

/**
 * Prints the tally's throughput in process and through the CLI, and the CLI's peak RSS.
 *
 * @example
 * ```ts
 * await benchTally(1_000_000, "dist/cli.js");
 * // tallyStream in process: 100,000 ballots in 412.0 ms = 242,718 ballots/s
 * // tally BOX.ndjson: 1,000,000 ballots (171 MB) in 6.1 s = 163,934 ballots/s, peak RSS 98.2 MB
 * ```
 */
export async function benchTally(count: number, cli: string): Promise<void> {
  const parsed = Array.from({ length: 100_000 }, (_, i) => JSON.parse(JSON.stringify(ballot(i, false))) as unknown);
  inProcess(parsed.slice(0, 10_000));
  const times = [inProcess(parsed), inProcess(parsed), inProcess(parsed)].sort((a, b) => a - b);
  const ms = times[1] as number;
  console.log(`tallyStream in process: ${fmt(parsed.length)} ballots of ${BODIES.length} bodies in ${fmt(ms, 1)} ms = ${fmt((parsed.length / ms) * 1000)} ballots/s (median of 3)`);
  if (count === 0) return;

  for (const raters of [false, true]) await throughCli(count, raters, cli);
}

/** `wubi-wuping tally BOX.ndjson --format json` in a child process: its time and peak RSS. */
async function throughCli(count: number, raters: boolean, cli: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wubi-bench-tally-"));
  try {
    const box = join(dir, "box.ndjson");
    await writeBox(box, count, raters);
    const roster = join(dir, "roster.json");
    writeFileSync(roster, JSON.stringify(BODIES.map((id) => ({ id, name: id }))));
    const rssFile = join(dir, "rss.txt");
    const preload = join(dir, "rss.cjs");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const outFile = join(dir, "tally.json");
    const outFd = openSync(outFile, "w");
    const start = performance.now();
    const child = spawn(process.execPath, ["--require", preload, cli, "tally", box, "--participants", roster, "--format", "json"], { stdio: ["ignore", outFd, "inherit"] });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const elapsed = performance.now() - start;
    closeSync(outFd);
    if (code !== 0) throw new Error(`tally exited with ${String(code)}`);
    const tally = JSON.parse(readFileSync(outFile, "utf8")) as { box: { returned: number }; repeatedRaters: unknown[]; participants: { blank: unknown[]; invalid: unknown[] }[] };
    if (tally.box.returned !== count) throw new Error(`tally counted ${tally.box.returned} of ${count} ballots`);
    const listed = tally.participants.reduce((sum, p) => sum + p.blank.length + p.invalid.length, 0);
    const rssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
    console.log(
      `tally BOX.ndjson, ${raters ? "a rater token on every ballot" : "paper ballots, no rater tokens"}: ${fmt(count)} ballots of ${BODIES.length} bodies (${fmt(statSync(box).size / 1e6)} MB) in ${fmt(elapsed / 1000, 1)} s = ${fmt((count / elapsed) * 1000)} ballots/s, peak RSS ${fmt(rssMb, 1)} MB (${fmt(listed)} blank or invalid ids listed, ${fmt(tally.repeatedRaters.length)} repeated raters)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
