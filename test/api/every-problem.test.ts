/**
 * Every problem at once (SPEC §8), with its parameters as data; a `policy` option that is not a
 * policy is one clear input error; an exception that is not about the input is not dressed as one.
 */
import { describe, expect, it } from "vitest";
import { InputError, checkCoverage, cycleOf, definePolicy, rank, safeScore, score, xuancheng2022, type Policy } from "../../src/index.js";
import { thrownIssues } from "../support/errors.js";
import { commendation, completeInput, withComponents, type Json } from "../support/inputs.js";

const codesAt = (issues: readonly { readonly path: readonly (string | number)[]; readonly code: string }[]) =>
  issues.map((i) => `${i.path.join(".")} ${i.code}`);

describe("every problem at once", () => {
  it("reports five independent problems in five records in one run, beside their records' other problems", () => {
    const input = withComponents(
      {
        specialInspection: { rounds: [{ date: "2022-05-20", score: 4.5, outOf: 4, note: 7 }, { date: "2022-09-09", score: 5 }] },
        complaints: { complaints: [{ id: "k1", date: "2022-04-01", verified: true }, { id: "k1", date: "2022-13-01", verified: true }] },
      },
      {
        commendations: [commendation({ id: "c1", recipient: "unit", title: 5 }), commendation({ id: "c2", recipient: "section", awarded: "0.2", approved: "yes" })],
        vetoes: [{ id: "v1", ground: "other", subject: "staff", date: "2022-02-30", confirmed: true }],
      },
    );
    const issues = thrownIssues(() => score(input));
    expect(codesAt(issues)).toEqual(
      expect.arrayContaining([
        "components.specialInspection.rounds.0.score score-above-out-of",
        "components.specialInspection.rounds.0.note invalid_type",
        "components.complaints.complaints.1.id duplicate-id",
        "components.complaints.complaints.1.date invalid_format",
        "commendations.0.awarded awarded-required",
        "commendations.0.title invalid_type",
        "commendations.1.awarded awarded-not-allowed",
        "commendations.1.approved invalid_type",
        "vetoes.0.reason reason-required",
        "vetoes.0.date invalid_format",
      ]),
    );
    expect(issues).toHaveLength(10);
  });

  it("lets a rule wait only while its own inputs are invalid", () => {
    const issues = thrownIssues(() =>
      score(withComponents({ routineInspection: { rounds: [{ date: "2022-04-12", score: "x", outOf: 4 }, { date: "2022-05-01", score: 30, outOf: 0 }] } })),
    );
    expect(codesAt(issues)).toEqual(["components.routineInspection.rounds.0.score invalid_format", "components.routineInspection.rounds.1.outOf too_small"]);
  });

  it("reports every problem of a policy's overrides at once, across its stages, none twice", () => {
    const issues = thrownIssues(() =>
      definePolicy(
        {
          id: "xuancheng-2022",
          surveyWeights: { satisfied: "0.5", basicallySatisfied: "0.6", dissatisfied: 0 },
          complaintDeduction: "abc",
          bonusCap: "2.125",
          minRounds: 0,
          tiers: [{ tier: "excellent", min: 80 }, { tier: "excellent", min: 90 }],
          extra: 1,
        },
        { lang: "en" },
      ),
    );
    expect(codesAt(issues)).toEqual([
      "id custom",
      "surveyWeights custom",
      "complaintDeduction invalid_format",
      "bonusCap too-many-decimals",
      "minRounds too_small",
      "tiers.1.tier custom",
      "tiers.1.min custom",
      "extra unrecognized_keys",
    ]);
    expect(new Set(issues.map((i) => JSON.stringify(i))).size).toBe(issues.length);
    const decimals = issues.find((i) => i.code === "too-many-decimals");
    expect(decimals?.value).toBe("2.125");
    expect(decimals?.message).toContain("2.125");
  });

  it("names each value of the base that no longer fits the decimals, once", () => {
    const issues = thrownIssues(() => definePolicy({ id: "whole", decimals: 0 }, { lang: "en" }));
    expect(issues.map((i) => [i.path, i.value, i.params?.["parameter"]])).toEqual([
      [["decimals"], "0.5", "commendationPoints.municipal"],
      [["decimals"], "0.5", "commendationPoints.provincial-department"],
    ]);
  });
});

describe("issues as data", () => {
  it("keeps zod's parameters and the offending value on each issue", () => {
    const input = completeInput({ year: 1999, participant: { id: "p", name: "x", category: "elsewhere" } });
    (input["components"] as Json)["complaints"] = { complaints: [{ id: "k", date: "2022-01-01", verified: "yes" }] };
    const issues = thrownIssues(() => score(input));
    expect(issues.find((i) => i.path.join(".") === "year")).toMatchObject({ code: "too_small", minimum: 2000, inclusive: true, origin: "number", value: 1999 });
    expect(issues.find((i) => i.path.join(".") === "participant.category")).toMatchObject({
      code: "invalid_value",
      values: ["public-service", "law-enforcement", "comprehensive-management"],
      value: "elsewhere",
    });
    expect(issues.find((i) => i.path.at(-1) === "verified")).toMatchObject({ code: "invalid_type", expected: "boolean", received: "string", value: "yes" });
  });

  it("keeps the library's parameters on its own codes", () => {
    const issues = thrownIssues(() => score(withComponents({ routineInspection: { rounds: [{ date: "2022-04-12", score: "9.5", outOf: 9 }, { date: "2022-05-01", score: 30 }] } })));
    expect(issues.map((i) => i.params)).toEqual([
      { score: "9.5", outOf: "9" },
      { score: "30", outOf: "25" },
    ]);
  });

  it("does not repeat a long value", () => {
    const issues = thrownIssues(() => score(completeInput({ participant: { id: "p".repeat(101), name: "x", category: "law-enforcement" } })));
    expect(issues[0]).toMatchObject({ code: "too_big", maximum: 100, origin: "string" });
    expect(issues[0]?.value).toBeUndefined();
  });
});

describe("a policy option that is not a policy", () => {
  const notPolicies: readonly [string, unknown][] = [
    ["overrides JSON", { id: "city", bonusCap: 5 }],
    ["a copy of the preset", { ...xuancheng2022 }],
    ["the preset through JSON", JSON.parse(JSON.stringify(xuancheng2022))],
    ["null", null],
    ["a string", "xuancheng-2022"],
  ];

  it.each(notPolicies)("is refused by score and safeScore with one issue naming the option: %s", (_, policy) => {
    const issues = thrownIssues(() => score(completeInput(), { policy: policy as Policy }));
    expect(issues).toMatchObject([{ path: ["policy"], code: "invalid-policy" }]);
    const outcome = safeScore(completeInput(), { policy: policy as Policy, lang: "en" });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.issues.map((i) => i.message)).toEqual([expect.stringContaining("definePolicy")]);
  });

  it("is refused by rank, the cycle functions and definePolicy's base alike", () => {
    const policy = { id: "city", bonusCap: 5 } as unknown as Policy;
    const results = [score(completeInput())];
    expect(thrownIssues(() => rank(results, { policy }))).toMatchObject([{ path: ["policy"], code: "invalid-policy" }]);
    expect(thrownIssues(() => cycleOf(2023, policy))).toMatchObject([{ path: ["policy"], code: "invalid-policy" }]);
    expect(thrownIssues(() => checkCoverage({ roster: [], evaluations: [], year: 2023, policy }))).toMatchObject([{ path: ["policy"], code: "invalid-policy" }]);
    expect(thrownIssues(() => definePolicy({ id: "x" }, { base: policy }))).toMatchObject([{ path: ["base"], code: "invalid-policy" }]);
  });

  it("accepts the preset and every policy definePolicy makes", () => {
    const derived = definePolicy({ id: "city", bonusCap: 5 });
    expect(score(completeInput(), { policy: derived }).policy.id).toBe("city");
    expect(score(completeInput(), { policy: definePolicy({ id: "town" }, { base: derived }) }).policy.id).toBe("town");
    expect(cycleOf(2023, xuancheng2022).firstYear).toBe(2022);
  });
});

describe("an exception that is not about the input", () => {
  it("propagates from safeScore instead of being reported as an input problem", () => {
    const input = completeInput();
    Object.defineProperty(input, "year", {
      enumerable: true,
      get() {
        throw new RangeError("the caller's own getter");
      },
    });
    expect(() => safeScore(input)).toThrow(RangeError);
    expect(() => safeScore(input)).not.toThrow(InputError);
  });
});
