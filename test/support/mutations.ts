/**
 * Mutations of JSON inputs for the tests that hold two readers of the same rules to each other:
 * every field of a fixed input changed in turn, and edge values for generated inputs.
 */
import { toMicro } from "../../src/decimal.js";
import type { Json } from "./inputs.js";

/** Values of every kind, on and just past the rules of SPEC §4, for replacing a field with. */
export const EDGE_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.1,
  1.5,
  2.25,
  10,
  10.01,
  25,
  25.000001,
  1e-7,
  999999999.999999,
  1e9,
  2 ** 53,
  1999,
  2000,
  2098,
  2099,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "0",
  "0.0",
  "01",
  "-0",
  "1e3",
  "1.5\n",
  "0.05",
  "0.000001",
  "0.0000001",
  "0.3",
  "0.25",
  "999999999.999999",
  "1000000000",
  "10",
  "10.01",
  "25.01",
  "2022-06-30",
  "2024-02-29",
  "2023-02-29",
  "2022-13-01",
  "2022-6-1",
  "1948-12-31",
  "2100-01-01",
  "x".repeat(100),
  "x".repeat(101),
  "x".repeat(1000),
  "x".repeat(1001),
  "\u{1D4B3}".repeat(100),
  "\u{1D4B3}".repeat(101),
  "\u{1D4B3}".repeat(1000),
  "\u{1D4B3}".repeat(1001),
  "other",
  "unit",
  "section",
  "participant",
  "staff",
  "municipal",
  "national",
  "comprehensive-management",
  [],
  {},
  [{}],
];

type Container = Json | unknown[];
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
}

/** Every (container, key) of a JSON value, in a fixed order. */
export function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push({ parent: value, key: i });
      slots(item, out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value as Json)) {
      out.push({ parent: value as Json, key });
      slots(item, out);
    }
  }
  return out;
}

/** A field's mutation: a value put in its place, or a change to the record around it. */
export type Change =
  | { readonly kind: "set"; readonly value: unknown }
  | { readonly kind: "delete" }
  | { readonly kind: "add-key"; readonly key: string }
  | { readonly kind: "duplicate" }
  | { readonly kind: "above-out-of" };

/**
 * What each field of the fixed input is changed to in turn: a value of every other JSON type, an
 * empty one, one too long, values out of range, and the changes to its record.
 */
const FIELD_CHANGES: readonly Change[] = [
  ...[null, true, 7, "x", [], {}, undefined, "", "  ", "x".repeat(101), "\u{1D4B3}".repeat(101), "x".repeat(1001), "\u{1D4B3}".repeat(1001)].map(
    (value) => ({ kind: "set", value }) as const,
  ),
  ...[-1, 0, "0", 1e-7, "0.001", 10.01, 25.000001, 1e9, "1e3", "1.5\n", 1999, 2099, "2023-02-29", "1948-12-31", "unit", "other"].map(
    (value) => ({ kind: "set", value }) as const,
  ),
  { kind: "delete" },
  { kind: "add-key", key: "extra" },
  { kind: "add-key", key: "__proto__" },
  { kind: "duplicate" },
  { kind: "above-out-of" },
];

/** The changes of generated inputs: every edge value, and the changes to a record. */
export const CHANGES: readonly Change[] = [
  ...EDGE_VALUES.map((value) => ({ kind: "set", value }) as const),
  { kind: "delete" },
  { kind: "add-key", key: "extra" },
  { kind: "add-key", key: "__proto__" },
  { kind: "add-key", key: "constructor" },
  { kind: "duplicate" },
  { kind: "above-out-of" },
];

function setAt(parent: Container, key: string | number, value: unknown): void {
  (parent as Record<string | number, unknown>)[key] = value;
}

/** Applies `change` at `slot` of a copy of `input` (the copy's slot of the same index). */
export function changed(input: Json, at: number, change: Change): Json {
  const copy = structuredClone(input);
  const slot = slots(copy)[at];
  if (slot === undefined) return copy;
  const { parent, key } = slot;
  const target = (parent as Record<string | number, unknown>)[key];
  switch (change.kind) {
    case "set":
      setAt(parent, key, change.value);
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case "add-key": {
      const record = target !== null && typeof target === "object" && !Array.isArray(target) ? (target as Json) : Array.isArray(parent) ? undefined : parent;
      // an own `__proto__` as JSON.parse makes it, not a prototype change
      if (record !== undefined) Object.defineProperty(record, change.key, { value: 1, enumerable: true, configurable: true, writable: true });
      break;
    }
    case "duplicate":
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
      else if (Array.isArray(parent)) parent.push(structuredClone(target));
      break;
    case "above-out-of": {
      // a round's score just above its own outOf (below the component's max when outOf is small)
      const record = Array.isArray(parent) ? undefined : parent;
      if (record !== undefined && "score" in record && record["outOf"] !== undefined) {
        const outOf = toMicro(record["outOf"]);
        if (outOf !== undefined) record["score"] = (outOf + 10_000) / 1_000_000;
      }
      break;
    }
  }
  return copy;
}

/** A fixed input with every optional field present, some of them `undefined`. */
export function everyField(): Json {
  return {
    year: 2022,
    participant: { id: "p", name: "城管监督科", unit: "市城管局", category: "law-enforcement" },
    components: {
      routineInspection: {
        rounds: [
          { id: "r1", date: "2022-03-01", score: "8.5", outOf: "10", note: "电话抽查" },
          { id: "r2", date: "2022-06-01", score: 20, outOf: undefined, note: "" },
        ],
      },
      specialInspection: { rounds: [{ date: "2022-05-20", score: 4.5 }, { id: "s2", date: "2022-09-09", score: "9", outOf: 9.5 }] },
      unannouncedVisit: { rounds: [{ date: "2022-03-07", score: 9, note: undefined }, { date: "2022-11-02", score: "9.5" }] },
      complaints: {
        complaints: [
          { id: "k1", date: "2022-04-01", verified: true, deduction: "0.5" },
          { id: "k2", date: "2022-05-01", verified: false },
          { id: "k3", date: "2022-06-01", verified: true, deduction: undefined },
        ],
      },
      serviceRecipients: { ballots: { satisfied: 41, basicallySatisfied: 6, dissatisfied: 1, unknown: 2 }, date: "2022-12-10" },
      deputies: { ballots: { satisfied: 18, basicallySatisfied: 3, dissatisfied: 0, unknown: undefined } },
      countyCounterparts: { ballots: { satisfied: 7, basicallySatisfied: 2, dissatisfied: 1 }, date: undefined },
      cityLeaders: { scores: [{ by: "分管副市长", score: "9.2", date: "2023-01-05" }, { score: 8 }] },
    },
    commendations: [
      { id: "c1", matter: "先进集体", level: "provincial", recipient: "participant", documentNumber: "皖政〔2022〕12号", approved: true, title: "先进集体", issuer: "省政府" },
      { id: "c2", matter: "文明创建", level: "municipal", recipient: "unit", documentNumber: "宣政〔2022〕3号", approved: true, awarded: "0.3", title: undefined },
    ],
    vetoes: [
      { id: "v1", ground: "other", subject: "staff", date: "2022-08-01", confirmed: false, reference: "宣纪〔2022〕1号", reason: "违反工作纪律" },
      { id: "v2", ground: "case-filed", subject: "participant", date: "2021-08-01", confirmed: true, reason: undefined },
    ],
  };
}

export const everyChange = (input: Json): { readonly at: number; readonly change: Change }[] => {
  const count = slots(input).length;
  const all: { at: number; change: Change }[] = [];
  for (let at = 0; at < count; at += 1) for (const change of FIELD_CHANGES) all.push({ at, change });
  return all;
};

