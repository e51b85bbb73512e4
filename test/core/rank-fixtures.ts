/** Results to rank: one real result of `score()`, cloned with the facts a ranking reads changed. */
import { readFileSync } from "node:fs";
import { score, type Category, type ScoreResult, type Tier } from "../../src/index.js";

const base: ScoreResult = score(JSON.parse(readFileSync(new URL("../../examples/2022/cgjdk.json", import.meta.url), "utf8")));

/** What a test says about a result; the rest comes from the example. */
export interface ResultFacts {
  readonly id: string;
  readonly total: string;
  readonly category?: Category;
  readonly status?: "final" | "provisional";
  readonly vetoed?: boolean;
  readonly tier?: Tier | null;
  readonly policy?: string;
  readonly year?: number;
}

/** A result with the given facts, valid under `ScoreResultSchema`. */
export function resultOf(facts: ResultFacts): ScoreResult {
  return {
    ...structuredClone(base),
    year: facts.year ?? 2022,
    participant: { id: facts.id, name: `参评对象${facts.id}`, category: facts.category ?? "comprehensive-management" },
    policy: { id: facts.policy ?? "xuancheng-2022" },
    status: facts.status ?? "final",
    vetoed: facts.vetoed ?? false,
    tier: facts.tier === undefined ? (facts.vetoed === true ? "incompetent" : null) : facts.tier,
    total: facts.total,
  };
}

export { deepFreeze } from "../support/inputs.js";
