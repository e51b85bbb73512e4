/**
 * Ballot workbooks written by other programs (test/fixtures/ballots/make-fixtures.py: openpyxl,
 * and LibreOffice Calc converting a flat ODS headless), in both layouts of SPEC §13.5: the boxes
 * they hold, and every planted problem at its exact cell with its cell text quoted. Then the
 * reader's own rules on workbooks made here with ExcelJS.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { readBallots, readWorkbook, type ReadBallotsOptions } from "../src/index.js";
import { bookOf, completeBody } from "./book.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/ballots/${name}`, import.meta.url));

interface Planted {
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
  code: string;
  text: string | null;
}
interface Made {
  roster: { id: string; name: string }[];
  books: Record<string, { options: Omit<ReadBallotsOptions, "participants">; boxes?: unknown[]; rows?: number[][]; issues?: Planted[]; secrets?: string[] }>;
}
const made = JSON.parse(fixture("made-expect.json").toString("utf8")) as Made;
const roster = made.roster;
const producers = ["openpyxl", "libreoffice"] as const;

describe.each(producers)("ballot workbooks written by %s", (producer) => {
  it.each(["native", "platform"])("reads the %s layout into the boxes written by hand", async (name) => {
    const book = made.books[name] as Made["books"][string];
    const outcome = await readBallots(fixture(`${producer}-${name}.xlsx`), { participants: roster, ...book.options });
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (!outcome.success) return;
    expect(outcome.layout).toBe(name);
    expect(JSON.stringify(outcome.boxes)).toBe(JSON.stringify(book.boxes));
    expect(outcome.rows).toEqual(book.rows);
  });

  it.each(["native-problems", "platform-problems"])("reports every planted problem of %s at its cell, quoting its text", async (name) => {
    const book = made.books[name] as Made["books"][string];
    for (const lang of ["zh", "en"] as const) {
      const outcome = await readBallots(fixture(`${producer}-${name}.xlsx`), { participants: roster, ...book.options, lang });
      expect(outcome.success).toBe(false);
      if (outcome.success) return;
      const planted = book.issues ?? [];
      expect(outcome.issues.map(({ message: _, ...place }) => place)).toEqual(planted.map(({ text: _, ...place }) => place));
      outcome.issues.forEach((issue, i) => {
        const text = planted[i]?.text;
        if (issue.sheet !== undefined) expect(issue.message.startsWith(issue.row === 1 || issue.row === undefined ? issue.sheet : `${issue.sheet}!${issue.column}${issue.row}`)).toBe(true);
        if (text !== null && text !== undefined) expect(issue.message).toContain(lang === "zh" ? `“${text}”` : `"${text}"`);
        expect(issue.message.includes("：")).toBe(lang === "zh");
        for (const secret of book.secrets ?? []) expect(issue.message).not.toContain(secret);
      });
    }
  });
});

describe("the ballot reader's rules", () => {
  const who = [{ id: "cgjdk", name: "城管监督科" }, { id: "csglk", name: "城市管理科" }, "zfzd"];
  const header = ["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）"];
  const native = (rows: unknown[][], extra: string[] = ["cgjdk", "城市管理科"]): Promise<Uint8Array> => bookOf({ 测评票: [[...header, ...extra], ...rows] });
  const codes = (outcome: Awaited<ReturnType<typeof readBallots>>): string[] => (outcome.success ? [] : outcome.issues.map((i) => `${i.code}@${i.column ?? ""}${i.row ?? ""}`));

  it("takes participants as ids, roster entries or inputs, and headers by id or name", async () => {
    const bytes = await bookOf({ 测评票: [[...header, "城管监督科", "csglk", "zfzd"], ["1", "deputies", "2022-12-20", null, null, null, "满意", "不满意", "不了解"]] });
    const inputs = [{ participant: { id: "cgjdk", name: "城管监督科" } }, { participant: { id: "csglk", name: "城市管理科" } }, { participant: { id: "zfzd", name: "执法中队" } }];
    for (const participants of [who, inputs]) {
      const outcome = await readBallots(bytes, { participants });
      expect(outcome.success && outcome.boxes).toEqual([{ year: 2022, component: "deputies", date: "2022-12-20", ballots: [{ id: "1", marks: { cgjdk: "satisfied", csglk: "dissatisfied", zfzd: "unknown" } }] }]);
    }
  });

  it("infers the year from the 综合评价 window, and asks for it when the date is outside every window", async () => {
    const january = await native([["1", "deputies", "2023-02-28", null, null, null, "满意", null]]);
    const inJanuary = await readBallots(january, { participants: who });
    expect(inJanuary.success && inJanuary.boxes[0]?.year).toBe(2022);
    const november = await native([["1", "deputies", "2022-11-30", null, null, null, "满意", null]]);
    expect(codes(await readBallots(november, { participants: who }))).toEqual(["missing-option@"]);
    const given = await readBallots(november, { participants: who, year: 2022 });
    expect(given.success && given.boxes[0]?.year).toBe(2022);
  });

  it("gives one box per 考评项目, and wants issued by component then", async () => {
    const bytes = await native([
      ["1", "deputies", "2022-12-20", null, null, null, "满意", null],
      ["1", "服务对象代表评价", "2022-12-21", null, null, null, "满意", null],
      ["2", "deputies", "2022-12-20", null, null, null, "基本满意", null],
    ]);
    const outcome = await readBallots(bytes, { participants: who, issued: { deputies: 2 } });
    expect(outcome.success && outcome.boxes.map((b) => [b.component, b.date, b.issued, b.ballots.map((x) => x.id)])).toEqual([
      ["deputies", "2022-12-20", 2, ["1", "2"]],
      ["serviceRecipients", "2022-12-21", undefined, ["1"]],
    ]);
    expect(outcome.success && outcome.rows).toEqual([[2, 4], [3]]);
    expect(codes(await readBallots(bytes, { participants: who, issued: 3 }))).toEqual(["invalid-option@"]);
    expect(codes(await readBallots(bytes, { participants: who, component: "deputies" }))).toEqual(["invalid-cell@B3"]);
  });

  it("refuses a header naming no participant, several, or one twice", async () => {
    const twins = [{ id: "a", name: "科室" }, { id: "b", name: "科室" }];
    expect(codes(await readBallots(await native([], ["科室"]), { participants: twins }))).toEqual(["unknown-column@G1", "missing-column@"]);
    expect(codes(await readBallots(await native([["1", "deputies", "2022-12-20", null, null, null, "满意", "满意"]], ["cgjdk", "城管监督科"]), { participants: who }))).toEqual([
      "duplicate-column@H1",
    ]);
    const platform = await bookOf({ 问卷: [["序号", "提交答卷时间", "1、城管监督科和城市管理科"], [1, "x", "满意"]] });
    const outcome = await readBallots(platform, { participants: who, component: "deputies", date: "2022-12-20" });
    expect(codes(outcome)).toEqual(["unknown-column@C1", "missing-column@"]);
    expect(outcome.success ? "" : outcome.issues[0]?.message).toContain("cgjdk、csglk");
  });

  it("refuses content under no header, once per column", async () => {
    const bytes = await bookOf({ 测评票: [[...header, "cgjdk"], ["1", "deputies", "2022-12-20", null, null, null, "满意", null, "满意"], ["2", "deputies", "2022-12-20", null, null, null, "满意", null, "x"]] });
    expect(codes(await readBallots(bytes, { participants: who }))).toEqual(["unknown-column@I1"]);
  });

  it("needs the participants, and a platform export's component and date", async () => {
    const platform = await bookOf({ 问卷: [["序号", "提交答卷时间", "1、对cgjdk的评价"], [1, "x", "满意"]] });
    expect(codes(await readBallots(platform, { participants: [] }))).toEqual(["missing-option@", "missing-option@", "missing-option@"]);
    expect(codes(await readBallots(platform, { participants: who, component: "日常督查", date: "2022-02-30" }))).toEqual(["invalid-option@", "invalid-option@"]);
  });

  it("keeps an address only as the SHA-256 of the text before its bracket", async () => {
    const platform = await bookOf({ 问卷: [["序号", "提交答卷时间", "来自IP", "1、对cgjdk的评价"], [1, "x", " 1.2.3.4（安徽-宣城）", "满意"], [2, "x", "1.2.3.4", "(空)"]] });
    const outcome = await readBallots(platform, { participants: who, component: "deputies", date: "2022-12-20" });
    const hash = "6694f83c9f476da31f5df6bcc520034e7e57d421d247b9d34f49edbfc84a764c"; // sha256("1.2.3.4")
    expect(outcome.success && outcome.boxes[0]?.ballots).toEqual([
      { id: "1", rater: hash, marks: { cgjdk: "satisfied" } },
      { id: "2", rater: hash, marks: {} },
    ]);
    expect(JSON.stringify(outcome)).not.toContain("1.2.3.4");
  });

  it("refuses to read addresses where WebCrypto is missing, never keeping one instead", async () => {
    const platform = await bookOf({ 问卷: [["序号", "提交答卷时间", "来自IP", "1、对cgjdk的评价"], [1, "x", "1.2.3.4", "满意"]] });
    vi.stubGlobal("crypto", {});
    try {
      const outcome = await readBallots(platform, { participants: who, component: "deputies", date: "2022-12-20" });
      expect(codes(outcome)).toEqual(["unsupported-environment@"]);
      expect(JSON.stringify(outcome)).not.toContain("1.2.3.4");
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await readBallots(platform, { participants: who, component: "deputies", date: "2022-12-20" })).success).toBe(true);
  });

  it("reads 用时（秒） as whole seconds, 95 or 95秒, and a group after NFKC and trim", async () => {
    const bytes = await native([
      ["1", "deputies", "2022-12-20", " 商户 ", null, "95秒", "满意", null],
      ["2", "deputies", "2022-12-20", "商户", null, 7, "满意", null],
      ["3", "deputies", "2022-12-20", "商户", null, 9.5, "满意", null],
      ["4", "deputies", "2022-12-20", "商户", null, "-5", "满意", null],
    ]);
    expect(codes(await readBallots(bytes, { participants: who }))).toEqual(["invalid-cell@F4", "invalid-cell@F5"]);
    const good = await readBallots(await native([["1", "deputies", "2022-12-20", " 商户 ", null, "95秒", "满意", null]]), { participants: who });
    expect(good.success && good.boxes[0]?.ballots).toEqual([{ id: "1", group: "商户", seconds: 95, marks: { cgjdk: "satisfied" } }]);
  });

  it("reads no other sheet, and tells a workbook without ballots", async () => {
    expect(codes(await readBallots(await bookOf({ 测评: [["编号"]] }), { participants: who }))).toEqual(["missing-sheet@"]);
    expect(codes(await readBallots(new Uint8Array([1, 2, 3]), { participants: who }))).toEqual(["not-a-workbook@"]);
  });

  it("is read beside the records: readWorkbook leaves the 测评票 sheet alone", async () => {
    const bytes = await bookOf({ ...completeBody(), 测评票: [[...header, "001"], ["1", "deputies", "2022-12-20", null, null, null, "满意"]] });
    const records = await readWorkbook(bytes);
    expect(records.success ? [] : records.issues).toEqual([]);
    const ballots = await readBallots(bytes, { participants: ["001"] });
    expect(ballots.success && ballots.boxes[0]?.ballots).toEqual([{ id: "1", marks: { "001": "satisfied" } }]);
  });
});
