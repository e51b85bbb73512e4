/**
 * The one module that knows the calendar, on date-fns: what a valid `Date` is, and the evaluation
 * windows and the veto period of a year (docs/decisions.md, "The calendar on date-fns").
 *
 * Every question is asked of a `Date` made for the first day of a month at noon, local time, and
 * answered by date-fns from its calendar fields (year, month, day). No instant is compared and no
 * day is made that a time zone might lack (a midnight that a daylight-saving change skips, or a
 * day a zone left out), so no answer depends on the machine's time zone (the tests run it under
 * several). Dates are `YYYY-MM-DD` strings, which order as the days they name, so a window is a
 * pair of them and a date lies in it when it sorts between them.
 *
 * @internal
 */
import { formatISO, getDaysInMonth, isLeapYear as isLeapYearOf, lastDayOfMonth } from "date-fns";

/** The first and last year a `Date` may carry (docs/how-a-score-is-built.md). */
export const DATE_YEARS = { min: 1949, max: 2099 } as const;

/** An inclusive range of days. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** Noon of the first day of `month` (1..12) of `year`, local time: a moment every zone has. */
function monthOf(year: number, month: number): Date {
  return new Date(year, month - 1, 1, 12);
}

/** The `YYYY-MM-DD` of a `Date`'s calendar fields. */
function dayText(date: Date): string {
  return formatISO(date, { representation: "date" });
}

/**
 * Whether `year` is a leap year of the Gregorian calendar (date-fns's `isLeapYear`): 2000 was one,
 * 2100 will not be.
 *
 * @example
 * ```ts
 * isLeapYear(2024); //=> true
 * ```
 */
export function isLeapYear(year: number): boolean {
  return isLeapYearOf(monthOf(year, 1));
}

/** `YYYY-MM-DD` in ASCII digits. */
const DATE_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * Whether `text` is a `YYYY-MM-DD` naming a real calendar day with a year in 1949..2099: the
 * shape, then the day counted against the month's days (date-fns's `getDaysInMonth`).
 *
 * @example
 * ```ts
 * isCalendarDate("2024-02-29"); //=> true
 * isCalendarDate("2023-02-29"); //=> false
 * ```
 */
export function isCalendarDate(text: string): boolean {
  const known = CALENDAR_DATES.get(text);
  if (known !== undefined) return known;
  if (CALENDAR_DATES.size >= 4096) CALENDAR_DATES.clear();
  const valid = checkCalendarDate(text);
  CALENDAR_DATES.set(text, valid);
  return valid;
}

/**
 * The answers {@link isCalendarDate} has given, by text: an input's dates fall in a few years, so
 * a batch asks of the same few hundred days over and over. Bounded: emptied when full.
 */
const CALENDAR_DATES = new Map<string, boolean>();

function checkCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < DATE_YEARS.min || year > DATE_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The days of each month date-fns has counted, by `year × 12 + month` (at most 151 × 12). */
const DAYS_IN_MONTH = new Map<number, number>();

/** The days of `month` of `year` (date-fns's `getDaysInMonth`), counted once per month. */
function daysInMonth(year: number, month: number): number {
  const key = year * 12 + month;
  let days = DAYS_IN_MONTH.get(key);
  if (days === undefined) {
    days = getDaysInMonth(monthOf(year, month));
    DAYS_IN_MONTH.set(key, days);
  }
  return days;
}

/**
 * The last day of February of `year` (date-fns's `lastDayOfMonth`): the 29th in a leap year.
 *
 * @example
 * ```ts
 * lastDayOfFebruary(2024); //=> "2024-02-29"
 * ```
 */
export function lastDayOfFebruary(year: number): string {
  return dayText(lastDayOfMonth(monthOf(year, 2)));
}

/**
 * 日常考评 window of year Y: Y-01-01..Y-12-31 (`附件2-一`).
 *
 * @example
 * ```ts
 * dailyWindow(2023); //=> { from: "2023-01-01", to: "2023-12-31" }
 * ```
 */
export function dailyWindow(year: number): Window {
  return { from: dayText(monthOf(year, 1)), to: dayText(lastDayOfMonth(monthOf(year, 12))) };
}

/**
 * 综合评价 window of year Y: Y-12-01..the last day of February of Y+1 (`附件2-二`).
 *
 * @example
 * ```ts
 * comprehensiveWindow(2023); //=> { from: "2023-12-01", to: "2024-02-29" }
 * ```
 */
export function comprehensiveWindow(year: number): Window {
  return { from: dayText(monthOf(year, 12)), to: lastDayOfFebruary(year + 1) };
}

/**
 * The veto period of year Y: the whole 考评期间, Y-01-01..the last day of February of Y+1.
 *
 * @example
 * ```ts
 * vetoPeriod(2022); //=> { from: "2022-01-01", to: "2023-02-28" }
 * ```
 */
export function vetoPeriod(year: number): Window {
  return { from: dayText(monthOf(year, 1)), to: lastDayOfFebruary(year + 1) };
}

/**
 * The windows a policy can name, by the rule its parameter states: the engine looks each
 * window parameter (`dailyWindow`, `comprehensiveWindow`, `vetoPeriod`) up here.
 *
 * @example
 * ```ts
 * WINDOW_RULES["Y-12-01..end of February Y+1"](2023); //=> { from: "2023-12-01", to: "2024-02-29" }
 * ```
 */
export const WINDOW_RULES = {
  "Y-01-01..Y-12-31": dailyWindow,
  "Y-12-01..end of February Y+1": comprehensiveWindow,
  "Y-01-01..end of February Y+1": vetoPeriod,
} as const satisfies Readonly<Record<string, (year: number) => Window>>;

/**
 * Whether a valid date lies inside a window, both ends included (`YYYY-MM-DD` texts sort as days).
 *
 * @example
 * ```ts
 * inWindow("2024-02-29", comprehensiveWindow(2023)); //=> true
 * ```
 */
export function inWindow(date: string, window: Window): boolean {
  return date >= window.from && date <= window.to;
}
