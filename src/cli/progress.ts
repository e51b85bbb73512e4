/**
 * A progress line on stderr for long work (`score --batch`, and any command that goes through many
 * items): items done, the rate, and the time left when the size of the work is known. It is shown
 * only when stderr is a terminal; in a pipeline or in CI nothing at all is written.
 */
import type { Lang } from "../index.js";

/**
 * The stream a progress line goes to: `process.stderr`, or a fake in tests. Only a stream whose
 * `isTTY` is `true` gets a progress line.
 *
 * @example
 * ```ts
 * const stream: ProgressStream = { isTTY: true, write: (text) => chunks.push(text) };
 * ```
 */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/**
 * What a progress line counts, in both languages: the unit (`行` / `lines`).
 *
 * @example
 * ```ts
 * const unit: ProgressUnit = { zh: "行", en: "lines" };
 * ```
 */
export type ProgressUnit = Readonly<Record<Lang, string>>;

/**
 * Options of {@link startProgress}.
 *
 * @example
 * ```ts
 * const options: ProgressOptions = { stream: process.stderr, unit: { zh: "行", en: "lines" }, lang: "zh" };
 * ```
 */
export interface ProgressOptions {
  /** Where the line goes; nothing is written unless `stream.isTTY` is `true`. */
  readonly stream: ProgressStream | undefined;
  readonly unit: ProgressUnit;
  readonly lang: Lang;
  /** The clock in milliseconds (default `Date.now`); tests pass a fake one. */
  readonly now?: () => number;
  /** The least time between two redraws, in milliseconds (default 250). */
  readonly intervalMs?: number;
}

/**
 * A running progress line: `update` as the work goes on (redrawn at most every `intervalMs`),
 * `finish` once at the end (the final count and the time taken, on a line of its own).
 *
 * @example
 * ```ts
 * const progress = startProgress({ stream: process.stderr, unit: { zh: "行", en: "lines" }, lang: "zh" });
 * progress.update(1200, 0.25);
 * progress.finish(4800);
 * ```
 */
export interface Progress {
  /**
   * Reports `done` items so far and, when the size of the work is known, the fraction of it done
   * (0 to 1: bytes read / file size, or items / total), from which the time left is estimated.
   */
  update(done: number, fraction?: number): void;
  /** Writes the final line (items done and time taken) when a progress line was shown: work done quickly leaves no trace. */
  finish(done: number): void;
}

const NONE: Progress = { update: () => undefined, finish: () => undefined };

/** A duration in seconds as a person reads it: `12 秒`, `3 分 05 秒` / `12 s`, `3 min 05 s`. */
function duration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = String(s % 60).padStart(minutes > 0 ? 2 : 1, "0");
  if (lang === "zh") return minutes > 0 ? `${minutes} 分 ${rest} 秒` : `${rest} 秒`;
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}

/**
 * The text of one progress line (without the carriage return that redraws it).
 *
 * @param done - Items done.
 * @param elapsedMs - Time since the start.
 * @param fraction - The fraction of the work done, when its size is known.
 * @param unit - What is counted.
 * @param lang - Chinese or English.
 * @returns The line.
 * @example
 * ```ts
 * progressText(12000, 4000, 0.25, { zh: "行", en: "lines" }, "zh"); //=> "已处理 12000 行，每秒 3000 行，预计还需 12 秒"
 * progressText(12000, 4000, undefined, { zh: "行", en: "lines" }, "en"); //=> "12000 lines done, 3000 lines/s"
 * ```
 */
export function progressText(done: number, elapsedMs: number, fraction: number | undefined, unit: ProgressUnit, lang: Lang): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : undefined;
  const left = fraction !== undefined && fraction > 0 && fraction <= 1 ? (seconds * (1 - fraction)) / fraction : undefined;
  if (lang === "zh") {
    return [`已处理 ${done} ${unit.zh}`, ...(rate === undefined ? [] : [`每秒 ${rate} ${unit.zh}`]), ...(left === undefined ? [] : [`预计还需 ${duration(left, lang)}`])].join("，");
  }
  return [`${done} ${unit.en} done`, ...(rate === undefined ? [] : [`${rate} ${unit.en}/s`]), ...(left === undefined ? [] : [`about ${duration(left, lang)} left`])].join(", ");
}

/**
 * Starts a progress line on `options.stream` when it is a terminal; otherwise returns a progress
 * that writes nothing. The line is redrawn in place (`\r` and erase to the end of the line) at most
 * every `intervalMs`, the first time `intervalMs` after the start (so quick work shows nothing);
 * `finish` leaves the final count on a line of its own.
 *
 * @param options - The stream, the unit, the language, and optionally a clock and the redraw interval.
 * @returns The running progress.
 * @example
 * ```ts
 * const progress = startProgress({ stream: { isTTY: false, write: () => true }, unit: { zh: "行", en: "lines" }, lang: "zh" });
 * progress.update(10); // writes nothing: not a terminal
 * ```
 */
export function startProgress(options: ProgressOptions): Progress {
  const { stream, unit, lang } = options;
  if (stream === undefined || stream.isTTY !== true) return NONE;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 250;
  const start = now();
  let last = start;
  let shown = false;
  return {
    update(done, fraction) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      shown = true;
      stream.write(`\r${progressText(done, t - start, fraction, unit, lang)}\u001b[K`);
    },
    finish(done) {
      if (!shown) return;
      const elapsed = duration((now() - start) / 1000, lang);
      const text = lang === "zh" ? `已处理 ${done} ${unit.zh}，用时 ${elapsed}` : `${done} ${unit.en} done in ${elapsed}`;
      stream.write(`\r${text}\u001b[K\n`);
    },
  };
}
