/**
 * The declarations build when their modules load. The modules are imported inside the test, not
 * at the top of the file: a declaration that throws while it is built then fails this test, where
 * a top-level import would fail the file before any test ran (which the mutation run's test runner
 * does not count as a failure).
 */
import { describe, expect, it } from "vitest";

describe("the input declarations", () => {
  it("build when their modules load, and read an input", async () => {
    const { NO } = await import("../../src/model/declare.js");
    const { ScoreInputValue } = await import("../../src/model/input.js");
    const { IdValue, NumValue } = await import("../../src/model/values.js");
    expect(IdValue.read("r1")).toBe("r1");
    expect(NumValue.read("23.5")).toBe(23_500_000);
    expect(ScoreInputValue.read({})).toBe(NO);
    expect(ScoreInputValue.schema.safeParse({}).success).toBe(false);
  });
});
