/**
 * The one-vote veto of `附件2-四` (docs/how-a-score-is-built.md): a confirmed veto inside the 考评期间 rates the
 * participant 不称职 directly.
 */
import { WINDOW_RULES, inWindow } from "../dates.js";
import type { Veto } from "../model/input.js";
import type { Finding, VetoResult } from "../model/result.js";
import type { CompiledPolicy } from "../policy/compile.js";

/** What the vetoes of a participant-year amount to. */
export interface VetoOutcome {
  readonly vetoed: boolean;
  readonly results: VetoResult[];
  readonly findings: readonly Finding[];
}

/** Decides each veto's status: outside the policy's `vetoPeriod`, pending (unconfirmed), or counted. */
export function applyVetoes(vetoes: readonly Veto[], year: number, cp: CompiledPolicy): VetoOutcome {
  const period = WINDOW_RULES[cp.policy.parameters.vetoPeriod.value](year);
  const findings: Finding[] = [];
  const results: VetoResult[] = [];
  let vetoed = false;
  for (const veto of vetoes) {
    if (!inWindow(veto.date, period)) {
      results.push({ id: veto.id, ground: veto.ground, status: "outside-period" });
      findings.push({ code: "veto-outside-period", id: veto.id, date: veto.date });
    } else if (!veto.confirmed) {
      results.push({ id: veto.id, ground: veto.ground, status: "pending" });
      findings.push({ code: "pending-veto", id: veto.id });
    } else {
      results.push({ id: veto.id, ground: veto.ground, status: "counted" });
      vetoed = true;
    }
  }
  results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { vetoed, results, findings };
}
