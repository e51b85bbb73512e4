/**
 * Fixed times in a zip: ExcelJS's zip library stamps every part with the clock's time, so two
 * writes of the same workbook differ in those bytes. Setting every entry's time to one given
 * instant makes the same results give the same `.xlsx` bytes (docs/decisions.md W18).
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

/** An instant as MS-DOS time and date words (UTC fields; two-second steps; years from 1980). */
function dosTime(time: Date): { time: number; date: number } {
  const year = Math.min(Math.max(time.getUTCFullYear(), 1980), 2107);
  return {
    time: (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | Math.floor(time.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate(),
  };
}

/**
 * A copy of a zip's bytes with every entry's modification time (central directory and local
 * headers) set to `time`. Bytes that are not a zip this can walk are returned unchanged.
 *
 * @param bytes - The zip.
 * @param time - The instant every entry gets.
 * @returns The zip with fixed times.
 * @example
 * ```ts
 * const fixed = withZipTimes(await toBytes(workbook), new Date(Date.UTC(2023, 1, 28)));
 * ```
 */
export function withZipTimes(bytes: Uint8Array, time: Date): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return out;
  const { time: t, date: d } = dosTime(time);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > out.length || view.getUint32(at, true) !== CENTRAL_HEADER) return new Uint8Array(bytes);
    view.setUint16(at + 12, t, true);
    view.setUint16(at + 14, d, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > out.length || view.getUint32(local, true) !== LOCAL_HEADER) return new Uint8Array(bytes);
    view.setUint16(local + 10, t, true);
    view.setUint16(local + 12, d, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
