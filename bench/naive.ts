/**
 * The benchmark's reference point: the same scoring done naively with JavaScript numbers, no
 * validation, floats throughout and `toFixed` for the rounding. Kept here only to show what exact
 * scoring costs over a float one; it is not correct (0.1 + 0.2, and `toFixed` rounds binary
 * values, not decimal ones), which is why the library does not work this way.
 */

interface NaiveRound {
  id?: string;
  date: string;
  score: number | string;
  outOf?: number | string;
}
interface NaiveComplaint {
  id: string;
  date: string;
  verified: boolean;
  deduction?: number | string;
}
interface NaiveSurvey {
  ballots: { satisfied: number; basicallySatisfied: number; dissatisfied: number; unknown?: number };
  date?: string;
}
interface NaiveCommendation {
  id: string;
  matter: string;
  level: "municipal" | "provincial-department" | "provincial" | "national";
  recipient: string;
  documentNumber: string;
  approved: boolean;
  awarded?: number | string;
}
interface NaiveVeto {
  id: string;
  ground: string;
  date: string;
  confirmed: boolean;
}
/** The parts of an input the naive scorer reads. */
export interface NaiveInput {
  year: number;
  participant: { id: string; name: string; unit?: string; category: string };
  components: {
    routineInspection?: { rounds: NaiveRound[] };
    specialInspection?: { rounds: NaiveRound[] };
    unannouncedVisit?: { rounds: NaiveRound[] };
    complaints?: { complaints: NaiveComplaint[] };
    serviceRecipients?: NaiveSurvey;
    deputies?: NaiveSurvey;
    countyCounterparts?: NaiveSurvey;
    cityLeaders?: { scores: { by?: string; score: number | string; date?: string }[] };
  };
  commendations?: NaiveCommendation[];
  vetoes?: NaiveVeto[];
}

const POINTS = { municipal: 0.5, "provincial-department": 0.5, provincial: 3, national: 5 } as const;
const RANK = { municipal: 0, "provincial-department": 1, provincial: 2, national: 3 } as const;
const DOC = /^(\S+?)\s*[〔[【(]([0-9]{4})[〕\]】)]\s*第?([0-9]+)号?$/;

const lastOfFebruary = (y: number): string => `${y}-02-${y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28}`;

/** Scores one participant-year with floats: the shape of the library's result, not its exactness. */
export function naiveScore(input: NaiveInput): Record<string, unknown> {
  const y = input.year;
  const daily = { from: `${y}-01-01`, to: `${y}-12-31` };
  const comprehensive = { from: `${y}-12-01`, to: lastOfFebruary(y + 1) };
  const inside = (d: string | undefined, w: { from: string; to: string }): boolean => d === undefined || (d >= w.from && d <= w.to);
  const findings: Record<string, unknown>[] = [];
  const components: Record<string, unknown>[] = [];
  let dailySum = 0;
  let comprehensiveSum = 0;
  const c = input.components;
  const rounds = (id: string, max: number, list: NaiveRound[] | undefined): void => {
    let sum = 0;
    const counted: NaiveRound[] = [];
    for (const r of list ?? []) {
      if (!inside(r.date, daily)) findings.push({ code: "outside-window", component: id, id: r.id, date: r.date });
      else {
        counted.push(r);
        sum += Number(r.score) / Number(r.outOf ?? max);
      }
    }
    counted.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const value = (max * sum) / counted.length;
    const points = Number(value.toFixed(2));
    dailySum += points;
    components.push({ id, max: String(max), points: value.toFixed(2), counted: counted.length, trace: [{ op: "mean-of-fractions", terms: counted.map((r) => `${r.score}/${r.outOf ?? max}`), value: String(value) }] });
  };
  rounds("routineInspection", 25, c.routineInspection?.rounds);
  rounds("specialInspection", 5, c.specialInspection?.rounds);
  rounds("unannouncedVisit", 10, c.unannouncedVisit?.rounds);
  let deducted = 0;
  for (const complaint of c.complaints?.complaints ?? []) {
    if (!inside(complaint.date, daily)) findings.push({ code: "outside-window", component: "complaints", id: complaint.id, date: complaint.date });
    else if (complaint.verified) deducted += Number(complaint.deduction ?? 1);
  }
  const complaintPoints = Math.max(0, 10 - deducted);
  dailySum += complaintPoints;
  components.push({ id: "complaints", max: "10", points: complaintPoints.toFixed(2), trace: [{ op: "deduct", value: String(complaintPoints) }] });
  const survey = (id: string, max: number, s: NaiveSurvey | undefined): void => {
    if (s === undefined || !inside(s.date, comprehensive)) return;
    const b = s.ballots;
    const value = (max * (b.satisfied + 0.6 * b.basicallySatisfied)) / (b.satisfied + b.basicallySatisfied + b.dissatisfied);
    comprehensiveSum += Number(value.toFixed(2));
    components.push({ id, max: String(max), points: value.toFixed(2), trace: [{ op: "weighted-ballots", value: String(value) }] });
  };
  survey("serviceRecipients", 15, c.serviceRecipients);
  survey("deputies", 15, c.deputies);
  survey("countyCounterparts", 10, c.countyCounterparts);
  const leaderScores = (c.cityLeaders?.scores ?? []).filter((s) => inside(s.date, comprehensive));
  const leaders = leaderScores.reduce((a, s) => a + Number(s.score), 0) / leaderScores.length;
  comprehensiveSum += Number(leaders.toFixed(2));
  components.push({ id: "cityLeaders", max: "10", points: leaders.toFixed(2), trace: [{ op: "mean", value: String(leaders) }] });

  const best = new Map<string, { id: string; points: number; rank: number }>();
  const excluded: Record<string, unknown>[] = [];
  for (const cm of input.commendations ?? []) {
    const m = DOC.exec(cm.documentNumber.normalize("NFKC").trim());
    if (!cm.approved) excluded.push({ id: cm.id, reason: "not-approved" });
    else if (m === null) excluded.push({ id: cm.id, reason: "invalid-document-number" });
    else if (Number(m[2]) !== y) excluded.push({ id: cm.id, reason: "wrong-year" });
    else {
      const points = cm.recipient === "unit" ? Number(cm.awarded) : POINTS[cm.level];
      const key = cm.matter.normalize("NFKC").trim();
      const entry = { id: cm.id, points, rank: RANK[cm.level] };
      const held = best.get(key);
      if (held === undefined || points > held.points || (points === held.points && entry.rank > held.rank)) best.set(key, entry);
    }
  }
  const counted = [...best.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const bonus = counted.reduce((a, e) => a + e.points, 0);
  const veto = (input.vetoes ?? []).some((v) => v.confirmed && v.date >= daily.from && v.date <= comprehensive.to);
  const base = dailySum + comprehensiveSum;
  return {
    year: y,
    participant: input.participant,
    policy: { id: "xuancheng-2022" },
    status: "final",
    vetoed: veto,
    tier: veto ? "incompetent" : null,
    daily: dailySum.toFixed(2),
    comprehensive: comprehensiveSum.toFixed(2),
    base: base.toFixed(2),
    bonus: { points: bonus.toFixed(2), counted: counted.map((e) => ({ id: e.id, points: e.points.toFixed(2) })), excluded },
    total: (base + bonus).toFixed(2),
    components,
    findings,
  };
}
