/**
 * Type-level guarantees of the public surface (checked by `tsc --noEmit` over the tests, and a
 * no-op at run time).
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  safeScore,
  score,
  type InputError,
  type ScoreResult,
  type TraceStep,
  type Finding,
  type Policy,
  type ScoreInputJson,
} from "../src/index.js";

describe("public types", () => {
  it("score returns a ScoreResult whose scores are strings", () => {
    expectTypeOf(score).returns.toEqualTypeOf<ScoreResult>();
    expectTypeOf<ScoreResult["total"]>().toEqualTypeOf<string>();
    expectTypeOf<ScoreResult["tier"]>().toEqualTypeOf<"excellent" | "competent" | "basically-competent" | "incompetent" | null>();
  });

  it("safeScore returns a discriminated union on success", () => {
    type Outcome = ReturnType<typeof safeScore>;
    expectTypeOf<Extract<Outcome, { success: true }>["data"]>().toEqualTypeOf<ScoreResult>();
    expectTypeOf<Extract<Outcome, { success: false }>["error"]>().toEqualTypeOf<InputError>();
  });

  it("trace steps and findings are discriminated on op and code", () => {
    expectTypeOf<Extract<TraceStep, { op: "round-half-up" }>>().toEqualTypeOf<{ op: "round-half-up"; from: string; to: string }>();
    expectTypeOf<Finding["code"]>().toEqualTypeOf<
      | "outside-window"
      | "too-few-rounds"
      | "missing-component"
      | "nonstandard-document-number"
      | "bonus-capped"
      | "pending-veto"
      | "veto-outside-period"
      | "group-missing"
    >();
  });

  it("input numbers accept JSON numbers and decimal strings", () => {
    type Score = NonNullable<ScoreInputJson["components"]["cityLeaders"]>["scores"][number]["score"];
    expectTypeOf<Score>().toEqualTypeOf<number | string>();
  });

  it("policies are read-only values", () => {
    expectTypeOf<Policy["parameters"]["decimals"]["value"]>().toEqualTypeOf<number>();
    expectTypeOf<Policy>().toHaveProperty("id").toEqualTypeOf<string>();
  });
});
