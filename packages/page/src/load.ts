/**
 * What a loaded file holds: a workbook, score inputs, score results or a policy, told apart by
 * the file's name and content. Pure: bytes in, plain data out; nothing here touches the DOM.
 */
import type { Lang } from "wubi-wuping";
import { pageText } from "./text.js";

/**
 * A file the person gave the page: its name and its bytes.
 *
 * @example
 * ```ts
 * const file: PageFile = { name: "cgjdk.json", bytes: new TextEncoder().encode(text) };
 * ```
 */
export interface PageFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Where in the files something came from: the file, and a line or a place inside it.
 *
 * @example
 * ```ts
 * const origin: Origin = { file: "results.ndjson", where: "第 3 行" };
 * ```
 */
export interface Origin {
  readonly file: string;
  /** `第 3 行` of an NDJSON file, a workbook's sheet and body; empty for a file of one item. */
  readonly where: string;
}

/**
 * One problem, shown under its file: where in the file, and what is wrong.
 *
 * @example
 * ```ts
 * const problem: Problem = { file: "考评.xlsx", where: "督查暗访!D7", message: "…", code: "invalid-cell" };
 * ```
 */
export interface Problem {
  readonly file: string;
  /** A line, a JSON path, or a sheet and cell; empty for the whole file. */
  readonly where: string;
  readonly message: string;
  /** The library's issue code when there is one. */
  readonly code?: string | undefined;
  /** A line summing up problems listed after it (a body's unfilled components): not counted itself. */
  readonly summary?: boolean | undefined;
}

/**
 * A piece of a file: an input to score, a result to rank, or a policy to use.
 *
 * @example
 * ```ts
 * const item: Item = { kind: "policy", value: { id: "city-2023" }, origin: { file: "policy.json", where: "" } };
 * ```
 */
export type Item =
  | { readonly kind: "input"; readonly value: unknown; readonly origin: Origin }
  | { readonly kind: "result"; readonly value: unknown; readonly origin: Origin }
  | { readonly kind: "policy"; readonly value: unknown; readonly origin: Origin };

/**
 * What one file holds once read.
 *
 * @example
 * ```ts
 * const content: FileContent = readPageFile(file, "zh");
 * if (content.kind === "items") content.problems; //=> []
 * ```
 */
export type FileContent =
  | { readonly kind: "workbook"; readonly file: string; readonly bytes: Uint8Array }
  | { readonly kind: "items"; readonly file: string; readonly items: readonly Item[]; readonly problems: readonly Problem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** The OLE signature: the old binary `.xls`, or a password-protected workbook. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;

function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Which kind of item a parsed JSON value is: a result carries `total` and `policy`, an input
 * `participant` or `components`, a policy an `id` and neither; anything else is not recognised.
 *
 * @example
 * ```ts
 * kindOf({ id: "city-2023", bonusCap: 5 }); //=> "policy"
 * kindOf({ year: 2022, participant: {}, components: {} }); //=> "input"
 * ```
 */
export function kindOf(value: unknown): Item["kind"] | undefined {
  if (!isObject(value)) return undefined;
  if (Object.hasOwn(value, "total") && Object.hasOwn(value, "policy")) return "result";
  if (Object.hasOwn(value, "participant") || Object.hasOwn(value, "components")) return "input";
  if (Object.hasOwn(value, "id")) return "policy";
  return undefined;
}

const isBatchError = (value: unknown): boolean => isObject(value) && Object.hasOwn(value, "line") && Object.hasOwn(value, "error");

/** Text of UTF-8 bytes without a BOM, or `undefined` when the bytes are not UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.startsWith("\uFEFF") ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

const errorText = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/**
 * Reads one file: a workbook is passed on as bytes (the workbook entry reads it, and says of an
 * old `.xls` or a password-protected one what to do, as `import` does); JSON and NDJSON become
 * items, every problem of the file at once; a CSV is answered with where its content belongs.
 *
 * @param file - The file's name and bytes.
 * @param lang - The language of the problems.
 * @returns The file's content.
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('{"id":"city-2023","bonusCap":5}');
 * readPageFile({ name: "policy.json", bytes }, "zh");
 * //=> { kind: "items", file: "policy.json", items: [{ kind: "policy", value: { id: "city-2023", bonusCap: 5 }, origin: { file: "policy.json", where: "" } }], problems: [] }
 * ```
 */
export function readPageFile(file: PageFile, lang: Lang): FileContent {
  const t = pageText(lang);
  const ext = extension(file.name);
  const whole = (message: string): FileContent => ({ kind: "items", file: file.name, items: [], problems: [{ file: file.name, where: "", message }] });
  if (ext === "xlsx" || ext === "xls" || isZip(file.bytes) || isOle(file.bytes)) return { kind: "workbook", file: file.name, bytes: file.bytes };
  if (ext === "csv") return whole(t.csvFile);
  if (ext !== "json" && ext !== "ndjson" && ext !== "jsonl") return whole(t.unsupportedFile);
  const text = utf8(file.bytes);
  if (text === undefined) return whole(t.notUtf8);
  if (text.trim() === "") return whole(t.emptyFile);
  return ext === "json" ? readJson(file.name, text, lang) : readNdjson(file.name, text, lang);
}

function readJson(name: string, text: string, lang: Lang): FileContent {
  const t = pageText(lang);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { kind: "items", file: name, items: [], problems: [{ file: name, where: "", message: t.notJson(errorText(cause)) }] };
  }
  const kind = kindOf(value);
  if (kind === undefined) return { kind: "items", file: name, items: [], problems: [{ file: name, where: "", message: t.notRecognized }] };
  return { kind: "items", file: name, items: [{ kind, value, origin: { file: name, where: "" } }], problems: [] };
}

function readNdjson(name: string, text: string, lang: Lang): FileContent {
  const t = pageText(lang);
  const items: Item[] = [];
  const problems: Problem[] = [];
  text.split("\n").forEach((raw, i) => {
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (content.trim() === "") return;
    const where = t.line(i + 1);
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (cause) {
      problems.push({ file: name, where, message: t.notJson(errorText(cause)) });
      return;
    }
    const kind = kindOf(value);
    if (isBatchError(value)) problems.push({ file: name, where, message: t.batchError });
    else if (kind === "input" || kind === "result") items.push({ kind, value, origin: { file: name, where } });
    else problems.push({ file: name, where, message: t.notRecognized });
  });
  return { kind: "items", file: name, items, problems };
}
