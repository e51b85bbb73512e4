/** `wubi-wuping docnum TEXT`: parse a document number (发文字号). */
import { parseDocumentNumber, type DocumentNumberError, type Lang } from "../../index.js";
import { DOCUMENT_NUMBER_ERROR_NAMES, DOCUMENT_NUMBER_FORM } from "../../messages/labels.js";
import type { Command } from "../command.js";
import { EXIT, oneLine, type CliIO } from "../io.js";

/** Why a number was refused, with the form it must have. */
function refusal(reason: DocumentNumberError, lang: Lang): string {
  return `${DOCUMENT_NUMBER_ERROR_NAMES[reason][lang]}${lang === "zh" ? "；" : "; "}${DOCUMENT_NUMBER_FORM[lang]}`;
}

/**
 * Parses a document number as the bonus rules read it (`附件2-三.4`, GB/T 9704-2012 §7.2.5):
 * issuer code, year, serial, whether it is written in the standard form, and the standard form.
 *
 * @example
 * ```sh
 * wubi-wuping docnum '皖建[2022]第012号' --lang en
 * # 皖建[2022]第012号: non-standard, read as 皖建〔2022〕12号 (issuer code 皖建, year 2022, serial 12)
 * ```
 */
export const docnumCommand: Command = {
  name: "docnum",
  summary: { zh: "解析一个发文字号", en: "parse a document number (发文字号)" },
  usage: "docnum TEXT [--json] [--lang zh|en]",
  options: { json: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "按 GB/T 9704-2012 解析发文字号：发文机关代字、年份（决定加分所属年度，附件2-三.4）、序号、是否规范、规范写法。",
      "接受常见的不规范写法：[] 【】 () 括号、全角数字、“第”、序号前导零、缺“号”、文号前后和文号内的空格（如 宣组〔 2022 〕第 5号）；序号不超过 999999999。",
      "  --json                 输出 parseDocumentNumber 的结果 JSON",
      "  --lang zh|en           语言（默认 zh）",
      "退出码：0 可以识别；1 无法识别；2 命令行错误。",
    ].join("\n"),
    en: [
      "Parses a document number per GB/T 9704-2012: issuer code, year (which fixes the year of a bonus, 附件2-三.4), serial, whether it is standard, and the standard form.",
      "Accepts the usual non-standard forms: [] 【】 () brackets, full-width digits, 第, leading zeros, a missing 号, spaces around and inside the number (such as 宣组〔 2022 〕第 5号); the serial is at most 999999999.",
      "  --json                 print the result of parseDocumentNumber as JSON",
      "  --lang zh|en           language (default zh)",
      "Exit codes: 0 recognised; 1 refused; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, values, lang }, io: CliIO): Promise<number> {
    const text = positionals[0] as string;
    const parsed = parseDocumentNumber(text);
    const zh = lang === "zh";
    const shown = oneLine(text);
    if (values["json"] === true) io.out(JSON.stringify(parsed));
    if (!parsed.ok) {
      const reason = refusal(parsed.reason, lang);
      io.err(zh ? `${shown}：无法识别（${parsed.reason}）：${reason}` : `${shown}: refused (${parsed.reason}): ${reason}`);
      return EXIT.input;
    }
    if (values["json"] !== true) {
      const parts = zh
        ? `发文机关代字 ${parsed.issuerCode}，年份 ${parsed.year}，序号 ${parsed.serial}`
        : `issuer code ${parsed.issuerCode}, year ${parsed.year}, serial ${parsed.serial}`;
      io.out(
        parsed.standard
          ? zh ? `${shown}：规范（${parts}）` : `${shown}: standard (${parts})`
          : zh ? `${shown}：不规范，按 ${parsed.normalized} 识别（${parts}）` : `${shown}: non-standard, read as ${parsed.normalized} (${parts})`,
      );
    }
    return EXIT.ok;
  },
};
