/**
 * The shared conformance ballot workbooks (test/fixtures/ballots/, copied from the conformance
 * set: `N-native.xlsx`, `N-platform.xlsx`, `N-roster.json`, `N-expect.json`): `readBallots` gives
 * exactly the box of `N-expect.json` in both layouts — the native one with the box's own 票号 and
 * rater tokens, the platform one with ids 1..n and each rater `rK` written as the address
 * `10.7.0.K`, kept as its SHA-256 — with every mark as its id, several ticks as the list of the
 * non-blank ones, a blank as no key (SPEC §13.1 says they are the same marks). The tallies the
 * fixture expects are checked against the box read, counted by hand below (the preset rules), so
 * the workbook is tied to the fixture's own figures.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readBallots, type BallotBoxJson } from "../src/index.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/ballots/${name}`, import.meta.url));
const json = <T>(name: string): T => JSON.parse(fixture(name).toString("utf8")) as T;

type Mark = string | string[];
interface FixtureBallot {
  id: string;
  group?: string;
  rater?: string;
  seconds?: number;
  marks: Record<string, unknown>;
}
interface FixtureBox {
  year: number;
  component: string;
  date: string;
  issued?: number;
  ballots: FixtureBallot[];
}
interface Tally {
  participants: { participantId: string; survey: { ballots: Record<string, number> }; blank: string[]; invalid: string[]; notCounted: string[] }[];
}
interface Expect {
  box: FixtureBox;
  native: { tally: Tally };
  platform: { tally: Tally };
}

const LABELS: Record<string, string> = { 满意: "satisfied", 基本满意: "basically-satisfied", 不满意: "dissatisfied", 不了解: "unknown" };

/** A §13.1 mark as its id (a list without its blanks; `undefined` for blank). */
function canonical(mark: unknown): Mark | undefined {
  if (mark === null || mark === undefined) return undefined;
  if (Array.isArray(mark)) {
    const list = mark.map(canonical).filter((m): m is string => typeof m === "string");
    return list.length === 0 ? undefined : list;
  }
  const text = String(mark).normalize("NFKC").trim();
  return text === "" ? undefined : (LABELS[text] ?? text);
}

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** The box `readBallots` must give for a layout. */
function expectedBox(box: FixtureBox, layout: "native" | "platform"): BallotBoxJson {
  return {
    year: box.year,
    component: box.component as BallotBoxJson["component"],
    date: box.date,
    ...(box.issued === undefined ? {} : { issued: box.issued }),
    ballots: box.ballots.map((b, i) => {
      const marks: Record<string, Mark> = {};
      for (const [id, mark] of Object.entries(b.marks)) {
        const m = canonical(mark);
        if (m !== undefined) marks[id] = m;
      }
      const rater = b.rater === undefined ? undefined : layout === "native" ? b.rater : sha256(`10.7.0.${b.rater.slice(1)}`);
      return {
        id: layout === "native" ? b.id : String(i + 1),
        ...(b.group === undefined ? {} : { group: b.group }),
        ...(rater === undefined ? {} : { rater }),
        ...(b.seconds === undefined ? {} : { seconds: b.seconds }),
        marks: marks as BallotBoxJson["ballots"][number]["marks"],
      };
    }),
  };
}

describe.each(["0", "1", "2", "10"])("conformance ballot workbooks, case %s", (n) => {
  const expected = json<Expect>(`${n}-expect.json`);
  const roster = json<{ id: string; name: string }[]>(`${n}-roster.json`);
  const box = expected.box;

  it.each(["native", "platform"] as const)("reads the %s layout into exactly the expected box", async (layout) => {
    const options =
      layout === "native"
        ? { participants: roster, year: box.year, issued: box.issued }
        : { participants: roster, year: box.year, component: box.component, date: box.date, issued: box.issued };
    const outcome = await readBallots(fixture(`${n}-${layout}.xlsx`), options);
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (!outcome.success) return;
    expect(outcome.layout).toBe(layout);
    expect(outcome.boxes).toEqual([expectedBox(box, layout)]);
    expect(JSON.stringify(outcome.boxes[0])).toBe(JSON.stringify(expectedBox(box, layout)));
    expect(outcome.rows).toEqual([box.ballots.map((_, i) => i + 2)]);

    // The fixture's tally of this layout, counted from the box read (preset rules: every ballot
    // counts, a list of two different marks is invalid, no mark is blank).
    const read = outcome.boxes[0] as BallotBoxJson;
    for (const p of expected[layout].tally.participants) {
      expect(p.notCounted).toEqual([]);
      const counts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 };
      const blank: string[] = [];
      const invalid: string[] = [];
      for (const ballot of read.ballots) {
        const mark = ballot.marks[p.participantId];
        const distinct = mark === undefined ? [] : [...new Set(Array.isArray(mark) ? mark : [mark])];
        if (distinct.length === 0) blank.push(ballot.id);
        else if (distinct.length > 1) invalid.push(ballot.id);
        else counts[({ satisfied: "satisfied", "basically-satisfied": "basicallySatisfied", dissatisfied: "dissatisfied", unknown: "unknown" } as const)[distinct[0] as "satisfied"]] += 1;
      }
      expect({ counts, blank, invalid }).toEqual({ counts: p.survey.ballots, blank: p.blank, invalid: p.invalid });
    }
  });
});
