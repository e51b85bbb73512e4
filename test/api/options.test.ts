/**
 * Untyped callers: options that are not objects count as no options, never a TypeError.
 */
import { describe, expect, it } from "vitest";
import { InputError, checkCoverage, cycleOf, definePolicy, planCycle, rank, safeScore, xuancheng2022 } from "../../src/index.js";
import { completeInput } from "../support/inputs.js";

type Loose = (...args: unknown[]) => unknown;

describe("options from untyped callers", () => {
  it("safeScore takes null options as none and still never throws", () => {
    const outcome = (safeScore as Loose)(completeInput(), null) as ReturnType<typeof safeScore>;
    expect(outcome.success && outcome.data.total).toBe("93.23");
    const refused = (safeScore as Loose)({}, 42) as ReturnType<typeof safeScore>;
    expect(refused.success).toBe(false);
  });

  it("definePolicy, rank and cycleOf take null options as none", () => {
    expect((definePolicy as Loose)({ id: "x" }, null)).toMatchObject({ id: "x", base: "xuancheng-2022" });
    expect((rank as Loose)([], null)).toEqual([]);
    expect((cycleOf as Loose)(2023, xuancheng2022, null)).toEqual({ index: 0, firstYear: 2022, lastYear: 2024 });
  });

  it("checkCoverage and planCycle refuse null arguments with an InputError", () => {
    expect(() => (checkCoverage as Loose)(null)).toThrow(InputError);
    expect(() => (planCycle as Loose)(undefined)).toThrow(InputError);
  });
});

describe("an unknown lang from untyped callers", () => {
  it("reports the same problem, in Chinese, as without it", () => {
    const input = completeInput();
    delete (input["components"] as Record<string, unknown>)["deputies"];
    const outcome = (safeScore as Loose)(input, { lang: "fr" }) as ReturnType<typeof safeScore>;
    if (outcome.success) throw new Error("expected an input error");
    expect(outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[["components", "deputies"], "missing-component"]]);
    expect(outcome.error.issues[0]?.message).toMatch(/缺少/);
  });
});
