/**
 * One declaration per input object, two readers derived from it.
 *
 * A {@link Value} pairs a zod/mini schema (the authority: it reports every problem, with its path)
 * with a fast reader that returns the same validated domain value, or {@link NO} at the first thing
 * it does not accept. {@link object} builds both for an object from one list of fields (key,
 * required or {@link optional}, value rule) and its cross-field {@link Rule}s; {@link list} does the
 * same for a list. Neither reader can then know a key, a maximum or a rule the other does not.
 *
 * A fast reader may decline what the schema accepts (a string counted in UTF-16 units, an
 * inherited property), never the reverse, and what it accepts deep-equals the schema's output,
 * every declared key present (`undefined` when the input lacks it, so every record of a kind has
 * one shape for the engine to read), with the schema's output filled the same way by
 * {@link filled} (`test/model/fast-input.prop.test.ts`).
 *
 * @internal
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { capIssues } from "./issue-cap.js";

/** What a fast reader returns for a value it does not accept. */
export const NO: unique symbol = Symbol("declined");
/** The type of {@link NO}. */
export type No = typeof NO;

/** A schema of zod/mini, whatever its output. */
export type Schema = z.ZodMiniType;

/**
 * A value rule: the zod schema and the fast reader of the same rule.
 *
 * @example
 * ```ts
 * const Flag = value(z.boolean(), (raw) => (typeof raw === "boolean" ? raw : NO), { kind: "boolean" });
 * Flag.read(true); //=> true
 * ```
 */
export interface Value<S extends Schema = Schema> {
  readonly schema: S;
  readonly read: (raw: unknown) => z.output<S> | No;
  /** Whether the key may be absent (or `undefined`). */
  readonly optional: boolean;
  /** What the rule is, as data: for JSON Schemas, generated test inputs and the readers' tests. */
  readonly shape: Shape;
}

/**
 * A value rule as data. `text` is a string of `min..max` characters; `num` a `Num` (docs/how-a-score-is-built.md) read as
 * micro units, with `max` (inclusive, in units) when it has one; `amount` a positive `Num` with at
 * most `decimals` decimals; `int` an integer JSON number in `min..max`.
 */
export type Shape =
  | { readonly kind: "text"; readonly min: number; readonly max: number }
  | { readonly kind: "date" }
  | { readonly kind: "num"; readonly max?: number }
  | { readonly kind: "amount"; readonly decimals: number }
  | { readonly kind: "int"; readonly min: number; readonly max: number }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, Value>>; readonly rules: readonly Rule<never>[] }
  | { readonly kind: "list"; readonly item: Value; readonly uniqueId: boolean }
  | { readonly kind: "record"; readonly key: Value; readonly item: Value }
  | { readonly kind: "mark" };

/**
 * A value rule from its schema and its reader.
 *
 * @example
 * ```ts
 * const Flag = value(z.boolean(), (raw) => (typeof raw === "boolean" ? raw : NO), { kind: "boolean" });
 * ```
 */
export function value<S extends Schema>(schema: S, read: (raw: unknown) => z.output<S> | No, shape: Shape): Value<S> {
  return { schema, read, optional: false, shape };
}

/**
 * The same rule for a key that may be absent: absent stays absent, `undefined` stays `undefined`.
 *
 * @example
 * ```ts
 * optional(Flag).read(undefined); //=> undefined
 * ```
 */
export function optional<S extends Schema>(rule: Value<S>): Value<z.ZodMiniOptional<S>> {
  const read = rule.read;
  return { schema: z.optional(rule.schema), read: (raw) => (raw === undefined ? undefined : read(raw)), optional: true, shape: rule.shape };
}

/**
 * What a cross-field rule found: the key it concerns, the library's issue code and its parameters.
 */
export interface Problem {
  readonly at: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The offending value as the caller wrote it, when the record holds it read (a `Num`'s text). */
  readonly value?: string;
  /** Where under the key the problem lies (a group's name under `groups`), when deeper than the key. */
  readonly under?: readonly (string | number)[];
}

/**
 * A rule across the fields of one object. It runs whenever the fields it `reads` are valid, even
 * when other fields of the object are not (docs/formats.md: every problem at once), and sees those fields
 * as domain values.
 *
 * @example
 * ```ts
 * const rule: Rule<{ score: number; outOf?: number | undefined }> = {
 *   reads: ["score", "outOf"],
 *   test: (r) => (r.outOf !== undefined && r.score > r.outOf ? { at: "score", code: "score-above-out-of" } : undefined),
 * };
 * ```
 */
export interface Rule<T> {
  readonly reads: readonly (keyof T & string)[];
  readonly test: (record: T) => Problem | undefined;
}

type Fields = Readonly<Record<string, Value>>;
type ShapeOf<F extends Fields> = { -readonly [K in keyof F]: F[K]["schema"] };
/** The schema {@link object} derives. */
export type ObjectSchema<F extends Fields> = z.ZodMiniObject<ShapeOf<F>, core.$strict>;

type Payload = core.ParsePayload<unknown>;

/** The issue of a rule across fields; its `input` holds the offending field, as messages read it. */
function pushProblem(payload: Payload, problem: Problem, given: unknown): void {
  const input = { [problem.at]: problem.value ?? given };
  payload.issues.push({ code: "custom", input, path: [problem.at, ...(problem.under ?? [])], params: { code: problem.code, ...problem.params } });
}

/** Whether an issue already found blocks a rule reading `reads`: the object itself, or one of them. */
function blocks(issue: core.$ZodRawIssue, reads: readonly string[]): boolean {
  const path = issue.path;
  if (path === undefined || path.length === 0) return issue.code !== "unrecognized_keys";
  return reads.includes(path[0] as string);
}

function isRecord(raw: unknown): raw is Readonly<Record<string, unknown>> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/**
 * A strict object: these fields, no other key, then the cross-field rules.
 *
 * @param fields - Key → value rule, in the order results and messages list them.
 * @param rules - The rules across fields, each run when the fields it reads are valid.
 * @returns The value rule of the object: its zod schema and its fast reader.
 * @example
 * ```ts
 * const Survey = object({ ballots: Ballots, date: optional(DateValue) });
 * Survey.read({ ballots, date: "2022-12-10" }); //=> { ballots, date: "2022-12-10" }
 * ```
 */
export function object<F extends Fields>(fields: F, rules: readonly Rule<z.output<ObjectSchema<F>>>[] = []): Value<ObjectSchema<F>> {
  const keys = Object.keys(fields);
  const shape = Object.fromEntries(keys.map((key) => [key, (fields[key] as Value).schema])) as ShapeOf<F>;
  let schema = z.strictObject(shape);
  for (const rule of rules) {
    schema = schema.check(
      z.check(
        (payload) => {
          const problem = rule.test(payload.value as z.output<ObjectSchema<F>>);
          if (problem !== undefined) pushProblem(payload as Payload, problem, (payload.value as Record<string, unknown>)[problem.at]);
        },
        { when: (payload) => !payload.issues.some((issue) => blocks(issue, rule.reads)) },
      ),
    );
  }
  const readers = keys.map((key) => (fields[key] as Value).read);
  const optionals = keys.map((key) => (fields[key] as Value).optional);
  const tests = rules.map((rule) => rule.test);
  const read = (compiledReader(keys, optionals, readers, tests) ?? interpretedReader(keys, optionals, readers, tests)) as Value<ObjectSchema<F>>["read"];
  return { schema: schema as ObjectSchema<F>, read, optional: false, shape: { kind: "object", fields, rules: rules as readonly Rule<never>[] } };
}

type Reader = (raw: unknown) => unknown;
type Test = (record: never) => Problem | undefined;

/**
 * The fast reader of an object, read field by field from the declaration: the reference form of
 * {@link compiledReader}, used where a page's content security policy forbids `new Function`.
 */
export function interpretedReader(keys: readonly string[], optionals: readonly boolean[], readers: readonly Reader[], tests: readonly Test[]): Reader {
  const n = keys.length;
  return (raw) => {
    if (!isRecord(raw)) return NO;
    // Every key `for…in` yields, as zod's strict check reads them.
    for (const key in raw) if (!keys.includes(key)) return NO;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i += 1) {
      const key = keys[i] as string;
      const given = raw[key];
      if (given === undefined) {
        if (!(optionals[i] as boolean)) return NO;
        out[key] = undefined;
        continue;
      }
      const parsed = (readers[i] as Reader)(given);
      if (parsed === NO) return NO;
      out[key] = parsed;
    }
    for (const test of tests) if (test(out as never) !== undefined) return NO;
    return out;
  };
}

/**
 * The same reader as {@link interpretedReader}, written out for this object's keys as one
 * function (each key a constant property name, each field's reader a direct call), which runs at
 * about twice the speed; `undefined` where `new Function` is not allowed.
 */
export function compiledReader(keys: readonly string[], optionals: readonly boolean[], readers: readonly Reader[], tests: readonly Test[]): Reader | undefined {
  const name = (key: string): string => JSON.stringify(key);
  const lines: string[] = [
    ...keys.map((_, i) => `const r${i} = r[${i}];`),
    ...tests.map((_, j) => `const t${j} = t[${j}];`),
    "return function read(raw) {",
    "  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO;",
    `  for (const key in raw) if (${keys.map((key) => `key !== ${name(key)}`).join(" && ") || "true"}) return NO;`,
  ];
  keys.forEach((key, i) => {
    lines.push(`  const g${i} = raw[${name(key)}];`, `  let v${i};`);
    if (optionals[i] === true) lines.push(`  if (g${i} !== undefined) { v${i} = r${i}(g${i}); if (v${i} === NO) return NO; }`);
    else lines.push(`  if (g${i} === undefined) return NO;`, `  v${i} = r${i}(g${i});`, `  if (v${i} === NO) return NO;`);
  });
  // one object literal: every record of a kind gets the same shape
  lines.push(`  const out = { ${keys.map((key, i) => `${name(key)}: v${i}`).join(", ")} };`);
  tests.forEach((_, j) => lines.push(`  if (t${j}(out) !== undefined) return NO;`));
  lines.push("  return out;", "};");
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function("NO", "r", "t", lines.join("\n")) as (no: No, r: readonly Reader[], t: readonly Test[]) => Reader;
    return make(NO, readers, tests);
  } catch {
    return undefined;
  }
}

/**
 * The schema's output of a value with every declared key present, as the fast reader writes it:
 * an absent optional key becomes `undefined` (in place; the output is zod's fresh copy).
 *
 * @example
 * ```ts
 * filled(Survey, { ballots }); //=> { ballots, date: undefined }
 * ```
 */
export function filled<T>(rule: Value, data: T): T {
  const shape = rule.shape;
  if (data === null || typeof data !== "object") return data;
  if (shape.kind === "list") {
    for (const item of data as unknown[]) filled(shape.item, item);
  } else if (shape.kind === "record") {
    for (const item of Object.values(data as Record<string, unknown>)) filled(shape.item, item);
  } else if (shape.kind === "object") {
    const record = data as Record<string, unknown>;
    for (const [key, field] of Object.entries(shape.fields)) {
      if (!(key in record)) record[key] = undefined;
      else filled(field, record[key]);
    }
  }
  return data;
}

/** The schema {@link list} derives. */
export type ListSchema<S extends Schema> = z.ZodMiniArray<S>;

/**
 * Flags every repeated id of a list (`duplicate-id` at `[index, "id"]`), whatever else is wrong.
 * An item whose `id` has an issue (too long, empty) is not compared; an item that is not an object
 * has no id to read. Every issue the list holds when this check runs is an item's, at `[index, …]`
 * (zod prefixes each item's issues with its index; the list itself has none, being an array).
 */
function uniqueIds(): core.$ZodCheck<unknown[]> {
  return z.check<unknown[]>(
    (payload) => {
      const unreadable = new Set<unknown>();
      for (const issue of payload.issues) {
        const path = issue.path as readonly PropertyKey[];
        if (path[1] === "id") unreadable.add(path[0]);
      }
      const seen = new Set<string>();
      const items = payload.value;
      for (let i = 0; i < items.length; i += 1) {
        if (unreadable.has(i)) continue;
        const item = items[i];
        const id = isRecord(item) ? item["id"] : undefined;
        if (typeof id !== "string") continue;
        if (seen.has(id)) payload.issues.push({ code: "custom", input: id, path: [i, "id"], params: { code: "duplicate-id", id } });
        else seen.add(id);
      }
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

/** Whether two items of a list share an id (items without an id are not compared). */
function hasRepeatedId(items: readonly unknown[]): boolean {
  const n = items.length;
  const id = (i: number): unknown => (items[i] as { readonly id?: unknown }).id;
  if (n <= 16) {
    for (let i = 1; i < n; i += 1) {
      const own = id(i);
      if (own === undefined) continue;
      for (let j = 0; j < i; j += 1) if (id(j) === own) return true;
    }
    return false;
  }
  const seen = new Set<unknown>();
  for (let i = 0; i < n; i += 1) {
    const own = id(i);
    if (own === undefined) continue;
    if (seen.has(own)) return true;
    seen.add(own);
  }
  return false;
}

function listReader(readItem: Reader, unique: boolean): Reader {
  return (raw) => {
    if (!Array.isArray(raw)) return NO;
    const n = raw.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i += 1) {
      const parsed = readItem(raw[i]);
      if (parsed === NO) return NO;
      out[i] = parsed;
    }
    return unique && hasRepeatedId(out) ? NO : out;
  };
}

/**
 * The fast reader of a value with every object in it read field by field
 * ({@link interpretedReader}), for the tests that hold the two forms of the reader to each other.
 *
 * @example
 * ```ts
 * interpreted(Survey)({ ballots, date: "2022-12-10" }); //=> { ballots, date: "2022-12-10" }
 * ```
 */
export function interpreted(rule: Value): Reader {
  const shape = rule.shape;
  let read: Reader;
  if (shape.kind === "object") {
    const keys = Object.keys(shape.fields);
    const values = keys.map((key) => shape.fields[key] as Value);
    read = interpretedReader(
      keys,
      values.map((v) => v.optional),
      values.map(interpreted),
      shape.rules.map((r) => r.test as Test),
    );
  } else if (shape.kind === "list") {
    read = listReader(interpreted(shape.item), shape.uniqueId);
  } else if (shape.kind === "record") {
    read = recordReader(shape.key.read, interpreted(shape.item));
  } else {
    return rule.read;
  }
  return rule.optional ? (raw) => (raw === undefined ? undefined : read(raw)) : read;
}

/**
 * A list of items of one rule, with its issues capped (`too-many-issues`) and, with
 * `uniqueId`, each item's `id` unique in the list (`duplicate-id`).
 *
 * @example
 * ```ts
 * const Rounds = list(Round, { uniqueId: true });
 * Rounds.read([round, round]); //=> NO (a repeated id)
 * ```
 */
export function list<S extends Schema>(item: Value<S>, options: { readonly uniqueId?: boolean } = {}): Value<ListSchema<S>> {
  const unique = options.uniqueId === true;
  const schema = unique ? z.array(item.schema).check(uniqueIds(), capIssues()) : z.array(item.schema).check(capIssues());
  const read = listReader(item.read, unique);
  return {
    schema: schema as unknown as ListSchema<S>,
    read: read as Value<ListSchema<S>>["read"],
    optional: false,
    shape: { kind: "list", item, uniqueId: unique },
  };
}

/** The schema {@link record} derives. */
export type RecordSchema<K extends Schema, S extends Schema> = z.ZodMiniRecord<K & core.$ZodRecordKey, S>;

function recordReader(readKey: Reader, readItem: Reader): Reader {
  return (raw) => {
    if (!isRecord(raw)) return NO;
    const out: Record<string, unknown> = {};
    for (const key in raw) {
      // an inherited key is left to the schema, which decides what it means
      if (!Object.hasOwn(raw, key) || key === "__proto__" || readKey(key) === NO) return NO;
      const parsed = readItem(raw[key]);
      if (parsed === NO) return NO;
      out[key] = parsed;
    }
    return out;
  };
}

/**
 * An object whose keys are names of one rule (a rater group's, a participant's id) and whose
 * values are items of one rule.
 *
 * @example
 * ```ts
 * const Groups = record(IdValue, Ballots);
 * Groups.read({ 商户: ballots }); //=> { 商户: ballots }
 * ```
 */
export function record<K extends Schema, S extends Schema>(key: Value<K>, item: Value<S>): Value<RecordSchema<K, S>> {
  const schema = z.record(key.schema as unknown as K & core.$ZodRecordKey, item.schema);
  return {
    schema: schema as RecordSchema<K, S>,
    read: recordReader(key.read, item.read) as Value<RecordSchema<K, S>>["read"],
    optional: false,
    shape: { kind: "record", key, item },
  };
}
