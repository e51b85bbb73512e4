/**
 * `wubi-wuping score --batch FILE|-`: NDJSON in, NDJSON out, one line per non-blank input line,
 * in order; a bad line is an error line for itself alone.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { defaultJobs, isUnfinishedJson } from "../../src/cli/batch.js";
import { LineSplitter, type SplitLine } from "../../src/formats/lines.js";
import { BIN, BUILT, cli, spawnCli } from "./run.js";

const ids = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];
const inputs = ids.map((id) => JSON.stringify(JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8"))));
const expected = ids.map((id) => readFileSync(`examples/2022/expected/${id}.json`, "utf8").trimEnd());
const [first, second, third] = inputs as [string, string, string];
const tmp = mkdtempSync(join(tmpdir(), "wubi-batch-"));

type Line = { line?: number; error?: { issues: { path: (string | number)[]; code: string; message: string }[] }; total?: string };
const parsed = (out: string[]): Line[] => out.map((l) => JSON.parse(l) as Line);

describe("score --batch", () => {
  it("writes one result per input line, in order, each the same as score --json", async () => {
    const run = await cli(["score", "--batch", "-"], `${inputs.join("\n")}\n`);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    expect(run.outLines).toEqual(expected);
  });

  it("gives a bad line in the middle its own error line and goes on with the lines after it", async () => {
    const run = await cli(["score", "--batch", "-", "--lang", "en"], [first, "\n", "{not json}\n", '{"year":2022}\n', second, "\n"].join(""));
    expect(run.code).toBe(0);
    const lines = parsed(run.outLines);
    expect(lines).toHaveLength(4);
    expect(lines[0]?.total).toBe("94.51");
    expect(lines[1]).toEqual({
      line: 2,
      error: { issues: [{ path: [], code: "invalid-json", message: expect.stringMatching(/^The line is not valid JSON: /) as unknown as string }] },
    });
    expect(lines[2]?.line).toBe(3);
    expect(lines[2]?.error?.issues.map((i) => i.path[0])).toEqual(["participant", "components"]);
    expect(lines[3]?.total).toBe(JSON.parse(expected[1] as string).total);
  });

  it("skips blank lines without output but counts them in the line numbers", async () => {
    const run = await cli(["score", "--batch", "-"], `\n${first}\n   \n\n[]\n\t\n${second}\n\n`);
    expect(run.code).toBe(0);
    const lines = parsed(run.outLines);
    expect(lines).toHaveLength(3);
    expect(lines[1]?.line).toBe(5);
    expect(lines[1]?.error?.issues[0]?.code).toBe("invalid_type");
  });

  it("accepts CRLF line endings and a leading BOM, and a last line without a newline", async () => {
    const run = await cli(["score", "--batch", "-"], `\uFEFF${first}\r\n${second}\r\n${third}`);
    expect(run.code).toBe(0);
    expect(run.outLines).toEqual(expected.slice(0, 3));
  });

  it("reads lines split across chunks at any byte, even inside a multi-byte character", async () => {
    const bytes = Buffer.from(`\uFEFF${first}\r\n${second}\n`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const run = await cli(["score", "--batch", "-"], chunks);
    expect(run.outLines).toEqual(expected.slice(0, 2));
  });

  it("makes a line longer than --max-line-bytes an error for that line alone", async () => {
    const long = `{"year":2022,"note":"${"x".repeat(5000)}"}`;
    const run = await cli(["score", "--batch", "-", "--max-line-bytes", "4096", "--lang", "en"], [first, "\n", long, "\r\n", second, "\n"].join(""));
    expect(run.code).toBe(0);
    const lines = parsed(run.outLines);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual({
      line: 2,
      error: { issues: [{ path: [], code: "line-too-long", message: "The line is longer than the limit of 4096 bytes (--max-line-bytes) and was not read" }] },
    });
    expect(lines[2]?.total).toBeDefined();
  });

  it("accepts a line of exactly --max-line-bytes bytes, its CRLF not counted", async () => {
    const limit = Buffer.byteLength(first);
    const run = await cli(["score", "--batch", "-", "--max-line-bytes", String(limit)], `${first}\r\n${first}x\n`);
    const lines = parsed(run.outLines);
    expect(lines[0]?.total).toBe("94.51");
    expect(lines[1]?.error?.issues[0]?.code).toBe("line-too-long");
  });

  it("reports a line that is not UTF-8 text", async () => {
    const run = await cli(["score", "--batch", "-"], [Buffer.from(`${first}\n`), Buffer.from([0xff, 0xfe, 0x00, 0x0a])]);
    const lines = parsed(run.outLines);
    expect(lines[1]).toMatchObject({ line: 2, error: { issues: [{ code: "invalid-utf8" }] } });
  });

  it("scores under --policy and --allow-incomplete in batch mode too", async () => {
    const input = JSON.parse(first);
    delete input.components.deputies;
    const policy = join(tmp, "policy.json");
    writeFileSync(policy, JSON.stringify({ id: "city-2023", bonusCap: 0.5 }));
    const run = await cli(["score", "--batch", "-", "--allow-incomplete", "--policy", policy], `${JSON.stringify(input)}\n`);
    const [result] = parsed(run.outLines) as [Line & { status: string; policy: { id: string }; bonus: { points: string } }];
    expect(result.status).toBe("provisional");
    expect(result.policy.id).toBe("city-2023");
    expect(result.bonus.points).toBe("0.50");
  });

  it("refuses a pretty-printed JSON file with one message on stderr and no output, exit 1", async () => {
    const pretty = readFileSync("examples/2022/cgjdk.json", "utf8");
    const run = await cli(["score", "--batch", "-"], `\n${pretty}`);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual([]);
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(/^标准输入 不是每行一个输入：第 2 行的 JSON 到行尾还没有结束.*score --batch 要求每一行是一个完整的 JSON 输入/);
    const array = await cli(["score", "--batch", "-", "--lang", "en"], `[\n  ${first},\n  ${second}\n]\n`);
    expect(array.code).toBe(1);
    expect(array.errLines).toEqual([expect.stringMatching(/^stdin does not hold one input per line: the JSON of line 1 is not finished/)]);
  });

  it("still reports a first line that is broken JSON, not unfinished, as an error line of its own", async () => {
    const run = await cli(["score", "--batch", "-"], `{oops\n${first}\n`);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    expect(parsed(run.outLines).map((l) => l.line ?? l.total)).toEqual([1, "94.51"]);
  });

  it("tells an unfinished JSON document from a whole one and from broken text", () => {
    expect(["{", " [ ", '{ "year": 2022,', '{"a":'].map(isUnfinishedJson)).toEqual([true, true, true, true]);
    expect(['{"year": 2022}', "{oops", '{"a":1} x', "[]", "year"].map(isUnfinishedJson)).toEqual([false, false, false, false, false]);
  });

  it("writes nothing for an empty input and exits 0", async () => {
    const run = await cli(["score", "--batch", "-"], "");
    expect(run.code).toBe(0);
    expect(run.outLines).toEqual([]);
  });

  it("says a missing batch file is missing and exits 1", async () => {
    const run = await cli(["score", "--batch", "no/such.ndjson", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("No such file: no/such.ndjson");
    const dir = await cli(["score", "--batch", "examples"]);
    expect(dir.code).toBe(1);
    expect(dir.err).toBe("这是一个目录，不是文件：examples");
  });

  it("refuses a --max-line-bytes that is not a positive whole number with exit 2", async () => {
    for (const value of ["0", "-5", "1.5", "abc", "99999999999"]) {
      const run = await cli(["score", "--batch", "-", `--max-line-bytes=${value}`]);
      expect(run.code, value).toBe(2);
    }
  });
});

describe("the line splitter", () => {
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  const split = (chunks: string[], max = 100): SplitLine[] => {
    const lines: SplitLine[] = [];
    const splitter = new LineSplitter(max);
    for (const c of chunks) splitter.push(Buffer.from(c), (l) => lines.push(l));
    splitter.end((l) => lines.push(l));
    return lines;
  };

  it("numbers every line from 1 and strips CR and a leading BOM", () => {
    const lines = split(["\uFEFFa\r\n\nb", "c\r\n"]);
    expect(lines.map((l) => [l.number, l.bytes === null ? undefined : text(l.bytes)])).toEqual([
      [1, "a"],
      [2, ""],
      [3, "bc"],
    ]);
  });

  it("drops the bytes of a too-long line as they arrive and reports it", () => {
    const lines = split(["x".repeat(60), "x".repeat(60), "y".repeat(60), "\nok\n"], 100);
    expect(lines.map((l) => [l.number, l.bytes === null ? null : text(l.bytes), l.length >= 101])).toEqual([
      [1, null, true],
      [2, "ok", false],
    ]);
  });
});

describe.skipIf(!BUILT)("score --batch, the built executable", () => {
  it("streams a file of many lines to stdout in order, with a bad line reported in place", () => {
    const path = join(tmp, "many.ndjson");
    const lines: string[] = [];
    for (let i = 0; i < 3000; i += 1) lines.push(i === 1500 ? "{oops" : (inputs[i % inputs.length] as string));
    writeFileSync(path, `${lines.join("\r\n")}\r\n`);
    const run = spawnCli(["score", "--batch", path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(3000);
    expect(out[0]).toBe(expected[0]);
    expect(out[1499]).toBe(expected[1499 % 7]);
    expect(JSON.parse(out[1500] as string)).toMatchObject({ line: 1501, error: { issues: [{ code: "invalid-json" }] } });
    expect(out[2999]).toBe(expected[2999 % 7]);
  });

  it("reads stdin for - and exits 0 when some lines were errors", () => {
    const run = spawnCli(["score", "--batch", "-", "--max-line-bytes", "100"], `${first}\n[]\n`);
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
    expect(out.map((l) => [l.line, l.error?.issues[0]?.code])).toEqual([
      [1, "line-too-long"],
      [2, "invalid_type"],
    ]);
  });
});

describe("score --batch --jobs", () => {
  it("takes 1 to 64 threads, with --batch only", async () => {
    for (const bad of ["0", "65", "x", "1.5"]) {
      const run = await cli(["score", "--batch", "-", "--jobs", bad, "--lang", "en"], `${first}\n`);
      expect(run.code).toBe(2);
      expect(run.err).toContain("--jobs");
    }
    const single = await cli(["score", "examples/2022/cgjdk.json", "--jobs", "2"]);
    expect(single.code).toBe(2);
    expect(single.err).toContain("--batch");
  });

  it("starts threads by default only for a file of 4 MiB or more on two processors or more, at most 4", () => {
    expect(defaultJobs(undefined, 8)).toBe(1); // stdin
    expect(defaultJobs((4 << 20) - 1, 8)).toBe(1);
    expect(defaultJobs(4 << 20, 1)).toBe(1);
    expect(defaultJobs(4 << 20, 2)).toBe(2);
    expect(defaultJobs(100 << 20, 16)).toBe(4);
  });
});

describe.skipIf(!BUILT)("score --batch in threads, the built executable", () => {
  // Every kind of line a batch meets: results, blank lines, a line over the limit, bad JSON,
  // bytes that are not UTF-8, an input with problems, CRLF.
  const mixed = (count: number): Buffer => {
    const parts: Buffer[] = [];
    for (let i = 0; i < count; i += 1) {
      if (i % 97 === 5) parts.push(Buffer.from("\n"));
      else if (i % 101 === 7) parts.push(Buffer.from(`{"pad":"${"x".repeat(5000)}"}\n`));
      else if (i % 103 === 9) parts.push(Buffer.from("{oops\r\n"));
      else if (i % 107 === 11) parts.push(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
      else if (i % 109 === 13) parts.push(Buffer.from('{"year":2022}\n'));
      else parts.push(Buffer.from(`${inputs[i % inputs.length] as string}\n`));
    }
    return Buffer.concat(parts);
  };

  it("writes the same bytes, in the same order, with 1, 2 and 3 threads, under a policy and in English", () => {
    const path = join(tmp, "mixed.ndjson");
    writeFileSync(path, mixed(800));
    const args = ["score", "--batch", path, "--max-line-bytes", "4000", "--policy", "examples/policy/xuancheng-2022-quota.json", "--lang", "en"];
    const run = (jobs: string): Buffer => {
      const out = spawnSync(process.execPath, [BIN, ...args, "--jobs", jobs], { maxBuffer: 1 << 30 });
      expect(out.status).toBe(0);
      expect(out.stderr.toString()).toBe("");
      return out.stdout;
    };
    const one = run("1");
    const lines = one.toString().trimEnd().split("\n");
    expect(lines.some((l) => l.includes('"code":"line-too-long"'))).toBe(true);
    expect(lines.some((l) => l.includes('"code":"invalid-utf8"'))).toBe(true);
    expect(lines.some((l) => l.includes('"policy":{"id":"xuancheng-2022-quota"}'))).toBe(true);
    expect(run("2").equals(one)).toBe(true);
    expect(run("3").equals(one)).toBe(true);
  });

  it("scores a file of 4 MiB or more in threads by default, with the same bytes as one thread", () => {
    const path = join(tmp, "large.ndjson");
    const line = `${inputs[0] as string}\n`;
    writeFileSync(path, line.repeat(Math.ceil((4 << 20) / Buffer.byteLength(line)) + 10));
    const threads = spawnSync(process.execPath, [BIN, "score", "--batch", path], { maxBuffer: 1 << 30 });
    const one = spawnSync(process.execPath, [BIN, "score", "--batch", path, "--jobs", "1"], { maxBuffer: 1 << 30 });
    expect(threads.status).toBe(0);
    expect(threads.stderr.toString()).toBe("");
    expect(threads.stdout.equals(one.stdout)).toBe(true);
  });

  it("stops quietly when the reader goes away (| head), threads and all", () => {
    const path = join(tmp, "mixed-head.ndjson");
    writeFileSync(path, mixed(3000));
    const run = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" ${BIN} score --batch ${path} --jobs 2 | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], { encoding: "utf8", timeout: 60_000 });
    expect(run.stdout.trim()).toBe("exit 0");
    expect(run.stderr).toBe("");
  });
});
