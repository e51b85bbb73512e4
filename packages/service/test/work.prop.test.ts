/**
 * The law of the `POST /v1/tally` work budget (`runJob` in process): a tally is refused with
 * `too-much-work` exactly when `max(ballots, 1) × participants` is over `--max-tally-work`, and
 * otherwise answered with the library's tally.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeTally, xuancheng2022, type Policy } from "wubi-wuping";
import { documentJson } from "wubi-wuping/formats";
import { runJob, type AnalysisJob } from "../src/work.js";

const POLICIES = new Map<string, Policy>([[xuancheng2022.id, xuancheng2022]]);
const job = (body: unknown, maxTallyWork: number): AnalysisJob => ({
  kind: "tally",
  bytes: Buffer.from(JSON.stringify(body)),
  lang: "en",
  values: {},
  maxItems: 100_000,
  maxScenarioWork: 2e7,
  maxTallyWork,
});
const box = (ballots: number): Record<string, unknown> => ({
  year: 2022,
  component: "deputies",
  date: "2022-12-20",
  ballots: Array.from({ length: ballots }, (_, i) => ({ id: String(i), marks: i % 2 === 0 ? {} : { p0: "满意" } })),
});
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i}`);
const issuesOf = (body: string): { path: unknown[]; code: string }[] => (JSON.parse(body) as { issues: { path: unknown[]; code: string }[] }).issues;

describe("the tally work budget", () => {
  it("refuses exactly the tallies over the budget, before counting; tallies the others as the library does", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 300 }), (ballots, participants, budget) => {
        const body = { box: box(ballots), participants: ids(participants) };
        const answer = runJob(job(body, budget), POLICIES);
        if (Math.max(ballots, 1) * participants > budget) {
          expect(answer.status).toBe(422);
          expect(issuesOf(answer.body)).toMatchObject([{ path: [], code: "too-much-work" }]);
        } else {
          const outcome = safeTally(body.box, { participants: body.participants });
          expect(outcome.success).toBe(true);
          if (outcome.success) expect(answer).toEqual({ status: 200, body: `${documentJson(outcome.data)}\n` });
        }
      }),
      { numRuns: 200 },
    );
  });
});
