/**
 * The files loaded, each with what it contributed, and the problems found, grouped by file, each
 * with its place (a line, a JSON path, a sheet and cell) and the message saying what to fix.
 */
import type { Lang } from "wubi-wuping";
import { h, type Child } from "./dom.js";
import type { PageFile, Problem } from "./load.js";
import type { BallotForm, Session } from "./session.js";
import { pageText } from "./text.js";
import { ballotForm } from "./view-ballots.js";

/**
 * The list of loaded files, with a remove button each and one to remove them all; beside a
 * ballot workbook, its small form (component, date, ballots issued).
 *
 * @param files - The files, in load order.
 * @param session - What they gave, once computed.
 * @param lang - Chinese or English.
 * @param forms - What each ballot workbook's form holds, by file name.
 * @returns The children of the file list.
 * @example
 * ```ts
 * fill(byId("file-list"), filesView(state.files, state.session, "zh"));
 * ```
 */
export function filesView(files: readonly PageFile[], session: Session | undefined, lang: Lang, forms: ReadonlyMap<string, BallotForm> = new Map()): Child[] {
  const t = pageText(lang);
  if (files.length === 0) return [h("p", { class: "hint" }, t.noFiles)];
  return [
    h("h3", {}, t.loadedFiles),
    h(
      "ul",
      { class: "files" },
      files.map((file) => {
        const summary = session?.files.find((f) => f.name === file.name);
        const ballots = session?.ballotFiles.find((f) => f.name === file.name);
        const said =
          summary === undefined
            ? ""
            : summary.ballots !== undefined && summary.bodies === 0
              ? t.ballots.fileSummary(summary.ballots, summary.problems)
              : t.fileSummary(summary.bodies, summary.problems);
        return h(
          "li",
          {},
          h("span", { class: "file-name" }, file.name),
          " ",
          h("span", { class: "hint" }, said),
          " ",
          h("button", { type: "button", class: "link", "data-remove": file.name, "aria-label": t.remove(file.name) }, "×"),
          ballots === undefined ? null : ballotForm(ballots, forms.get(file.name) ?? {}, lang),
        );
      }),
    ),
    h("button", { type: "button", id: "clear-files" }, t.clear),
  ];
}

/**
 * One problem's line: its place (unless the message starts with it, as a workbook's does), the
 * message, the code; a summary line (a body's unfilled components) in bold, on its own.
 */
function problemLine(problem: Problem, lang: Lang): HTMLLIElement {
  const t = pageText(lang);
  const place = problem.where === "" ? t.whole : h("code", {}, problem.where);
  if (problem.summary === true) return h("li", { class: "summary" }, h("strong", {}, problem.message));
  const named = problem.where !== "" && problem.message.startsWith(problem.where);
  return h("li", {}, named ? null : [place, t.colon], problem.message, problem.code === undefined ? "" : h("span", { class: "code" }, ` (${problem.code})`));
}

/**
 * The problems, one block per file (marked `data-file`), files and problems in the order found.
 *
 * @param problems - Every problem found.
 * @param lang - Chinese or English.
 * @returns The children of the problem list.
 * @example
 * ```ts
 * fill(byId("problem-list"), problemsView(session.problems, "zh"));
 * ```
 */
export function problemsView(problems: readonly Problem[], lang: Lang): Child[] {
  if (problems.length === 0) return [h("p", { class: "hint" }, pageText(lang).noProblems)];
  const byFile = new Map<string, HTMLLIElement[]>();
  for (const problem of problems) {
    const lines = byFile.get(problem.file) ?? [];
    lines.push(problemLine(problem, lang));
    byFile.set(problem.file, lines);
  }
  return [...byFile].map(([file, lines]) => h("div", { class: "problem-file", "data-file": file }, h("h3", {}, file), h("ul", {}, lines)));
}
