/**
 * The one module that knows the calendar: what a valid `Date` is and the evaluation windows.
 * Dates are `YYYY-MM-DD` strings and compare as strings, which orders them as days.
 *
 * @internal
 */
/** The first and last year a `Date` may carry (SPEC §4). */
export const DATE_YEARS = { min: 1949, max: 2099 } as const;

/** An inclusive range of days. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/**
 * Whether `year` is a leap year of the Gregorian calendar: divisible by 4, and not by 100 unless
 * by 400 (2000 was one, 2100 will not be).
 *
 * @example
 * ```ts
 * isLeapYear(2024); //=> true
 * ```
 */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The days of `month` (1..12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by `count` ASCII digits of `text` from `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether `text` is a `YYYY-MM-DD` naming a real calendar day with a year in 1949..2099.
 * (`^[0-9]{4}-[0-9]{2}-[0-9]{2}$` read by character: this runs for every date of every input,
 * and a regular expression's match array and substrings were most of its cost.)
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < DATE_YEARS.min || year > DATE_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= 28 || day <= daysInMonth(year, month);
}

/** The last day of February of `year`: the 29th in a leap year. */
export function lastDayOfFebruary(year: number): string {
  return isLeapYear(year) ? `${year}-02-29` : `${year}-02-28`;
}

/** 日常考评 window of year Y: Y-01-01..Y-12-31 (`附件2-一`). */
export function dailyWindow(year: number): Window {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** 综合评价 window of year Y: Y-12-01..the last day of February of Y+1 (`附件2-二`). */
export function comprehensiveWindow(year: number): Window {
  return { from: `${year}-12-01`, to: lastDayOfFebruary(year + 1) };
}

/** The veto period of year Y: the whole 考评期间, Y-01-01..the last day of February of Y+1. */
export function vetoPeriod(year: number): Window {
  return { from: `${year}-01-01`, to: lastDayOfFebruary(year + 1) };
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

/** Whether a date lies inside a window, both ends included. */
export function inWindow(date: string, window: Window): boolean {
  return date >= window.from && date <= window.to;
}
