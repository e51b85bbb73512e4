/**
 * The messages of the ballot codes (docs/ballots.md) that only a tally and `applyTally` report, apart from
 * the library's table (`library.ts`) so that a page that only scores does not carry them. The two
 * codes an input can also raise (`groups-mismatch`, `unknown-group`) are there; a box's
 * `unknown-group` is worded here, naming the ballot.
 *
 * @internal
 */
import type { core } from "zod/mini";
import type { Lang } from "./lang.js";
import { renderIssue } from "./issues.js";
import { componentOf, given, names, type Library } from "./library.js";
import { capital, quoted, subject, type Path } from "./text.js";

type Params = Readonly<Record<string, unknown>>;

/** The four answers and a blank, as a clerk writes them on a ballot. */
const MARK_RULE: Readonly<Record<Lang, string>> = {
  zh: "满意、基本满意、不满意、不了解（或 satisfied、basically-satisfied、dissatisfied、unknown）之一；未勾选的留空或写 null；勾选了多项的写成列表，如 [\"满意\", \"不满意\"]",
  en: 'one of satisfied, basically-satisfied, dissatisfied, unknown (or 满意, 基本满意, 不满意, 不了解); empty or null where nothing was ticked; a list such as ["satisfied", "dissatisfied"] where several boxes were',
};

/** Counts as a clerk reads them: `满意 46、基本满意 7、不满意 1、不了解 3`. */
function countsText(counts: unknown, lang: Lang): string {
  const c = (typeof counts === "object" && counts !== null ? counts : {}) as Readonly<Record<string, unknown>>;
  const n = (key: string): string => String(c[key] ?? 0);
  return lang === "zh"
    ? `满意 ${n("satisfied")}、基本满意 ${n("basicallySatisfied")}、不满意 ${n("dissatisfied")}、不了解 ${n("unknown")}`
    : `satisfied ${n("satisfied")}, basically satisfied ${n("basicallySatisfied")}, dissatisfied ${n("dissatisfied")}, unknown ${n("unknown")}`;
}

/** The ballot a path into a box is under: `第 4 张票` / `ballot 4`. */
function ballotOf(path: Path, lang: Lang): string {
  const n = typeof path[1] === "number" ? path[1] + 1 : 0;
  return lang === "zh" ? `第 ${n} 张票` : `ballot ${n}`;
}

const BALLOTS: Readonly<Record<string, Readonly<Record<Lang, Library>>>> = {
  "invalid-mark": {
    zh: (_p, { field: f, value: v }) => `${f}无法识别${given(v, "zh")}：应为${MARK_RULE.zh}`,
    en: (_p, { field: f, value: v }) => `${capital(f)} cannot be read${given(v, "en")}: expected ${MARK_RULE.en}`,
  },
  "unknown-participant": {
    zh: (p, { path }) => `${ballotOf(path, "zh")}评价了编号 ${quoted(String(p["participant"]), 100)}，但参评对象名单中没有这个编号；请核对编号，或把该对象加入名单（participants）`,
    en: (p, { path }) => `${capital(ballotOf(path, "en"))} marks ${quoted(String(p["participant"]), 100)}, which is not among the participants; check the id, or add the participant to the list`,
  },
  "box-over-issued": {
    zh: (p) => `收回 ${String(p["returned"])} 张测评票，多于发出的 ${String(p["issued"])} 张：按有效票条件（ballot-validity）整箱无效，一张都不计；请核对发出票数（issued）和票箱`,
    en: (p) => `${String(p["returned"])} ballots came back but only ${String(p["issued"])} were issued: the whole box is void (ballot-validity) and nothing is counted; check the number issued and the box`,
  },
  "below-quorum": {
    zh: (p) => `发出 ${String(p["issued"])} 张测评票，只收回 ${String(p["returned"])} 张，收回率低于政策要求的 ${String(p["quorum"])}（ballot-quorum）：本次测评不能计票；请补收测评票，或核对发出票数（issued）`,
    en: (p) => `Only ${String(p["returned"])} of ${String(p["issued"])} ballots came back, below the policy's quorum of ${String(p["quorum"])} (ballot-quorum): the survey cannot be tallied; collect the missing ballots or check the number issued`,
  },
  "missing-group": {
    zh: (p, { path }) => `${ballotOf(path, "zh")}（票号 ${quoted(String(p["id"]), 100)}）没有填写评价人类别（group）：${p["weighted"] === true ? "本政策对该项目按评价人类别加权" : "本票箱已有票填写了评价人类别"}，每张票都必须填写`,
    en: (p, { path }) => `${capital(ballotOf(path, "en"))} (id ${quoted(String(p["id"]), 100)}) has no rater group: ${p["weighted"] === true ? "the policy weighs this component's groups" : "other ballots of the box name theirs"}, so every ballot must name one`,
  },
  "unknown-group": {
    zh: (p, { path }) => `${ballotOf(path, "zh")}的评价人类别 ${quoted(String(p["group"]), 100)} 不在政策为${componentOf(p, "zh")}设定的评价人类别权重中（现有：${names(p["groups"], "zh")}）；请改正类别名称，或在政策的 groupWeights 中为它设定权重`,
    en: (p, { path }) => `The rater group ${quoted(String(p["group"]), 100)} of ${ballotOf(path, "en")} is not among the groups the policy weighs for ${componentOf(p, "en")} (${names(p["groups"], "en")}); correct the name, or give it a weight in the policy's groupWeights`,
  },
  "counts-differ": {
    zh: (p) => `${String(p["participant"])} 的${componentOf(p, "zh")}：输入中的票数（${countsText(p["given"], "zh")}）与测评票的统计（${countsText(p["tallied"], "zh")}）不一致；请核对手工统计的票数，或删除输入中的该项后重新合并`,
    en: (p) => `${String(p["participant"])}, ${componentOf(p, "en")}: the counts in the input (${countsText(p["given"], "en")}) differ from the tally of the ballots (${countsText(p["tallied"], "en")}); check the hand count, or remove the component from the input and merge again`,
  },
  "duplicate-survey": {
    zh: (p) => `${String(p["participant"])} ${String(p["year"])} 年的${componentOf(p, "zh")}已有一个票箱的统计（第 ${Number(p["first"]) + 1} 个），同一对象同一年度同一项目只能有一个票箱；请把两个票箱合成一个后重新计票`,
    en: (p) => `${String(p["participant"])} already has a tally of ${componentOf(p, "en")} for ${String(p["year"])} (tally ${Number(p["first"]) + 1}); one participant, year and component take one box: join the boxes and tally again`,
  },
};

/**
 * The message of a ballot code at `path`, or `undefined` for a code this table does not word.
 *
 * @example
 * ```ts
 * ballotText("box-over-issued", "zh", { issued: 60, returned: 61 }, ["issued"]);
 * //=> "收回 61 张测评票，多于发出的 60 张：按有效票条件（ballot-validity）整箱无效，一张都不计；请核对发出票数（issued）和票箱"
 * ```
 */
export function ballotText(code: string, lang: Lang, params: Params = {}, path: Path = [], value?: unknown): string | undefined {
  const entry = Object.hasOwn(BALLOTS, code) ? BALLOTS[code] : undefined;
  return entry?.[lang](params, { field: subject(path, lang), owner: subject(path.slice(0, -1), lang), value, path });
}

/**
 * The parse options of a ballot validated apart from its box: each message names the field by its
 * whole path (`第 4 张票对 cgjdk 的评价`), the ballot codes worded here, every other code by the
 * library's renderer.
 *
 * @example
 * ```ts
 * BallotValue.schema.safeParse(ballot, ballotParseOptions("zh", ["ballots", 3]));
 * ```
 */
export function ballotParseOptions(lang: Lang, prefix: Path): { readonly error: (issue: core.$ZodRawIssue) => string | undefined; readonly reportInput: true } {
  return {
    error: (issue) => {
      const path = [...prefix, ...((issue.path ?? []) as Path)];
      const code = issue.code === "custom" ? (issue.params as Params | undefined)?.["code"] : undefined;
      if (typeof code === "string" && Object.hasOwn(BALLOTS, code)) return ballotText(code, lang, issue.params as Params, path, issue.input);
      return renderIssue({ ...issue, path }, lang);
    },
    reportInput: true,
  };
}
