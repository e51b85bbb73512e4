/**
 * `wubi-wuping verify INPUT RESULT`: recompute under the policy the result names and compare field
 * by field; exit 0 when identical, exit 1 listing each difference.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, score } from "../../src/index.js";
import { diffJson } from "../../src/formats/verify.js";
import { cli, tempFiles } from "./run.js";

const INPUT = "examples/2022/cgjdk.json";
const RESULT = "examples/2022/expected/cgjdk.json";
const resultText = readFileSync(RESULT, "utf8");
const file = tempFiles("wubi-verify-");

describe("verify", () => {
  it("exits 0 and says so when the result is identical to the recomputation", async () => {
    const run = await cli(["verify", INPUT, RESULT]);
    expect(run.code).toBe(0);
    expect(run.out).toBe("一致：examples/2022/expected/cgjdk.json 与重新计算的结果完全相同（cgjdk 2022，总分 94.51，政策 xuancheng-2022）");
    expect(run.err).toBe("");
  });

  it("ignores the order of keys and the layout of the file", async () => {
    const result = JSON.parse(resultText) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(result).reverse());
    const run = await cli(["verify", INPUT, file("reordered.json", JSON.stringify(reordered, null, 4))]);
    expect(run.code).toBe(0);
  });

  it("catches an edited number and prints its path with both values", async () => {
    const edited = file("edited.json", resultText.replace('"total":"94.51"', '"total":"95.51"'));
    const run = await cli(["verify", INPUT, edited, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual(['total: recomputed "94.51", file has "95.51"']);
    expect(run.err).toBe(`mismatch: ${edited} differs from the result recomputed from ${INPUT} in 1 field`);
  });

  it("catches an edit deep in a trace, a removed field and an added field", async () => {
    const result = JSON.parse(resultText);
    result.components[2].trace[1].terms[0] = "9.6/10";
    delete result.bonus.excluded;
    result.extra = true;
    const run = await cli(["verify", INPUT, file("deep.json", JSON.stringify(result))]);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual([
      "bonus.excluded：重新计算为 []，文件中为 （无此字段）",
      'components.unannouncedVisit.trace[1].terms[0]：重新计算为 "9.5/10"，文件中为 "9.6/10"',
      "extra：重新计算为 （无此字段），文件中为 true",
    ]);
  });

  it("says in one line that a result of another body is not the input's, without comparing fields", async () => {
    const run = await cli(["verify", "examples/2022/csglk.json", RESULT, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toEqual([
      `not the same participant and year: ${RESULT} is the result of cgjdk 2022, but examples/2022/csglk.json is the input of csglk 2022; check that the two files belong together`,
    ]);
    const otherYear = file("other-year.json", resultText.replace('"year":2022', '"year":2023'));
    const zh = await cli(["verify", INPUT, otherYear]);
    expect(zh.errLines).toEqual([`不是同一个参评对象和年度：${otherYear} 是 cgjdk 2023 的结果，而 ${INPUT} 是 cgjdk 2022 的输入；请核对两个文件是否配对`]);
  });

  it("names differing components by id, not by position, and ignores the components' order", async () => {
    const result = JSON.parse(resultText);
    result.components.reverse();
    const deputies = result.components.find((c: { id: string }) => c.id === "deputies");
    deputies.points = "14.10";
    result.components = result.components.filter((c: { id: string }) => c.id !== "cityLeaders");
    const run = await cli(["verify", INPUT, file("by-id.json", JSON.stringify(result)), "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual([
      `components.deputies.points: recomputed "${JSON.parse(resultText).components.find((c: { id: string }) => c.id === "deputies").points}", file has "14.10"`,
      expect.stringMatching(/^components\.cityLeaders: recomputed \{"id":"cityLeaders",.*, file has \(absent\)$/),
    ]);
  });

  it("recomputes under the derived policy given with --policy when its id matches the result's", async () => {
    const overrides = { id: "city-2023", bonusCap: 0.5 };
    const input = JSON.parse(readFileSync(INPUT, "utf8"));
    const result = score(input, { policy: definePolicy(overrides) });
    const resultPath = file("derived.json", JSON.stringify(result));
    const policyPath = file("city-2023.json", JSON.stringify(overrides));
    expect((await cli(["verify", INPUT, resultPath, "--policy", policyPath])).code).toBe(0);

    const missing = await cli(["verify", INPUT, resultPath, "--lang", "en"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`${resultPath} was computed under the derived policy city-2023; give its definition with --policy FILE`);

    const other = file("other.json", JSON.stringify({ id: "city-2024" }));
    const mismatch = await cli(["verify", INPUT, resultPath, "--policy", other, "--lang", "en"]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toBe(`${resultPath} was computed under policy city-2023, but --policy defines city-2024`);
  });

  it("verifies a provisional result, which was computed with --allow-incomplete", async () => {
    const input = JSON.parse(readFileSync(INPUT, "utf8"));
    delete input.components.cityLeaders;
    const inputPath = file("incomplete.json", JSON.stringify(input));
    const result = score(input, { allowIncomplete: true });
    expect((await cli(["verify", inputPath, file("provisional.json", JSON.stringify(result))])).code).toBe(0);
    // The same input claimed as final: the status and the missing component differ.
    const claimed = file("claimed.json", resultText);
    const run = await cli(["verify", inputPath, claimed, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('status: recomputed "provisional", file has "final"');
  });

  it("takes either file from stdin, but not both", async () => {
    expect((await cli(["verify", INPUT, "-"], resultText)).code).toBe(0);
    expect((await cli(["verify", "-", RESULT], readFileSync(INPUT, "utf8"))).code).toBe(0);
    expect((await cli(["verify", "-", "-"], "")).code).toBe(2);
  });

  it("refuses a result that is not a score result, and an invalid input, with exit 1 in one line each", async () => {
    const array = await cli(["verify", INPUT, file("array.json", "[]"), "--lang", "en"]);
    expect(array.code).toBe(1);
    expect(array.err).toMatch(/array\.json must hold a JSON object \(a score result\), not an array$/);
    const noPolicy = await cli(["verify", INPUT, file("no-policy.json", "{}"), "--lang", "en"]);
    expect(noPolicy.code).toBe(1);
    expect(noPolicy.err).toMatch(/no-policy\.json is not a score result: it has no policy\.id/);
    const badInput = await cli(["verify", "test/fixtures/bad-inputs/negative-score.json", RESULT]);
    expect(badInput.code).toBe(1);
    expect(badInput.errLines).toHaveLength(1);
    expect(badInput.err).toContain("components.routineInspection.rounds[0].score");
    const missing = await cli(["verify", INPUT, "nope.json"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe("找不到文件：nope.json");
  });

  it("needs exactly two files", async () => {
    expect((await cli(["verify", INPUT])).code).toBe(2);
    expect((await cli(["verify", INPUT, RESULT, RESULT])).code).toBe(2);
  });
});

describe("the JSON comparison", () => {
  it("reports every differing path, in the recomputed order, up to a limit with the total", () => {
    const expected = { a: [1, 2, 3], b: { c: "x" } };
    const found = { b: { c: "y" }, a: [1, 5] };
    expect(diffJson(expected, found)).toEqual({
      differences: [
        { path: ["a", 1], expected: 2, found: 5 },
        { path: ["a", 2], expected: 3, found: undefined },
        { path: ["b", "c"], expected: "x", found: "y" },
      ],
      total: 3,
    });
    expect(diffJson(expected, found, 1)).toMatchObject({ differences: [{ path: ["a", 1] }], total: 3 });
  });

  it("treats a value of another type as one difference at its path", () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] }).differences).toEqual([{ path: ["a"], expected: { b: 1 }, found: [1] }]);
  });
});
