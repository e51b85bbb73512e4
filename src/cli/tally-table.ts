/**
 * The table `wubi-wuping tally` prints (docs/cli.md, "tally"): the box's line (发出, 收回, 计入),
 * per body the counts (and per rater group when the ballots carry groups), then every ballot not
 * counted for a body with its reason, the repeated raters and the ballots too fast, and the
 * assumptions the tally rests on. Chinese by default, English with `--lang en`.
 */
import type { Lang, TallyResult } from "../index.js";
import { renderTable } from "../formats/table.js";
import { ASSUMPTION_NAMES, BALLOT_NAMES, COMPONENT_NAMES } from "../messages/labels.js";

const COUNT_KEYS = ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"] as const;

/** The reasons a ballot is not counted for a body. */
const REASONS = {
  blank: { zh: "空白（未勾选）", en: "blank (nothing ticked)" },
  invalid: { zh: "无效（勾选了多个不同选项）", en: "invalid (more than one answer ticked)" },
  notCounted: { zh: "重复评价人未计（同一评价人只计第一张）", en: "repeated rater, set aside (only a rater's first ballot counts)" },
} as const;

/** Appends `more` to `lines` one by one (a spread call would overflow the stack past ~120,000 lines). */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

/**
 * What the table needs besides the tally: each body's name (by id) and the policy's shortest time.
 *
 * @example
 * ```ts
 * const context: TallyTableContext = { names: new Map([["cgjdk", "城管监督科"]]), minSeconds: 30 };
 * ```
 */
export interface TallyTableContext {
  readonly names: ReadonlyMap<string, string>;
  readonly minSeconds: number | null;
}

/**
 * The lines of the table of one tally.
 *
 * @param t - The tally.
 * @param context - The bodies' names and the policy's `minSeconds`.
 * @param lang - `"zh"` or `"en"`.
 * @returns The lines, without a trailing blank line.
 * @example
 * ```ts
 * tallyTable(t, { names, minSeconds: null }, "zh")[0];
 * //=> "测评票：服务对象代表评价（serviceRecipients），2022 年度，测评日期 2022-12-20"
 * ```
 */
export function tallyTable(t: TallyResult, context: TallyTableContext, lang: Lang): string[] {
  const zh = lang === "zh";
  const b = t.box;
  const nameOf = (id: string): string => context.names.get(id) ?? "";
  const list = (ids: readonly string[]): string => ids.join(zh ? "、" : ", ");
  const lines: string[] = [];
  const component = COMPONENT_NAMES[b.component][lang];
  lines.push(zh ? `测评票：${component}（${b.component}），${b.year} 年度，测评日期 ${b.date}` : `Ballots: ${component}, ${b.component}, year ${b.year}, surveyed ${b.date}`);
  const issued = b.issued === null ? (zh ? "发出票数未给出" : "issued not given") : zh ? `发出 ${b.issued} 张` : `${b.issued} issued`;
  lines.push(zh ? `${issued}，收回 ${b.returned} 张，计入 ${b.counted} 张` : `${issued}, ${b.returned} returned, ${b.counted} counted`);
  lines.push("");

  const counts = COUNT_KEYS.map((k) => BALLOT_NAMES[k][lang]);
  const header = [zh ? "编号" : "id", zh ? "参评对象" : "body", ...counts, zh ? "空白" : "blank", zh ? "无效" : "invalid", zh ? "未计入" : "set aside"];
  const rows = t.participants.map((p) => [
    p.participantId,
    nameOf(p.participantId),
    ...COUNT_KEYS.map((k) => String(p.survey.ballots[k])),
    String(p.blank.length),
    String(p.invalid.length),
    String(p.notCounted.length),
  ]);
  append(lines, renderTable(header, rows, ["left", "left", "right", "right", "right", "right", "right", "right", "right"]));

  const grouped = t.participants.filter((p) => p.survey.groups !== undefined);
  if (grouped.length > 0) {
    lines.push("", zh ? "按评价人类别：" : "By rater group:");
    const groupRows = grouped.flatMap((p) =>
      Object.entries(p.survey.groups ?? {}).map(([group, c]) => [p.participantId, nameOf(p.participantId), group, ...COUNT_KEYS.map((k) => String(c[k]))]),
    );
    append(lines, renderTable([zh ? "编号" : "id", zh ? "参评对象" : "body", zh ? "评价人类别" : "rater group", ...counts], groupRows, ["left", "left", "left", "right", "right", "right", "right"]));
  }

  const notCounted = t.participants.flatMap((p) =>
    (["blank", "invalid", "notCounted"] as const).flatMap((kind) => p[kind].map((id) => [id, p.participantId, nameOf(p.participantId), REASONS[kind][lang]])),
  );
  lines.push("");
  if (notCounted.length === 0) lines.push(zh ? "未计入的票：无" : "Ballots not counted: none");
  else {
    lines.push(zh ? `未计入的票（${notCounted.length} 张次）：` : `Ballots not counted (${notCounted.length} ballot-body pairs):`);
    append(lines, renderTable([zh ? "票号" : "ballot", zh ? "编号" : "id", zh ? "参评对象" : "body", zh ? "原因" : "reason"], notCounted));
  }
  if (t.repeatedRaters.length > 0) {
    lines.push("", zh ? `重复评价人 ${t.repeatedRaters.length} 个（同一评价人标识的票）：` : `${t.repeatedRaters.length} repeated rater(s) (ballots sharing a rater token):`);
    for (const r of t.repeatedRaters) lines.push(`  ${r.rater}${zh ? "：" : ": "}${list(r.ballots)}`);
  }
  if (t.tooFast.length > 0) {
    const limit = context.minSeconds === null ? "" : zh ? `少于 ${context.minSeconds} 秒，` : `under ${context.minSeconds} seconds, `;
    lines.push("", zh ? `用时过短 ${t.tooFast.length} 张（${limit}仍计入，供核查）：${list(t.tooFast)}` : `${t.tooFast.length} too fast (${limit}still counted, listed for checking): ${list(t.tooFast)}`);
  }
  lines.push("", zh ? "本次清点依据的假定（政策未设定的规则）：" : "Assumptions this tally rests on (rules the policy does not set):");
  for (const id of t.assumptions) lines.push(`  - ${ASSUMPTION_NAMES[id][lang]}`);
  return lines;
}
