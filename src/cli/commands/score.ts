/** `wubi-wuping score FILE|-`: score one participant-year and explain it. */
import { explain, safeScore } from "../../index.js";
import { EXIT, issueLines, readJson, type CliIO } from "../io.js";
import type { Command } from "../command.js";

export const scoreCommand: Command = {
  name: "score",
  summary: { zh: "计算一个参评对象一个年度的得分并说明", en: "score one participant-year and explain it" },
  usage: "score FILE|- [--json] [--lang zh|en] [--policy FILE] [--allow-incomplete]",
  options: {
    json: { type: "boolean" },
    "allow-incomplete": { type: "boolean" },
    policy: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values, lang, policy }, io: CliIO): Promise<number> {
    const path = positionals[0] as string;
    const input = await readJson(path, io, lang);
    const outcome = safeScore(input, { policy, allowIncomplete: values["allow-incomplete"] === true, lang });
    if (!outcome.success) {
      for (const line of issueLines(outcome.error)) io.err(`${path}: ${line}`);
      return EXIT.input;
    }
    io.out(values["json"] === true ? JSON.stringify(outcome.data) : explain(outcome.data, { lang }));
    return EXIT.ok;
  },
};
