/**
 * The calendar does not depend on the machine's time zone: `src/dates.ts` (date-fns) and `score()`
 * bundled once, then run by this Node under other zones (`TZ`), each in its own process — UTC,
 * Asia/Shanghai, America/Sao_Paulo (whose daylight-saving changes skipped midnight, so a local
 * midnight there may not exist) and Pacific/Apia (which left out the whole of 2011-12-30) — must
 * accept the same days, give the same windows and score every conformance case the same.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cases = readFileSync(new URL("../fixtures/conformance.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { input: unknown; options: object });

/** What each zone reports: the days it accepts, the windows, and every conformance score. */
const PROGRAM = `
import { isCalendarDate, isLeapYear, lastDayOfFebruary, dailyWindow, comprehensiveWindow, vetoPeriod } from "./src/dates.ts";
import { safeScore } from "./src/index.ts";
const two = (n) => String(n).padStart(2, "0");
const accepted = [];
const years = [];
for (let year = 1946; year <= 2102; year += 1) {
  for (let month = 0; month <= 13; month += 1)
    for (let day = 0; day <= 32; day += 1) {
      const text = year + "-" + two(month) + "-" + two(day);
      if (isCalendarDate(text)) accepted.push(text);
    }
  years.push([year, isLeapYear(year), lastDayOfFebruary(year), dailyWindow(year), comprehensiveWindow(year), vetoPeriod(year)]);
}
const cases = ${JSON.stringify(cases)};
const scores = cases.map((c) => JSON.stringify(safeScore(c.input, c.options)));
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
process.stdout.write(JSON.stringify({ zone, midnight: new Date(2018, 10, 4).getHours(), accepted, years, scores }));
`;

interface Report {
  readonly zone: string;
  readonly midnight: number;
  readonly accepted: readonly string[];
  readonly years: readonly unknown[];
  readonly scores: readonly string[];
}

const ZONES = ["UTC", "Asia/Shanghai", "America/Sao_Paulo", "Pacific/Apia"] as const;

describe("the calendar in other time zones", () => {
  it("accepts the same days, gives the same windows and the same scores in UTC, Shanghai, São Paulo and Apia", async () => {
    const bundled = await build({
      stdin: { contents: PROGRAM, resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "node",
      write: false,
      logLevel: "silent",
      define: { PACKAGE_VERSION: JSON.stringify("0.0.0-test") },
    });
    const code = bundled.outputFiles[0]?.text ?? "";
    const reports = ZONES.map((zone) => {
      const run = spawnSync(process.execPath, ["--input-type=module"], { input: code, env: { ...process.env, TZ: zone }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      expect(run.stderr).toBe("");
      return JSON.parse(run.stdout) as Report;
    });
    // Each process really ran in its zone: São Paulo's 2018-11-04 began at 01:00.
    expect(reports.map((r) => r.zone)).toEqual([...ZONES]);
    expect(reports.map((r) => r.midnight)).toEqual([0, 0, 1, 0]);
    const [first, ...others] = reports as [Report, ...Report[]];
    for (const other of others) {
      expect(other.accepted).toEqual(first.accepted);
      expect(other.years).toEqual(first.years);
      expect(other.scores).toEqual(first.scores);
    }
    // The zone-free answers: the Gregorian count of days (1949..2099), and the cases' own scores.
    const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    let days = 0;
    for (let y = 1949; y <= 2099; y += 1) days += leap(y) ? 366 : 365;
    expect(first.accepted.length).toBe(days);
    expect(first.accepted).toContain("2011-12-30");
    expect(first.accepted).toContain("2018-11-04");
    expect(first.years).toContainEqual([2023, false, "2023-02-28", { from: "2023-01-01", to: "2023-12-31" }, { from: "2023-12-01", to: "2024-02-29" }, { from: "2023-01-01", to: "2024-02-29" }]);
    const { safeScore } = await import("../../src/index.js");
    expect(first.scores).toEqual(cases.map((c) => JSON.stringify(safeScore(c.input, c.options))));
  });
});
