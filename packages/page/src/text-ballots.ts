/**
 * The offline page's words for ballots (docs/page.md, "Ballots"), in Chinese and English: the
 * small form beside a ballot workbook, the tally of each box, and the messages the page words
 * itself (the number issued comes from its form, the records from its files). Reached through
 * `pageText(lang).ballots`.
 */
import type { Counts } from "wubi-wuping";

/**
 * Every ballot string the page shows that is not a library label or a library message.
 *
 * @example
 * ```ts
 * const b: BallotText = pageText("zh").ballots;
 * b.issuedLine(60, 57, 57); //=> "发出 60 张，收回 57 张，计入 57 张"
 * ```
 */
export interface BallotText {
  readonly title: string;
  readonly hint: string;
  readonly noRecords: string;
  readonly fileSummary: (ballots: number, problems: number) => string;
  readonly platformAsk: string;
  readonly component: string;
  readonly chooseComponent: string;
  readonly date: string;
  readonly issued: string;
  readonly issuedField: string;
  readonly boxTitle: (label: string, date: string, file: string) => string;
  readonly issuedLine: (issued: number | null, returned: number, counted: number) => string;
  readonly rules: string;
  readonly ruleState: (assumed: boolean) => string;
  readonly countsCaption: string;
  readonly columns: readonly string[];
  readonly groupsCaption: string;
  readonly groupColumns: readonly string[];
  readonly notCountedCaption: string;
  readonly notCountedColumns: readonly string[];
  readonly reasons: { readonly blank: string; readonly invalid: string; readonly notCounted: string };
  readonly noneNotCounted: string;
  readonly repeatedCaption: string;
  readonly repeatedColumns: readonly string[];
  readonly hashed: string;
  readonly tooFast: (ids: string) => string;
  readonly row: (sheet: string, row: number) => string;
  readonly overIssued: (issued: number, returned: number) => string;
  readonly belowQuorum: (issued: number, returned: number, quorum: string) => string;
  readonly missingGroup: (id: string) => string;
  readonly countsDiffer: (body: string, component: string, given: Partial<Counts>, tallied: Counts, file: string) => string;
  readonly duplicateSurvey: (body: string, component: string, first: string) => string;
  readonly otherYear: (year: number, expected: number) => string;
  readonly list: (ids: readonly string[]) => string;
}

const zhCounts = (c: Partial<Counts>): string =>
  `满意 ${c.satisfied ?? 0}、基本满意 ${c.basicallySatisfied ?? 0}、不满意 ${c.dissatisfied ?? 0}${c.unknown === undefined ? "" : `、不了解 ${c.unknown}`}`;
const enCounts = (c: Partial<Counts>): string =>
  `satisfied ${c.satisfied ?? 0}, basically satisfied ${c.basicallySatisfied ?? 0}, dissatisfied ${c.dissatisfied ?? 0}${c.unknown === undefined ? "" : `, unknown ${c.unknown}`}`;

/** The Chinese words. */
export const ZH_BALLOTS: BallotText = {
  title: "测评票",
  hint: "载入测评票工作簿（含“测评票”表，或问卷平台导出的表）后，这里显示每个参评对象的计票结果，得分按测评票统计。",
  noRecords: "尚未载入考评记录：按测评票各列的参评对象计票，结果只供查看，不计入得分。",
  fileSummary: (ballots, problems) => `${ballots} 张测评票${problems > 0 ? `，${problems} 处问题` : ""}`,
  platformAsk: "这是问卷平台导出的测评票，表中没有考评项目和测评日期：请在这里选择、填写，填好后即计票。",
  component: "考评项目",
  chooseComponent: "请选择",
  date: "测评日期",
  issued: "发出票数（可不填）",
  issuedField: "发出票数",
  boxTitle: (label, date, file) => `${label}（${date} 测评）— ${file}`,
  issuedLine: (issued, returned, counted) => `${issued === null ? "发出票数未填" : `发出 ${issued} 张`}，收回 ${returned} 张，计入 ${counted} 张`,
  rules: "计票规则：",
  ruleState: (assumed) => (assumed ? "假定，可由政策覆盖" : "由政策设定"),
  countsCaption: "各参评对象的票数",
  columns: ["参评对象", "满意", "基本满意", "不满意", "不了解", "空白", "无效（多选）", "重复评价人未计入"],
  groupsCaption: "各类评价人的票数",
  groupColumns: ["参评对象", "评价人类别", "满意", "基本满意", "不满意", "不了解"],
  notCountedCaption: "未计入的票",
  notCountedColumns: ["参评对象", "原因", "票号"],
  reasons: { blank: "空白", invalid: "无效（多选）", notCounted: "重复评价人未计入" },
  noneNotCounted: "每张票都已计入。",
  repeatedCaption: "重复评价人",
  repeatedColumns: ["评价人标识", "票号"],
  hashed: "问卷平台的评价人标识是来源地址的 SHA-256 摘要（只显示前 12 位），不含地址本身。",
  tooFast: (ids) => `用时过短，仍计入，供核查：${ids}`,
  row: (sheet, row) => `${sheet} 第 ${row} 行`,
  overIssued: (issued, returned) =>
    `收回 ${returned} 张测评票，多于发出的 ${issued} 张：按有效票条件整箱无效，一张都不计；请核对文件旁填写的发出票数和测评票`,
  belowQuorum: (issued, returned, quorum) =>
    `发出 ${issued} 张测评票，只收回 ${returned} 张，收回率低于政策要求的 ${quorum}：本次测评不能计票；请补收测评票，或核对文件旁填写的发出票数`,
  missingGroup: (id) => `票号“${id}”没有填写评价人类别：本次测评已有票填写了评价人类别，每张票都必须填写`,
  countsDiffer: (body, component, given, tallied, file) =>
    `${body}的${component}：考评记录中填写的票数（${zhCounts(given)}）与测评票 ${file} 的统计（${zhCounts(tallied)}）不一致，该参评对象未计分；请核对手工统计的票数，或删去考评记录中这一项的票数（以测评票为准）后重新载入`,
  duplicateSurvey: (body, component, first) => `${body}的${component}已按 ${first} 的测评票统计；同一参评对象同一项目只能有一次测评，这里的票未使用`,
  otherYear: (year, expected) => `测评票属于 ${year} 年度，与已载入的 ${expected} 年度考评记录不同，未计入得分`,
  list: (ids) => ids.join("、"),
};

/** The English words. */
export const EN_BALLOTS: BallotText = {
  title: "Ballots",
  hint: "Load ballot workbooks (a 测评票 sheet, or a survey platform's export) to see each body's tally here; the scores then use the counts of the ballots.",
  noRecords: "No records loaded yet: the ballots are tallied for the bodies of their columns, for reading only, not scored.",
  fileSummary: (ballots, problems) => `${ballots} ballot${ballots === 1 ? "" : "s"}${problems > 0 ? `, ${problems} problem(s)` : ""}`,
  platformAsk: "A survey platform's export names no component and no date: choose them here, and the ballots are tallied.",
  component: "Component",
  chooseComponent: "Choose",
  date: "Survey date",
  issued: "Ballots issued (optional)",
  issuedField: "ballots issued",
  boxTitle: (label, date, file) => `${label} (surveyed ${date}) — ${file}`,
  issuedLine: (issued, returned, counted) => `${issued === null ? "issued: not given" : `${issued} issued`}, ${returned} returned, ${counted} counted`,
  rules: "Rules: ",
  ruleState: (assumed) => (assumed ? "assumed, a policy may override it" : "set by the policy"),
  countsCaption: "Counts by body",
  columns: ["Body", "Satisfied", "Basically satisfied", "Dissatisfied", "Unknown", "Blank", "Invalid (several ticks)", "Repeated rater, set aside"],
  groupsCaption: "Counts by rater group",
  groupColumns: ["Body", "Rater group", "Satisfied", "Basically satisfied", "Dissatisfied", "Unknown"],
  notCountedCaption: "Ballots not counted",
  notCountedColumns: ["Body", "Why", "Ballots"],
  reasons: { blank: "blank", invalid: "invalid (several ticks)", notCounted: "repeated rater, set aside" },
  noneNotCounted: "Every ballot counted.",
  repeatedCaption: "Repeated raters",
  repeatedColumns: ["Rater token", "Ballots"],
  hashed: "A survey platform's rater token is the SHA-256 of the address (its first 12 digits shown), never the address.",
  tooFast: (ids) => `Answered too fast, still counted, listed for checking: ${ids}`,
  row: (sheet, row) => `${sheet} row ${row}`,
  overIssued: (issued, returned) =>
    `${returned} ballots came back but only ${issued} were issued: the whole box is void (valid ballots) and nothing is counted; check the number issued typed beside the file, and the ballots`,
  belowQuorum: (issued, returned, quorum) =>
    `Only ${returned} of ${issued} ballots came back, below the policy's quorum of ${quorum}: the survey cannot be tallied; collect the missing ballots or check the number issued typed beside the file`,
  missingGroup: (id) => `Ballot "${id}" names no rater group, while other ballots of the survey do: every ballot must name one`,
  countsDiffer: (body, component, given, tallied, file) =>
    `${body}, ${component}: the counts typed in the records (${enCounts(given)}) differ from the tally of the ballots in ${file} (${enCounts(tallied)}); the body is not scored: check the hand count, or remove it from the records (the ballots then decide) and load them again`,
  duplicateSurvey: (body, component, first) => `${body}, ${component}, is already tallied from the ballots of ${first}; a body takes one survey per component: these ballots are not used`,
  otherYear: (year, expected) => `These ballots are of ${year}, not of the ${expected} of the records loaded: not scored`,
  list: (ids) => ids.join(", "),
};
