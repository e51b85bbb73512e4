/**
 * The calendar of `src/dates.ts` (date-fns) against the Gregorian rule written here, the oracle:
 * every day of every month of the years a `Date` may carry and a few either side, and the last day
 * of every February. `dates-time-zones.test.ts` runs the same module under other time zones.
 */
import { describe, expect, it } from "vitest";
import { DATE_YEARS, isCalendarDate, isLeapYear, lastDayOfFebruary, comprehensiveWindow, vetoPeriod } from "../../src/dates.js";

const two = (n: number): string => String(n).padStart(2, "0");

/** The Gregorian rule: divisible by 4, and not by 100 unless by 400. */
const gregorianLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The days of `month` (1..12) of `year`. */
const getDaysInMonth = (year: number, month: number): number =>
  month === 2 ? (gregorianLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

describe("the calendar", () => {
  it("accepts exactly the real days of the years 1949..2099, as the Gregorian rule counts them", () => {
    const wrong: string[] = [];
    for (let year = DATE_YEARS.min - 3; year <= DATE_YEARS.max + 3; year += 1) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${year}-${two(month)}-${two(day)}`;
          const real =
            year >= DATE_YEARS.min && year <= DATE_YEARS.max && month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
          if (isCalendarDate(text) !== real) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a date with any one character out of place: a digit that is not an ASCII digit, a separator that is not '-'", () => {
    const accepted: string[] = [];
    for (const date of ["2022-01-01", "2024-02-29", "2099-12-31", "1949-10-01"]) {
      for (let at = 0; at < date.length; at += 1) {
        const others = at === 4 || at === 7 ? ["/", ".", "0", " ", "–", "－"] : ["/", ":", "a", " ", "-", ".", "０", "٣", "\u0000"];
        for (const other of others) {
          const text = `${date.slice(0, at)}${other}${date.slice(at + 1)}`;
          if (isCalendarDate(text)) accepted.push(text);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(["2022-01-01", "2024-02-29", "2099-12-31", "1949-10-01"].every(isCalendarDate)).toBe(true);
  });

  it("ends February on the 29th exactly in the leap years (2000 is one, 1900 and 2100 are not)", () => {
    for (let year = 1890; year <= 2110; year += 1) {
      expect(lastDayOfFebruary(year)).toBe(`${year}-02-${getDaysInMonth(year, 2)}`);
      expect(isLeapYear(year)).toBe(getDaysInMonth(year, 2) === 29);
    }
    expect([isLeapYear(1900), isLeapYear(2000), isLeapYear(2024), isLeapYear(2100)]).toEqual([false, true, true, false]);
  });

  it("closes the comprehensive window and the veto period on the last day of February of the next year", () => {
    expect(comprehensiveWindow(2023)).toEqual({ from: "2023-12-01", to: "2024-02-29" });
    expect(comprehensiveWindow(2022)).toEqual({ from: "2022-12-01", to: "2023-02-28" });
    expect(vetoPeriod(2099)).toEqual({ from: "2099-01-01", to: "2100-02-28" });
  });
});
