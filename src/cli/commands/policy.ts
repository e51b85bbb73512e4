/** `wubi-wuping policy`: every parameter in force, with its value and where it comes from. */
import { documentJson } from "../../formats/json.js";
import { xuancheng2022, type Lang, type Policy, type Provenance } from "../../index.js";
import { clauseName } from "../../messages/labels.js";
import { PARAMETER_NAMES, parameterValueText } from "../../formats/parameters.js";
import type { Command } from "../command.js";
import { EXIT, type CliIO } from "../io.js";

/** A parameter's value in words, with a method's code for those who write policy files. */
function showValue(key: string, value: unknown, lang: Lang): string {
  return parameterValueText(key, value, lang, { codes: true });
}

function showProvenance(p: Provenance, lang: Lang): string {
  const zh = lang === "zh";
  switch (p.kind) {
    case "clause":
      return zh ? `来源条款 ${p.clauses.join("、")}` : `clause ${p.clauses.map((c) => `${clauseName(c, "en")} (${c})`).join(", ")}`;
    case "assumed":
      return zh ? `假定（${p.assumption}：来源文件未作规定，可由政策覆盖）` : `assumed (${p.assumption})`;
    case "policy":
      return zh ? `由政策 ${p.policy} 设定` : `set by policy ${p.policy}`;
  }
}

/**
 * The text `policy` prints: a header, then one block per parameter (name, value, provenance).
 *
 * @example
 * ```ts
 * policyText(xuancheng2022, "en").split("\n")[0];
 * //=> "policy xuancheng-2022: 宣城市城管执法局 2022 年“五比五评”考评与计分方法 (a preset)"
 * ```
 */
export function policyText(policy: Policy, lang: Lang): string {
  const zh = lang === "zh";
  const lines = [
    zh
      ? `政策 ${policy.id}：${policy.label}（${policy.base === null ? "预设" : `派生自 ${policy.base}`}）`
      : `policy ${policy.id}: ${policy.label} (${policy.base === null ? "a preset" : `derived from ${policy.base}`})`,
    "",
  ];
  for (const [key, parameter] of Object.entries(policy.parameters) as [string, { value: unknown; provenance: Provenance }][]) {
    const name = (PARAMETER_NAMES as Readonly<Record<string, Readonly<Record<Lang, string>>>>)[key]?.[lang] ?? key;
    lines.push(`${key}${zh ? `（${name}）` : ` (${name})`}`);
    lines.push(`    ${showValue(key, parameter.value, lang)}`);
    lines.push(`    ${showProvenance(parameter.provenance, lang)}`);
  }
  return lines.join("\n");
}

/**
 * The text `policy --json` prints: the policy object, indented. The service answers the same text.
 *
 * @example
 * ```ts
 * JSON.parse(policyJson(xuancheng2022)).id; //=> "xuancheng-2022"
 * ```
 */
export function policyJson(policy: Policy): string {
  return documentJson(policy);
}

/**
 * Prints every parameter of the policy in force (the preset, or `--policy FILE`) with its
 * provenance: a clause of the source, an assumption, or the derived policy that set it.
 *
 * @example
 * ```sh
 * wubi-wuping policy --lang en
 * wubi-wuping policy --json --policy city-2023.json
 * ```
 */
export const policyCommand: Command = {
  name: "policy",
  summary: { zh: "列出现行政策的每个参数及其来源", en: "show every parameter in force with its provenance" },
  usage: "policy [--json] [--policy FILE] [--lang zh|en]",
  options: { json: { type: "boolean" }, policy: { type: "string" } },
  positionals: { min: 0, max: 0 },
  help: {
    zh: [
      "默认列出预设政策 xuancheng-2022；--policy FILE 列出由该文件派生的政策。",
      "每个参数的来源：来源条款（附件2-…）、假定（assumed，可覆盖），或设定它的派生政策。",
      "  --json                 输出政策对象 JSON（id、label、base、parameters：每个参数的 value 和 provenance）",
      "  --policy FILE          本单位的政策文件（JSON，写法见 docs/zh-CN/假定参数.md）",
      "  --lang zh|en           语言（默认 zh）",
      "退出码：0 成功；1 政策文件错误或无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "Shows the preset xuancheng-2022, or with --policy FILE the policy that file derives.",
      "Each parameter's provenance: a clause of the source (附件2-…), assumed (overridable), or the derived policy that set it.",
      "  --json                 print the policy object as JSON (id, label, base, parameters: each with value and provenance)",
      "  --policy FILE          a derived policy (the JSON object definePolicy takes)",
      "  --lang zh|en           language (default zh)",
      "Exit codes: 0 ok; 1 the policy file is wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run({ values, lang, policy }, io: CliIO): Promise<number> {
    const inForce = policy ?? xuancheng2022;
    io.out(values["json"] === true ? policyJson(inForce) : policyText(inForce, lang));
    return EXIT.ok;
  },
};
