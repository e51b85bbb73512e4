/**
 * `wubi-wuping tally` (docs/cli.md, "tally"): the table and the JSON of the conformance ballot
 * boxes read as JSON, NDJSON and both workbook layouts, the files' SHA-256, `--merge` and its
 * errors, usage errors, and an NDJSON box of 200,000 ballots streamed in bounded memory.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BIN, BUILT, cli, tempFiles } from "./run.js";

const DIR = "test/fixtures/ballots";
const file = tempFiles("wubi-tally-cli-");
const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

interface Fixture {
  readonly box: { year: number; component: string; date: string; issued?: number; ballots: unknown[] };
  readonly policy: Record<string, unknown> | null;
  readonly native: { readonly tally: unknown };
  readonly platform: { readonly tally: unknown };
}

/** The fixture's box as a JSON file and as an NDJSON file (header, then one ballot a line). */
function boxFiles(n: string): { fixture: Fixture; json: string; ndjson: string; roster: string; policy: string[] } {
  const fixture = JSON.parse(readFileSync(`${DIR}/${n}-expect.json`, "utf8")) as Fixture;
  const { ballots, ...header } = fixture.box;
  const json = file(`box-${n}.json`, JSON.stringify(fixture.box, null, 2));
  const ndjson = file(`box-${n}.ndjson`, `${[header, ...ballots].map((line) => JSON.stringify(line)).join("\n")}\n`);
  const policy = fixture.policy === null ? [] : ["--policy", file(`policy-${n}.json`, JSON.stringify(fixture.policy))];
  return { fixture, json, ndjson, roster: `${DIR}/${n}-roster.json`, policy };
}

/** The worked example of docs/ballots.md: cgjdk's 12 ballots, under `repeatedRater: "first"` and `minSeconds: 30`. */
const WORKED = {
  year: 2022,
  component: "serviceRecipients",
  date: "2022-12-20",
  issued: 12,
  ballots: [
    ["01", "市民群众", "r01", 95, "满意"],
    ["02", "市民群众", "r02", 80, "满意"],
    ["03", "市民群众", "r03", 120, "基本满意"],
    ["04", "市民群众", "r04", 60, "不满意"],
    ["05", "商户", "r05", 70, "满意"],
    ["06", "商户", "r06", 15, "满意"],
    ["07", "商户", "r07", 88, ["满意", "基本满意"]],
    ["08", "商户", "r05", 66, "不满意"],
    ["09", "企业代表", "r09", 90, "基本满意"],
    ["10", "企业代表", "r10", 75, ""],
    ["11", "企业代表", "r11", 102, "不了解"],
    ["12", "社区基层工作者", "r12", 99, "满意"],
  ].map(([id, group, rater, seconds, mark]) => ({ id, group, rater, seconds, marks: { cgjdk: mark } })),
};

describe("tally: the table", () => {
  const box = file("worked.json", JSON.stringify(WORKED));
  const roster = file("worked-roster.json", JSON.stringify([{ id: "cgjdk", name: "城管监督科", category: "comprehensive-management" }]));
  const policy = file("worked-policy.json", JSON.stringify({ id: "ballot-example", repeatedRater: "first", minSeconds: 30 }));

  it("shows the box, each body's counts and groups, every ballot not counted and why, and the assumptions, in Chinese", async () => {
    const run = await cli(["tally", box, "--participants", roster, "--policy", policy]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toMatchInlineSnapshot(`
      "测评票：服务对象代表评价（serviceRecipients），2022 年度，测评日期 2022-12-20
      发出 12 张，收回 12 张，计入 11 张

      编号   参评对象    满意  基本满意  不满意  不了解  空白  无效  未计入
      -----  ----------  ----  --------  ------  ------  ----  ----  ------
      cgjdk  城管监督科     5         2       1       1     1     1       1

      按评价人类别：
      编号   参评对象    评价人类别      满意  基本满意  不满意  不了解
      -----  ----------  --------------  ----  --------  ------  ------
      cgjdk  城管监督科  市民群众           2         1       1       0
      cgjdk  城管监督科  商户               2         0       0       0
      cgjdk  城管监督科  企业代表           0         1       0       1
      cgjdk  城管监督科  社区基层工作者     1         0       0       0

      未计入的票（3 张次）：
      票号  编号   参评对象    原因
      ----  -----  ----------  --------------------------------------
      10    cgjdk  城管监督科  空白（未勾选）
      07    cgjdk  城管监督科  无效（勾选了多个不同选项）
      08    cgjdk  城管监督科  重复评价人未计（同一评价人只计第一张）

      重复评价人 1 个（同一评价人标识的票）：
        r05：05、08

      用时过短 1 张（少于 30 秒，仍计入，供核查）：06

      本次清点依据的假定（政策未设定的规则）：
        - ballot-validity：收回票数多于发出票数的，整箱无效；同一对象勾选多个不同选项的为废票，未勾选的为空白，均不计入
        - ballot-quorum：不设收回率要求
        - group-weights：各类评价人的票合并计算，不按类别加权"
    `);
  });

  it("speaks English with --lang en", async () => {
    const run = await cli(["tally", box, "--participants", roster, "--policy", policy, "--lang", "en"]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines.slice(0, 2)).toEqual(["Ballots: service recipients' evaluation (服务对象代表评价), serviceRecipients, year 2022, surveyed 2022-12-20", "12 issued, 12 returned, 11 counted"]);
    expect(run.out).toContain("08      cgjdk  城管监督科  repeated rater, set aside (only a rater's first ballot counts)");
    expect(run.out).toContain("1 too fast (under 30 seconds, still counted, listed for checking): 06");
    expect(run.out).not.toMatch(/[满空假]/u);
  });

  it("says so when every ballot counted for every body", async () => {
    const clean = file("clean.json", JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: [{ id: "1", marks: { cgjdk: "满意" } }] }));
    const run = await cli(["tally", clean, "--participants", roster]);
    expect(run.out).toContain("未计入的票：无");
    expect(run.out).toContain("发出票数未给出，收回 1 张，计入 1 张");
  });
});

describe.each(["0", "1", "2", "10"])("tally: the conformance ballot box %s", (n) => {
  const { fixture, json, ndjson, roster, policy } = boxFiles(n);
  const year = ["--year", String(fixture.box.year)];
  const issued = fixture.box.issued === undefined ? [] : ["--issued", String(fixture.box.issued)];
  const withSource = (tally: unknown, files: readonly string[]): unknown => ({ ...(tally as object), source: files.map((f) => ({ file: f, sha256: sha256(f) })) });
  const policyFiles = policy.length === 0 ? [] : [policy[1] as string];

  it.each([
    ["JSON", json, [], "native"],
    ["NDJSON", ndjson, [], "native"],
    ["native workbook", `${DIR}/${n}-native.xlsx`, [...year, ...issued], "native"],
    ["survey platform workbook", `${DIR}/${n}-platform.xlsx`, [...year, ...issued, "--component", fixture.box.component, "--date", fixture.box.date], "platform"],
  ] as const)("gives the expected tally of the %s box as JSON, with each file's SHA-256", async (_, box, flags, layout) => {
    const run = await cli(["tally", box, "--participants", roster, ...policy, ...flags, "--format", "json"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // Stable bytes: the tally's keys in order, then the sources, indented by two spaces.
    expect(run.out).toBe(JSON.stringify(withSource(fixture[layout].tally, [box, roster, ...policyFiles]), null, 2));
  });

  it("prints the same table from the JSON, the NDJSON and the native workbook", async () => {
    const fromJson = await cli(["tally", json, "--participants", roster, ...policy]);
    expect(fromJson.code).toBe(0);
    expect((await cli(["tally", ndjson, "--participants", roster, ...policy])).out).toBe(fromJson.out);
    expect((await cli(["tally", `${DIR}/${n}-native.xlsx`, "--participants", roster, ...policy, ...year, ...issued])).out).toBe(fromJson.out);
  });
});

describe("tally: the SHA-256 of the files read", () => {
  it("changes with one byte of the box, and matches node:crypto's of each file", async () => {
    const roster = `${DIR}/1-roster.json`;
    const { json } = boxFiles("1");
    const a = JSON.parse((await cli(["tally", json, "--participants", roster, "--format", "json"])).out) as { source: { file: string; sha256: string }[] };
    const changed = file("box-1-spaced.json", `${readFileSync(json, "utf8")} `);
    const b = JSON.parse((await cli(["tally", changed, "--participants", roster, "--format", "json"])).out) as { source: { file: string; sha256: string }[] };
    expect(a.source[0]?.sha256).toBe(sha256(json));
    expect(b.source[0]?.sha256).toBe(sha256(changed));
    expect(a.source[0]?.sha256).not.toBe(b.source[0]?.sha256);
    expect(a.source[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.source[1]).toEqual({ file: roster, sha256: sha256(roster) });
  });
});

describe("tally --merge", () => {
  const inputs = "examples/2022/inputs.ndjson";
  const roster = file("cgjdk-roster.json", JSON.stringify([{ id: "cgjdk", name: "城管监督科" }]));
  const box = (marks: readonly string[]): string =>
    file(`merge-${marks.length}.json`, JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: marks.map((mark, i) => ({ id: String(i + 1), marks: { cgjdk: mark } })) }));

  it("writes the inputs with the counts applied, one per line, the others unchanged", async () => {
    const marks = [...Array<string>(17).fill("满意"), ...Array<string>(4).fill("基本满意"), "不了解", ""];
    const run = await cli(["tally", box(marks), "--participants", roster, "--merge", inputs]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    const original = readFileSync(inputs, "utf8").trim().split("\n");
    expect(lines).toHaveLength(original.length);
    expect(lines.slice(1)).toEqual(original.slice(1));
    const merged = JSON.parse(lines[0] as string) as { components: { deputies: unknown } };
    expect(merged.components.deputies).toEqual({ ballots: { satisfied: 17, basicallySatisfied: 4, dissatisfied: 0, unknown: 1 }, date: "2023-01-10" });
  });

  it("refuses other counts than the input's (counts-differ), naming the line, and prints nothing", async () => {
    const run = await cli(["tally", box(["满意", "不满意"]), "--participants", roster, "--merge", inputs]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(/^examples\/2022\/inputs\.ndjson 第 1 行：components\.deputies: .*\(counts-differ\)$/u);
    expect((await cli(["tally", box(["满意", "不满意"]), "--participants", roster, "--merge", inputs, "--lang", "en"])).err).toMatch(/^examples\/2022\/inputs\.ndjson line 1: components\.deputies: .*\(counts-differ\)$/u);
  });
});

describe("tally: usage errors (exit 2)", () => {
  const box = file("usage.json", JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: [] }));
  const roster = file("usage-roster.json", JSON.stringify(["cgjdk"]));
  it.each([
    [["tally", box], /缺少必需的选项 --participants FILE/u],
    [["tally", box, "--participants", roster, "--format", "xml"], /--format 只能是 table 或 json，不能是 xml/u],
    [["tally", box, "--participants", roster, "--format", "json", "--merge", "examples/2022/inputs.ndjson"], /--merge .*--format/u],
    [["tally", box, "--participants", roster, "--component", "deputies"], /--component 只用于 \.xlsx 票箱/u],
    [["tally", box, "--participants", roster, "--issued", "60"], /--issued 只用于 \.xlsx 票箱/u],
    [["tally", "a.xlsx", "--participants", roster, "--issued", "sixty"], /--issued 应为 0 至 1000000000 的整数/u],
    [["tally", "a.xlsx", "--participants", roster, "--date", "2022-02-30"], /--date 应为 YYYY-MM-DD 形式的日历日期/u],
    [["tally", "a.xlsx", "--participants", roster, "--year", "22"], /--year 应为 2000 至 2098 的年份/u],
    [["tally"], /缺少参数/u],
    [["tally", box, "--participants", roster, "--bogus"], /未知选项 --bogus/u],
  ])("%j", async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(message);
  });
});

describe("tally: input errors (exit 1), one line per problem", () => {
  const roster = file("errors-roster.json", JSON.stringify([{ id: "cgjdk", name: "城管监督科" }, { id: "zfzd", name: "执法中队" }]));

  it("names the NDJSON line of each ballot at fault, and lines that are not JSON", async () => {
    const box = file(
      "errors.ndjson",
      [
        JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", issued: 10 }),
        JSON.stringify({ id: "1", marks: { cgjdk: "满意" } }),
        "",
        JSON.stringify({ id: "2", marks: { cgjdk: "很满意" } }),
        "{oops",
        JSON.stringify({ id: "3", marks: { nobody: "满意" } }),
        JSON.stringify({ id: "3", marks: {} }),
      ].join("\n"),
    );
    const run = await cli(["tally", box, "--participants", roster]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    // Each line: the file and line, then the path, the message and the code.
    expect(run.errLines.map((line) => `${line.slice(0, line.indexOf("："))} ${/\(([a-z-]+)\)$/u.exec(line)?.[1] ?? "-"}`)).toEqual([
      `${box} 第 4 行 invalid-mark`,
      `${box} 第 5 行 -`,
      `${box} 第 6 行 unknown-participant`,
      `${box} 第 7 行 duplicate-id`,
    ]);
    expect(run.errLines[1]).toMatch(/第 5 行：不是有效的 JSON/u);
    expect(run.errLines[0]).toContain("marks.cgjdk");
  });

  it("names a header line that is not JSON once, without reading a ballot as the header", async () => {
    const box = file("bad-header.ndjson", ['{"year": 2022, component: "deputies"}', '{"id":"1","marks":{}}', '{"id":"2","marks":{}}'].join("\n"));
    const run = await cli(["tally", box, "--participants", roster]);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(/第 1 行：不是有效的 JSON/u);
  });

  it("refuses a pretty-printed box named .ndjson in one line", async () => {
    const box = file("pretty.ndjson", JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: [{ id: "1", marks: {} }] }, null, 2));
    const run = await cli(["tally", box, "--participants", roster, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(/line 1: the JSON of the first line is not finished .* belongs in a \.json file$/u);
  });

  it("tallies an .ndjson whose one line is the whole box", async () => {
    const box = file("one-line.ndjson", JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: [{ id: "1", marks: { cgjdk: "满意" } }] }));
    const run = await cli(["tally", box, "--participants", roster, "--format", "json"]);
    expect(run.code, run.err).toBe(0);
    expect((JSON.parse(run.out) as { participants: { survey: { ballots: { satisfied: number } } }[] }).participants[0]?.survey.ballots.satisfied).toBe(1);
  });

  it("names --issued for a workbook box with more ballots than issued, and the sheet's row of a ballot at fault", async () => {
    const over = await cli(["tally", `${DIR}/1-native.xlsx`, "--participants", `${DIR}/1-roster.json`, "--issued", "1", "--year", "2023"]);
    expect(over.code).toBe(1);
    expect(over.err).toMatch(/^test\/fixtures\/ballots\/1-native\.xlsx: --issued: .*\(box-over-issued\)$/u);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("测评票");
    ws.addRow(["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）", "城管监督科"]);
    ws.addRow(["1", "deputies", "2023-01-10", "商户", null, null, "满意"]);
    ws.addRow(["2", "deputies", "2023-01-10", null, null, null, "满意"]);
    const path = file("groupless.xlsx", "");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const groupless = await cli(["tally", path, "--participants", roster]);
    expect(groupless.code).toBe(1);
    expect(groupless.err).toMatch(/groupless\.xlsx: 测评票 第 3 行：group: .*\(missing-group\)$/u);
  });

  it("names a missing NDJSON box", async () => {
    const run = await cli(["tally", "nowhere.ndjson", "--participants", roster]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("找不到文件：nowhere.ndjson");
  });

  it("refuses a box with more ballots than issued, at its header line", async () => {
    const box = file("over.ndjson", [JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", issued: 1 }), '{"id":"1","marks":{}}', '{"id":"2","marks":{}}'].join("\n"));
    const run = await cli(["tally", box, "--participants", roster, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/ line 1: issued: .*\(box-over-issued\)$/u);
  });

  it("names a missing file, a JSON box that is not JSON, a workbook's cells, and a participants file at fault", async () => {
    expect((await cli(["tally", "nowhere.json", "--participants", roster])).err).toBe("找不到文件：nowhere.json");
    const bad = file("bad.json", "{ year: 2022");
    const notJson = await cli(["tally", bad, "--participants", roster]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/不是有效的 JSON：.*\.ndjson/u);
    const platform = await cli(["tally", `${DIR}/1-platform.xlsx`, "--participants", `${DIR}/1-roster.json`]);
    expect(platform.code).toBe(1);
    expect(platform.errLines.every((line) => line.endsWith("(missing-option)"))).toBe(true);
    expect(platform.err).toContain("--component");
    const twice = file("twice.json", JSON.stringify(["cgjdk", "cgjdk"]));
    const box = file("ok.json", JSON.stringify({ year: 2022, component: "deputies", date: "2023-01-10", ballots: [] }));
    const duplicate = await cli(["tally", box, "--participants", twice]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toMatch(new RegExp(`^${twice.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\[1\\]: .*\\(duplicate-id\\)$`, "u"));
    const inputsBad = file("bad-inputs.ndjson", '{"participant":{"id":"cgjdk"}}\n{nope\n');
    expect((await cli(["tally", box, "--participants", inputsBad])).err).toMatch(/bad-inputs\.ndjson 第 2 行不是有效的 JSON/u);
  });
});

/** An NDJSON box of `count` ballots for five bodies, each mark from the ballot's number. */
function bigBox(count: number): { path: string; expected: Record<string, number>[] } {
  const ids = ["a", "b", "c", "d", "e"];
  const marks = ["满意", "基本满意", "不满意", "不了解", "", ["满意", "不满意"]] as const;
  const keys = ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"] as const;
  const expected = ids.map(() => ({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 }) as Record<string, number>);
  const lines = [JSON.stringify({ year: 2022, component: "serviceRecipients", date: "2022-12-20", issued: count })];
  for (let i = 0; i < count; i += 1) {
    const ballot: Record<string, unknown> = {};
    ids.forEach((id, k) => {
      const m = (i * (k + 1) + k) % marks.length;
      ballot[id] = marks[m];
      const key = keys[m];
      const counts = expected[k] as Record<string, number>;
      if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
    });
    lines.push(JSON.stringify({ id: `b${i}`, seconds: 60 + (i % 200), marks: ballot }));
  }
  return { path: file(`big-${count}.ndjson`, `${lines.join("\n")}\n`), expected };
}

describe("tally: a big NDJSON box", () => {
  const roster = file("big-roster.json", JSON.stringify(["a", "b", "c", "d", "e"]));
  const { path, expected } = bigBox(200_000);

  it("streams 200,000 ballots into the right counts", async () => {
    const started = Date.now();
    const run = await cli(["tally", path, "--participants", roster, "--format", "json"]);
    expect(run.code, run.err).toBe(0);
    const t = JSON.parse(run.out) as { box: { returned: number; counted: number }; participants: { survey: { ballots: Record<string, number> } }[] };
    expect(t.box).toMatchObject({ returned: 200_000, counted: 200_000 });
    expect(t.participants.map((p) => p.survey.ballots)).toEqual(expected);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("prints its table, a row for each of the 300,000-odd ballots not counted for a body", async () => {
    const run = await cli(["tally", path, "--participants", roster]);
    expect(run.code, run.err).toBe(0);
    const notCounted = expected.reduce((sum, counts) => sum + 200_000 - Object.values(counts).reduce((a, b) => a + b, 0), 0);
    expect(notCounted).toBeGreaterThan(300_000);
    expect(run.out).toContain(`未计入的票（${notCounted} 张次）：`);
  });

  it.runIf(BUILT)("tallies it with a heap far smaller than the box read whole would need", () => {
    // The file is some 20 MB; parsed whole it would take well over 100 MB of heap.
    expect(statSync(path).size).toBeGreaterThan(15_000_000);
    const child = spawnSync(process.execPath, ["--max-old-space-size=48", BIN, "tally", path, "--participants", roster, "--format", "json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect((JSON.parse(child.stdout) as { box: { returned: number } }).box.returned).toBe(200_000);
  });
});

describe("tally: a native workbook holding two surveys", () => {
  /** A 测评票 sheet with the deputies' and the counterparts' ballots of cgjdk. */
  async function twoSurveys(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("测评票");
    ws.addRow(["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）", "城管监督科"]);
    ws.addRow(["1", "“两代表一委员”评价", "2023-01-10", null, null, null, "满意"]);
    ws.addRow(["2", "deputies", "2023-01-10", null, null, null, "基本满意"]);
    ws.addRow(["1", "县市区对口部门评价", "2023-01-12", null, null, null, "不满意"]);
    const path = file("two-surveys.xlsx", "");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    return path;
  }
  const roster = file("two-roster.json", JSON.stringify([{ id: "cgjdk", name: "城管监督科" }]));

  it("tallies each survey: two tables, a JSON array of two tallies, and --merge applies both", async () => {
    const book = await twoSurveys();
    const table = await cli(["tally", book, "--participants", roster]);
    expect(table.code, table.err).toBe(0);
    expect(table.out.match(/^测评票：/gmu)).toHaveLength(2);
    const json = await cli(["tally", book, "--participants", roster, "--format", "json"]);
    const tallies = JSON.parse(json.out) as { box: { component: string }; source: unknown[] }[];
    expect(tallies.map((t) => t.box.component)).toEqual(["deputies", "countyCounterparts"]);
    expect(tallies[0]?.source).toEqual([{ file: book, sha256: sha256(book) }, { file: roster, sha256: sha256(roster) }]);
    const input = { year: 2022, participant: { id: "cgjdk", name: "城管监督科", category: "comprehensive-management" }, components: {} };
    const merged = await cli(["tally", book, "--participants", roster, "--merge", file("two-inputs.ndjson", JSON.stringify(input))]);
    expect(merged.code, merged.err).toBe(0);
    expect((JSON.parse(merged.out) as { components: unknown }).components).toEqual({
      deputies: { ballots: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0, unknown: 0 }, date: "2023-01-10" },
      countyCounterparts: { ballots: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, unknown: 0 }, date: "2023-01-12" },
    });
    // --component keeps the workbook's own check: every row must be of that survey.
    const one = await cli(["tally", book, "--participants", roster, "--component", "deputies"]);
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/\(invalid-cell\)$/u);
  });
});

describe("tally in the docs", () => {
  const box = "examples/ballots/2022/countyCounterparts-2023-01-13.json";
  const roster = "examples/ballots/2022/countyCounterparts-2023-01-13.participants.json";

  it("shows in docs/cli.md (English) and 使用说明.md (Chinese) exactly what the command prints", async () => {
    const en = await cli(["tally", box, "--participants", roster, "--lang", "en"]);
    const zh = await cli(["tally", box, "--participants", roster]);
    expect(en.code).toBe(0);
    expect(readFileSync("docs/cli.md", "utf8")).toContain(`\`\`\`\n${en.out}\n\`\`\``);
    expect(readFileSync("docs/zh-CN/使用说明.md", "utf8")).toContain(`\`\`\`\n${zh.out}\n\`\`\``);
  });

  it("lists tally in --help, in both languages", async () => {
    expect((await cli(["--help"])).out).toContain("wubi-wuping tally BOX.json|BOX.ndjson|BOX.xlsx --participants FILE");
    expect((await cli(["--help", "--lang", "en"])).out).toContain("count a ballot box: each body's survey counts");
    expect((await cli(["--help"])).out).toContain("清点测评票");
  });
});
