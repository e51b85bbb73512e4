/**
 * What a file is before any of it is inflated: an XLSX is a zip whose central directory lists
 * `[Content_Types].xml` and `xl/workbook.xml`. This module reads only that directory (the end of
 * the file), so a text file renamed `.xlsx`, a truncated download, a password-protected workbook
 * (an OLE container, not a zip) or a zip bomb (entries declaring gigabytes) is refused in
 * microseconds, before the spreadsheet library allocates anything.
 */

/**
 * Limits on what a workbook may unpack to.
 *
 * @example
 * ```ts
 * checkContainer(bytes, { ...DEFAULT_LIMITS, totalBytes: 50 * 2 ** 20 });
 * ```
 */
export interface ContainerLimits {
  /** The most all entries together may declare uncompressed, in bytes. */
  readonly totalBytes: number;
  /** The most one entry may declare uncompressed, in bytes. */
  readonly entryBytes: number;
  /** The most entries the zip may hold. */
  readonly entries: number;
}

/**
 * The default limits: 200 MiB unpacked in all, 100 MiB per part, 10,000 parts. A workbook of
 * 1,000 bodies with 40,000 records unpacks to about 10 MiB.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.totalBytes; //=> 209715200
 * ```
 */
export const DEFAULT_LIMITS: ContainerLimits = { totalBytes: 200 * 1024 * 1024, entryBytes: 100 * 1024 * 1024, entries: 10_000 };

/**
 * Why a file is not a workbook the reader will open.
 *
 * @example
 * ```ts
 * const problem: ContainerProblem = { kind: "too-large", bytes: 4e9, limit: 2e8 };
 * ```
 */
export type ContainerProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "not-zip" }
  | { readonly kind: "encrypted" }
  | { readonly kind: "legacy-xls" }
  | { readonly kind: "truncated" }
  | { readonly kind: "not-xlsx" }
  | { readonly kind: "too-large"; readonly bytes: number; readonly limit: number }
  | { readonly kind: "too-many-entries"; readonly entries: number; readonly limit: number }
  | { readonly kind: "size-mismatch"; readonly name: string }
  | { readonly kind: "named-range-too-large"; readonly cells: number; readonly limit: number };

/**
 * One entry of the central directory: where its data starts and what it declares.
 *
 * @example
 * ```ts
 * const entry: ZipEntry = { name: "xl/workbook.xml", method: 8, localOffset: 0, compressed: 512, unpacked: 1400 };
 * ```
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly localOffset: number;
  readonly compressed: number;
  readonly unpacked: number;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

/** Whether `bytes` holds `needle` as UTF-16LE text (the stream names of an OLE container). */
function holdsUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern = new Uint8Array(needle.length * 2);
  for (let i = 0; i < needle.length; i += 1) pattern[i * 2] = needle.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i += 1) {
    for (let j = 0; j < pattern.length; j += 1) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Checks that `bytes` is a zip holding an XLSX workbook within `limits`, from its central
 * directory alone; `undefined` when it is.
 *
 * @param bytes - The file.
 * @param limits - The unpacked size and entry limits.
 * @returns The problem, or `undefined`.
 * @example
 * ```ts
 * checkContainer(new TextEncoder().encode("编号,名称")); //=> { kind: "not-zip" }
 * ```
 */
export function checkContainer(bytes: Uint8Array, limits: ContainerLimits = DEFAULT_LIMITS): ContainerProblem | readonly ZipEntry[] {
  if (bytes.length === 0) return { kind: "empty" };
  if (OLE.every((b, i) => bytes[i] === b)) {
    // An OLE compound file: Excel's and WPS's encryption wraps the workbook in one (with an
    // EncryptionInfo stream); without it, it is the old binary .xls format.
    return holdsUtf16(bytes, "EncryptionInfo") || holdsUtf16(bytes, "EncryptedPackage") ? { kind: "encrypted" } : { kind: "legacy-xls" };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { kind: "not-zip" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: "truncated" };
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return { kind: "truncated" };
    const at = Number(view.getBigUint64(locator + 8, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) return { kind: "truncated" };
    count = Number(view.getBigUint64(at + 32, true));
    size = Number(view.getBigUint64(at + 40, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  if (count > limits.entries) return { kind: "too-many-entries", entries: count, limit: limits.entries };
  if (offset + size > bytes.length) return { kind: "truncated" };
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return { kind: "truncated" };
    const flags = view.getUint16(at + 8, true);
    let compressed = view.getUint32(at + 20, true);
    let unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength > bytes.length) return { kind: "truncated" };
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const method = view.getUint16(at + 10, true);
    if (unpacked === 0xffffffff || compressed === 0xffffffff) {
      // ZIP64 sizes live in the extra field (header id 1): uncompressed first, then compressed.
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = view.getUint16(e, true);
        const length = view.getUint16(e + 2, true);
        if (id === 1 && length >= 8) {
          if (unpacked === 0xffffffff) unpacked = Number(view.getBigUint64(e + 4, true));
          if (compressed === 0xffffffff && length >= 16) compressed = Number(view.getBigUint64(e + 12, true));
        }
        e += 4 + length;
      }
    }
    if ((flags & 1) === 1) return { kind: "encrypted" };
    if (localOffset !== 0xffffffff && localOffset + compressed > bytes.length) return { kind: "truncated" };
    if (unpacked > limits.entryBytes) return { kind: "too-large", bytes: unpacked, limit: limits.entryBytes };
    entries.push({ name, method, localOffset, compressed, unpacked });
    total += unpacked;
    if (total > limits.totalBytes) return { kind: "too-large", bytes: total, limit: limits.totalBytes };
    at += 46 + nameLength + extraLength + commentLength;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return { kind: "not-xlsx" };
  return entries;
}

const LOCAL = 0x04034b50;

/**
 * How many bytes a deflated stream inflates to, stopping as soon as it passes `limit`; the chunks
 * go to `keep` when given.
 */
async function inflatedLength(data: Uint8Array, limit: number, keep?: Uint8Array[]): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return length;
      keep?.push(value);
      length += value.byteLength;
      if (length > limit) {
        await reader.cancel();
        return length;
      }
    }
  } catch {
    return -1;
  }
}

/**
 * Inflates every entry once, counting and discarding the bytes, and stops at the first one that
 * unpacks to more (or other) than its central directory declares: a zip that lies about its sizes
 * is refused in memory bounded by one chunk and time bounded by the declared total.
 *
 * @param bytes - The file.
 * @param entries - Its central directory, from {@link checkContainer}.
 * @returns The problem, or `undefined` when every entry is as declared.
 * @example
 * ```ts
 * const entries = checkContainer(bytes);
 * if (Array.isArray(entries)) await checkEntries(bytes, entries); //=> undefined
 * ```
 */
export async function checkEntries(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<ContainerProblem | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const workbookXml: Uint8Array[] = [];
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return { kind: "truncated" };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressed > bytes.length) return { kind: "truncated" };
    const data = bytes.subarray(start, start + entry.compressed);
    if (entry.method === 0) {
      if (entry.compressed !== entry.unpacked) return { kind: "size-mismatch", name: entry.name };
    } else if (entry.method === 8) {
      const length = await inflatedLength(data, entry.unpacked, entry.name === "xl/workbook.xml" ? workbookXml : undefined);
      if (length < 0) return { kind: "truncated" };
      if (length !== entry.unpacked) return { kind: "size-mismatch", name: entry.name };
    } else {
      return { kind: "not-xlsx" };
    }
  }
  const cells = namedRangeCells(new TextDecoder().decode(await new Blob(workbookXml as Uint8Array<ArrayBuffer>[]).arrayBuffer()));
  return cells > MAX_NAMED_CELLS ? { kind: "named-range-too-large", cells, limit: MAX_NAMED_CELLS } : undefined;
}

/** The most cells the named ranges of a workbook may cover together. */
const MAX_NAMED_CELLS = 1_000_000;

const COLUMN = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * How many cells the absolute ranges (`$A$1:$D$9`) of a workbook's defined names cover: ExcelJS
 * visits every one of them on load, so a name over a whole sheet would take minutes and gigabytes.
 *
 * @example
 * ```ts
 * namedRangeCells('<definedName name="x">Sheet1!$A$1:$B$10</definedName>'); //=> 20
 * ```
 */
export function namedRangeCells(workbookXml: string): number {
  let cells = 0;
  for (const [, body] of workbookXml.matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)) {
    for (const [, c1, r1, c2, r2] of (body ?? "").matchAll(/\$([A-Z]+)\$([0-9]+):\$([A-Z]+)\$([0-9]+)/g)) {
      const width = Math.abs(COLUMN(c2 as string) - COLUMN(c1 as string)) + 1;
      const height = Math.abs(Number(r2) - Number(r1)) + 1;
      cells += width * height;
    }
  }
  return cells;
}
