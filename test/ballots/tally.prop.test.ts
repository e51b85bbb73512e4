/**
 * Laws of the tally (SPEC §13): what it counts adds up, applying it is typing its counts by hand,
 * the rules for repeated raters and groups behave as the contract says, and the order of the
 * ballots matters only to the order of the lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTally, definePolicy, score, tally, tallyStream, type Policy, type TallyResult } from "../../src/index.js";
import { withComponents, type Json } from "../support/inputs.js";

const PARTICIPANTS = ["p1", "p2", "p3"] as const;
const GROUPS = ["市民群众", "商户", "企业代表"] as const;

const word = fc.constantFrom("满意", "基本满意", "不满意", "不了解", "satisfied", "basically-satisfied", "dissatisfied", "unknown", " 满意 ", "\u3000不满意");
const mark: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom(null, "") },
  { weight: 2, arbitrary: fc.array(fc.oneof(word, fc.constantFrom(null, "")), { maxLength: 3 }) },
);

interface Drawn {
  readonly grouped: boolean;
  readonly ballots: readonly { group: string; rater: string | undefined; seconds: number | undefined; marks: Record<string, unknown> }[];
}

const drawn: fc.Arbitrary<Drawn> = fc.record({
  grouped: fc.boolean(),
  ballots: fc.array(
    fc.record({
      group: fc.constantFrom(...GROUPS),
      rater: fc.option(fc.constantFrom("r1", "r2", "r3", "r4"), { nil: undefined }),
      seconds: fc.option(fc.nat({ max: 120 }), { nil: undefined }),
      marks: fc.record({ p1: mark, p2: mark, p3: mark }, { requiredKeys: [] }),
    }),
    { maxLength: 40 },
  ),
});

/** The box of drawn ballots, ids in drawn order. */
function boxOf(d: Drawn, order: readonly number[] = d.ballots.map((_, i) => i)): Json {
  const ballots = order.map((i) => {
    const b = d.ballots[i] as Drawn["ballots"][number];
    const ballot: Json = { id: `b${i}`, marks: b.marks };
    if (d.grouped) ballot["group"] = b.group;
    if (b.rater !== undefined) ballot["rater"] = b.rater;
    if (b.seconds !== undefined) ballot["seconds"] = b.seconds;
    return ballot;
  });
  return { year: 2022, component: "serviceRecipients", date: "2022-12-20", ballots };
}

const FIRST = definePolicy({ id: "first-rater", repeatedRater: "first", minSeconds: 30 });
const COUNT = definePolicy({ id: "count-rater", repeatedRater: "count", minSeconds: 30 });
const run = (box: Json, policy?: Policy): TallyResult => tally(box, { participants: [...PARTICIPANTS], policy });

describe("the tally", () => {
  it("counts every ballot once per participant: counted, blank, invalid or set aside", () => {
    fc.assert(
      fc.property(drawn, fc.boolean(), (d, first) => {
        const t = run(boxOf(d), first ? FIRST : COUNT);
        expect(t.box.returned).toBe(d.ballots.length);
        for (const p of t.participants) {
          const c = p.survey.ballots;
          expect(c.satisfied + c.basicallySatisfied + c.dissatisfied + c.unknown + p.blank.length + p.invalid.length + p.notCounted.length).toBe(t.box.returned);
          expect(p.notCounted.length).toBe(t.box.returned - t.box.counted);
          if (p.survey.groups !== undefined) {
            for (const key of ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"] as const) {
              expect(Object.values(p.survey.groups).reduce((n, g) => n + g[key], 0)).toBe(c[key]);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("applied and scored, equals scoring the same counts typed by hand", () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const t = run(boxOf(d));
        const p = t.participants[0] as TallyResult["participants"][number];
        const base = withComponents({}, { participant: { id: "p1", name: "甲", category: "public-service" } });
        const { serviceRecipients: _hand, ...others } = base["components"] as Json;
        const input = { ...base, components: others };
        const [applied] = applyTally([input], [t]);
        const typed = { ...input, components: { ...others, serviceRecipients: JSON.parse(JSON.stringify(p.survey)) as Json } };
        expect(score(applied, { allowIncomplete: true })).toEqual(score(typed, { allowIncomplete: true }));
      }),
      { numRuns: 100 },
    );
  });

  it('never counts more of any answer under repeatedRater "first" than under "count"', () => {
    fc.assert(
      fc.property(drawn, (d) => {
        const first = run(boxOf(d), FIRST);
        const count = run(boxOf(d), COUNT);
        first.participants.forEach((p, i) => {
          const q = (count.participants[i] as TallyResult["participants"][number]).survey.ballots;
          for (const key of ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"] as const) expect(p.survey.ballots[key]).toBeLessThanOrEqual(q[key]);
        });
        expect(first.repeatedRaters).toEqual(count.repeatedRaters);
      }),
      { numRuns: 200 },
    );
  });

  it("changes nothing but the order of its lists when the ballots are permuted (repeated raters counted)", () => {
    const sorted = (t: TallyResult) => ({
      ...t,
      participants: t.participants.map((p) => ({ ...p, blank: [...p.blank].sort(), invalid: [...p.invalid].sort(), notCounted: [...p.notCounted].sort() })),
      repeatedRaters: t.repeatedRaters.map((r) => ({ rater: r.rater, ballots: [...r.ballots].sort() })).sort((a, b) => (a.rater < b.rater ? -1 : 1)),
      tooFast: [...t.tooFast].sort(),
    });
    fc.assert(
      fc.property(
        drawn.chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d.ballots.map((_, i) => i), { minLength: d.ballots.length, maxLength: d.ballots.length }))),
        ([d, order]) => {
          expect(sorted(run(boxOf(d, order), COUNT))).toEqual(sorted(run(boxOf(d), COUNT)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("streamed ballot by ballot, gives the same bytes", () => {
    fc.assert(
      fc.property(drawn, fc.boolean(), (d, first) => {
        const box = boxOf(d);
        const { ballots, ...header } = box;
        const policy = first ? FIRST : COUNT;
        const stream = tallyStream(header, { participants: [...PARTICIPANTS], policy });
        for (const ballot of ballots as unknown[]) stream.add(ballot);
        expect(JSON.stringify(stream.finish())).toBe(JSON.stringify({ success: true, data: run(box, policy) }));
      }),
      { numRuns: 100 },
    );
  });
});

describe("group weights", () => {
  it("equal weights give the pooled value when every group has the same number of valid votes", () => {
    const answer = fc.record({ s: fc.nat({ max: 20 }), b: fc.nat({ max: 20 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(answer, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 9 }), (n, shares, weight) => {
        // every group has n valid votes: s, b (capped) and the rest dissatisfied
        const groups = Object.fromEntries(
          shares.map(({ s, b }, i) => {
            const satisfied = Math.min(s, n);
            const basicallySatisfied = Math.min(b, n - satisfied);
            return [`g${i}`, { satisfied, basicallySatisfied, dissatisfied: n - satisfied - basicallySatisfied }];
          }),
        );
        const sum = (key: "satisfied" | "basicallySatisfied" | "dissatisfied") => Object.values(groups).reduce((t, g) => t + g[key], 0);
        const input = withComponents({ serviceRecipients: { ballots: { satisfied: sum("satisfied"), basicallySatisfied: sum("basicallySatisfied"), dissatisfied: sum("dissatisfied") }, groups } });
        const policy = definePolicy({ id: "equal", groupWeights: { serviceRecipients: Object.fromEntries(Object.keys(groups).map((g) => [g, weight])) } });
        const points = (p?: Policy) => score(input, { policy: p }).components.find((c) => c.id === "serviceRecipients")?.points;
        expect(points(policy)).toBe(points());
      }),
      { numRuns: 200 },
    );
  });
});
