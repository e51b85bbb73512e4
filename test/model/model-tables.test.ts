/**
 * The model's own Chinese names, pinned to the contract's terms (SPEC §3 categories, §5 levels by
 * the issuing seal, §7 tiers), the roster's repeated-id check on entries that are themselves
 * invalid, and the policy overrides' `unitCeiling` literal.
 */
import { describe, expect, it } from "vitest";
import { CATEGORY_LABELS, LEVEL_LABELS, TIER_LABELS, definePolicy, RosterSchema } from "../../src/index.js";

describe("the model's Chinese names", () => {
  it("are the contract's terms for categories, levels and tiers", () => {
    expect(CATEGORY_LABELS).toEqual({ "public-service": "公共服务", "law-enforcement": "行政执法", "comprehensive-management": "综合管理(审批)" });
    expect(LEVEL_LABELS).toEqual({ municipal: "市委市政府", "provincial-department": "省直单位", provincial: "省部级", national: "党中央、国务院" });
    expect(TIER_LABELS).toEqual({ excellent: "优秀", competent: "称职", "basically-competent": "基本称职", incompetent: "不称职" });
  });
});

describe("the roster's repeated-id check", () => {
  const entry = (id: unknown): unknown => ({ id, name: "城管监督科", category: "comprehensive-management" });
  const issuesOf = (roster: unknown): { code: string; path: readonly PropertyKey[]; params?: unknown }[] => {
    const parsed = RosterSchema.safeParse(roster);
    expect(parsed.success).toBe(false);
    return (parsed.error?.issues ?? []).map((i) => ({ code: i.code, path: i.path, ...("params" in i ? { params: i.params } : {}) }));
  };

  it("reports a repeated id beside entries that are not objects, without throwing", () => {
    expect(() => RosterSchema.safeParse([null, null, entry("a"), entry("a")])).not.toThrow();
    const issues = issuesOf([null, null, entry("a"), entry("a")]);
    expect(issues.filter((i) => i.code === "custom").map((i) => i.path)).toEqual([[3, "id"]]);
    expect(issues.filter((i) => i.code === "invalid_type").map((i) => i.path)).toEqual([[0], [1]]);
  });

  it("does not call entries without an id, or with an id that is not a string, repeats of each other", () => {
    const issues = issuesOf([{ name: "甲", category: "public-service" }, { name: "乙", category: "public-service" }, entry(5), entry(5)]);
    expect(issues.some((i) => i.code === "custom")).toBe(false);
    expect(issues.map((i) => i.path)).toEqual([[0, "id"], [1, "id"], [2, "id"], [3, "id"]]);
  });
});

describe("a policy's unitCeiling", () => {
  it("takes the literal level-points or a Num, and nothing else", () => {
    expect(definePolicy({ id: "city-a", unitCeiling: "level-points" }).parameters.unitCeiling.value).toBe("level-points");
    expect(definePolicy({ id: "city-b", unitCeiling: "1" }).parameters.unitCeiling.value).toBe("1");
    expect(() => definePolicy({ id: "city-c", unitCeiling: "" })).toThrow();
  });
});
