/**
 * The work of `POST /v1/tally` as the worker thread does it (`runJob`, in process, no build
 * needed): the library's tally bytes, the policy by query or body, the issues placed in the
 * request body, and the `--max-tally-work` budget checked before any counting.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, safeTally, xuancheng2022, type Policy } from "wubi-wuping";
import { documentJson } from "wubi-wuping/formats";
import { runJob, tallyWork, type AnalysisJob } from "../src/work.js";

const POLICIES = new Map<string, Policy>([
  [xuancheng2022.id, xuancheng2022],
  ["ballots-first", definePolicy({ id: "ballots-first", repeatedRater: "first" })],
]);
const job = (body: unknown, options: Partial<Pick<AnalysisJob, "lang" | "values" | "maxTallyWork">> = {}): AnalysisJob => ({
  kind: "tally",
  bytes: Buffer.from(JSON.stringify(body)),
  lang: options.lang ?? "en",
  values: options.values ?? {},
  maxItems: 100_000,
  maxScenarioWork: 2e7,
  maxTallyWork: options.maxTallyWork ?? 2e6,
});
const issuesOf = (body: string): { path: unknown[]; code: string }[] => (JSON.parse(body) as { issues: { path: unknown[]; code: string }[] }).issues;
const fixture = JSON.parse(readFileSync("test/fixtures/ballots/2-expect.json", "utf8")) as { box: { ballots: unknown[] }; policy: Record<string, unknown> };
const roster = JSON.parse(readFileSync("test/fixtures/ballots/2-roster.json", "utf8")) as { id: string }[];
const box = (ballots: number): Record<string, unknown> => ({
  year: 2022,
  component: "deputies",
  date: "2022-12-20",
  ballots: Array.from({ length: ballots }, (_, i) => ({ id: String(i), marks: {} })),
});

describe("runJob for POST /v1/tally", () => {
  it("answers the library's tally, indented, with a final line break", () => {
    const policy = definePolicy(fixture.policy);
    const answer = runJob(job({ box: fixture.box, participants: roster, policy: fixture.policy }), POLICIES);
    const outcome = safeTally(fixture.box, { participants: roster, policy });
    expect(outcome.success).toBe(true);
    if (outcome.success) expect(answer).toEqual({ status: 200, body: `${documentJson(outcome.data)}\n` });
  });

  it("takes the policy from the query or from the body, not both", () => {
    const twice = { box: { ...box(0), ballots: [{ id: "1", rater: "r", marks: { a: "满意" } }, { id: "2", rater: "r", marks: { a: "不满意" } }] }, participants: ["a"] };
    const byQuery = runJob(job(twice, { values: { policy: "ballots-first" } }), POLICIES);
    const inBody = runJob(job({ ...twice, policy: "ballots-first" }), POLICIES);
    const preset = runJob(job(twice), POLICIES);
    expect(byQuery).toEqual(inBody);
    expect(JSON.parse(byQuery.body)).toMatchObject({ box: { returned: 2, counted: 1 } });
    expect(JSON.parse(preset.body)).toMatchObject({ box: { returned: 2, counted: 2 } });
    expect(issuesOf(runJob(job({ ...twice, policy: "ballots-first" }, { values: { policy: "ballots-first" } }), POLICIES).body)).toMatchObject([{ path: ["policy"], code: "policy-twice" }]);
    expect(issuesOf(runJob(job(twice, { values: { policy: "nope" } }), POLICIES).body)).toMatchObject([{ path: ["query", "policy"], code: "unknown-policy" }]);
    expect(issuesOf(runJob(job({ ...twice, policy: "nope" }), POLICIES).body)).toMatchObject([{ path: ["policy"], code: "unknown-policy" }]);
  });

  it("places the box's issues under box and the participants' under participants, a box key called participants included", () => {
    const wrong = { box: { ...box(1), participants: ["a"], issued: 0 }, participants: ["a", "a", 3] };
    const answer = runJob(job(wrong), POLICIES);
    expect(answer.status).toBe(422);
    expect(issuesOf(answer.body).map((issue) => [issue.code, issue.path])).toEqual(
      expect.arrayContaining([
        ["unrecognized_keys", ["box", "participants"]],
        ["duplicate-id", ["participants", 1]],
        ["invalid_type", ["participants", 2]],
      ]),
    );
    expect(issuesOf(answer.body).every((issue) => issue.path[0] === "box" || issue.path[0] === "participants")).toBe(true);
  });

  it("counts the work as ballots × participants, a box without ballots as one ballot, and a part that is not a list as none", () => {
    expect(tallyWork({ box: box(3), participants: ["a", "b"] })).toBe(6);
    expect(tallyWork({ box: box(0), participants: ["a", "b"] })).toBe(2);
    expect(tallyWork({ box: box(5), participants: [] })).toBe(0);
    expect(tallyWork({ box: "x", participants: ["a"] })).toBe(1);
    expect(tallyWork({ box: box(5), participants: "a" })).toBe(0);
    expect(tallyWork({ box: null, participants: ["a", "b"] })).toBe(2);
  });

  it("refuses a box that is not an object, with more participants than the budget, as too much work, not as a failure", () => {
    const answer = runJob(job({ box: null, participants: ["a", "b", "c"] }, { maxTallyWork: 2 }), POLICIES);
    expect(answer.status).toBe(422);
    expect(issuesOf(answer.body)).toMatchObject([{ path: [], code: "too-much-work" }]);
    expect(JSON.parse(answer.body).issues[0].message).toMatch(/^0 ballots × 3 participants = 3/);
  });
});
