/**
 * The shared conformance cases of SPEC §13 (copied to test/fixtures/ballots): each box refused
 * with exactly its codes, or tallied to the expected tally (byte for byte, keys in order), and the
 * points of the tallied component once the tally is applied and scored. The boxes of the workbook
 * cases (`N-expect.json`) are tallied too, whole and streamed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyTally, definePolicy, safeScore, safeTally, tallyStream, type Policy, type TallyResult } from "../../src/index.js";

interface Case {
  readonly box: Record<string, unknown> & { readonly year: number; readonly component: string; readonly ballots: readonly unknown[] };
  readonly participants: readonly string[];
  readonly policy: Record<string, unknown> | null;
  readonly expect: { readonly errors: readonly string[] } | { readonly tally: TallyResult; readonly points: Readonly<Record<string, string | null>> };
}

const DIR = "test/fixtures/ballots";
const CASES: readonly Case[] = readFileSync(`${DIR}/cases.ndjson`, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Case);

/** The codes §13 adds, and the codes a refused box may report besides (SPEC §8). */
const BALLOT_CODES = new Set(["invalid-mark", "unknown-participant", "box-over-issued", "below-quorum", "missing-group", "unknown-group", "duplicate-id"]);

const policyOf = (overrides: Case["policy"]): Policy | undefined => (overrides === null ? undefined : definePolicy(overrides));

/** The same box fed ballot by ballot. */
function streamed(box: Case["box"], participants: readonly string[], policy: Policy | undefined) {
  const { ballots, ...header } = box;
  const stream = tallyStream(header, { participants, policy });
  for (const ballot of ballots) stream.add(ballot);
  return stream.finish();
}

/** The points of the box's component for each participant, once the tally is applied to empty inputs. */
function pointsOf(t: TallyResult, policy: Policy | undefined): Record<string, string | null> {
  const inputs = t.participants.map((p) => ({ year: t.box.year, participant: { id: p.participantId, name: p.participantId, category: "public-service" }, components: {} }));
  const out: Record<string, string | null> = {};
  applyTally(inputs, [t]).forEach((input, k) => {
    const scored = safeScore(input, { policy, allowIncomplete: true });
    if (!scored.success) throw scored.error;
    const component = scored.data.components.find((c) => c.id === t.box.component);
    out[(t.participants[k] as TallyResult["participants"][number]).participantId] = component === undefined || component.missing === true ? null : component.points;
  });
  return out;
}

describe("the ballot conformance cases", () => {
  it("are all here", () => {
    expect(CASES).toHaveLength(150);
    expect(CASES.filter((c) => "errors" in c.expect).length).toBeGreaterThan(40);
  });

  CASES.forEach((c, i) => {
    const policy = policyOf(c.policy);
    if ("errors" in c.expect) {
      const expected = c.expect.errors;
      it(`case ${i}: refuses the box with ${expected.join(", ")}`, () => {
        const outcome = safeTally(c.box, { participants: c.participants, policy });
        expect(outcome.success).toBe(false);
        if (outcome.success) return;
        const codes = [...new Set(outcome.error.issues.map((issue) => issue.code))];
        for (const code of expected) expect(codes).toContain(code);
        for (const code of codes) expect(BALLOT_CODES.has(code) && (expected.includes(code) || code === "duplicate-id"), code).toBe(true);
        for (const issue of outcome.error.issues) expect(issue.message.length).toBeGreaterThan(10);
        const again = streamed(c.box, c.participants, policy);
        expect(again.success).toBe(false);
        if (!again.success) expect(again.error.issues).toEqual(outcome.error.issues);
      });
    } else {
      const { tally: expected, points } = c.expect;
      it(`case ${i}: tallies ${c.box.ballots.length} ballots and scores the points`, () => {
        const outcome = safeTally(c.box, { participants: c.participants, policy });
        if (!outcome.success) throw outcome.error;
        expect(JSON.stringify(outcome.data)).toBe(JSON.stringify(expected));
        expect(JSON.stringify(streamed(c.box, c.participants, policy))).toBe(JSON.stringify(outcome));
        expect(pointsOf(outcome.data, policy)).toEqual(points);
      });
    }
  });
});

describe("the boxes of the workbook cases", () => {
  for (const n of [0, 1, 2, 10]) {
    it(`box ${n} tallies to the native layout's tally and points`, () => {
      const file = JSON.parse(readFileSync(`${DIR}/${n}-expect.json`, "utf8")) as {
        box: Case["box"];
        policy: Case["policy"];
        native: { tally: TallyResult; points: Record<string, string | null> };
      };
      const roster = JSON.parse(readFileSync(`${DIR}/${n}-roster.json`, "utf8")) as { id: string }[];
      const policy = policyOf(file.policy);
      const outcome = safeTally(file.box, { participants: roster, policy });
      if (!outcome.success) throw outcome.error;
      expect(JSON.stringify(outcome.data)).toBe(JSON.stringify(file.native.tally));
      expect(JSON.stringify(streamed(file.box, roster.map((r) => r.id), policy))).toBe(JSON.stringify(outcome));
      expect(pointsOf(outcome.data, policy)).toEqual(file.native.points);
    });
  }
});
