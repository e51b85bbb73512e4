/**
 * Every policy parameter the engine is given is one it reads: the windows by the rule they name.
 */
import { describe, expect, it } from "vitest";
import { scoreParticipantYear } from "../../src/core/score.js";
import type { Policy, PolicyParameters } from "../../src/model/policy.js";
import { compilePolicy } from "../../src/policy/compile.js";
import { xuancheng2022 } from "../../src/policy/xuancheng-2022.js";
import { completeInput } from "../support/inputs.js";

/** The preset with some parameters' values replaced (as a future preset might set them). */
function presetWith(values: Partial<Record<keyof PolicyParameters, unknown>>): Policy {
  const parameters = { ...xuancheng2022.parameters } as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    parameters[key] = { value, provenance: { kind: "policy", policy: "test" } };
  }
  return { ...xuancheng2022, id: "test", parameters: parameters as unknown as PolicyParameters };
}

function scored(policy: Policy, input = completeInput()) {
  const cp = compilePolicy(policy);
  const data = cp.fastInput(input);
  if (data === undefined) throw new Error("expected a valid input");
  return scoreParticipantYear(data, cp).result;
}

describe("policy parameters", () => {
  it("takes the daily and comprehensive windows from the rules the policy names", () => {
    const swapped = scored(presetWith({ dailyWindow: "Y-12-01..end of February Y+1", comprehensiveWindow: "Y-01-01..Y-12-31" }));
    expect(swapped.components[0]?.trace[0]).toEqual({ op: "window", from: "2022-12-01", to: "2023-02-28" });
    expect(swapped.components[4]?.trace[0]).toEqual({ op: "window", from: "2022-01-01", to: "2022-12-31" });
  });

  it("takes the veto period from the rule the policy names", () => {
    const input = completeInput({
      vetoes: [{ id: "v1", ground: "case-filed", subject: "participant", date: "2023-01-15", confirmed: true }],
    });
    expect(scored(xuancheng2022, input).vetoed).toBe(true);
    expect(scored(presetWith({ vetoPeriod: "Y-01-01..Y-12-31" }), input).vetoed).toBe(false);
  });
});
