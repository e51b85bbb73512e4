/**
 * Laws of `readBallots`: any box written as a 测评票 sheet — marks spelt as labels or ids, padded,
 * several ticks joined by ┋ or 、, participant columns in any order and headed by id or name — or
 * as a survey platform's export reads back as that box, marks as ids.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBallots, type BallotBoxJson, type BallotMark } from "../src/index.js";
import { bookOf } from "./book.js";

const MARKS: readonly BallotMark[] = ["satisfied", "basically-satisfied", "dissatisfied", "unknown"];
const LABEL: Record<BallotMark, string> = { satisfied: "满意", "basically-satisfied": "基本满意", dissatisfied: "不满意", unknown: "不了解" };
const PEOPLE = ["p0", "p1", "p2", "p3", "p4"].map((id, i) => ({ id, name: `科室${"甲乙丙丁戊"[i] as string}` }));

const markArb = fc.constantFrom(...MARKS);
const cellMarkArb = fc.option(fc.oneof(markArb, fc.array(markArb, { minLength: 2, maxLength: 3 })), { nil: undefined });

/** A box of 1..5 participants and 1..12 ballots, with the spelling of each cell. */
const caseArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    who: fc.constant(PEOPLE.slice(0, n)),
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    byName: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ballots: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[0-9A-Z]{1,6}$/),
        group: fc.option(fc.constantFrom("市民群众", "商户", "企业代表"), { nil: undefined }),
        rater: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        seconds: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        marks: fc.array(cellMarkArb, { minLength: n, maxLength: n }),
        spelling: fc.array(fc.record({ label: fc.boolean(), pad: fc.constantFrom("", " ", "\u3000"), join: fc.constantFrom("┋", "、") }), { minLength: n, maxLength: n }),
      }),
      { minLength: 1, maxLength: 12, selector: (b) => b.id },
    ),
  }),
);
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const spelt = (mark: BallotMark | BallotMark[], how: { label: boolean; pad: string; join: string }): string =>
  `${how.pad}${(Array.isArray(mark) ? mark : [mark]).map((m) => (how.label ? LABEL[m] : m)).join(how.join)}${how.pad}`;

/** The box the case describes, as `readBallots` writes it. */
function expected(c: Case, layout: "native" | "platform"): BallotBoxJson {
  return {
    year: 2022,
    component: "countyCounterparts",
    date: "2022-12-20",
    ballots: c.ballots.map((b, i) => {
      const marks: Record<string, BallotMark | BallotMark[]> = {};
      c.who.forEach((p, j) => {
        const mark = b.marks[j];
        if (mark !== undefined) marks[p.id] = mark;
      });
      const rater = b.rater === undefined ? undefined : layout === "native" ? `r${b.rater}` : createHash("sha256").update(`10.0.0.${b.rater}`).digest("hex");
      return {
        id: layout === "native" ? b.id : String(i + 1),
        ...(b.group === undefined ? {} : { group: b.group }),
        ...(rater === undefined ? {} : { rater }),
        ...(b.seconds === undefined ? {} : { seconds: b.seconds }),
        marks,
      };
    }),
  };
}

function nativeRows(c: Case): unknown[][] {
  const header = ["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）", ...c.order.map((j) => (c.byName[j] ? c.who[j]?.name : c.who[j]?.id))];
  const rows = c.ballots.map((b) => [
    b.id,
    "县市区对口部门评价",
    "2022-12-20",
    b.group ?? null,
    b.rater === undefined ? null : `r${b.rater}`,
    b.seconds ?? null,
    ...c.order.map((j) => {
      const mark = b.marks[j];
      return mark === undefined ? null : spelt(mark, b.spelling[j] as never);
    }),
  ]);
  return [header, ...rows];
}

function platformRows(c: Case): unknown[][] {
  const header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、评价人类别", ...c.order.map((j, k) => `${k + 2}、您对${c.byName[j] ? c.who[j]?.name : c.who[j]?.id}的评价`)];
  const rows = c.ballots.map((b, i) => [
    i + 1,
    "2022/12/20 10:11:12",
    b.seconds === undefined ? null : `${b.seconds}秒`,
    "手机提交",
    "直接访问",
    b.rater === undefined ? null : `10.0.0.${b.rater}(安徽-宣城)`,
    b.group ?? "(跳过)",
    ...c.order.map((j) => {
      const mark = b.marks[j];
      return mark === undefined ? (i % 2 === 0 ? "(跳过)" : "(空)") : spelt(mark, b.spelling[j] as never);
    }),
  ]);
  return [header, ...rows];
}

describe("readBallots, as a law", () => {
  it("reads any box written in either layout back as that box", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const native = await readBallots(await bookOf({ 测评票: nativeRows(c) }), { participants: c.who, year: 2022 });
        expect(native.success ? native.boxes : native.issues).toEqual([expected(c, "native")]);
        const platform = await readBallots(await bookOf({ 问卷: platformRows(c) }), { participants: c.who, component: "countyCounterparts", date: "2022-12-20" });
        expect(platform.success ? platform.boxes : platform.issues).toEqual([expected(c, "platform")]);
      }),
      { numRuns: 40 },
    );
  });
});
