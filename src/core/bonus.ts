/**
 * The bonus of `附件2-三` (docs/how-a-score-is-built.md): approval, the document number's year, points by level or as
 * awarded, one commendation per matter at the highest, and the policy's cap.
 */
import { addExact, exact, fixed, microToScaled, type Exact } from "../decimal.js";
import type { Commendation } from "../model/input.js";
import { LEVELS, type AssumptionId, type PolicyParameters } from "../model/policy.js";
import type { BonusResult, Finding } from "../model/result.js";
import type { CompiledPolicy } from "../policy/compile.js";
import { parseDocumentNumber } from "./document-number.js";

/** The bonus with its points as an integer at the policy's decimals. */
export interface BonusOutcome {
  readonly result: BonusResult;
  readonly points: Exact;
  readonly findings: readonly Finding[];
  readonly assumptions: ReadonlySet<AssumptionId>;
}

interface Eligible {
  readonly commendation: Commendation;
  readonly points: Exact;
  readonly rank: number;
}

const NO_ASSUMPTIONS: ReadonlySet<AssumptionId> = new Set();

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Whether `a` beats `b` for the same matter, by the policy's `sameMatterTieBreak`: more points
 * always wins; at equal points, `higher-level-then-smaller-id`.
 */
const TIE_BREAKS: Readonly<Record<PolicyParameters["sameMatterTieBreak"]["value"], (a: Eligible, b: Eligible) => boolean>> = {
  "higher-level-then-smaller-id": (a, b) => (a.rank !== b.rank ? a.rank > b.rank : a.commendation.id < b.commendation.id),
};

/** The key under which two matters are the same: NFKC, then `trim()`. */
export function matterKey(matter: string): string {
  return matter.normalize("NFKC").trim();
}

/** Scores the commendations of an evaluation year. */
export function scoreBonus(commendations: readonly Commendation[], year: number, cp: CompiledPolicy): BonusOutcome {
  if (commendations.length === 0) {
    return { result: { points: cp.zeroText, counted: [], excluded: [] }, points: exact(0), findings: [], assumptions: NO_ASSUMPTIONS };
  }
  const findings: Finding[] = [];
  const excluded: BonusResult["excluded"][number][] = [];
  const assumptions = new Set<AssumptionId>();
  const byMatter = new Map<string, Eligible[]>();
  for (const c of commendations) {
    if (c.recipient === "unit") assumptions.add("unit-commendation-ceiling");
    const parsed = parseDocumentNumber(c.documentNumber);
    if (parsed.ok && !parsed.standard) {
      findings.push({ code: "nonstandard-document-number", id: c.id, documentNumber: c.documentNumber, normalized: parsed.normalized });
    }
    if (!c.approved) {
      excluded.push({ id: c.id, reason: "not-approved" });
      continue;
    }
    if (!parsed.ok) {
      excluded.push({ id: c.id, reason: "invalid-document-number", documentNumber: c.documentNumber, documentNumberError: parsed.reason });
      continue;
    }
    if (parsed.year !== year) {
      excluded.push({ id: c.id, reason: "wrong-year", documentNumber: c.documentNumber, documentYear: parsed.year });
      continue;
    }
    // A unit commendation always carries `awarded` (validated, at most the policy's decimals).
    const points = c.recipient === "unit" && c.awarded !== undefined ? microToScaled(c.awarded, cp.decimals) : cp.levelPoints[c.level];
    const key = matterKey(c.matter);
    const group = byMatter.get(key);
    const entry: Eligible = { commendation: c, points, rank: LEVELS.indexOf(c.level) };
    if (group === undefined) byMatter.set(key, [entry]);
    else group.push(entry);
  }
  const tieBreak = TIE_BREAKS[cp.policy.parameters.sameMatterTieBreak.value];
  const beats = (a: Eligible, b: Eligible): boolean => (a.points.eq(b.points) ? tieBreak(a, b) : a.points.gt(b.points));
  const counted: BonusResult["counted"][number][] = [];
  let uncapped: Exact = exact(0);
  for (const group of byMatter.values()) {
    let winner = group[0] as Eligible;
    for (let i = 1; i < group.length; i += 1) {
      const entry = group[i] as Eligible;
      for (let j = 0; j < i; j += 1) {
        if ((group[j] as Eligible).points.eq(entry.points)) {
          assumptions.add("same-matter-tie-break");
          break;
        }
      }
      if (beats(entry, winner)) winner = entry;
    }
    for (const entry of group) {
      if (entry !== winner) excluded.push({ id: entry.commendation.id, reason: "superseded", by: winner.commendation.id });
    }
    const c = winner.commendation;
    counted.push({ id: c.id, matter: c.matter, level: c.level, recipient: c.recipient, points: fixed(winner.points, cp.decimals) });
    uncapped = addExact(uncapped, winner.points);
  }
  let points: Exact = uncapped;
  if (cp.bonusCap !== null && uncapped.gt(cp.bonusCap)) {
    points = cp.bonusCap;
    findings.push({ code: "bonus-capped", uncapped: fixed(uncapped, cp.decimals), cap: fixed(cp.bonusCap, cp.decimals) });
  }
  if (counted.length > 0) assumptions.add("bonus-cap");
  counted.sort(byId);
  excluded.sort(byId);
  return { result: { points: fixed(points, cp.decimals), counted, excluded }, points, findings, assumptions };
}
