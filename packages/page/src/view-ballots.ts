/**
 * The ballots on the page (docs/page.md, "Ballots"): the small form beside a ballot workbook (a
 * survey platform's export names no component and no date; the ballots issued are on no sheet),
 * and each box's tally — per box 发出/收回/计入 and the rules it was counted under, per body the
 * counts (and the rater groups), every ballot not counted and why, the repeated raters (a
 * platform's tokens, SHA-256 of an address, shortened) and the ballots answered too fast.
 */
import { COMPONENTS, SURVEY_COMPONENTS, type Lang, type ParticipantTally } from "wubi-wuping";
import { h, type Child } from "./dom.js";
import { BALLOT_RULE_NAMES } from "./engine.js";
import type { BallotFile, BallotForm, BoxTally, Session } from "./session.js";
import { pageText } from "./text.js";

/** The rules of a tally, in the order of docs/ballots.md. */
const RULES = ["ballot-validity", "ballot-quorum", "repeated-rater", "ballot-speed", "group-weights"] as const;

/** A survey component's label: Chinese, or the label with its id in English. */
function label(id: string, lang: Lang): string {
  const text = COMPONENTS.find((c) => c.id === id)?.label ?? id;
  return lang === "zh" ? text : `${text} (${id})`;
}

/** A rater token as shown: a SHA-256 (64 hex digits, a platform's address hashed) cut to its first 12. */
export function shortToken(token: string): string {
  return /^[0-9a-f]{64}$/.test(token) ? `${token.slice(0, 12)}…` : token;
}

/**
 * The form beside a ballot workbook: for a platform export the component and the date it needs,
 * for either layout the ballots issued. Each control carries `data-field`; the block carries
 * `data-ballot-file` with the file's name.
 *
 * @param file - The ballot workbook as the session found it.
 * @param form - What was given so far.
 * @param lang - Chinese or English.
 * @returns The form's block.
 * @example
 * ```ts
 * ballotForm({ name: "问卷.xlsx", layout: "platform", needs: ["component", "date"], ballots: 0 }, {}, "zh");
 * ```
 */
export function ballotForm(file: BallotFile, form: BallotForm, lang: Lang): HTMLElement {
  const b = pageText(lang).ballots;
  const platform = file.layout === "platform";
  return h(
    "div",
    { class: "ballot-form", "data-ballot-file": file.name },
    platform ? h("p", { class: file.needs.length > 0 ? "ask" : "hint" }, b.platformAsk) : null,
    platform
      ? h(
          "label",
          {},
          `${b.component} `,
          h(
            "select",
            { "data-field": "component" },
            h("option", { value: "" }, b.chooseComponent),
            SURVEY_COMPONENTS.map((id) => h("option", { value: id, selected: form.component === id }, label(id, lang))),
          ),
        )
      : null,
    platform ? h("label", {}, `${b.date} `, h("input", { type: "date", "data-field": "date", value: form.date ?? "" })) : null,
    h("label", {}, `${b.issued} `, h("input", { type: "number", min: 0, step: 1, inputmode: "numeric", size: 6, "data-field": "issued", value: form.issued ?? "" })),
  );
}

function countsTable(box: BoxTally, lang: Lang): HTMLTableElement {
  const b = pageText(lang).ballots;
  return h(
    "table",
    { class: "records tally" },
    h("caption", {}, b.countsCaption),
    h("thead", {}, h("tr", {}, b.columns.map((column) => h("th", { scope: "col" }, column)))),
    h(
      "tbody",
      {},
      box.tally.participants.map((p) => {
        const c = p.survey.ballots;
        const cells = [c.satisfied, c.basicallySatisfied, c.dissatisfied, c.unknown, p.blank.length, p.invalid.length, p.notCounted.length];
        return h("tr", { "data-tally-participant": p.participantId }, h("th", { scope: "row" }, bodyName(box, p)), cells.map((n) => h("td", { class: "num" }, String(n))));
      }),
    ),
  );
}

function bodyName(box: BoxTally, p: ParticipantTally): string {
  const name = box.names.get(p.participantId) ?? p.participantId;
  return name === p.participantId ? name : `${name}（${p.participantId}）`;
}

function groupsTable(box: BoxTally, lang: Lang): HTMLTableElement | null {
  const b = pageText(lang).ballots;
  const rows = box.tally.participants.flatMap((p) =>
    Object.entries(p.survey.groups ?? {}).map(([group, c]) =>
      h(
        "tr",
        { "data-group-participant": p.participantId, "data-group": group },
        h("td", {}, bodyName(box, p)),
        h("td", {}, group),
        [c.satisfied, c.basicallySatisfied, c.dissatisfied, c.unknown].map((n) => h("td", { class: "num" }, String(n))),
      ),
    ),
  );
  if (rows.length === 0) return null;
  return h("table", { class: "records" }, h("caption", {}, b.groupsCaption), h("thead", {}, h("tr", {}, b.groupColumns.map((c) => h("th", { scope: "col" }, c)))), h("tbody", {}, rows));
}

function notCountedTable(box: BoxTally, lang: Lang): Child {
  const b = pageText(lang).ballots;
  const rows = box.tally.participants.flatMap((p) =>
    (["blank", "invalid", "notCounted"] as const)
      .filter((reason) => p[reason].length > 0)
      .map((reason) =>
        h("tr", { "data-not-counted": reason, "data-participant": p.participantId }, h("td", {}, bodyName(box, p)), h("td", {}, b.reasons[reason]), h("td", { class: "ids" }, b.list(p[reason]))),
      ),
  );
  if (rows.length === 0) return h("p", {}, b.noneNotCounted);
  return h("table", { class: "records" }, h("caption", {}, b.notCountedCaption), h("thead", {}, h("tr", {}, b.notCountedColumns.map((c) => h("th", { scope: "col" }, c)))), h("tbody", {}, rows));
}

function repeatedTable(box: BoxTally, lang: Lang): Child[] {
  const b = pageText(lang).ballots;
  const raters = box.tally.repeatedRaters;
  if (raters.length === 0) return [];
  const hashed = raters.some((r) => shortToken(r.rater) !== r.rater);
  return [
    h(
      "table",
      { class: "records" },
      h("caption", {}, b.repeatedCaption),
      h("thead", {}, h("tr", {}, b.repeatedColumns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, raters.map((r) => h("tr", { "data-rater": shortToken(r.rater) }, h("td", {}, h("code", {}, shortToken(r.rater))), h("td", { class: "ids" }, b.list(r.ballots))))),
    ),
    hashed ? h("p", { class: "hint" }, b.hashed) : null,
  ];
}

/**
 * One box's tally: its heading, 发出/收回/计入, the rules (each named, assumed or set by the
 * policy), the counts by body, the rater groups, the ballots not counted and why, the repeated
 * raters and the ballots too fast. Marked `data-box-file` and `data-component`.
 *
 * @param box - The box tallied.
 * @param lang - Chinese or English.
 * @returns The box's block.
 * @example
 * ```ts
 * fill(target, boxView(session.tallies[0], "zh"));
 * ```
 */
export function boxView(box: BoxTally, lang: Lang): HTMLElement {
  const b = pageText(lang).ballots;
  const { tally } = box;
  const rules = RULES.map((id) => `${BALLOT_RULE_NAMES[id][lang]}（${b.ruleState(tally.assumptions.includes(id))}）`);
  return h(
    "div",
    { class: "box", "data-box-file": box.file, "data-component": tally.box.component },
    h("h3", {}, b.boxTitle(label(tally.box.component, lang), tally.box.date, box.file)),
    h("p", { class: "box-counts" }, b.issuedLine(tally.box.issued, tally.box.returned, tally.box.counted)),
    h("p", { class: "rules" }, b.rules, lang === "zh" ? rules.join("；") : rules.join("; ").replace(/（/g, " (").replace(/）/g, ")")),
    countsTable(box, lang),
    groupsTable(box, lang),
    notCountedTable(box, lang),
    repeatedTable(box, lang),
    tally.tooFast.length > 0 ? h("p", { class: "too-fast" }, b.tooFast(b.list(tally.tooFast))) : null,
  );
}

/**
 * The ballots section: a hint until a ballot workbook is loaded, then every box tallied.
 *
 * @param session - What the page computed.
 * @param lang - Chinese or English.
 * @returns The children of the ballots section's body.
 * @example
 * ```ts
 * fill(byId("ballots-body"), ballotsView(state.session, "zh"));
 * ```
 */
export function ballotsView(session: Session | undefined, lang: Lang): Child[] {
  const b = pageText(lang).ballots;
  if (session === undefined || session.ballotFiles.length === 0) return [h("p", { class: "hint" }, b.hint)];
  const unscored = session.tallies.length > 0 && session.tallies.every((box) => !box.applied) && session.bodies.every((body) => body.input === undefined);
  return [unscored ? h("p", { class: "hint" }, b.noRecords) : null, ...session.tallies.map((box) => boxView(box, lang))];
}
