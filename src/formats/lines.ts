/**
 * Splitting a byte stream into lines without holding more than one line (and never more than the
 * line limit) in memory: the reader of NDJSON input. Bytes are `Uint8Array`s (Node's `Buffer`s
 * are ones), so it runs in a browser too.
 */

/**
 * One input line: its number (every line counts, from 1) and its bytes, or `null` when too long.
 *
 * @example
 * ```ts
 * const line: SplitLine = { number: 2, bytes: new TextEncoder().encode("{}"), length: 2 };
 * ```
 */
export interface SplitLine {
  /** The line's number, counting every line of the input from 1 (blank lines included). */
  readonly number: number;
  /** The line's bytes without `\n`, a trailing `\r` or a leading BOM; `null` when the line is too long. */
  readonly bytes: Uint8Array | null;
  /** The line's length in bytes (as far as it was counted when too long: at least the limit + 1). */
  readonly length: number;
}

const LF = 0x0a;
const CR = 0x0d;
/** Room for a trailing `\r` and, on the first line, a 3-byte BOM, which do not count toward the limit. */
const SLACK = 4;

/** The parts of a line as one array of bytes (what Node's `Buffer.concat` does, in a browser too). */
function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

/**
 * Splits bytes into lines on `\n`, accepting CRLF and a leading UTF-8 BOM. A line longer than
 * `maxLineBytes` is reported as too long (`bytes: null`) and its bytes are dropped as they arrive,
 * so a huge line never sits in memory whole.
 *
 * @example
 * ```ts
 * const splitter = new LineSplitter(16 * 1024 * 1024);
 * for await (const chunk of stream) splitter.push(chunk, (line) => handle(line));
 * splitter.end((line) => handle(line));
 * ```
 */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private length = 0;
  private tooLong = false;
  private count = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Feeds a chunk; `emit` is called, in order, for every line the chunk completes. */
  push(chunk: Uint8Array, emit: (line: SplitLine) => void): void {
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl >= 0; nl = chunk.indexOf(LF, start)) {
      this.append(chunk, start, nl);
      this.finish(emit);
      start = nl + 1;
    }
    this.append(chunk, start, chunk.length);
  }

  /** Ends the input: emits the last line when it has no final `\n`. */
  end(emit: (line: SplitLine) => void): void {
    if (this.length > 0) this.finish(emit);
  }

  private append(chunk: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    this.length += to - from;
    if (this.tooLong) return;
    if (this.length > this.maxLineBytes + SLACK) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(chunk.subarray(from, to));
  }

  private finish(emit: (line: SplitLine) => void): void {
    this.count += 1;
    const number = this.count;
    let bytes: Uint8Array | null = null;
    let length = this.length;
    if (!this.tooLong) {
      let line = this.parts.length === 1 ? (this.parts[0] as Uint8Array) : concat(this.parts, this.length);
      if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
      if (number === 1 && line.length >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
      length = line.length;
      if (line.length <= this.maxLineBytes) bytes = line;
    }
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    emit({ number, bytes, length });
  }
}
