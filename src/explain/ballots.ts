/**
 * The ballots behind a survey's counts, as `explain` shows them under the component when it is
 * given the tallies (docs/ballots.md, decision T10): how many came back and counted, the counts for this
 * body, and every ballot that did not count, each rule named with its Chinese name and whether it
 * is an assumption or the policy's.
 *
 * @internal
 */
import type { Lang } from "../messages/lang.js";
import { BALLOT_RULE_NAMES } from "../messages/labels.js";
import type { AssumptionId } from "../model/policy.js";
import type { ParticipantTally, TallyResult } from "../model/tally.js";

/** The most ballot ids one line lists before it counts the rest. */
const MAX_IDS = 12;

type Rule = keyof typeof BALLOT_RULE_NAMES;

/** `a、b、c …（共 40 张）` / `a, b, c, … (40 in all)`. */
function idList(list: readonly string[], lang: Lang): string {
  const shown = list.slice(0, MAX_IDS).join(lang === "zh" ? "、" : ", ");
  if (list.length <= MAX_IDS) return shown;
  return lang === "zh" ? `${shown} 等（共 ${list.length} 张）` : `${shown}, … (${list.length} in all)`;
}

/**
 * A rule with its Chinese name and its provenance: `重复评价人（repeated-rater，假定…）`, or in
 * words alone without its id (`ids: false`, for a reader who never writes a policy).
 */
function rule(id: Rule, assumed: ReadonlySet<string>, lang: Lang, ids: boolean): string {
  const name = BALLOT_RULE_NAMES[id][lang];
  const by = assumed.has(id) ? (lang === "zh" ? "假定，可由政策覆盖" : "assumed, a policy may override it") : lang === "zh" ? "由政策设定" : "set by the policy";
  const inside = ids ? [id, by] : [by];
  return lang === "zh" ? `${name}（${inside.join("，")}）` : `${name} (${inside.join(", ")})`;
}

/**
 * The tally of this body's survey component among `tallies`: its box and its own entry.
 *
 * @example
 * ```ts
 * tallyOf(tallies, 2022, "cgjdk", "deputies"); //=> { box, participant } or undefined
 * ```
 */
export function tallyOf(
  tallies: readonly TallyResult[] | undefined,
  year: number,
  participantId: string,
  component: string,
): { readonly tally: TallyResult; readonly participant: ParticipantTally } | undefined {
  if (!Array.isArray(tallies)) return undefined;
  for (const tally of tallies as readonly TallyResult[]) {
    if (tally?.box?.year !== year || tally.box.component !== component || !Array.isArray(tally.participants)) continue;
    const participant = tally.participants.find((p) => p.participantId === participantId);
    if (participant !== undefined) return { tally, participant };
  }
  return undefined;
}

/**
 * The lines `explain` writes under a survey component for the ballots behind its counts; `ids`
 * (default `true`) names each rule's assumption id too, as `explain`'s option of that name.
 *
 * @example
 * ```ts
 * ballotLines(tally, participant, "zh")[0]; //=> "测评票：2022-12-20 测评，发出 12 张，收回 12 张，计入 11 张"
 * ```
 */
export function ballotLines(tally: TallyResult, p: ParticipantTally, lang: Lang, ids = true): string[] {
  const zh = lang === "zh";
  const assumed = new Set<AssumptionId | string>(tally.assumptions);
  const b = tally.box;
  const c = p.survey.ballots;
  const lines: string[] = [];
  const issued = b.issued === null ? "" : zh ? `发出 ${b.issued} 张，` : `${b.issued} issued, `;
  lines.push(zh ? `测评票：${b.date} 测评，${issued}收回 ${b.returned} 张，计入 ${b.counted} 张` : `Ballots: surveyed ${b.date}, ${issued}${b.returned} returned, ${b.counted} counted`);
  lines.push(
    zh
      ? `对本对象：满意 ${c.satisfied}、基本满意 ${c.basicallySatisfied}、不满意 ${c.dissatisfied}、不了解 ${c.unknown}（${rule("ballot-validity", assumed, lang, ids)}）`
      : `For this body: satisfied ${c.satisfied}, basically satisfied ${c.basicallySatisfied}, dissatisfied ${c.dissatisfied}, unknown ${c.unknown} (${rule("ballot-validity", assumed, lang, ids)})`,
  );
  if (p.survey.groups !== undefined) {
    const groups = Object.entries(p.survey.groups).map(([g, n]) =>
      zh ? `${g} ${n.satisfied}/${n.basicallySatisfied}/${n.dissatisfied}/${n.unknown}` : `${g} ${n.satisfied}/${n.basicallySatisfied}/${n.dissatisfied}/${n.unknown}`,
    );
    lines.push(zh ? `各类评价人（满意/基本满意/不满意/不了解）：${groups.join("；")}（${rule("group-weights", assumed, lang, ids)}）` : `By rater group (satisfied/basically/dissatisfied/unknown): ${groups.join("; ")} (${rule("group-weights", assumed, lang, ids)})`);
  }
  if (p.blank.length > 0) {
    lines.push(zh ? `× 空白票 ${p.blank.length} 张，不计入：${idList(p.blank, lang)}` : `× ${p.blank.length} blank, not counted: ${idList(p.blank, lang)}`);
  }
  if (p.invalid.length > 0) {
    lines.push(zh ? `× 废票 ${p.invalid.length} 张（勾选了多个不同选项），不计入：${idList(p.invalid, lang)}` : `× ${p.invalid.length} invalid (more than one answer ticked), not counted: ${idList(p.invalid, lang)}`);
  }
  if (p.notCounted.length > 0) {
    lines.push(
      zh
        ? `× 未计入 ${p.notCounted.length} 张（同一评价人只计第一张；${rule("repeated-rater", assumed, lang, ids)}）：${idList(p.notCounted, lang)}`
        : `× ${p.notCounted.length} set aside (only a rater's first ballot counts; ${rule("repeated-rater", assumed, lang, ids)}): ${idList(p.notCounted, lang)}`,
    );
  }
  if (tally.repeatedRaters.length > 0) {
    const raters = tally.repeatedRaters.slice(0, MAX_IDS).map((r) => `${r.rater}（${idList(r.ballots, lang)}）`);
    const more = tally.repeatedRaters.length > MAX_IDS ? (zh ? ` 等 ${tally.repeatedRaters.length} 个` : `, … ${tally.repeatedRaters.length} in all`) : "";
    lines.push(
      zh
        ? `! 重复评价人 ${tally.repeatedRaters.length} 个（${rule("repeated-rater", assumed, lang, ids)}）：${raters.join("；")}${more}`
        : `! ${tally.repeatedRaters.length} repeated rater(s) (${rule("repeated-rater", assumed, lang, ids)}): ${raters.join("; ").replace(/（/g, " (").replace(/）/g, ")")}${more}`,
    );
  }
  if (tally.tooFast.length > 0) {
    lines.push(
      zh
        ? `! 答题过快 ${tally.tooFast.length} 张，仍计入，供核查（${rule("ballot-speed", assumed, lang, ids)}）：${idList(tally.tooFast, lang)}`
        : `! ${tally.tooFast.length} answered too fast, still counted, listed for checking (${rule("ballot-speed", assumed, lang, ids)}): ${idList(tally.tooFast, lang)}`,
    );
  }
  return lines;
}

/**
 * The line for a named rater group without votes (finding `group-missing`).
 *
 * @example
 * ```ts
 * groupMissingLine("商户", "zh"); //=> "! 评价人类别“商户”没有有效票，不参加计算，其余类别的权重按比例放大"
 * ```
 */
export function groupMissingLine(group: string, lang: Lang): string {
  return lang === "zh"
    ? `! 评价人类别“${group}”没有有效票，不参加计算，其余类别的权重按比例放大`
    : `! the rater group "${group}" has no valid vote: it is left out and the other weights renormalised`;
}
