/**
 * The steps of a pipeline: `score --batch` output with error lines ranked (refused, or with
 * `--skip-errors` the rest ranked), driven in-process through `runCli`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorRecordOf } from "../../src/cli/commands/rank.js";
import { cli, tempFiles } from "./run.js";

const file = tempFiles("wubi-pipeline-");
const ids = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];
const inputOf = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8")) as Record<string, unknown>;

/** `score --batch` output of the seven examples with csglk's year removed (line 2) and line 5 not JSON. */
async function batchWithErrors(): Promise<string> {
  const lines = ids.map((id) => {
    const input = inputOf(id);
    if (id === "csglk") delete input["year"];
    return id === "yllhc" ? "{oops" : JSON.stringify(input);
  });
  const run = await cli(["score", "--batch", "-"], `${lines.join("\n")}\n`);
  expect(run.code).toBe(0);
  return file("results.ndjson", `${run.out}\n`);
}

describe("rank over score --batch output", () => {
  it("refuses each scoring-error line in one message naming the line and the body, exit 1", async () => {
    const results = await batchWithErrors();
    const run = await cli(["rank", results]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toEqual([
      `${results}:2: 这一行是 score --batch 的计分错误（输入第 2 行，参评对象 csglk），不是计分结果，无法排名；请改正该输入后重新计分，或加 --skip-errors 跳过这类行、只排其余的`,
      `${results}:5: 这一行是 score --batch 的计分错误（输入第 5 行），不是计分结果，无法排名；请改正该输入后重新计分，或加 --skip-errors 跳过这类行、只排其余的`,
    ]);
  });

  it("ranks the other lines with --skip-errors and warns once per skipped line on stderr", async () => {
    const results = await batchWithErrors();
    const run = await cli(["rank", results, "--skip-errors", "--lang", "en", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      `${results}:2: skipped: this line is a scoring error of score --batch (input line 2, participant csglk), not ranked`,
      `${results}:5: skipped: this line is a scoring error of score --batch (input line 5), not ranked`,
    ]);
    const ranked = JSON.parse(run.out) as { participant: { id: string }; rank: number | null }[];
    expect(ranked.map((e) => e.participant.id).sort()).toEqual(["cgjdk", "gysyc", "hjwsc", "jdzhzx", "zfzd"]);
    expect(ranked.filter((e) => e.rank !== null)).toHaveLength(4);
  });

  it("still refuses, under --skip-errors, a line that is neither a result nor a scoring error", async () => {
    const run = await cli(["rank", file("odd.ndjson", '{"line":1,"error":{"issues":[]}}\n{"total":"1.00"}\n'), "--skip-errors"]);
    expect(run.code).toBe(1);
    expect(run.errLines[0]).toMatch(/:1: 已跳过/);
    expect(run.errLines.slice(1).every((line) => /odd\.ndjson:2: /.test(line))).toBe(true);
  });

  it("tells a scoring-error record from a result", () => {
    expect(errorRecordOf({ line: 4, participant: { id: "cgjdk" }, error: { issues: [] } })).toEqual({ inputLine: 4, id: "cgjdk" });
    expect(errorRecordOf({ error: { issues: [] } })).toEqual({ inputLine: undefined, id: undefined });
    expect(errorRecordOf({ year: 2022, total: "94.51", error: { issues: [] } })).toBeUndefined();
    expect(errorRecordOf({ line: 1, error: "x" })).toBeUndefined();
    expect(errorRecordOf([])).toBeUndefined();
  });
});

describe("coverage over score results", () => {
  const ROSTER = "examples/roster/xuancheng-2022.json";

  it("reads score --batch output as the evaluations, each result's participant id and year, skipping error lines with a warning", async () => {
    const results = await batchWithErrors();
    const run = await cli(["coverage", "--roster", ROSTER, "--evaluations", results, "--year", "2023", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      `${results}:2: 已跳过：这一行是 score --batch 的计分错误（参评对象 csglk），没有计分结果，不计为一次考评`,
      `${results}:5: 已跳过：这一行是 score --batch 的计分错误，没有计分结果，不计为一次考评`,
    ]);
    const report = JSON.parse(run.out) as { uncovered: string[]; participants: { id: string; years: number[] }[] };
    expect(report.uncovered).toEqual(["csglk", "yllhc"]);
    expect(report.participants.find((p) => p.id === "cgjdk")?.years).toEqual([2022]);
  });

  it("exits 1 at the end of the cycle's last year while bodies are uncovered, and 0 once all are", async () => {
    const results = await batchWithErrors();
    const open = await cli(["coverage", "--roster", ROSTER, "--evaluations", results, "--year", "2024"]);
    expect(open.code).toBe(1);
    expect(open.out).toContain("违规 2 个");
    expect(open.errLines).toContain("违规：第 1 个周期（2022-2024 年）结束时仍有 2 个参评对象未考评：csglk、yllhc");
    const all = file("all.ndjson", ids.map((id) => JSON.stringify({ participantId: id, year: 2023 })).join("\n"));
    const closed = await cli(["coverage", "--roster", ROSTER, "--evaluations", all, "--year", "2024"]);
    expect(closed.code).toBe(0);
    expect(closed.err).toBe("");
  });

  it("names the line of an NDJSON evaluation that is neither a result nor an evaluation, exit 1", async () => {
    const bad = file("bad-evaluations.ndjson", '{"participantId":"cgjdk","year":2022}\n{"total":"1.00"}\n{"participantId":"zfzd","year":"2022"}\n');
    const run = await cli(["coverage", "--roster", ROSTER, "--evaluations", bad, "--year", "2023"]);
    expect(run.code).toBe(1);
    expect(run.errLines).toEqual([`${bad}:2: 不是计分结果（缺少 participant.id 或 year），也不是考评记录 { participantId, year }`]);
    const typed = file("typed.ndjson", '{"participantId":"cgjdk","year":2022}\n\n{"participantId":"zfzd","year":"2022"}\n');
    const wrongYear = await cli(["coverage", "--roster", ROSTER, "--evaluations", typed, "--year", "2023"]);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.err).toMatch(new RegExp(`^${typed}:3: year: .+ \\(invalid_type\\)$`));
  });
});
