/**
 * How a front end names the library's options in its messages: the command line has
 * `--allow-incomplete`, the offline page a checkbox 允许缺项, the library the option
 * `allowIncomplete`. An issue that advises an option is reworded to name the front end's switch.
 */
import type { InputIssue } from "../api/errors.js";
import { libraryMessage } from "../api/errors.js";
import type { Lang } from "../messages/lang.js";

/**
 * The issues with every message that advises `allowIncomplete` (a missing component) naming
 * `name` instead: the switch of the front end the person uses. Paths and codes unchanged.
 *
 * @param issues - The issues of an input error.
 * @param lang - The language the messages were written in.
 * @param name - The switch as the front end shows it (`--allow-incomplete`, `“允许缺项”`).
 * @returns New issues; the given ones are not changed.
 * @example
 * ```ts
 * namingSwitch(error.issues, "zh", "--allow-incomplete")[0].message;
 * //=> "缺少“两代表一委员”评价的有效记录；请补齐数据，或用 --allow-incomplete 计为暂定结果"
 * ```
 */
export function namingSwitch(issues: readonly InputIssue[], lang: Lang, name: string): InputIssue[] {
  return issues.map((issue) =>
    issue.code === "missing-component" ? { ...issue, message: libraryMessage(issue.code, lang, { option: name }, issue.path) ?? issue.message } : issue,
  );
}
