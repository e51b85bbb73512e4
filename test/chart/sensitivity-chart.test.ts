/** The sensitivity chart: what a person sees, as SVG text. */
import { describe, expect, it } from "vitest";
import { definePolicy } from "../../src/index.js";
import { sensitivity } from "../../src/sensitivity.js";
import { CJK_FONTS, sensitivityChart, strongestScenarios } from "../../src/chart/index.js";
import { completeInput, withComponents } from "../support/inputs.js";

const body = (id: string, name: string, satisfied: number) =>
  withComponents(
    { serviceRecipients: { ballots: { satisfied, basicallySatisfied: 40 - satisfied, dissatisfied: 2 } } },
    { participant: { id, name, category: "law-enforcement" } },
  );
const inputs = [body("a", "甲科", 30), body("b", "A&B <科>", 10), body("c", "丙处", 20), completeInput()];
const result = sensitivity(inputs, { samples: 100 });

/** The words of the Chinese chart for every scenario the default ranges try (docs/zh-CN/假定参数.md). */
const ZH_WORDS: Readonly<Record<string, string>> = {
  "complaintDeduction=0.5": "每件扣 0.5 分",
  "complaintDeduction=2": "每件扣 2 分",
  "roundAggregation=mean-of-fractions": "各轮按本轮满分折算后取平均",
  "roundAggregation=pooled": "各轮得分之和除以各轮满分之和",
  "quotaRounding=floor": "去尾",
  "quotaRounding=half-up": "四舍五入",
  "quotaRounding=ceil": "进一法",
};

/** The text a person reads in an SVG: its text elements, tooltips included. */
const shownText = (svg: string): string =>
  [...svg.matchAll(/<(text|title)[^>]*>([^<]*)</g)]
    .map((m) => (m[2] as string).replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] as string))
    .join("\n");

describe("sensitivityChart", () => {
  const svg = sensitivityChart(result);

  it("is a standalone SVG document whose text falls back through CJK fonts", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain(`font-family="${CJK_FONTS.replace(/"/g, "")}"`);
    expect(CJK_FONTS).toMatch(/^'Noto Sans CJK SC'.*sans-serif$/);
  });

  it("draws one row per body in ranking order, names escaped, and one diamond at each ranked body's base rank", () => {
    const names = result.participants.map((p) => p.participant.name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    const positions = names.map((name) => svg.indexOf(`  ${name}`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(svg).not.toContain("A&B");
    expect(svg.match(/<path d="M/g)?.length).toBe(result.participants.filter((p) => p.rank !== null).length);
  });

  it("draws a bar per varied parameter with its largest mean rank change, labelled in Chinese or English", () => {
    const strongest = strongestScenarios(result);
    expect(strongest.map((s) => s.parameter)).toEqual(result.parameters.map((p) => p.parameter));
    // Issue 21: the Chinese chart words each value (its figure stays), never an id.
    for (const s of strongest) expect(svg).toContain(`${s.meanAbsRankChange}（${ZH_WORDS[`${s.parameter}=${s.value}`] ?? s.value}）`);
    expect(svg).toContain("“基本满意”票的权重");
    const en = sensitivityChart(result, { lang: "en" });
    expect(en).toContain("weight of a basically-satisfied ballot");
    expect(en).toContain("How ranks depend on the assumed parameters");
  });

  it("words every parameter and value in the chart's language, never an id or JSON, the bars' labels within the picture", () => {
    const policy = definePolicy({ id: "quota", excellentQuota: "0.25", tiers: [{ tier: "excellent", min: 90 }, { tier: "basically-competent", min: 0 }] });
    const all = sensitivity(inputs, { policy, samples: 20 });
    const ids = [...new Set(all.oneAtATime.flatMap((s) => [s.parameter, s.value]).filter((v) => /[a-z]{2}/.test(v))), "basically-competent"];
    expect(ids).toEqual(expect.arrayContaining(["roundAggregation", "mean-of-fractions", "pooled", "quotaRounding", "half-up"]));
    for (const lang of ["zh", "en"] as const) {
      const svg = sensitivityChart(all, { lang });
      const shown = shownText(svg);
      for (const id of ids) expect(shown, `${lang}: ${id}`).not.toContain(id);
      for (const label of svg.matchAll(/<text x="([0-9.]+)" y="[0-9.]+" font-size="12">([^<]*)</g)) {
        expect(Number(label[1]) + [...(label[2] as string)].reduce((w, c) => w + ((c.codePointAt(0) as number) > 0x2e80 ? 12 : 7), 0), label[2]).toBeLessThanOrEqual(960);
      }
    }
    const zh = shownText(sensitivityChart(all));
    for (const s of strongestScenarios(all)) expect(zh).toContain(`${s.meanAbsRankChange}（${ZH_WORDS[`${s.parameter}=${s.value}`] ?? s.value}）`);
    const en = shownText(sensitivityChart(all, { lang: "en" }));
    expect(en).toMatch(/\((the mean of each round's fraction of its full marks|the sum of scores over the sum of full marks)\)/);
    expect(en).toMatch(/\(rounded (down|up|half-up)\)/);
  });

  it("words group weights by component and group, pooled weights as pooled", () => {
    const grouped = (id: string, citizens: number, traders: number) =>
      withComponents(
        {
          serviceRecipients: {
            ballots: { satisfied: citizens + traders, basicallySatisfied: 2, dissatisfied: 2 },
            groups: { 市民群众: { satisfied: citizens, basicallySatisfied: 1, dissatisfied: 1 }, 商户: { satisfied: traders, basicallySatisfied: 1, dissatisfied: 1 } },
          },
        },
        { participant: { id, name: id, category: "public-service" } },
      );
    const weighted = sensitivity([grouped("a", 9, 1), grouped("b", 1, 9)], { ranges: { groupWeights: [null, { serviceRecipients: { 市民群众: 6, 商户: 4 } }] }, samples: 5 });
    const scenario = strongestScenarios(weighted).find((s) => s.parameter === "groupWeights");
    const zh = shownText(sensitivityChart(weighted));
    expect(zh).toContain(scenario?.value === "null" ? "（不分类别，合并计算）" : "（服务对象代表评价：市民群众 6、商户 4）");
    expect(zh).not.toMatch(/serviceRecipients|null|[{}"]/);
  });

  it("says so when no parameter was varied", () => {
    const fixed = definePolicy({
      id: "all-set",
      surveyWeights: { satisfied: 1, basicallySatisfied: "0.6", dissatisfied: 0 },
      complaintDeduction: 1,
      roundAggregation: "mean-of-fractions",
    });
    expect(sensitivityChart(sensitivity(inputs, { policy: fixed, samples: 1 }))).toContain("没有参数被改变");
  });
});

describe("sensitivityChart under a policy with tiers", () => {
  const policy = definePolicy({ id: "tiers", excellentQuota: "0.25", tiers: [{ tier: "excellent", min: 90 }, { tier: "competent", min: 0 }] });
  const svg = sensitivityChart(sensitivity(inputs, { policy, samples: 50 }));

  it("writes each body's tier shares in a column beside its row, above the row's shading", () => {
    expect(svg).toContain("等次（各情形中的占比）");
    const shading = [...svg.matchAll(/<rect x="8" y="([0-9.]+)"/g)].map((m) => ({ at: m.index, y: Number(m[1]) }));
    const tierTexts = [...svg.matchAll(/<text x="776.0" y="([0-9.]+)" font-size="12" fill="#(?:555|e65100)">/g)].map((m) => ({ at: m.index, y: Number(m[1]) }));
    expect(tierTexts.length).toBe(inputs.length);
    for (const rect of shading) {
      const inRow = tierTexts.find((t) => t.y > rect.y && t.y < rect.y + 26);
      expect(inRow !== undefined && inRow.at > rect.at).toBe(true);
    }
  });
});

describe("the chart committed in docs/images", () => {
  it("is what the chart draws today for the seven examples under the example quota policy", async () => {
    const { readFileSync } = await import("node:fs");
    const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
    const inputs = read("examples/2022/inputs.ndjson").trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);
    const policy = definePolicy(JSON.parse(read("examples/policy/xuancheng-2022-quota.json")));
    const svg = sensitivityChart(sensitivity(inputs, { policy }));
    expect(`${svg}\n`).toBe(read("docs/images/sensitivity-2022.svg"));
    expect(svg).toContain("优秀 33.4%，称职 66.6%");
  });
});
