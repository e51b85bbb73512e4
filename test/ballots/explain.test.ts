/**
 * `explain` with the tallies (SPEC §13, decision T10): under each survey component, the ballots
 * behind its counts, every ballot not counted with its reason, each rule named and marked assumed
 * or set by the policy.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyTally, definePolicy, explain, score, tally } from "../../src/index.js";

const blocks = [...readFileSync("docs/zh-CN/测评票.md", "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as unknown);
const box = blocks[2];
const input = { year: 2022, participant: { id: "cgjdk", name: "城管监督科", category: "law-enforcement" }, components: {} };

function explained(overrides: Record<string, unknown> | undefined, lang: "zh" | "en" = "zh", ids = true): string {
  const policy = overrides === undefined ? undefined : definePolicy(overrides);
  const t = tally(box, { participants: ["cgjdk"], policy });
  const [applied] = applyTally([input], [t]);
  return explain(score(applied, { policy, allowIncomplete: true }), { lang, tallies: [t], ids });
}

describe("explain with tallies", () => {
  it("shows the ballots under the survey component, with each rule's name and provenance", () => {
    const text = explained({ id: "ballot-example", repeatedRater: "first", minSeconds: 30 });
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes("测评票：2022-12-20 测评"));
    expect(lines.slice(at, at + 7)).toEqual([
      "     测评票：2022-12-20 测评，发出 12 张，收回 12 张，计入 11 张",
      "     对本对象：满意 5、基本满意 2、不满意 1、不了解 1（有效票条件（ballot-validity，假定，可由政策覆盖））",
      "     各类评价人（满意/基本满意/不满意/不了解）：市民群众 2/1/1/0；商户 2/0/0/0；企业代表 0/1/0/1；社区基层工作者 1/0/0/0（评价人类别权重（group-weights，假定，可由政策覆盖））",
      "     × 空白票 1 张，不计入：10",
      "     × 废票 1 张（勾选了多个不同选项），不计入：07",
      "     × 未计入 1 张（同一评价人只计第一张；重复评价人（repeated-rater，由政策设定））：08",
      "     ! 重复评价人 1 个（重复评价人（repeated-rater，由政策设定））：r05（05、08）",
    ]);
    expect(lines[at + 7]).toBe("     ! 答题过快 1 张，仍计入，供核查（最短答题用时（ballot-speed，由政策设定））：06");
    expect(lines[at - 1]).toContain("计分时段");
    expect(lines[at - 3]).toContain("服务对象代表评价");
    expect(text).toContain("计算：15 × (5×1 + 2×0.6 + 1×0) / (5 + 2 + 1) = 11.625；“不了解” 1 票不计");
  });

  it("speaks English, and shows nothing more without tallies", () => {
    const text = explained(undefined, "en");
    expect(text).toContain("Ballots: surveyed 2022-12-20, 12 issued, 12 returned, 12 counted");
    expect(text).toContain("! 1 repeated rater(s) (repeated raters (repeated-rater, assumed, a policy may override it)): r05 (05, 08)");
    const t = tally(box, { participants: ["cgjdk"] });
    const result = score(applyTally([input], [t])[0], { allowIncomplete: true });
    expect(explain(result, { tallies: [] })).toBe(explain(result));
    expect(explain(result)).not.toContain("测评票：");
  });

  it("with ids: false, names each ballot rule in words alone, as the offline page shows it", () => {
    const ids = ["ballot-validity", "ballot-quorum", "repeated-rater", "ballot-speed", "group-weights"];
    for (const lang of ["zh", "en"] as const) {
      const text = explained({ id: "ballot-example", repeatedRater: "first", minSeconds: 30 }, lang, false);
      for (const id of ids) expect(text, id).not.toContain(id);
    }
    const lines = explained({ id: "ballot-example", repeatedRater: "first", minSeconds: 30 }, "zh", false).split("\n");
    expect(lines).toContain("     对本对象：满意 5、基本满意 2、不满意 1、不了解 1（有效票条件（假定，可由政策覆盖））");
    expect(lines).toContain("     × 未计入 1 张（同一评价人只计第一张；重复评价人（由政策设定））：08");
  });
});
