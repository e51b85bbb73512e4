/**
 * Builders and fast-check arbitraries for participant-year inputs, shared by the tests.
 */
import fc from "fast-check";

/** A JSON object, loosely typed, as test inputs are. */
export type Json = Record<string, unknown>;

/** A complete, valid 2022 input whose hand-computed total is 93.23 (see test/core/score.test.ts). */
export function completeInput(overrides: Json = {}): Json {
  return {
    year: 2022,
    participant: { id: "hjwsc", name: "市环境卫生管理处", unit: "所属事业单位", category: "comprehensive-management" },
    components: {
      routineInspection: { rounds: [{ date: "2022-04-12", score: 23 }, { date: "2022-10-18", score: "24.5" }] },
      specialInspection: { rounds: [{ date: "2022-05-20", score: 4.5 }, { date: "2022-09-09", score: 5 }] },
      unannouncedVisit: { rounds: [{ date: "2022-03-07", score: 9 }, { date: "2022-11-02", score: "9.5" }] },
      complaints: { complaints: [] },
      serviceRecipients: { ballots: { satisfied: 41, basicallySatisfied: 6, dissatisfied: 1, unknown: 2 } },
      deputies: { ballots: { satisfied: 18, basicallySatisfied: 3, dissatisfied: 0 } },
      countyCounterparts: { ballots: { satisfied: 7, basicallySatisfied: 2, dissatisfied: 1 } },
      cityLeaders: { scores: [{ by: "分管副市长", score: "9.2" }] },
    },
    ...overrides,
  };
}

/** `completeInput()` with some components replaced. */
export function withComponents(components: Json, overrides: Json = {}): Json {
  const base = completeInput(overrides);
  return { ...base, components: { ...(base["components"] as Json), ...components } };
}

/** A commendation with sensible defaults. */
export function commendation(fields: Json): Json {
  return {
    id: "c1",
    matter: "城市管理工作先进集体",
    level: "provincial",
    recipient: "participant",
    documentNumber: "皖政〔2022〕12号",
    approved: true,
    ...fields,
  };
}

/** Deep-freezes a JSON value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A day of `year` (any day of the year, so also outside comprehensive windows). */
const dayOf = (year: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 364 }).map((offset) => {
    const date = new Date(Date.UTC(year, 0, 1 + offset));
    return date.toISOString().slice(0, 10);
  });

/** A `Num` as a JSON number or a decimal string, 0..max with up to 2 decimals. */
const numUpTo = (max: number): fc.Arbitrary<number | string> =>
  fc.tuple(fc.integer({ min: 0, max: max * 100 }), fc.boolean()).map(([cents, asString]) => {
    const text = (cents / 100).toFixed(2).replace(/\.?0+$/, "") || "0";
    return asString ? text : Number(text);
  });

const round = (max: number): fc.Arbitrary<Json> =>
  fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 4 }),
      date: fc.oneof({ weight: 9, arbitrary: dayOf(2022) }, { weight: 1, arbitrary: dayOf(2021) }),
      score: numUpTo(max),
    },
    { requiredKeys: ["date", "score"] },
  );

const rounds = (max: number): fc.Arbitrary<Json> =>
  fc
    .uniqueArray(round(max), { minLength: 1, maxLength: 6, selector: (r) => (r["id"] as string | undefined) ?? Symbol() })
    .map((list) => ({ rounds: list }));

const complaints: fc.Arbitrary<Json> = fc
  .uniqueArray(
    fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 4 }),
        date: fc.oneof(dayOf(2022), dayOf(2023)),
        verified: fc.boolean(),
        deduction: fc.integer({ min: 1, max: 400 }).map((cents) => String(cents / 100)),
      },
      { requiredKeys: ["id", "date", "verified"] },
    ),
    { maxLength: 8, selector: (c) => c["id"] },
  )
  .map((list) => ({ complaints: list }));

const survey: fc.Arbitrary<Json> = fc
  .record({
    satisfied: fc.integer({ min: 0, max: 80 }),
    basicallySatisfied: fc.integer({ min: 0, max: 30 }),
    dissatisfied: fc.integer({ min: 0, max: 10 }),
    unknown: fc.integer({ min: 0, max: 5 }),
  })
  .filter((b) => b.satisfied + b.basicallySatisfied + b.dissatisfied > 0)
  .map((ballots) => ({ ballots }));

const leaders: fc.Arbitrary<Json> = fc
  .array(fc.record({ by: fc.constantFrom("分管副市长", "联系市领导"), score: numUpTo(10) }), { minLength: 1, maxLength: 3 })
  .map((scores) => ({ scores }));

const LEVELS = ["municipal", "provincial-department", "provincial", "national"] as const;
const CEILING: Record<(typeof LEVELS)[number], number> = { municipal: 50, "provincial-department": 50, provincial: 300, national: 500 };

/** A commendation: any level and recipient, sometimes unapproved, sometimes another year. */
export const commendationArb: fc.Arbitrary<Json> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 5 }),
    matter: fc.constantFrom("先进集体", "优秀案例", " 先进集体", "文明创建", "防汛抗旱"),
    level: fc.constantFrom(...LEVELS),
    recipient: fc.constantFrom("participant", "section", "unit"),
    year: fc.constantFrom(2022, 2022, 2022, 2021),
    approved: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    serial: fc.integer({ min: 1, max: 99 }),
    awardedCents: fc.integer({ min: 1, max: 500 }),
  })
  .map((c) => ({
    id: c.id,
    matter: c.matter,
    level: c.level,
    recipient: c.recipient,
    documentNumber: `皖政〔${c.year}〕${c.serial}号`,
    approved: c.approved,
    ...(c.recipient === "unit" ? { awarded: String(Math.min(c.awardedCents, CEILING[c.level]) / 100) } : {}),
  }));

/** A veto inside or outside the 2022 period, confirmed or not. */
export const vetoArb: fc.Arbitrary<Json> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  ground: fc.constantFrom("case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging"),
  subject: fc.constantFrom("participant", "staff"),
  date: fc.oneof(dayOf(2022), dayOf(2023), dayOf(2021)),
  confirmed: fc.boolean(),
});

/** A valid, complete 2022 participant-year with random records. */
export const inputArb: fc.Arbitrary<Json> = fc
  .record({
    routineInspection: rounds(25),
    specialInspection: rounds(5),
    unannouncedVisit: rounds(10),
    complaints,
    serviceRecipients: survey,
    deputies: survey,
    countyCounterparts: survey,
    cityLeaders: leaders,
    commendations: fc.uniqueArray(commendationArb, { maxLength: 6, selector: (c) => c["id"] }),
    vetoes: fc.uniqueArray(vetoArb, { maxLength: 3, selector: (v) => v["id"] }),
  })
  .map(({ commendations, vetoes, ...components }) => ({
    year: 2022,
    participant: { id: "p", name: "城管监督科", category: "comprehensive-management" },
    components,
    commendations,
    vetoes,
  }));

/** An optional field: absent, present, or (rarely) present as `undefined`. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | typeof ABSENT> =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 2, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: fc.constant(undefined) });

const ABSENT: unique symbol = Symbol("absent");

/** A record without the fields drawn as {@link ABSENT}. */
const recordOf = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<Json> =>
  fc.record(fields).map((drawn) => Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== ABSENT)));

const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.constant("文".repeat(maxLength)) });
const idText = fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant("i".repeat(100)) });
const someDate = fc.oneof(dayOf(2021), dayOf(2022), dayOf(2023));

/** A round scored out of its own `outOf` (any positive value) or the component's `max`. */
const fullRound = (max: number): fc.Arbitrary<Json> =>
  fc
    .record({ outOfCents: fc.option(fc.integer({ min: 1, max: max * 200 }), { nil: undefined }), share: fc.integer({ min: 0, max: 100 }), asString: fc.boolean() })
    .chain(({ outOfCents, share, asString }) => {
      const of = outOfCents ?? max * 100;
      const cents = Math.floor((of * share) / 100);
      const num = (c: number): number | string => (asString ? String(c / 100) : c / 100);
      return recordOf({
        id: maybe(idText),
        date: someDate,
        score: fc.constant(num(cents)),
        outOf: outOfCents === undefined ? fc.constantFrom(ABSENT, undefined) : fc.constant(num(outOfCents)),
        note: maybe(text(1000)),
      });
    });

const fullRounds = (max: number): fc.Arbitrary<Json> =>
  fc.uniqueArray(fullRound(max), { maxLength: 4, selector: (r) => (r["id"] as string | undefined) ?? Symbol() }).map((rounds) => ({ rounds }));

const fullCounts = recordOf({
  satisfied: fc.nat({ max: 80 }),
  basicallySatisfied: fc.nat({ max: 30 }),
  dissatisfied: fc.nat({ max: 10 }),
  unknown: maybe(fc.nat({ max: 5 })),
});

/** Counts per rater group, and the counts they add up to (SPEC §13.4). */
const groupedCounts: fc.Arbitrary<{ ballots: Json; groups: Json }> = fc
  .uniqueArray(fc.tuple(fc.constantFrom("市民群众", "商户", "企业代表", "社区基层工作者", "g"), fullCounts), { minLength: 1, maxLength: 3, selector: ([name]) => name })
  .map((entries) => {
    const sum = (key: string): number => entries.reduce((total, [, c]) => total + ((c[key] as number | undefined) ?? 0), 0);
    const withUnknown = entries.some(([, c]) => c["unknown"] !== undefined);
    const ballots: Json = { satisfied: sum("satisfied"), basicallySatisfied: sum("basicallySatisfied"), dissatisfied: sum("dissatisfied") };
    if (withUnknown) ballots["unknown"] = sum("unknown");
    return { ballots, groups: Object.fromEntries(entries) };
  });

const fullSurvey: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: recordOf({ ballots: fullCounts, date: maybe(someDate) }) },
  { weight: 1, arbitrary: groupedCounts.chain(({ ballots, groups }) => recordOf({ ballots: fc.constant(ballots), date: maybe(someDate), groups: fc.constant(groups) })) },
);

const fullCommendation: fc.Arbitrary<Json> = commendationArb.chain((c) =>
  recordOf({ title: maybe(text(1000)), issuer: maybe(text(1000)) }).map((extra) => ({ ...c, ...extra })),
);

const fullVeto: fc.Arbitrary<Json> = fc
  .record({ ground: fc.constantFrom("case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging", "other"), reason: fc.string({ minLength: 1, maxLength: 5 }) })
  .chain(({ ground, reason }) =>
    recordOf({
      id: idText,
      ground: fc.constant(ground),
      subject: fc.constantFrom("participant", "staff"),
      date: someDate,
      confirmed: fc.boolean(),
      reference: maybe(text(1000)),
      reason: ground === "other" ? fc.constant(reason.trim() === "" ? "理由" : reason) : maybe(text(20)),
    }),
  );

/**
 * A valid participant-year with every optional field of the declaration drawn present, absent or
 * `undefined`, every component present or absent, and lists of any length (0 included).
 */
export const fullInputArb: fc.Arbitrary<Json> = fc
  .record({
    year: fc.constantFrom(2000, 2022, 2023, 2098),
    participant: recordOf({
      id: idText,
      name: fc.string({ minLength: 1, maxLength: 6 }),
      unit: maybe(text(1000)),
      category: fc.constantFrom("public-service", "law-enforcement", "comprehensive-management"),
    }),
    components: recordOf({
      routineInspection: maybe(fullRounds(25)),
      specialInspection: maybe(fullRounds(5)),
      unannouncedVisit: maybe(fullRounds(10)),
      complaints: maybe(
        fc
          .uniqueArray(
            recordOf({
              id: idText,
              date: someDate,
              verified: fc.boolean(),
              deduction: maybe(fc.integer({ min: 1, max: 40 }).map((tenths) => (tenths % 2 === 0 ? tenths / 10 : String(tenths / 10)))),
            }),
            { maxLength: 5, selector: (c) => c["id"] },
          )
          .map((complaints) => ({ complaints })),
      ),
      serviceRecipients: maybe(fullSurvey),
      deputies: maybe(fullSurvey),
      countyCounterparts: maybe(fullSurvey),
      cityLeaders: maybe(
        fc.array(recordOf({ by: maybe(text(1000)), score: numUpTo(10), date: maybe(someDate) }), { maxLength: 3 }).map((scores) => ({ scores })),
      ),
    }),
    commendations: maybe(fc.uniqueArray(fullCommendation, { maxLength: 4, selector: (c) => c["id"] })),
    vetoes: maybe(fc.uniqueArray(fullVeto, { maxLength: 3, selector: (v) => v["id"] })),
  })
  .map((drawn) => Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== ABSENT)));
