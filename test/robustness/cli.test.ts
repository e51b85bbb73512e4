/**
 * The CLI on broken input (issue 5, SPEC §9): empty stdin, binary garbage, a truncated file, a
 * directory, an unreadable path give one line on stderr and exit 1; a BOM and CRLF are accepted;
 * in batch mode a bad line is an error line for itself alone and every other line is scored, one
 * output line per non-blank input line, in order.
 */
import { mkdirSync, mkdtempSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { score } from "../../src/index.js";
import { expectOneLineFailure, runCliWith, validInput, type JsonObject } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "wubi-robust-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const inputText = JSON.stringify(validInput());
const expectedJson = JSON.stringify(score(validInput()));
const good = file("good.json", inputText);

/** Random bytes with NULs and invalid UTF-8, deterministic. */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe("score FILE|- on broken input", () => {
  it("scores the good file (the harness works)", async () => {
    const run = await runCliWith(["score", good, "--json"]);
    expect(run).toEqual({ code: 0, out: [expectedJson], err: [] });
  });

  it("gives one line and exit 1 for empty stdin, whitespace, binary garbage and a truncated file", async () => {
    const cases: [string, readonly string[], string | Buffer][] = [
      ["empty stdin", ["score", "-"], ""],
      ["whitespace stdin", ["score", "-"], " \n\r\n\t"],
      ["garbage stdin", ["score", "-"], garbage(4096)],
      ["garbage file", ["score", file("garbage.bin", garbage(4096))], ""],
      ["invalid UTF-8 without NUL", ["score", file("latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))], ""],
      ["truncated file", ["score", file("truncated.json", inputText.slice(0, 300))], ""],
      ["truncated after a newline", ["score", file("truncated2.json", `${JSON.stringify(validInput(), null, 2).slice(0, 400)}`)], ""],
      ["garbage with newlines", ["score", "-"], '{"a":\n\n x}\n'],
      ["JSON null", ["score", "-"], "null"],
      ["a JSON string", ["score", "-"], '"\\n\\n"'],
    ];
    for (const [name, argv, stdin] of cases) {
      const run = await runCliWith([...argv, "--json"], stdin);
      expect(run.code, name).toBe(1);
      expect(run.out, name).toEqual([]);
      // One line per problem, never a stack trace: for these, one problem or a few issue lines.
      for (const line of run.err) expect(line, name).not.toMatch(/\n|^\s+at /);
      if (!name.startsWith("JSON")) expectOneLineFailure(run, 1);
    }
  });

  it("accepts a UTF-8 BOM at the start of a file and of stdin", async () => {
    const bom = file("bom.json", `\uFEFF${inputText}`);
    expect(await runCliWith(["score", bom, "--json"])).toEqual({ code: 0, out: [expectedJson], err: [] });
    expect(await runCliWith(["score", "-", "--json"], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(inputText)]))).toEqual({ code: 0, out: [expectedJson], err: [] });
  });

  it("accepts CRLF line endings in a pretty-printed file", async () => {
    const crlf = file("crlf.json", JSON.stringify(validInput(), null, 2).replace(/\n/g, "\r\n"));
    expect(await runCliWith(["score", crlf, "--json"])).toEqual({ code: 0, out: [expectedJson], err: [] });
  });

  it("gives one line and exit 1 for a directory, a missing file and a path through a file", async () => {
    const sub = join(dir, "a-directory");
    mkdirSync(sub, { recursive: true });
    for (const argv of [["score", sub], ["score", join(dir, "missing.json")], ["score", join(good, "x")], ["score", "--batch", sub], ["score", "--batch", join(good, "x")]]) {
      expectOneLineFailure(await runCliWith(argv), 1);
    }
  });

  it.skipIf(process.getuid?.() === 0)("gives one line and exit 1 for a file without read permission", async () => {
    // Skipped as root, who reads a mode-000 file anyway; the path through a file above (ENOTDIR)
    // covers "cannot be read" there.
    const locked = file("locked.json", inputText);
    chmodSync(locked, 0o000);
    expectOneLineFailure(await runCliWith(["score", locked]), 1);
    expectOneLineFailure(await runCliWith(["score", "--batch", locked]), 1);
  });

  it("keeps every issue on its own line, even for a key or id holding line breaks", async () => {
    // Regression: the path of an issue was printed raw, so a key "a\nb" split a message in two.
    const input = validInput();
    (input["participant"] as JsonObject)["evil\nkey\r\u2028"] = 1;
    const rounds = ((input["components"] as JsonObject)["routineInspection"] as JsonObject)["rounds"] as JsonObject[];
    (rounds[0] as JsonObject)["id"] = "x\ny";
    (rounds[1] as JsonObject)["id"] = "x\ny";
    const run = await runCliWith(["score", "-", "--lang", "en"], JSON.stringify(input));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(2);
    for (const line of run.err) expect(line).not.toMatch(/[\n\r\u2028]/);
    expect(run.err[0]).toBe('-: participant["evil\\nkey\\r\\u2028"]: There is no key "evil\\u000akey\\u000d\\u2028" in the participant; remove or correct it (unrecognized_keys)');
  });

  it("gives a one-line refusal for a 10,000-deep value and a 50 MB string", async () => {
    const deep = `{"year":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const runDeep = await runCliWith(["score", "-", "--lang", "en"], deep);
    expect(runDeep.code).toBe(1);
    expect(runDeep.err.join("\n")).toContain("year: The year must be a number, not an array of 1 (invalid_type)");
    const big = validInput();
    (big["participant"] as JsonObject)["name"] = "名".repeat(50_000_000);
    const runBig = await runCliWith(["score", "-", "--lang", "en"], JSON.stringify(big));
    expect(runBig.code).toBe(1);
    expect(runBig.err).toEqual(["-: participant.name: The name of the participant is too long: at most 1000 characters (too_big)"]);
  });
});

describe("score --batch on broken lines", () => {
  const line = (input: unknown): string => JSON.stringify(input);
  type OutLine = { line?: number; error?: { issues: { path: (string | number)[]; code: string }[] }; total?: string };
  const parse = (out: string[]): OutLine[] => out.flatMap((chunk) => chunk.split("\n").filter((l) => l !== "")).map((l) => JSON.parse(l) as OutLine);

  it("scores every good line and gives every bad line its own error line, one output line per non-blank input line", async () => {
    const bad = validInput();
    bad["year"] = "2022";
    const proto = inputText.replace('{"year"', '{"__proto__":{"polluted":1},"year"');
    const lines = [
      inputText, // 1
      "", // 2: blank, skipped
      "{not json", // 3
      garbage(64).toString("latin1").replace(/[\r\n]/g, " "), // 4
      inputText.slice(0, 200), // 5: truncated
      line(bad), // 6
      "   ", // 7: blank
      proto, // 8
      `${"[".repeat(10_000)}${"]".repeat(10_000)}`, // 9
      "null", // 10
      inputText, // 11
    ];
    const run = await runCliWith(["score", "--batch", "-", "--lang", "en"], `${lines.join("\n")}\n`);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const out = parse(run.out);
    expect(out.map((o) => o.line ?? "ok")).toEqual(["ok", 3, 4, 5, 6, 8, 9, 10, "ok"]);
    expect(out[0]?.total).toBe("92.98");
    expect(out.at(-1)?.total).toBe("92.98");
    expect(out[4]?.error?.issues.map((i) => [i.path, i.code])).toEqual([[["year"], "invalid_type"]]);
    expect(out[5]?.error?.issues.map((i) => [i.path, i.code])).toEqual([[["__proto__"], "unrecognized_keys"]]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("accepts CRLF line endings and a BOM: the same output as LF", async () => {
    const lf = await runCliWith(["score", "--batch", "-"], `${inputText}\n{}\n${inputText}\n`);
    const crlf = await runCliWith(["score", "--batch", "-"], `\uFEFF${inputText}\r\n{}\r\n${inputText}\r\n`);
    const path = file("crlf.ndjson", `\uFEFF${inputText}\r\n{}\r\n${inputText}`);
    const fromFile = await runCliWith(["score", "--batch", path]);
    expect(crlf).toEqual(lf);
    expect(fromFile).toEqual(lf);
    expect(parse(lf.out).map((o) => o.line ?? o.total)).toEqual(["92.98", 2, "92.98"]);
  });

  it("makes a line over --max-line-bytes an error for that line alone (a small limit)", async () => {
    const limit = Buffer.byteLength(inputText) + 10; // bytes, not characters
    const long = line({ ...validInput(), pad: "x".repeat(limit) });
    const run = await runCliWith(["score", "--batch", "-", "--max-line-bytes", String(limit)], [inputText, "\n", long, "\n", inputText, "\r\n", "x".repeat(limit * 3), "\n", inputText]);
    expect(run.code).toBe(0);
    const out = parse(run.out);
    expect(out.map((o) => o.line ?? o.total)).toEqual(["92.98", 2, "92.98", 4, "92.98"]);
    expect(out[1]?.error?.issues.map((i) => i.code)).toEqual(["line-too-long"]);
    expect(out[3]?.error?.issues.map((i) => i.code)).toEqual(["line-too-long"]);
  });

  it("treats empty stdin as no lines at all", async () => {
    expect(await runCliWith(["score", "--batch", "-"], "")).toEqual({ code: 0, out: [], err: [] });
  });
});
