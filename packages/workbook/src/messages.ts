/**
 * The workbook's problems as a clerk reads them, in Chinese (default) or English: each names the
 * cell (`督查暗访!D7`) and says what to put there instead.
 */
import type { Lang } from "wubi-wuping";

/**
 * The codes of a workbook problem (docs/workbook.md), besides the input codes of an assembled input (docs/formats.md).
 *
 * @example
 * ```ts
 * const code: WorkbookIssueCode = "unknown-sheet";
 * ```
 */
export type WorkbookIssueCode =
  | "not-a-workbook"
  | "workbook-too-large"
  | "unknown-sheet"
  | "missing-sheet"
  | "unknown-column"
  | "missing-column"
  | "duplicate-column"
  | "invalid-cell"
  | "unknown-participant"
  | "duplicate-participant"
  | "duplicate-survey"
  | "formula-without-value"
  | "invalid-mark"
  | "duplicate-id"
  | "missing-option"
  | "invalid-option"
  | "unsupported-environment";

/**
 * One problem of a workbook: where (sheet, and for a cell its row, column letter and header),
 * what (a code) and a message naming the cell. `sheet` is absent for a problem of the whole file;
 * `row`, `column` and `header` for a problem of a whole sheet.
 *
 * @example
 * ```ts
 * const issue: WorkbookIssue = { sheet: "督查暗访", row: 7, column: "D", header: "得分", code: "invalid-cell", message: "督查暗访!D7（得分）：…" };
 * ```
 */
export interface WorkbookIssue {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Where a problem is: a sheet, and for a cell its row, column letter and header.
 *
 * @example
 * ```ts
 * const place: Place = { sheet: "督查暗访", row: 7, column: "D", header: "得分" };
 * ```
 */
export interface Place {
  readonly sheet?: string | undefined;
  readonly row?: number | undefined;
  readonly column?: string | undefined;
  readonly header?: string | undefined;
}

/**
 * The spreadsheet letters of a 1-based column number.
 *
 * @example
 * ```ts
 * columnLetter(4); //=> "D"
 * columnLetter(27); //=> "AA"
 * ```
 */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A problem at `place` with `detail` (already in `lang`), its message prefixed with the place:
 * `督查暗访!D7（得分）：detail`, `督查暗访：detail`, or `detail` alone.
 *
 * @example
 * ```ts
 * issueAt({ sheet: "投诉", row: 3, column: "D", header: "是否查实" }, "invalid-cell", "应填“是”或“否”", "zh").message;
 * //=> "投诉!D3（是否查实）：应填“是”或“否”"
 * ```
 */
export function issueAt(place: Place, code: string, detail: string, lang: Lang): WorkbookIssue {
  const zh = lang === "zh";
  let where = "";
  if (place.sheet !== undefined) {
    if (place.row !== undefined && place.column !== undefined) {
      const header = place.header === undefined || place.header === "" ? "" : zh ? `（${place.header}）` : ` (${place.header})`;
      where = `${place.sheet}!${place.column}${place.row}${header}`;
    } else if (place.row !== undefined) {
      where = zh ? `${place.sheet} 第 ${place.row} 行` : `${place.sheet} row ${place.row}`;
    } else {
      where = place.sheet;
    }
  }
  const message = where === "" ? detail : zh ? `${where}：${detail}` : `${where}: ${detail}`;
  return {
    ...(place.sheet === undefined ? {} : { sheet: place.sheet }),
    ...(place.row === undefined ? {} : { row: place.row }),
    ...(place.column === undefined ? {} : { column: place.column }),
    ...(place.header === undefined ? {} : { header: place.header }),
    code,
    message,
  };
}

type Text = Readonly<Record<Lang, string>>;
const t = (zh: string, en: string): Text => ({ zh, en });

/**
 * The detail texts of the workbook's own problems, by what went wrong.
 *
 * @example
 * ```ts
 * DETAILS.required.zh; //=> "必填，不能为空"
 * ```
 */
export const DETAILS = {
  empty: t("文件是空的，不是 Excel 工作簿（.xlsx）", "the file is empty, not an Excel workbook (.xlsx)"),
  notZip: t(
    "不是 Excel 工作簿（.xlsx）：内容像是文本或其他格式（CSV 文件请在 WPS/Excel 中另存为 .xlsx）",
    "not an Excel workbook (.xlsx): it looks like text or another format (save a CSV file as .xlsx in WPS/Excel first)",
  ),
  encrypted: t(
    "工作簿设置了打开密码（已加密），无法读取：请在 WPS/Excel 中取消密码后另存为 .xlsx",
    "the workbook is password-protected (encrypted) and cannot be read: remove the password in WPS/Excel and save it again as .xlsx",
  ),
  legacyXls: t("这是旧版 .xls 格式：请在 WPS/Excel 中另存为 .xlsx", "this is the old .xls format: save it as .xlsx in WPS/Excel"),
  truncated: t("文件不完整（下载或复制被中断？），无法作为 .xlsx 打开", "the file is incomplete (an interrupted download or copy?) and cannot be opened as .xlsx"),
  notXlsx: t("这是一个压缩包，但不是 Excel 工作簿（.xlsx）", "this is a zip archive but not an Excel workbook (.xlsx)"),
  sizeMismatch: t("文件已损坏：其中的部件与声明的大小不符", "the file is damaged: a part of it does not match its declared size"),
  unreadable: t("无法作为 Excel 工作簿读取（文件已损坏？）", "cannot be read as an Excel workbook (a damaged file?)"),
  required: t("必填，不能为空", "required: the cell must not be empty"),
  formula: t("公式没有已计算的值：请在 WPS/Excel 中打开并保存一次，或改填数值", "the formula has no computed value: open and save the file once in WPS/Excel, or type the value"),
  formulaError: t("公式或单元格的值是错误值", "the cell holds an error value"),
  notText: t("应为文字，不是日期或是/否：请把单元格设为文本格式后重新填写", "must be text, not a date or yes/no: format the cell as text and type it again"),
  notNumber: t("应为数字，如 23.5，最多 6 位小数", "must be a number, e.g. 23.5, with at most 6 decimals"),
  negativeNumber: t("不能是负数：应为数字，如 23.5，最多 6 位小数", "must not be negative: a number, e.g. 23.5, with at most 6 decimals"),
  numberTooLarge: t("数字太大：整数部分最多 9 位", "the number is too large: at most 9 digits before the decimal point"),
  numberNotDate: t("这是数字，不是日期：请把单元格设为日期格式，或填文字 YYYY-MM-DD，如 2022-03-15", "this is a number, not a date: format the cell as a date, or type the text YYYY-MM-DD, e.g. 2022-03-15"),
  notInteger: t("应为不小于 0 的整数，如 12", "must be a whole number, 0 or more, e.g. 12"),
  notYear: t("应为四位年份，如 2022", "must be a four-digit year, e.g. 2022"),
  notDate: t("应为日期：日期格式的单元格，或文字 YYYY-MM-DD，如 2022-03-15", "must be a date: a date cell or the text YYYY-MM-DD, e.g. 2022-03-15"),
  notBool: t("应填“是”或“否”", "must be 是 (yes) or 否 (no)"),
  headerEmpty: t("这一列有内容但没有列名：请填写列名或删去这一列", "this column has content but no header: add the header or delete the column"),
  unknownParticipant: t("“参评对象”表中没有这个编号", "no body of the sheet 参评对象 has this id"),
  duplicateParticipant: t("编号与前面的参评对象重复", "this id repeats a body above"),
  missingParticipants: t("缺少“参评对象”表：每个参评对象一行，列为 编号、名称、单位、类别、考评年度", "the sheet 参评对象 is missing: one row per body, with 编号, 名称, 单位, 类别, 考评年度"),
} as const;

/**
 * A problem's detail prefixed with what the cell holds, so the clerk sees what was typed:
 * `填的是“23分”，应为数字…`. `shown` is the cell's content as the spreadsheet shows it; a long one is
 * shortened, control characters are written as `\uXXXX`.
 *
 * @example
 * ```ts
 * holding("2022.5.18", "应为日期", "zh"); //=> "填的是“2022.5.18”，应为日期"
 * holding("23分", "must be a number", "en"); //=> "holds \"23分\": must be a number"
 * ```
 */
export function holding(shown: string, detail: string, lang: Lang): string {
  // eslint-disable-next-line no-control-regex
  const flat = shown.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const text = [...flat].length > 40 ? `${[...flat].slice(0, 40).join("")}…` : flat;
  return lang === "zh" ? `填的是“${text}”，${detail}` : `holds "${text}": ${detail}`;
}

/**
 * The detail of an enumerated cell that names nothing known: the labels it may hold.
 *
 * @example
 * ```ts
 * notOneOf(["是", "否"], "zh"); //=> "应为以下之一：是、否"
 * ```
 */
export function notOneOf(labels: readonly string[], lang: Lang): string {
  return lang === "zh" ? `应为以下之一：${labels.join("、")}` : `must be one of: ${labels.join(", ")}`;
}

/**
 * The detail of a header the layout does not know, with the headers the sheet takes.
 *
 * @example
 * ```ts
 * unknownColumn("得份", ["编号", "得分"], "zh"); //=> "未知的列名“得份”；本表的列为：编号、得分"
 * ```
 */
export function unknownColumn(header: string, known: readonly string[], lang: Lang): string {
  return lang === "zh" ? `未知的列名“${header}”；本表的列为：${known.join("、")}` : `unknown header "${header}"; this sheet's headers are: ${known.join(", ")}`;
}

/**
 * The detail of a sheet the layout does not know, with the sheets it takes.
 *
 * @example
 * ```ts
 * unknownSheet("投述", ["投诉"], "zh"); //=> "未知的工作表“投述”；工作表应为：投诉（“说明”和以 # 开头的表不读取）"
 * ```
 */
export function unknownSheet(name: string, known: readonly string[], lang: Lang): string {
  return lang === "zh"
    ? `未知的工作表“${name}”；工作表应为：${known.join("、")}（“说明”和以 # 开头的表不读取）`
    : `unknown sheet "${name}"; the sheets are: ${known.join(", ")} (说明 and sheets starting with # are not read)`;
}

/**
 * The detail of a required column that is absent.
 *
 * @example
 * ```ts
 * missingColumn("得分", "zh"); //=> "缺少必填列“得分”"
 * ```
 */
export function missingColumn(header: string, lang: Lang): string {
  return lang === "zh" ? `缺少必填列“${header}”` : `the required column "${header}" is missing`;
}

/**
 * The detail of a header that appears twice.
 *
 * @example
 * ```ts
 * duplicateColumn("得分", "C", "zh"); //=> "列名“得分”与 C 列重复"
 * ```
 */
export function duplicateColumn(header: string, first: string, lang: Lang): string {
  return lang === "zh" ? `列名“${header}”与 ${first} 列重复` : `the header "${header}" repeats column ${first}`;
}

/**
 * The detail of a second survey row for one body and component.
 *
 * @example
 * ```ts
 * duplicateSurvey("服务对象代表评价", 3, "zh"); //=> "该参评对象的“服务对象代表评价”已在第 3 行填写，每项只填一行"
 * ```
 */
export function duplicateSurvey(label: string, firstRow: number, lang: Lang): string {
  return lang === "zh" ? `该参评对象的“${label}”已在第 ${firstRow} 行填写，每项只填一行` : `this body's ${label} is already on row ${firstRow}: one row per survey`;
}

/**
 * The detail of a workbook that unpacks to more than the reader's limit.
 *
 * @example
 * ```ts
 * tooLarge(300 * 2 ** 20, 200 * 2 ** 20, "zh"); //=> "工作簿解压后约 300 MiB，超过上限 200 MiB（…）"
 * ```
 */
export function tooLarge(bytes: number, limit: number, lang: Lang): string {
  const mib = (n: number): string => String(Math.ceil(n / 2 ** 20));
  return lang === "zh"
    ? `工作簿解压后约 ${mib(bytes)} MiB，超过上限 ${mib(limit)} MiB（行数过多或文件异常，请删去多余的行或拆分文件）`
    : `the workbook unpacks to about ${mib(bytes)} MiB, over the limit of ${mib(limit)} MiB (too many rows or a malformed file: delete unused rows or split it)`;
}

/**
 * The detail of a sheet with more rows than the reader reads.
 *
 * @example
 * ```ts
 * tooManyRows(100_000, "en"); //=> "a sheet has more than 100000 rows, the most this reader takes (…)"
 * ```
 */
export function tooManyRows(limit: number, lang: Lang): string {
  return lang === "zh"
    ? `有工作表超过 ${limit} 行，超出上限（请删去多余的行或拆分文件）`
    : `a sheet has more than ${limit} rows, the most this reader takes (delete unused rows or split the file)`;
}

/**
 * The detail of a workbook whose named ranges cover more cells than the reader visits.
 *
 * @example
 * ```ts
 * namedRangeTooLarge(17_179_869_184, 1_000_000, "zh"); //=> "工作簿中的名称（定义的区域）共覆盖 17179869184 个单元格，超过上限 1000000（…）"
 * ```
 */
export function namedRangeTooLarge(cells: number, limit: number, lang: Lang): string {
  return lang === "zh"
    ? `工作簿中的名称（定义的区域）共覆盖 ${cells} 个单元格，超过上限 ${limit}（请在“公式 → 名称管理器”中删去覆盖整张表的名称）`
    : `the workbook's defined names cover ${cells} cells, over the limit of ${limit} (delete the names that cover whole sheets in Formulas → Name Manager)`;
}

/**
 * A cell's text quoted for a message (at most 40 characters shown), so the clerk sees what the
 * reader saw: `“很满意”`.
 *
 * @example
 * ```ts
 * quoted("很满意", "zh"); //=> "“很满意”"
 * quoted("very", "en"); //=> "\"very\""
 * ```
 */
export function quoted(text: string, lang: Lang): string {
  const points = [...text];
  const shown = points.length > 40 ? `${points.slice(0, 40).join("")}…` : text;
  return lang === "zh" ? `“${shown}”` : `"${shown}"`;
}

/**
 * The detail of a cell problem with the cell's text quoted first: `“2022/13/01”：应为日期…`.
 *
 * @example
 * ```ts
 * withText("abc", "应为不小于 0 的整数，如 12", "zh"); //=> "“abc”：应为不小于 0 的整数，如 12"
 * ```
 */
export function withText(text: string | undefined, detail: string, lang: Lang): string {
  if (text === undefined) return detail;
  return lang === "zh" ? `${quoted(text, lang)}：${detail}` : `${quoted(text, lang)}: ${detail}`;
}

/**
 * The texts of the ballot workbooks' own problems (docs/ballots.md).
 *
 * @example
 * ```ts
 * BALLOT_DETAILS.tooLong.zh; //=> "不能超过 100 个字符"
 * ```
 */
export const BALLOT_DETAILS = {
  noSheet: t(
    "没有找到测评票：应有名为“测评票”的工作表（每行一张票），或问卷平台导出的表（第 1 行以“序号”开头并含“提交答卷时间”）",
    "no ballots found: the workbook needs a sheet named 测评票 (one row per ballot) or a survey platform's export (row 1 starting with 序号 and holding 提交答卷时间)",
  ),
  noParticipantColumn: t("没有参评对象的列：固定列之后每个参评对象一列，列名为其编号或名称", "no participant columns: after the fixed columns, one column per participant headed by its id or name"),
  invalidMark: t("应为 满意、基本满意、不满意、不了解 之一（或其英文编号），多选用“┋”或“、”连接，未选留空", "must be one of 满意, 基本满意, 不满意, 不了解 (or the mark's id), several ticks joined by ┋ or 、, empty when nothing was ticked"),
  tooLong: t("不能超过 100 个字符", "at most 100 characters"),
  notCalendarDate: t("不是日历上的日期（年份 1949 至 2099）", "is not a calendar day (years 1949 to 2099)"),
  notSeconds: t("应为用时的整数秒，如 95 或 95秒", "must be the time taken in whole seconds, e.g. 95 or 95秒"),
  noParticipants: t(
    "缺少参评对象名单（participants / --participants）：表头按参评对象的编号或名称对应各列",
    "the participants are missing (participants / --participants): the headers name participants by id or name",
  ),
  badParticipant: t("参评对象应为编号（文字），或带 id（及 name）的名单条目或输入", "a participant must be an id (text), or a roster entry or input with id (and name)"),
  platformComponent: t(
    "问卷平台导出的表没有考评项目：请指定 component / --component（服务对象代表评价、“两代表一委员”评价、县市区对口部门评价 之一）",
    "a survey platform's export names no survey: give component / --component (serviceRecipients, deputies or countyCounterparts)",
  ),
  platformDate: t("问卷平台导出的表没有测评日期：请指定 date / --date（YYYY-MM-DD）", "a survey platform's export has no survey date: give date / --date (YYYY-MM-DD)"),
  badComponent: t("考评项目应为 服务对象代表评价、“两代表一委员”评价、县市区对口部门评价 之一（或其英文编号）", "the survey must be serviceRecipients, deputies or countyCounterparts (or its Chinese label)"),
  badDate: t("测评日期应为 YYYY-MM-DD 形式的日历日期，如 2022-12-20", "the survey date must be a calendar day YYYY-MM-DD, e.g. 2022-12-20"),
  badYear: t("考评年度应为 2000 至 2098 的整数", "the evaluation year must be a whole number 2000..2098"),
  badIssued: t("发出票数应为不小于 0 的整数（或按考评项目给出的这样的整数）", "the ballots issued must be a whole number, 0 or more (or such numbers by survey)"),
  noCrypto: t(
    "此运行环境没有 WebCrypto（crypto.subtle），无法计算“来自IP”的 SHA-256：请用 Node 20 以上，或在 https / 本机文件打开的页面中读取",
    "this environment has no WebCrypto (crypto.subtle) to hash 来自IP with SHA-256: use Node 20 or later, or a page opened over https or from a local file",
  ),
  issuedAmbiguous: t(
    "工作簿中有多个考评项目的测评票，发出票数须按考评项目分别给出",
    "the workbook holds ballots of several surveys: give the ballots issued for each survey",
  ),
} as const;

/**
 * The detail of a mark column or question whose header names no participant (or several).
 *
 * @example
 * ```ts
 * unknownBallotColumn("科室甲", [], "zh"); //=> "列名“科室甲”不是固定列，也不含任何参评对象的编号或名称"
 * ```
 */
export function unknownBallotColumn(header: string, several: readonly string[], lang: Lang): string {
  if (several.length > 1) {
    return lang === "zh"
      ? `列名${quoted(header, lang)}含有多个参评对象的编号或名称（${several.join("、")}），应只指向一个`
      : `the header ${quoted(header, lang)} names several participants (${several.join(", ")}); it must name one`;
  }
  return lang === "zh" ? `列名${quoted(header, lang)}不是固定列，也不含任何参评对象的编号或名称` : `the header ${quoted(header, lang)} is no fixed column and names no participant by id or name`;
}

/**
 * The detail of a 票号 that repeats a ballot above in the same survey.
 *
 * @example
 * ```ts
 * duplicateBallot("0007", 3, "zh"); //=> "票号“0007”与第 3 行重复（同一考评项目内票号不可重复）"
 * ```
 */
export function duplicateBallot(id: string, firstRow: number, lang: Lang): string {
  return lang === "zh" ? `票号${quoted(id, lang)}与第 ${firstRow} 行重复（同一考评项目内票号不可重复）` : `the ballot number ${quoted(id, lang)} repeats row ${firstRow} (numbers are unique within a survey)`;
}

/**
 * The detail of a survey date that differs from the one of the survey's first row.
 *
 * @example
 * ```ts
 * dateDiffers("2022-12-21", "2022-12-20", 2, "zh"); //=> "“2022-12-21”：同一考评项目的测评日期应相同，第 2 行为 2022-12-20（一次测评一个日期）"
 * ```
 */
export function dateDiffers(date: string, first: string, firstRow: number, lang: Lang): string {
  return lang === "zh"
    ? `${quoted(date, lang)}：同一考评项目的测评日期应相同，第 ${firstRow} 行为 ${first}（一次测评一个日期）`
    : `${quoted(date, lang)}: a survey has one date, and row ${firstRow} has ${first}`;
}

/**
 * The detail of a cell that disagrees with what the options say (`--component`, `--date`).
 *
 * @example
 * ```ts
 * optionDiffers("2022-12-21", "2022-12-20", "zh"); //=> "“2022-12-21”与指定的 2022-12-20 不符"
 * ```
 */
export function optionDiffers(text: string, given: string, lang: Lang): string {
  return lang === "zh" ? `${quoted(text, lang)}与指定的 ${given} 不符` : `${quoted(text, lang)} differs from the ${given} given`;
}

/**
 * The detail of a survey whose year cannot be told from its date.
 *
 * @example
 * ```ts
 * yearUnknown("2022-11-30", "zh"); //=> "测评日期 2022-11-30 不在任何考评年度的综合评价时段（12 月 1 日至次年 2 月底）内：请指定考评年度（year / --year）"
 * ```
 */
export function yearUnknown(date: string, lang: Lang): string {
  return lang === "zh"
    ? `测评日期 ${date} 不在任何考评年度的综合评价时段（12 月 1 日至次年 2 月底）内：请指定考评年度（year / --year）`
    : `the survey date ${date} is in no year's comprehensive window (1 December to the end of February): give the evaluation year (year / --year)`;
}
