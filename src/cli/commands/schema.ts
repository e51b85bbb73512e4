/** `wubi-wuping schema input|policy|result|box`: print a JSON Schema. */
import type { Command } from "../command.js";
import { EXIT, oneLine, usageError, type CliIO } from "../io.js";
import { SCHEMA_KINDS, jsonSchemaText, type SchemaKind } from "../../formats/json-schema.js";

/**
 * Prints the JSON Schema (draft-07) of an input, a policy file or a result: the same text as the
 * package's `schemas/<kind>.schema.json`.
 *
 * @example
 * ```sh
 * wubi-wuping schema input > input.schema.json
 * ```
 */
export const schemaCommand: Command = {
  name: "schema",
  summary: { zh: "打印输入、政策、结果或测评票箱的 JSON Schema", en: "print the JSON Schema of an input, a policy, a result or a ballot box" },
  usage: "schema input|policy|result|box",
  options: {},
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "input   一个参评对象一个年度的输入（score 读取的 JSON）",
      "policy  派生政策文件（--policy FILE、definePolicy 读取的 JSON 对象）",
      "result  计分结果（score --json 的输出）",
      "box     测评票箱（tally 读取的 JSON，docs/ballots.md）",
      "JSON Schema draft-07，与软件包中 schemas/<名称>.schema.json 的内容相同。",
      "退出码：0 成功；2 命令行错误。",
    ].join("\n"),
    en: [
      "input   one participant-year (the JSON score reads)",
      "policy  a derived policy file (the JSON object --policy FILE and definePolicy read)",
      "result  a score result (the output of score --json)",
      "box     a ballot box (the JSON tally reads, docs/ballots.md)",
      "JSON Schema draft-07, the same text as the package's schemas/<name>.schema.json.",
      "Exit codes: 0 ok; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, lang }, io: CliIO): Promise<number> {
    const kind = positionals[0] as string;
    if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) {
      throw usageError(
        lang === "zh"
          ? `wubi-wuping schema：应为 input、policy 或 result，而不是 ${oneLine(kind)}`
          : `wubi-wuping schema: expected input, policy or result, not ${oneLine(kind)}`,
      );
    }
    io.out(jsonSchemaText(kind as SchemaKind).trimEnd());
    return EXIT.ok;
  },
};
