/**
 * The calendar as the front ends need it when they read a sheet: whether a text is a real calendar
 * day, and which evaluation year a survey dated on a day belongs to (the year whose 综合评价 window
 * of `附件2-二` holds the day: docs/how-a-score-is-built.md). The rules are the core's (src/dates.ts).
 */
import { comprehensiveWindow, inWindow, isCalendarDate } from "../dates.js";
import { YearSchema } from "../model/roster.js";

export { isCalendarDate };

/**
 * The evaluation year a survey dated `date` (`YYYY-MM-DD`, a real day) belongs to: the year whose
 * comprehensive window (from 1 December to the end of the next February) holds the date, or
 * `undefined` when no valid year's window does.
 *
 * @param date - The survey's date, `YYYY-MM-DD`.
 * @returns The evaluation year, or `undefined`.
 * @example
 * ```ts
 * surveyYearOf("2022-12-20"); //=> 2022
 * surveyYearOf("2023-02-28"); //=> 2022
 * surveyYearOf("2022-06-01"); //=> undefined
 * ```
 */
export function surveyYearOf(date: string): number | undefined {
  if (!isCalendarDate(date)) return undefined;
  const calendar = Number(date.slice(0, 4));
  for (const year of [calendar - 1, calendar]) {
    if (YearSchema.safeParse(year).success && inWindow(date, comprehensiveWindow(year))) return year;
  }
  return undefined;
}
