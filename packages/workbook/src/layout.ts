/**
 * The layout of the office workbook (docs/workbook.md), declared once: every sheet, its columns, what
 * kind of value each column holds, which are required, the labels an enumerated column takes,
 * and what the `说明` sheet says about each. The reader, the template and the docs all read it.
 */
import { CATEGORIES, CATEGORY_LABELS, COMPONENTS, GROUNDS, LEVELS, type ComponentId } from "wubi-wuping";

/**
 * What a column holds, and so how its cells are read.
 *
 * @example
 * ```ts
 * const kind: CellKind = "date";
 * ```
 */
export type CellKind = "text" | "num" | "int" | "year" | "date" | "bool" | "enum";

/**
 * An enumeration: each id with the labels a cell may hold for it (the first is the one shown).
 *
 * @example
 * ```ts
 * const recipients: Enumeration = { ids: ["participant"], labels: { participant: ["本人"] } };
 * ```
 */
export interface Enumeration {
  readonly ids: readonly string[];
  readonly labels: Readonly<Record<string, readonly string[]>>;
}

/**
 * One column of a sheet.
 *
 * @example
 * ```ts
 * SHEETS[1].columns[3]; //=> { header: "得分", field: "score", kind: "num", required: true, … }
 * ```
 */
export interface ColumnSpec {
  readonly header: string;
  /** The field of the record the column fills (its JSON key, or the reader's own name). */
  readonly field: string;
  readonly kind: CellKind;
  readonly required: boolean;
  readonly values?: Enumeration;
  /** Whether the template formats the column as text (ids, numbers of documents). */
  readonly asText?: boolean;
  readonly width: number;
  readonly about: Readonly<Record<"zh" | "en", string>>;
  readonly example: string;
}

/**
 * One sheet of the workbook.
 *
 * @example
 * ```ts
 * SHEETS[0].name; //=> "参评对象"
 * ```
 */
export interface SheetSpec {
  readonly name: SheetName;
  readonly columns: readonly ColumnSpec[];
  readonly about: Readonly<Record<"zh" | "en", string>>;
}

/**
 * The sheet names, in the order the template writes them.
 *
 * @example
 * ```ts
 * SHEET_NAMES[1]; //=> "督查暗访"
 * ```
 */
export const SHEET_NAMES = ["参评对象", "督查暗访", "投诉", "测评", "市领导评分", "表彰", "一票否决"] as const;
/**
 * A sheet name of the layout.
 *
 * @example
 * ```ts
 * const sheet: SheetName = "投诉";
 * ```
 */
export type SheetName = (typeof SHEET_NAMES)[number];

/**
 * The sheet of notes the reader ignores.
 *
 * @example
 * ```ts
 * NOTES_SHEET; //=> "说明"
 * ```
 */
export const NOTES_SHEET = "说明";
/**
 * The prefix of sheets the reader ignores (drafts, notes).
 *
 * @example
 * ```ts
 * "#草稿".startsWith(IGNORED_PREFIX); //=> true
 * ```
 */
export const IGNORED_PREFIX = "#";

function enumeration(pairs: readonly (readonly [string, readonly string[]])[]): Enumeration {
  return { ids: pairs.map(([id]) => id), labels: Object.fromEntries(pairs) };
}

const componentLabels = (id: ComponentId): readonly string[] => {
  const label = (COMPONENTS.find((c) => c.id === id) as { label: string }).label;
  return id === "deputies" ? [label, "两代表一委员评价", '"两代表一委员"评价'] : [label];
};

const ROUND_COMPONENTS = ["routineInspection", "specialInspection", "unannouncedVisit"] as const satisfies readonly ComponentId[];
const SURVEY_COMPONENTS = ["serviceRecipients", "deputies", "countyCounterparts"] as const satisfies readonly ComponentId[];

const CATEGORY_VALUES = enumeration(CATEGORIES.map((id) => [id, [CATEGORY_LABELS[id]]]));
const ROUND_VALUES = enumeration(ROUND_COMPONENTS.map((id) => [id, componentLabels(id)]));
const SURVEY_VALUES = enumeration(SURVEY_COMPONENTS.map((id) => [id, componentLabels(id)]));
const LEVEL_NAMES: Readonly<Record<(typeof LEVELS)[number], readonly string[]>> = {
  municipal: ["市委市政府"],
  "provincial-department": ["省直单位"],
  provincial: ["省部级"],
  national: ["党中央国务院", "党中央、国务院"],
};
const LEVEL_VALUES = enumeration(LEVELS.map((id) => [id, LEVEL_NAMES[id]]));
const RECIPIENT_VALUES = enumeration([
  ["participant", ["本人"]],
  ["section", ["科室"]],
  ["unit", ["单位"]],
]);
const GROUND_NAMES: Readonly<Record<(typeof GROUNDS)[number], string>> = {
  "case-filed": "立案查处",
  "disciplinary-sanction": "党纪政务处分",
  "media-exposure": "媒体曝光或通报批评",
  "vote-rigging": "拉票干扰考评",
  other: "其他",
};
const GROUND_VALUES = enumeration(GROUNDS.map((id) => [id, [GROUND_NAMES[id]]]));
const SUBJECT_VALUES = enumeration([
  ["participant", ["本人"]],
  ["staff", ["工作人员"]],
]);

type About = Readonly<Record<"zh" | "en", string>>;
const col = (header: string, field: string, kind: CellKind, required: boolean, width: number, about: About, example: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  field,
  kind,
  required,
  width,
  about,
  example,
  ...extra,
});

const BODY_ID = col("编号", "body", "text", true, 14, { zh: "参评对象的编号，与“参评对象”表中的编号一致", en: "the body's id, as in the sheet 参评对象" }, "cgjdk", { asText: true });

/**
 * Every sheet of the workbook with its columns, in template order.
 *
 * @example
 * ```ts
 * SHEETS[0].columns.map((c) => c.header); //=> ["编号", "名称", "单位", "类别", "考评年度"]
 * ```
 */
export const SHEETS: readonly SheetSpec[] = [
  {
    name: "参评对象",
    about: { zh: "每行一个参评对象（科室或二级机构）的一个考评年度", en: "one row per body (section or second-level body) for one evaluation year" },
    columns: [
      col("编号", "id", "text", true, 14, { zh: "参评对象的编号，各行不重复；其他表用它指明参评对象", en: "the body's id, unique; the other sheets name the body by it" }, "cgjdk", { asText: true }),
      col("名称", "name", "text", true, 46, { zh: "参评对象的名称", en: "the body's name" }, "城管监督科"),
      col("单位", "unit", "text", false, 20, { zh: "所属单位（可空）", en: "its unit (optional)" }, "市城管执法局"),
      col("类别", "category", "enum", true, 18, { zh: "公共服务、行政执法、综合管理(审批) 之一", en: "one of the three categories" }, "综合管理(审批)", { values: CATEGORY_VALUES }),
      col("考评年度", "year", "year", true, 10, { zh: "考评年度，四位数字", en: "the evaluation year, four digits" }, "2022"),
    ],
  },
  {
    name: "督查暗访",
    about: { zh: "日常督查、专项督查、随机暗访的每一轮得分，每行一轮", en: "one row per round of routine inspection, special inspection or unannounced visit" },
    columns: [
      BODY_ID,
      col("考评项目", "component", "enum", true, 14, { zh: "日常督查、专项督查、随机暗访 之一", en: "which of the three inspection components" }, "日常督查", { values: ROUND_VALUES }),
      col("日期", "date", "date", true, 12, { zh: "该轮督查的日期（日期格式或 YYYY-MM-DD）", en: "the round's date (a date cell or YYYY-MM-DD)" }, "2022-03-15"),
      col("得分", "score", "num", true, 10, { zh: "该轮得分，不超过满分", en: "the round's score, at most its full marks" }, "23.5"),
      col("满分", "outOf", "num", false, 10, { zh: "该轮满分（可空：按该项分值，如日常督查 25）", en: "the round's full marks (optional: the component's maximum)" }, "25"),
      col("轮次编号", "id", "text", false, 12, { zh: "该轮的编号（可空，填写则不可重复）", en: "the round's id (optional, unique when given)" }, "2022-1", { asText: true }),
      col("备注", "note", "text", false, 30, { zh: "备注（可空）", en: "a note (optional)" }, "第一轮全覆盖督查"),
    ],
  },
  {
    name: "投诉",
    about: {
      zh: "每行一件投诉；有此表则每个参评对象都计“处理投诉”（没有投诉即满分），删去此表则“处理投诉”缺项",
      en: "one row per complaint; with this sheet every body has the complaints component (none: full marks); without it the component is missing",
    },
    columns: [
      BODY_ID,
      col("投诉编号", "id", "text", true, 14, { zh: "投诉的编号，同一参评对象内不重复", en: "the complaint's id, unique per body" }, "TS-2022-031", { asText: true }),
      col("受理日期", "date", "date", true, 12, { zh: "受理日期", en: "the date it was received" }, "2022-06-02"),
      col("是否查实", "verified", "bool", true, 10, { zh: "是 或 否；只有查实的投诉扣分", en: "是 (yes) or 否 (no); only verified complaints deduct" }, "是"),
      col("扣分", "deduction", "num", false, 8, { zh: "该投诉的扣分（可空：按政策每件 1 分）", en: "its deduction (optional: the policy's, 1 point)" }, "1"),
    ],
  },
  {
    name: "测评",
    about: { zh: "综合评价三项测评的票数，每个参评对象每项一行", en: "the ballots of the three surveys, one row per body and survey" },
    columns: [
      BODY_ID,
      col("考评项目", "component", "enum", true, 22, { zh: "服务对象代表评价、“两代表一委员”评价、县市区对口部门评价 之一", en: "which of the three surveys" }, "服务对象代表评价", { values: SURVEY_VALUES }),
      col("满意", "satisfied", "int", true, 8, { zh: "“满意”票数", en: "ballots 满意 (satisfied)" }, "40"),
      col("基本满意", "basicallySatisfied", "int", true, 10, { zh: "“基本满意”票数", en: "ballots 基本满意 (basically satisfied)" }, "6"),
      col("不满意", "dissatisfied", "int", true, 8, { zh: "“不满意”票数", en: "ballots 不满意 (dissatisfied)" }, "1"),
      col("不了解", "unknown", "int", false, 8, { zh: "“不了解”票数（可空，不计分）", en: "ballots 不了解 (not counted; optional)" }, "2"),
      col("测评日期", "date", "date", false, 12, { zh: "测评日期（可空）", en: "the survey's date (optional)" }, "2022-12-20"),
    ],
  },
  {
    name: "市领导评分",
    about: { zh: "分管联系市领导的评分，每行一个评分", en: "the city leaders' scores, one row per score" },
    columns: [
      BODY_ID,
      col("得分", "score", "num", true, 8, { zh: "评分，满分 10", en: "the score, out of 10" }, "9.5"),
      col("评分人", "by", "text", false, 16, { zh: "评分的市领导（可空）", en: "who gave it (optional)" }, "分管副市长"),
      col("日期", "date", "date", false, 12, { zh: "评分日期（可空）", en: "its date (optional)" }, "2023-01-10"),
    ],
  },
  {
    name: "表彰",
    about: { zh: "加分事项：每行一项表彰", en: "bonus: one row per commendation" },
    columns: [
      BODY_ID,
      col("表彰编号", "id", "text", true, 12, { zh: "表彰的编号，同一参评对象内不重复", en: "the commendation's id, unique per body" }, "B1", { asText: true }),
      col("事项", "matter", "text", true, 24, { zh: "表彰的事项；同一事项多级表彰只计最高一级", en: "the matter; one matter commended at several levels counts once" }, "全国文明城市创建"),
      col("层级", "level", "enum", true, 14, { zh: "市委市政府、省直单位、省部级、党中央国务院 之一（按发文印章）", en: "the level of the issuing seal" }, "省部级", { values: LEVEL_VALUES }),
      col("对象", "recipient", "enum", true, 8, { zh: "本人、科室、单位 之一", en: "本人 (the head), 科室 (the section) or 单位 (the unit)" }, "科室", { values: RECIPIENT_VALUES }),
      col("文号", "documentNumber", "text", true, 20, { zh: "表彰文件的文号，如 宣政〔2022〕12号；年份须为考评年度", en: "the document number, e.g. 宣政〔2022〕12号; its year must be the evaluation year" }, "皖政〔2022〕8号", { asText: true }),
      col("已审核", "approved", "bool", true, 8, { zh: "是 或 否：领导小组办公室是否审核通过", en: "是 or 否: approved by the leading group's office" }, "是"),
      col("表彰名称", "title", "text", false, 24, { zh: "表彰名称（可空）", en: "the title (optional)" }, "先进集体"),
      col("发文机关", "issuer", "text", false, 16, { zh: "发文机关（可空）", en: "the issuer (optional)" }, "省人民政府"),
      col("加分", "awarded", "num", false, 8, { zh: "仅“对象”为单位时填写：酌情加分，不超过该层级分值", en: "only for a unit commendation: the points awarded, at most the level's" }, "0.3"),
    ],
  },
  {
    name: "一票否决",
    about: { zh: "一票否决情形：每行一项", en: "vetoes: one row per finding" },
    columns: [
      BODY_ID,
      col("否决编号", "id", "text", true, 12, { zh: "编号，同一参评对象内不重复", en: "its id, unique per body" }, "V1", { asText: true }),
      col("情形", "ground", "enum", true, 20, { zh: "立案查处、党纪政务处分、媒体曝光或通报批评、拉票干扰考评、其他 之一", en: "one of the five grounds" }, "党纪政务处分", { values: GROUND_VALUES }),
      col("涉及", "subject", "enum", true, 10, { zh: "本人 或 工作人员", en: "本人 (the head) or 工作人员 (staff)" }, "本人", { values: SUBJECT_VALUES }),
      col("日期", "date", "date", true, 12, { zh: "情形发生（立案、处分、曝光、认定）的日期", en: "the date of the event" }, "2022-08-01"),
      col("已认定", "confirmed", "bool", true, 8, { zh: "是 或 否：市纪委监委、市委组织部是否已认定", en: "是 or 否: confirmed by the discipline commission and organisation department" }, "否"),
      col("依据", "reference", "text", false, 20, { zh: "认定依据（可空）", en: "the reference (optional)" }, "宣纪〔2022〕3号", { asText: true }),
      col("原因", "reason", "text", false, 24, { zh: "原因；情形为“其他”时必填", en: "the reason; required when the ground is 其他" }, "经查实存在其他不称职情形"),
    ],
  },
];

/**
 * The sheet of a name, if the layout has one.
 *
 * @example
 * ```ts
 * sheetSpec("投诉")?.columns.length; //=> 5
 * ```
 */
export function sheetSpec(name: string): SheetSpec | undefined {
  return SHEETS.find((s) => s.name === name);
}

/**
 * Text as labels are compared: Unicode NFKC, then `trim()`.
 *
 * @example
 * ```ts
 * normalizeLabel(" 省部级 "); //=> "省部级"
 * ```
 */
export function normalizeLabel(text: string): string {
  return text.normalize("NFKC").trim();
}

/**
 * The id an enumerated cell names, by label or by id (after NFKC and trim), if any.
 *
 * @example
 * ```ts
 * enumId(LEVEL_VALUES, "党中央、国务院"); //=> "national"
 * ```
 */
export function enumId(values: Enumeration, text: string): string | undefined {
  const wanted = normalizeLabel(text);
  for (const id of values.ids) {
    if (id === wanted) return id;
    if ((values.labels[id] ?? []).some((label) => normalizeLabel(label) === wanted)) return id;
  }
  return undefined;
}

/**
 * The labels a drop-down offers for an enumeration: the first label of each id.
 *
 * @example
 * ```ts
 * shownLabels(SHEETS[0].columns[3].values!); //=> ["公共服务", "行政执法", "综合管理(审批)"]
 * ```
 */
export function shownLabels(values: Enumeration): string[] {
  return values.ids.map((id) => values.labels[id]?.[0] ?? id);
}

/**
 * The ballot sheet of the native layout (docs/ballots.md): one row per ballot. The records reader
 * (`readWorkbook`) leaves it to `readBallots`.
 *
 * @example
 * ```ts
 * BALLOT_SHEET; //=> "测评票"
 * ```
 */
export const BALLOT_SHEET = "测评票";

/**
 * The three survey components a ballot box can be of, with the labels 考评项目 takes.
 *
 * @example
 * ```ts
 * enumId(SURVEY_COMPONENT_VALUES, "两代表一委员评价"); //=> "deputies"
 * ```
 */
export const SURVEY_COMPONENT_VALUES: Enumeration = SURVEY_VALUES;

/**
 * The marks a ballot's cell takes (docs/ballots.md): the Chinese label or the mark's id.
 *
 * @example
 * ```ts
 * enumId(MARK_VALUES, "基本满意"); //=> "basically-satisfied"
 * ```
 */
export const MARK_VALUES: Enumeration = enumeration([
  ["satisfied", ["满意"]],
  ["basically-satisfied", ["基本满意"]],
  ["dissatisfied", ["不满意"]],
  ["unknown", ["不了解"]],
]);

/**
 * The fixed columns of the sheet `测评票` (docs/ballots.md), before one column per participant.
 *
 * @example
 * ```ts
 * BALLOT_COLUMNS.map((c) => c.header); //=> ["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）"]
 * ```
 */
export const BALLOT_COLUMNS: readonly ColumnSpec[] = [
  col("票号", "id", "text", true, 10, { zh: "测评票的编号，同一考评项目内不重复", en: "the ballot's number, unique within a survey" }, "0001", { asText: true }),
  col("考评项目", "component", "enum", true, 22, { zh: "服务对象代表评价、“两代表一委员”评价、县市区对口部门评价 之一", en: "which of the three surveys" }, "服务对象代表评价", {
    values: SURVEY_VALUES,
  }),
  col("测评日期", "date", "date", true, 12, { zh: "测评日期；同一考评项目的各行须相同", en: "the survey's date; the same on every row of a survey" }, "2022-12-20"),
  col("评价人类别", "group", "text", false, 14, { zh: "评价人类别（可空），如 市民群众、商户、企业代表、社区基层工作者", en: "the rater group (optional), e.g. 市民群众, 商户" }, "企业代表"),
  col("评价人标识", "rater", "text", false, 14, { zh: "用来查找重复投票的代号（可空）；切勿填写姓名", en: "a token used only to find repeated raters (optional); never a name" }, "r17", { asText: true }),
  col("用时（秒）", "seconds", "int", false, 10, { zh: "填写用时，整数秒（可空）", en: "time taken, whole seconds (optional)" }, "95"),
];

/**
 * The text a mark cell's drop-down offers: each mark's label, and the two-tick joins a clerk may
 * type by hand (`满意┋不满意`) are accepted by the reader but not offered.
 *
 * @example
 * ```ts
 * MARK_LABELS; //=> ["满意", "基本满意", "不满意", "不了解"]
 * ```
 */
export const MARK_LABELS: readonly string[] = shownLabels(MARK_VALUES);
