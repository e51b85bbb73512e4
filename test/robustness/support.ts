/**
 * Shared pieces of the robustness campaign (issue 5): a valid input to start from, an arbitrary of
 * valid inputs, mutations of inputs, and the checks every outcome must pass — a result with no
 * NaN, Infinity or undefined anywhere, or an InputError whose every issue path exists in the input
 * or names the missing key.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { expect } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { InputError, ScoreResultSchema, type SafeScoreResult } from "../../src/index.js";

/** A JSON value, loosely typed. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/**
 * A complete, valid 2022 input touching every feature: ids and notes on rounds, an `outOf`, a
 * complaint with its own deduction and one without, dated surveys, a dated leader score, a unit
 * commendation, a non-standard document number, and a pending veto. Total 92.98 (45.81 daily + 46.37 comprehensive + 0.80 bonus).
 */
export function validInput(): JsonObject {
  return {
    year: 2022,
    participant: { id: "cgjdk", name: "城管监督科", unit: "市城管执法局", category: "comprehensive-management" },
    components: {
      routineInspection: {
        rounds: [
          { id: "rc-1", date: "2022-05-18", score: "23.5", note: "上半年" },
          { id: "rc-2", date: "2022-11-09", score: 23.51 },
        ],
      },
      specialInspection: { rounds: [{ date: "2022-06-22", score: "4.6" }, { date: "2022-10-12", score: 9, outOf: 10 }] },
      unannouncedVisit: { rounds: [{ date: "2022-04-07", score: "9.5" }, { date: "2022-08-30", score: 9 }] },
      complaints: {
        complaints: [
          { id: "t-1", date: "2022-04-18", verified: true, deduction: "0.5" },
          { id: "t-2", date: "2022-09-03", verified: false },
          { id: "t-3", date: "2022-09-04", verified: true },
        ],
      },
      serviceRecipients: { ballots: { satisfied: 46, basicallySatisfied: 7, dissatisfied: 1, unknown: 3 }, date: "2022-12-20" },
      deputies: { ballots: { satisfied: 17, basicallySatisfied: 4, dissatisfied: 0 }, date: "2023-01-10" },
      countyCounterparts: { ballots: { satisfied: 9, basicallySatisfied: 2, dissatisfied: 0 } },
      cityLeaders: { scores: [{ by: "分管副市长", score: "9.3", date: "2023-02-08" }] },
    },
    commendations: [
      {
        id: "bz-01",
        matter: "城市管理工作先进集体",
        level: "provincial-department",
        recipient: "section",
        documentNumber: "皖建城〔2022〕41号",
        approved: true,
        issuer: "安徽省住房和城乡建设厅",
      },
      { id: "bz-02", matter: "数字城管", level: "municipal", recipient: "unit", documentNumber: "宣政办[2022]第07号", approved: true, awarded: "0.3" },
    ],
    vetoes: [{ id: "v-1", ground: "case-filed", subject: "staff", date: "2022-07-01", confirmed: false }],
  };
}

/** A deep copy of a JSON value. */
export const clone = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every problem of a result value: NaN, ±Infinity, -0, undefined, bigint, function, symbol, non-plain object. */
export function badValues(value: unknown, path = "result"): string[] {
  const problems: string[] = [];
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop() as [unknown, string];
    if (v === null || typeof v === "boolean" || typeof v === "string") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) problems.push(`${at} is ${v}`);
      else if (Object.is(v, -0)) problems.push(`${at} is -0`);
      continue;
    }
    if (typeof v !== "object") {
      problems.push(`${at} is ${typeof v}`);
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        if (!(i in v)) problems.push(`${at}[${i}] is a hole`);
        else stack.push([v[i], `${at}[${i}]`]);
      }
    } else if (proto === Object.prototype) {
      for (const key of Reflect.ownKeys(v)) {
        if (typeof key === "symbol") problems.push(`${at} has a symbol key`);
        else stack.push([(v as Record<string, unknown>)[key], `${at}.${key}`]);
      }
    } else {
      problems.push(`${at} is not plain data`);
    }
  }
  return problems;
}

/** The fixed-point texts of a result (`"91.05"`): every score, subtotal, bonus and total. */
export function scoreTexts(result: { daily: string; comprehensive: string; base: string; total: string; bonus: { points: string; counted: { points: string }[] }; components: { points: string }[] }): string[] {
  return [result.daily, result.comprehensive, result.base, result.total, result.bonus.points, ...result.bonus.counted.map((c) => c.points), ...result.components.map((c) => c.points)];
}

/**
 * Whether `path` exists in `input`, or names a missing key of an object that exists (its last
 * element). Only own properties count, so `constructor` does not "exist" in `{}`.
 */
export function pathResolves(input: unknown, path: readonly (string | number)[]): boolean {
  let node: unknown = input;
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i] as string | number;
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (typeof part !== "number" || part < 0 || part >= node.length) return false;
      node = node[part];
    } else if (node !== null && typeof node === "object") {
      if (typeof part !== "string") return false;
      if (!Object.prototype.hasOwnProperty.call(node, part)) return last;
      node = (node as Record<string, unknown>)[part];
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The contract of `safeScore` for any input: a result that is plain data with fixed-point scores
 * and matches the result schema, or an `InputError` whose every issue has a code, a message and a
 * path into the input. Returns the outcome for further checks.
 */
export function expectSound(input: unknown, outcome: SafeScoreResult, decimals = 2): SafeScoreResult {
  if (outcome.success) {
    const result = outcome.data;
    expect(badValues(result)).toEqual([]);
    expect(ScoreResultSchema.safeParse(result).success).toBe(true);
    const fixedText = new RegExp(decimals === 0 ? "^(0|[1-9][0-9]*)$" : `^(0|[1-9][0-9]*)\\.[0-9]{${decimals}}$`);
    for (const text of scoreTexts(result)) expect(text).toMatch(fixedText);
    // The total is the sum of its parts, to the cent.
    const cents = (text: string): bigint => BigInt(text.replace(".", ""));
    expect(cents(result.base)).toBe(cents(result.daily) + cents(result.comprehensive));
    expect(cents(result.total)).toBe(cents(result.base) + cents(result.bonus.points));
  } else {
    const error = outcome.error;
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues.length).toBeGreaterThan(0);
    // Checked in plain code and reported at once: an error may carry 200,000 issues.
    const problems: string[] = [];
    for (const issue of error.issues) {
      const where = `${JSON.stringify(issue.path)} (${issue.code})`;
      if (typeof issue.code !== "string" || issue.code === "") problems.push(`${where}: no code`);
      if (typeof issue.message !== "string" || issue.message === "") problems.push(`${where}: no message`);
      if (!pathResolves(input, issue.path)) problems.push(`${where}: the path is not in the input`);
      // A crash caught by safeScore's last resort would show up as this message.
      if (/无法读取输入|could not be read/.test(issue.message)) problems.push(`${where}: ${issue.message}`);
    }
    expect(problems).toEqual([]);
  }
  return outcome;
}

/** Every path to a node of a JSON value (the root excluded), objects' keys and arrays' indices. */
export function nodePaths(value: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [Json, (string | number)[]][] = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [Json, (string | number)[]];
    if (path.length > 0) out.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => stack.push([child, [...path, i]]));
    else if (node !== null && typeof node === "object") for (const key of Object.keys(node)) stack.push([node[key] as Json, [...path, key]]);
  }
  return out;
}

/** One way to break an input at a node. */
export type Mutation =
  | { readonly kind: "remove" }
  | { readonly kind: "rename"; readonly to: string }
  | { readonly kind: "retype"; readonly to: Json }
  | { readonly kind: "null" }
  | { readonly kind: "flip" }
  | { readonly kind: "duplicate" };

/** Key names a rename may choose: misspellings, case changes, prototype keys, empty, odd characters. */
const RENAMES = ["scroe", "Score", "rounds ", "outof", "__proto__", "constructor", "prototype", "toString", "", "id\n", "年度", "date\u200B"];

/** The mutations of one node. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: "remove" }),
  fc.constantFrom(...RENAMES).map((to): Mutation => ({ kind: "rename", to })),
  fc.jsonValue({ maxDepth: 2 }).map((to): Mutation => ({ kind: "retype", to: to as Json })),
  fc.constant<Mutation>({ kind: "null" }),
  fc.constant<Mutation>({ kind: "flip" }),
  fc.constant<Mutation>({ kind: "duplicate" }),
);

/** A number as text and a numeric text as a number; other values unchanged. */
export function flip(value: Json): Json {
  if (typeof value === "number") return String(value);
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** A copy of `input` with `mutation` applied at `path` (a path from {@link nodePaths}). */
export function mutate(input: Json, path: readonly (string | number)[], mutation: Mutation): Json {
  const copy = clone(input);
  let parent: Json = copy;
  for (const part of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[part] as Json;
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    const i = key as number;
    switch (mutation.kind) {
      case "remove":
        parent.splice(i, 1);
        break;
      case "duplicate":
        parent.splice(i, 0, clone(parent[i] as Json));
        break;
      case "retype":
        parent[i] = mutation.to;
        break;
      case "null":
        parent[i] = null;
        break;
      case "flip":
      case "rename":
        parent[i] = flip(parent[i] as Json);
        break;
    }
    return copy;
  }
  const object = parent as JsonObject;
  const k = key as string;
  switch (mutation.kind) {
    case "remove":
      delete object[k];
      break;
    case "rename": {
      const value = object[k] as Json;
      delete object[k];
      // defineProperty, so that "__proto__" becomes an own key as JSON.parse makes it.
      Object.defineProperty(object, mutation.to, { value, enumerable: true, configurable: true, writable: true });
      break;
    }
    case "retype":
      object[k] = mutation.to;
      break;
    case "null":
      object[k] = null;
      break;
    case "flip":
      object[k] = flip(object[k] as Json);
      break;
    case "duplicate":
      object[`${k}2`] = clone(object[k] as Json);
      break;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Valid inputs, with every array worth permuting.

const pad = (n: number): string => String(n).padStart(2, "0");

/** A real calendar day between `from` and `to` (years), as `YYYY-MM-DD`. */
export const dateArb = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc.integer({ min: Date.UTC(fromYear, 0, 1) / 86_400_000, max: Date.UTC(toYear, 11, 31) / 86_400_000 }).map((day) => {
    const d = new Date(day * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  });

/** A day of the comprehensive window of `year`: Y-12-01 .. the last day of February of Y+1. */
const comprehensiveDateArb = (year: number): fc.Arbitrary<string> =>
  fc.integer({ min: Date.UTC(year, 11, 1) / 86_400_000, max: Date.UTC(year + 1, 2, 1) / 86_400_000 - 1 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** A `Num` ≤ `maxCents / 100`, as a JSON number or a string, with up to 2 decimals (or 6 when `fine`). */
const numArb = (maxMicro: number, fine = false): fc.Arbitrary<number | string> =>
  fc.tuple(fc.integer({ min: 0, max: maxMicro }), fc.boolean()).map(([micro, asString]) => {
    const m = fine ? micro : micro - (micro % 10_000);
    const whole = Math.floor(m / 1_000_000);
    const frac = String(m % 1_000_000).padStart(6, "0").replace(/0+$/, "");
    const text = frac === "" ? String(whole) : `${whole}.${frac}`;
    return asString ? text : Number(text);
  });

const idArb = fc.stringMatching(/^[a-z0-9-]{1,6}$/);

const roundArb = (year: number, max: number): fc.Arbitrary<JsonObject> =>
  fc
    .record(
      {
        id: idArb,
        date: fc.oneof({ weight: 5, arbitrary: dateArb(year, year) }, { weight: 1, arbitrary: dateArb(year - 1, year + 1) }),
        outOf: fc.constantFrom(max, 100, 10, 7, "12.5"),
        fine: fc.boolean(),
        share: fc.integer({ min: 0, max: 1000 }),
        note: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: ["date", "outOf", "fine", "share"] },
    )
    .map(({ outOf, fine, share, ...rest }) => {
      const outOfMicro = Number(outOf) * 1_000_000;
      const useDefault = outOf === max;
      let micro = Math.floor((outOfMicro * share) / 1000);
      if (!fine) micro -= micro % 10_000;
      const text = String(micro / 1_000_000);
      return { ...rest, score: micro % 2 === 0 ? text : Number(text), ...(useDefault ? {} : { outOf }) } as JsonObject;
    });

const uniqueById = <T extends JsonObject>(arb: fc.Arbitrary<T>, max: number, min = 0): fc.Arbitrary<T[]> =>
  fc.uniqueArray(arb, { minLength: min, maxLength: max, selector: (r) => (typeof r["id"] === "string" ? r["id"] : Symbol("no id")) });

const LEVELS = ["municipal", "provincial-department", "provincial", "national"] as const;
const CEILING_CENTS: Record<(typeof LEVELS)[number], number> = { municipal: 50, "provincial-department": 50, provincial: 300, national: 500 };

const commendationArb = (year: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({
      id: idArb,
      matter: fc.constantFrom("先进集体", "先进集体 ", "优秀案例", "ＡＢ", "AB", "文明创建"),
      level: fc.constantFrom(...LEVELS),
      recipient: fc.constantFrom("participant", "section", "unit"),
      numberForm: fc.constantFrom("〔Y〕N号", "[Y]第0N号", "（Y）N", "【Y】N号", "〔Y〕0号", "〔Y]N号", "〔Ｙ〕N号"),
      docYear: fc.constantFrom(year, year, year, year - 1),
      serial: fc.integer({ min: 1, max: 300 }),
      approved: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      cents: fc.integer({ min: 1, max: 500 }),
    })
    .map((c) => {
      const yearText = c.numberForm.includes("Ｙ") ? String(c.docYear).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(c.docYear);
      const documentNumber = `宣政${c.numberForm.replace(/Y|Ｙ/, yearText).replace("N", String(c.serial))}`;
      return {
        id: c.id,
        matter: c.matter,
        level: c.level,
        recipient: c.recipient,
        documentNumber,
        approved: c.approved,
        ...(c.recipient === "unit" ? { awarded: String(Math.min(c.cents, CEILING_CENTS[c.level]) / 100) } : {}),
      };
    });

const vetoArb = (year: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({
      id: idArb,
      ground: fc.constantFrom("case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging", "other"),
      subject: fc.constantFrom("participant", "staff"),
      date: dateArb(year - 1, year + 1),
      confirmed: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) }),
    })
    .map((v) => (v.ground === "other" ? { ...v, reason: "经认定" } : v));

const surveyArb = (year: number): fc.Arbitrary<JsonObject> =>
  fc
    .record(
      {
        ballots: fc.record(
          {
            satisfied: fc.integer({ min: 0, max: 60 }),
            basicallySatisfied: fc.integer({ min: 0, max: 20 }),
            dissatisfied: fc.integer({ min: 0, max: 10 }),
            unknown: fc.integer({ min: 0, max: 4 }),
          },
          { requiredKeys: ["satisfied", "basicallySatisfied", "dissatisfied"] },
        ),
        date: fc.oneof({ weight: 4, arbitrary: comprehensiveDateArb(year) }, { weight: 1, arbitrary: dateArb(year, year + 1) }),
      },
      { requiredKeys: ["ballots"] },
    )
    .map((s) => s as JsonObject);

/** A valid participant-year of 2020..2024 with random records (some outside their windows). */
export const validInputArb: fc.Arbitrary<JsonObject> = fc.integer({ min: 2020, max: 2024 }).chain((year) =>
  fc
    .record({
      routine: uniqueById(roundArb(year, 25), 6, 1),
      special: uniqueById(roundArb(year, 5), 4, 1),
      visit: uniqueById(roundArb(year, 10), 4, 1),
      complaints: uniqueById(
        fc.record(
          { id: idArb, date: dateArb(year, year), verified: fc.boolean(), deduction: fc.integer({ min: 1, max: 300 }).map((c) => String(c / 100)) },
          { requiredKeys: ["id", "date", "verified"] },
        ),
        5,
      ),
      service: surveyArb(year),
      deputies: surveyArb(year),
      county: surveyArb(year),
      leaders: fc.array(
        fc.record({ by: fc.constantFrom("分管副市长", "联系市领导", ""), score: numArb(10_000_000, true), date: dateArb(year, year + 1) }, { requiredKeys: ["score"] }),
        { minLength: 1, maxLength: 4 },
      ),
      commendations: uniqueById(commendationArb(year), 6),
      vetoes: uniqueById(vetoArb(year), 3),
    })
    .map((r) => ({
      year,
      participant: { id: "p-1", name: "城管监督科", category: "law-enforcement" },
      components: {
        routineInspection: { rounds: r.routine },
        specialInspection: { rounds: r.special },
        unannouncedVisit: { rounds: r.visit },
        complaints: { complaints: r.complaints as JsonObject[] },
        serviceRecipients: r.service,
        deputies: r.deputies,
        countyCounterparts: r.county,
        cityLeaders: { scores: r.leaders as JsonObject[] },
      },
      commendations: r.commendations,
      vetoes: r.vetoes,
    })),
);

/** Bounded runs for the campaign's properties (the whole campaign stays within seconds). */
export const RUNS = { numRuns: 150 } as const;

// ---------------------------------------------------------------------------------------------
// The CLI, in-process.

/** What a CLI run wrote and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs `runCli(argv)` with stdin from `stdin` (chunks) and collects what it wrote. */
export async function runCliWith(argv: readonly string[], stdin: string | Buffer | readonly (string | Buffer)[] = []): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const chunks = typeof stdin === "string" || Buffer.isBuffer(stdin) ? [stdin] : [...stdin];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: Readable.from(chunks) });
  return { code, out, err };
}

/** A stack trace line. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** The CLI's contract for a failure: the exit code, one line on stderr, no stack, nothing on stdout. */
export function expectOneLineFailure(run: CliRun, code: 1 | 2): void {
  expect(run.code).toBe(code);
  expect(run.out).toEqual([]);
  const text = run.err.join("\n");
  expect(text.split("\n"), text).toHaveLength(1);
  expect(text).not.toMatch(STACK_LINE);
  expect(text).not.toMatch(/internal error/i);
  expect(text.length).toBeLessThan(1000);
}
