/**
 * The progress line of long work: drawn on a terminal only, redrawn in place at most every
 * interval, with the rate and the time left; nothing at all when stderr is not a terminal.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_LINE_BYTES } from "../../src/formats/batch-line.js";
import { runBatch } from "../../src/cli/batch.js";
import { runCli } from "../../src/cli/main.js";
import { progressText, startProgress, type ProgressStream } from "../../src/cli/progress.js";
import { BIN, BUILT, tempFiles } from "./run.js";

const LINES = { zh: "行", en: "lines" } as const;
const input = JSON.stringify(JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")));

/** A stream that records what is written; `isTTY` as given. */
function fakeStream(isTTY: boolean): ProgressStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => chunks.push(text) };
}

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe("progress line", () => {
  it("states the count, the rate and, when the size is known, the time left", () => {
    expect(progressText(12000, 4000, 0.25, LINES, "zh")).toBe("已处理 12000 行，每秒 3000 行，预计还需 12 秒");
    expect(progressText(12000, 4000, 0.25, LINES, "en")).toBe("12000 lines done, 3000 lines/s, about 12 s left");
    expect(progressText(500, 1000, undefined, LINES, "en")).toBe("500 lines done, 500 lines/s");
    expect(progressText(100, 60_000, 0.2, LINES, "zh")).toBe("已处理 100 行，每秒 2 行，预计还需 4 分 00 秒");
  });

  it("redraws in place on a terminal at most once per interval and ends with the total on its own line", () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = startProgress({ stream, unit: LINES, lang: "zh", now: clock.now, intervalMs: 250 });
    progress.update(10, 0.1); // too soon after the start
    clock.advance(300);
    progress.update(300, 0.3);
    clock.advance(100);
    progress.update(400, 0.4); // too soon after the last redraw
    clock.advance(200);
    progress.update(600, 0.6);
    clock.advance(400);
    progress.finish(1000);
    expect(stream.chunks).toEqual([
      "\r已处理 300 行，每秒 1000 行，预计还需 1 秒\u001b[K",
      "\r已处理 600 行，每秒 1000 行，预计还需 0 秒\u001b[K",
      "\r已处理 1000 行，用时 1 秒\u001b[K\n",
    ]);
  });

  it("writes nothing when the stream is not a terminal, or when the work ended before the first redraw", () => {
    const pipe = fakeStream(false);
    const clock = fakeClock();
    const piped = startProgress({ stream: pipe, unit: LINES, lang: "en", now: clock.now });
    clock.advance(5000);
    piped.update(10);
    piped.finish(10);
    expect(pipe.chunks).toEqual([]);
    const tty = fakeStream(true);
    const quick = startProgress({ stream: tty, unit: LINES, lang: "en", now: clock.now });
    quick.update(3);
    quick.finish(3);
    expect(tty.chunks).toEqual([]);
  });
});

/** Runs `score --batch -` in-process with stdin arriving in two parts, `pauseMs` apart. */
async function slowBatch(stderr: ProgressStream, pauseMs: number): Promise<{ code: number; out: string[]; err: string[] }> {
  async function* chunks(): AsyncGenerator<string> {
    yield `${input}\n${input}\n`;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield `${input}\n`;
  }
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["score", "--batch", "-"], { out: (t) => out.push(t), err: (t) => err.push(t), stdin: Readable.from(chunks()), stderr });
  return { code, out, err };
}

describe("score --batch progress", () => {
  it("shows a progress line on a terminal stderr while a slow batch runs, and keeps stdout to results", async () => {
    const stderr = fakeStream(true);
    const run = await slowBatch(stderr, 320);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(3);
    expect(run.err).toEqual([]);
    expect(stderr.chunks[0]).toMatch(/^\r已处理 3 行，每秒 [0-9]+ 行\u001b\[K$/);
    expect(stderr.chunks.at(-1)).toMatch(/^\r已处理 3 行，用时 [0-9]+ 秒\u001b\[K\n$/);
  });

  it("writes nothing on a stderr that is not a terminal", async () => {
    const stderr = fakeStream(false);
    const run = await slowBatch(stderr, 320);
    expect(run.code).toBe(0);
    expect(stderr.chunks).toEqual([]);
  });
});

describe("score --batch progress over a file", () => {
  const file = tempFiles("wubi-progress-file-");
  const big = file("big.ndjson", `${input}\n`.repeat(100)); // about 180 kB: three 64 KiB chunks
  const options = { policy: undefined, allowIncomplete: false, lang: "zh" as const, maxLineBytes: DEFAULT_MAX_LINE_BYTES };

  it("estimates the time left from the bytes read of the file's size", async () => {
    const stderr = fakeStream(true);
    let t = 0;
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: () => undefined, stdin: Readable.from([]), stderr };
    expect(await runBatch(big, io, { ...options, now: () => (t += 1000) })).toBe(0);
    expect(out).toHaveLength(100);
    expect(stderr.chunks[0]).toMatch(/^\r已处理 [0-9]+ 行，每秒 [0-9]+ 行，预计还需 [0-9]+ 秒\u001b\[K$/);
    expect(stderr.chunks.at(-1)).toMatch(/^\r已处理 100 行，用时 [0-9]+ 秒\u001b\[K\n$/);
  });

  it("shows no progress line when stdout is the same terminal as stderr", async () => {
    const stderr = fakeStream(true);
    const stdout = { isTTY: true, write: () => true } as unknown as NodeJS.WritableStream;
    let t = 0;
    const io = { out: () => undefined, err: () => undefined, stdin: Readable.from([]), stdout, stderr };
    expect(await runBatch(big, io, { ...options, now: () => (t += 1000) })).toBe(0);
    expect(stderr.chunks).toEqual([]);
  });
});

const HAVE_SCRIPT = existsSync("/usr/bin/script");

describe.skipIf(!BUILT || !HAVE_SCRIPT)("score --batch progress, the built executable", () => {
  const file = tempFiles("wubi-progress-");
  const part = file("part.ndjson", `${input}\n`.repeat(50));

  it("draws the progress line on a real pseudo-terminal (script)", () => {
    // stdin arrives in two parts 0.4 s apart, so at least one redraw falls due; stdout goes to /dev/null.
    const command = `(cat ${part}; sleep 0.4; cat ${part}) | node ${BIN} score --batch - > /dev/null`;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r已处理 [0-9]+ 行，每秒 [0-9]+ 行\u001b\[K/);
    expect(run.stdout).toMatch(/已处理 100 行，用时 [0-9]+ 秒/);
  });

  it("leaves stderr empty when it is a pipe", () => {
    const run = spawnSync("sh", ["-c", `(cat ${part}; sleep 0.4; cat ${part}) | node ${BIN} score --batch - > /dev/null`], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });
});
