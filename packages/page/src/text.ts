/**
 * The words of the offline page, in Chinese (the default) and English. The library's own labels
 * (components, categories, tiers) come from its public API; these are the page's controls,
 * headings and messages.
 */
import type { Lang } from "wubi-wuping";
import { EN_BALLOTS, ZH_BALLOTS, type BallotText } from "./text-ballots.js";

/**
 * Every string the page shows that is not a library label or a library message.
 *
 * @example
 * ```ts
 * const t: PageText = pageText("en");
 * t.line(3); //=> "line 3"
 * ```
 */
export interface PageText {
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  readonly skipToRanking: string;
  readonly loadTitle: string;
  readonly printTarget: string;
  readonly printTargetRanking: string;
  readonly printTargetExplain: string;
  readonly chooseFiles: string;
  readonly dropHint: string;
  readonly templateHint: string;
  readonly downloadTemplate: string;
  readonly allowIncomplete: string;
  /** The checkbox of `allowIncomplete` as a message names it. */
  readonly allowIncompleteName: string;
  readonly clear: string;
  readonly remove: (file: string) => string;
  readonly loadedFiles: string;
  readonly noFiles: string;
  readonly fileSummary: (bodies: number, problems: number) => string;
  readonly problems: string;
  readonly noProblems: string;
  readonly ranking: string;
  readonly grouping: string;
  readonly overall: string;
  readonly byCategory: string;
  readonly unit: string;
  readonly unitHint: string;
  readonly publicTitle: (unit: string, year: string) => string;
  readonly policyLine: (label: string, id: string) => string;
  readonly rankingHelp: string;
  readonly noBodies: string;
  readonly downloads: string;
  readonly downloadResults: string;
  readonly downloadCsv: string;
  readonly downloadXlsx: string;
  readonly printRanking: string;
  readonly printExplain: string;
  readonly explanation: string;
  readonly explainHint: string;
  readonly explainTitle: (name: string) => string;
  readonly records: string;
  readonly noRecords: string;
  readonly fullText: string;
  readonly reviewer: string;
  readonly date: string;
  readonly sensitivity: string;
  readonly sensitivityNeedsTwo: string;
  readonly sensitivityNeedsInputs: string;
  readonly unsupportedFile: string;
  readonly csvFile: string;
  readonly notUtf8: string;
  readonly notJson: (detail: string) => string;
  readonly notRecognized: string;
  readonly emptyFile: string;
  readonly batchError: string;
  readonly duplicateBody: (id: string, first: string) => string;
  readonly otherYear: (year: number, expected: number) => string;
  readonly policyUnused: (used: string) => string;
  readonly policyError: string;
  readonly line: (n: number) => string;
  readonly whole: string;
  readonly colon: string;
  readonly busy: string;
  readonly failed: (detail: string) => string;
  readonly printFooter: string;
  /** The words for ballot workbooks and their tallies (text-ballots.ts). */
  readonly ballots: BallotText;
}

const ZH_TEXT: PageText = {
  title: "五比五评计分",
  subtitle: "离线页面：载入考评数据，查看排名与计分说明，打印公示表。数据只在本机处理，不上传。",
  language: "语言",
  skipToRanking: "跳到排名",
  loadTitle: "载入数据",
  printTarget: "按 Ctrl+P 打印的内容",
  printTargetRanking: "公示表（横向 A4）",
  printTargetExplain: "所选参评对象的计分说明（纵向 A4）",
  chooseFiles: "选择文件（可多选）",
  dropHint: "也可以把文件拖到本页：考评记录工作簿 .xlsx、单个输入 .json、批量输入或计分结果 .ndjson、政策 .json。",
  templateHint: "还没有考评记录工作簿？先下载空白工作簿，在 WPS/Excel 中填好后再载入。",
  downloadTemplate: "下载空白考评记录工作簿（.xlsx）",
  allowIncomplete: "允许缺项（缺少的考评项目计 0 分，结果为暂定）",
  allowIncompleteName: "“允许缺项”",
  clear: "清空全部文件",
  remove: (file) => `移除 ${file}`,
  loadedFiles: "已载入的文件",
  noFiles: "尚未载入文件。",
  fileSummary: (bodies, problems) => `${bodies} 个参评对象${problems > 0 ? `，${problems} 处问题` : ""}`,
  problems: "问题",
  noProblems: "没有发现问题。",
  ranking: "排名",
  grouping: "排名方式",
  overall: "总排名",
  byCategory: "按类别排名",
  unit: "公示单位",
  unitHint: "显示在公示表标题中",
  publicTitle: (unit, year) => `${[unit, year === "" ? "" : `${year} 年度`].filter((part) => part !== "").join(" ")}“五比五评”考评结果公示表`,
  policyLine: (label, id) => `计分政策：${label}（${id}）`,
  rankingHelp: "点击一行，或用方向键选中后按回车，查看该参评对象的计分说明。",
  noBodies: "载入考评数据后在此显示排名。",
  downloads: "下载与打印",
  downloadResults: "下载计分结果（NDJSON）",
  downloadCsv: "下载排名（CSV）",
  downloadXlsx: "下载排名（XLSX）",
  printRanking: "打印公示表",
  printExplain: "打印计分说明",
  explanation: "计分说明",
  explainHint: "在排名表中选择一个参评对象。",
  explainTitle: (name) => `${name} 计分说明`,
  records: "原始记录",
  noRecords: "只载入了计分结果，没有原始记录。",
  fullText: "计分过程",
  reviewer: "审核人：",
  date: "日期：",
  sensitivity: "敏感性分析",
  sensitivityNeedsTwo: "载入两个或更多参评对象的输入数据后显示敏感性分析。",
  sensitivityNeedsInputs: "敏感性分析需要输入数据（只载入计分结果的参评对象不参与）。",
  unsupportedFile: "不支持的文件类型：请载入 .xlsx、.json 或 .ndjson 文件",
  csvFile:
    "本页不读取 CSV 文件。考评记录请填在考评记录工作簿（.xlsx）中再载入（CSV 可在 WPS/Excel 中“另存为”.xlsx 工作簿）；已公布的排名表（CSV）要用命令行的 verify 命令核对，核对前请在 WPS/Excel 中另存为“CSV UTF-8”格式。",
  notUtf8: "文件不是 UTF-8 编码：请在编辑器中另存为 UTF-8 后重新载入",
  notJson: (detail) => `不是有效的 JSON：${detail}`,
  notRecognized: "无法识别的内容：应为考评输入、计分结果或带 id 的政策",
  emptyFile: "文件是空的",
  batchError: "这一行是批量计分的错误记录，没有结果",
  duplicateBody: (id, first) => `参评对象“${id}”已从 ${first} 载入，这里的重复数据未使用`,
  otherYear: (year, expected) => `考评年度 ${year} 与已载入的 ${expected} 年度不同，未计入排名`,
  policyUnused: (used) => `载入了多个政策，只使用最后载入的 ${used}`,
  policyError: "政策文件有误，改用默认政策",
  line: (n) => `第 ${n} 行`,
  whole: "整个文件",
  colon: "：",
  busy: "正在计算……",
  failed: (detail) => `页面出错，未能完成计算：${detail}。请刷新页面后重试，并把这条信息告知维护人员。`,
  printFooter: "由 wubi-wuping 离线页面生成",
  ballots: ZH_BALLOTS,
};

const EN_TEXT: PageText = {
  title: "五比五评 appraisal scores",
  subtitle: "Offline page: load the appraisal data, read the ranking and each body's explanation, print the public list. Data stays on this computer.",
  language: "Language",
  skipToRanking: "Skip to the ranking",
  loadTitle: "Load data",
  printTarget: "What Ctrl+P prints",
  printTargetRanking: "the public list (A4 landscape)",
  printTargetExplain: "the chosen body's explanation (A4 portrait)",
  chooseFiles: "Choose files (several at once)",
  dropHint: "Or drop files on this page: the workbook .xlsx, one input .json, inputs or results .ndjson, a policy .json.",
  templateHint: "No workbook of records yet? Download the blank one, fill it in WPS/Excel, then load it.",
  downloadTemplate: "Download the blank workbook (.xlsx)",
  allowIncomplete: "Allow missing components (scored 0, the result is provisional)",
  allowIncompleteName: "“Allow missing components”",
  clear: "Remove all files",
  remove: (file) => `Remove ${file}`,
  loadedFiles: "Files loaded",
  noFiles: "No file loaded yet.",
  fileSummary: (bodies, problems) => `${bodies} bod${bodies === 1 ? "y" : "ies"}${problems > 0 ? `, ${problems} problem(s)` : ""}`,
  problems: "Problems",
  noProblems: "No problems found.",
  ranking: "Ranking",
  grouping: "Rank",
  overall: "overall",
  byCategory: "by category",
  unit: "Unit",
  unitHint: "shown in the title of the public list",
  publicTitle: (unit, year) => `${unit}${unit === "" ? "" : ": "}五比五评 results${year === "" ? "" : ` for ${year}`} (public list)`,
  policyLine: (label, id) => `Policy: ${label} (${id})`,
  rankingHelp: "Click a row, or move to it with the arrow keys and press Enter, to see that body's explanation.",
  noBodies: "The ranking appears here once data is loaded.",
  downloads: "Download and print",
  downloadResults: "Download results (NDJSON)",
  downloadCsv: "Download ranking (CSV)",
  downloadXlsx: "Download ranking (XLSX)",
  printRanking: "Print the public list",
  printExplain: "Print the explanation",
  explanation: "Explanation",
  explainHint: "Choose a body in the ranking.",
  explainTitle: (name) => `${name}: how the score was built`,
  records: "Records",
  noRecords: "Only the result was loaded, not its records.",
  fullText: "The computation",
  reviewer: "Reviewed by: ",
  date: "Date: ",
  sensitivity: "Sensitivity",
  sensitivityNeedsTwo: "The sensitivity view appears once the inputs of two or more bodies are loaded.",
  sensitivityNeedsInputs: "Sensitivity needs inputs (bodies loaded only as results take no part).",
  unsupportedFile: "Unsupported file type: load .xlsx, .json or .ndjson files",
  csvFile:
    "This page does not read CSV files. Type the records into the workbook (.xlsx) and load that (WPS/Excel can save a CSV as an .xlsx workbook); a published ranking (CSV) is checked with the command line's verify, after saving it as \"CSV UTF-8\" in WPS/Excel.",
  notUtf8: "The file is not UTF-8: save it as UTF-8 in an editor and load it again",
  notJson: (detail) => `Not valid JSON: ${detail}`,
  notRecognized: "Not recognised: expected a score input, a score result or a policy with an id",
  emptyFile: "The file is empty",
  batchError: "This line is an error record of a batch run: it holds no result",
  duplicateBody: (id, first) => `The body "${id}" was already loaded from ${first}; this copy is not used`,
  otherYear: (year, expected) => `The year ${year} differs from the ${expected} already loaded; not ranked`,
  policyUnused: (used) => `Several policies were loaded; only the last, ${used}, is used`,
  policyError: "The policy file is wrong; the preset is used instead",
  line: (n) => `line ${n}`,
  whole: "whole file",
  colon: ": ",
  busy: "Computing…",
  failed: (detail) => `The page failed to compute: ${detail}. Reload the page and try again, and report this message.`,
  printFooter: "Made with the wubi-wuping offline page",
  ballots: EN_BALLOTS,
};

/**
 * The page's words in a language.
 *
 * @param lang - `"zh"` or `"en"`.
 * @returns The strings of that language.
 * @example
 * ```ts
 * pageText("zh").printRanking; //=> "打印公示表"
 * ```
 */
export function pageText(lang: Lang): PageText {
  return lang === "en" ? EN_TEXT : ZH_TEXT;
}
