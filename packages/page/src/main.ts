/**
 * The offline page: load files (input or drop), show the ranking and a body's explanation,
 * download and print. Every change recomputes the session from the files, then renders it.
 */
import type { Lang, RankGrouping } from "wubi-wuping";
import { byId, fill, h } from "./dom.js";
import { rankingCsv, workbook } from "./engine.js";
import type { PageFile } from "./load.js";
import { buildSession, type BallotForm, type Session } from "./session.js";
import { pageText, type PageText } from "./text.js";
import { explanationView } from "./view-explain.js";
import { ballotsView } from "./view-ballots.js";
import { filesView, problemsView } from "./view-files.js";
import { nextRow, rankingView } from "./view-ranking.js";
import { analyse, sensitivityView, type SensitivityOutcome } from "./view-sensitivity.js";

type PrintTarget = "ranking" | "explain";

interface State {
  files: PageFile[];
  lang: Lang;
  allowIncomplete: boolean;
  by: RankGrouping | undefined;
  /** The unit typed by the person; `undefined` until they type one. */
  unit: string | undefined;
  selected: string | undefined;
  session: Session | undefined;
  /** Increases with each recomputation, so a slow one never overwrites a newer one. */
  generation: number;
  /** What each ballot workbook's form holds, by file name. */
  ballotForms: Map<string, BallotForm>;
  /** The last sensitivity analysis and what it was computed from (it does not depend on the language). */
  sensitivity: { readonly key: unknown[]; readonly outcome: SensitivityOutcome } | undefined;
}

const state: State = {
  files: [],
  lang: "zh",
  allowIncomplete: false,
  by: undefined,
  unit: undefined,
  selected: undefined,
  session: undefined,
  generation: 0,
  ballotForms: new Map(),
  sensitivity: undefined,
};

const text = (): PageText => pageText(state.lang);

/** Fills every `[data-text]` element with the string of that key in the current language. */
function applyText(): void {
  const t = text() as unknown as Readonly<Record<string, unknown>>;
  for (const element of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const value = t[element.dataset["text"] ?? ""];
    if (typeof value === "string") element.textContent = value;
  }
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = state.lang === "zh" ? "五比五评计分（离线页面）" : "五比五评 appraisal scores (offline page)";
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset["lang"] === state.lang));
  }
  byId<HTMLStyleElement>("page-numbers").textContent = pageNumberCss(state.lang);
}

/** The page-number margin boxes of both print layouts, in the current language. */
function pageNumberCss(lang: Lang): string {
  const content = lang === "zh" ? `"第 " counter(page) " 页，共 " counter(pages) " 页"` : `"Page " counter(page) " of " counter(pages)`;
  return `@page { @bottom-center { content: ${content}; font-size: 9pt; color: #333; } }
@page explain { @bottom-center { content: ${content}; font-size: 9pt; color: #333; } }`;
}

/**
 * The unit shown in the 公示表's title, as the XLSX download and `rank --format xlsx` choose it
 * (docs/decisions.md W18): the one typed, else the one all bodies share, else none (a body's unit
 * may be 所属事业单位, which is not the unit that publishes the table).
 */
function unitOf(session: Session | undefined): string {
  if (state.unit !== undefined) return state.unit;
  const units = new Set(session?.bodies.map((body) => body.result.participant.unit ?? ""));
  return units.size === 1 ? ([...units][0] ?? "") : "";
}

async function recompute(): Promise<void> {
  const generation = ++state.generation;
  const main = byId("main");
  main.setAttribute("aria-busy", "true");
  byId("status").textContent = text().busy;
  // Let the status paint before the work starts: a large workbook takes a while.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let session: Session;
  try {
    session = await buildSession(
      state.files,
      { lang: state.lang, allowIncomplete: state.allowIncomplete, by: state.by, ballotForms: state.ballotForms },
      workbook.read,
      workbook.readBallots,
    );
  } catch (cause) {
    // Not a problem of the data (those are listed per file) but of the page: say so, keep the page usable.
    byId("status").textContent = text().failed(cause instanceof Error ? cause.message : String(cause));
    main.setAttribute("aria-busy", "false");
    throw cause;
  }
  if (generation !== state.generation) return;
  state.session = session;
  if (state.selected !== undefined && !session.bodies.some((body) => body.result.participant.id === state.selected)) state.selected = undefined;
  render();
  byId("status").textContent = "";
  main.setAttribute("aria-busy", "false");
  performance.mark("wubi-wuping:rendered");
}

function render(): void {
  renderFiles();
  renderProblems();
  renderRanking();
  renderExplanation();
  renderBallots();
  renderSensitivity();
  updateButtons();
}

function renderFiles(): void {
  fill(byId("file-list"), filesView(state.files, state.session, state.lang, state.ballotForms));
}

function renderBallots(): void {
  byId("ballots-title").textContent = text().ballots.title;
  fill(byId("ballots-body"), ballotsView(state.session, state.lang));
}

function renderProblems(): void {
  byId("problems").hidden = state.files.length === 0;
  fill(byId("problem-list"), problemsView(state.session?.problems ?? [], state.lang));
}

function renderRanking(): void {
  const t = text();
  const session = state.session;
  const year = session?.year === undefined ? "" : String(session.year);
  const title = t.publicTitle(unitOf(session), year);
  byId("public-title").textContent = title;
  byId("policy-line").textContent = session === undefined ? "" : t.policyLine(session.policy.label, session.policy.id);
  byId("print-foot").textContent = t.printFooter;
  const unitInput = byId<HTMLInputElement>("unit");
  if (document.activeElement !== unitInput) unitInput.value = unitOf(session);
  const target = byId("ranking-table");
  if (session === undefined || session.table.entries.length === 0) {
    fill(target, h("p", { class: "hint" }, t.noBodies));
    return;
  }
  fill(target, rankingView(session.table, { lang: state.lang, caption: title, byCategory: state.by === "category", selected: state.selected }));
}

function renderExplanation(): void {
  const t = text();
  const session = state.session;
  const body = session?.bodies.find((b) => b.result.participant.id === state.selected);
  const target = byId("explain-body");
  if (session === undefined || body === undefined) {
    fill(target, h("p", { class: "hint" }, t.explainHint));
    return;
  }
  const entry = session.table.entries.find((e) => e.participant.id === body.result.participant.id);
  fill(target, explanationView(body, entry, state.lang));
}

/**
 * The sensitivity view, computed after the ranking is on screen (it scores every scenario, which
 * takes longer than the ranking) and kept until the files, the grouping or the options change.
 */
function renderSensitivity(): void {
  const t = text();
  const target = byId("sensitivity-body");
  const session = state.session;
  const withInputs = session?.bodies.filter((body) => body.input !== undefined) ?? [];
  if (session === undefined || withInputs.length < 2) {
    fill(target, h("p", { class: "hint" }, t.sensitivityNeedsTwo));
    return;
  }
  const note = withInputs.length < session.bodies.length ? h("p", { class: "hint" }, t.sensitivityNeedsInputs) : null;
  // The ballot forms change the inputs (the counts tallied), so they are part of the key, as text.
  const key = [state.files, state.allowIncomplete, state.by, session.policy, JSON.stringify([...state.ballotForms])];
  const cached = state.sensitivity;
  if (cached !== undefined && cached.key.every((part, i) => part === key[i])) {
    fill(target, note, sensitivityView(cached.outcome, state.lang));
    return;
  }
  fill(target, h("p", { class: "hint", role: "status" }, t.busy));
  target.setAttribute("aria-busy", "true");
  const generation = state.generation;
  setTimeout(() => {
    if (generation !== state.generation) return;
    const outcome = analyse({ bodies: withInputs, policy: session.policy, by: state.by, lang: state.lang });
    state.sensitivity = { key, outcome };
    fill(target, note, sensitivityView(outcome, state.lang));
    target.setAttribute("aria-busy", "false");
    performance.mark("wubi-wuping:sensitivity");
  }, 0);
}

/** Selects a body: its row is marked, its explanation shown. */
function select(id: string): void {
  state.selected = id;
  for (const row of document.querySelectorAll<HTMLTableRowElement>("tr[data-participant-id]")) {
    const chosen = row.dataset["participantId"] === id;
    row.setAttribute("aria-selected", String(chosen));
    row.tabIndex = chosen ? 0 : -1;
  }
  renderExplanation();
  updateButtons();
}

async function readFiles(list: FileList | readonly File[]): Promise<void> {
  performance.clearMarks();
  performance.mark("wubi-wuping:files");
  const added = await Promise.all(Array.from(list, async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  // A file loaded again under the same name replaces the earlier one: it is the corrected copy.
  const names = new Set(added.map((file) => file.name));
  state.files = [...state.files.filter((file) => !names.has(file.name)), ...added];
  await recompute();
}

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function baseName(): string {
  const year = state.session?.year;
  return year === undefined ? "wubi-wuping" : `wubi-wuping-${year}`;
}

async function downloadXlsx(): Promise<void> {
  const session = state.session;
  if (session === undefined) return;
  const bytes = await workbook.writeResults(
    session.bodies.map((b) => b.result),
    // The unit of the page's title (unitOf): typed, else the one every body shares, else none.
    { by: state.by, policy: session.policy, lang: state.lang, unit: unitOf(session) },
  );
  download(`${baseName()}-ranking.xlsx`, bytes as Uint8Array<ArrayBuffer>, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

function setPrintTarget(target: PrintTarget): void {
  document.body.dataset["print"] = target;
  byId<HTMLInputElement>(`print-target-${target}`).checked = true;
}

function updateButtons(): void {
  const session = state.session;
  const none = session === undefined || session.bodies.length === 0;
  byId<HTMLButtonElement>("download-results").disabled = none;
  byId<HTMLButtonElement>("download-csv").disabled = none;
  byId<HTMLButtonElement>("download-xlsx").disabled = none;
  byId<HTMLButtonElement>("print-ranking").disabled = none;
  byId<HTMLButtonElement>("print-explain").disabled = none || state.selected === undefined;
}

function wire(): void {
  const input = byId<HTMLInputElement>("files");
  input.addEventListener("change", () => {
    if (input.files !== null && input.files.length > 0) void readFiles(input.files).then(() => (input.value = ""));
  });
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    document.body.classList.remove("dragging");
    const files = event.dataTransfer?.files;
    if (files !== undefined && files.length > 0) void readFiles(files);
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-lang]")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset["lang"] === "en" ? "en" : "zh";
      applyText();
      void recompute();
    });
  }
  byId<HTMLInputElement>("allow-incomplete").addEventListener("change", (event) => {
    state.allowIncomplete = (event.target as HTMLInputElement).checked;
    void recompute();
  });
  byId<HTMLSelectElement>("grouping").addEventListener("change", (event) => {
    state.by = (event.target as HTMLSelectElement).value === "category" ? "category" : undefined;
    void recompute();
  });
  byId<HTMLInputElement>("unit").addEventListener("input", (event) => {
    state.unit = (event.target as HTMLInputElement).value;
    renderRanking();
  });
  byId("file-list").addEventListener("click", (event) => {
    const button = (event.target as Element).closest("button");
    if (button === null) return;
    if (button.id === "clear-files") {
      state.files = [];
      state.ballotForms.clear();
    } else {
      state.files = state.files.filter((file) => file.name !== button.dataset["remove"]);
      state.ballotForms.delete(button.dataset["remove"] ?? "");
    }
    void recompute();
  });
  // A ballot workbook's form: each change is kept by file name, and the ballots tallied again.
  byId("file-list").addEventListener("change", (event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const block = control.closest<HTMLElement>("[data-ballot-file]");
    const field = control.dataset["field"];
    if (block === null || field === undefined) return;
    const name = block.dataset["ballotFile"] ?? "";
    const layout = state.session?.ballotFiles.find((file) => file.name === name)?.layout;
    const value = control.value.trim();
    const issued = /^[0-9]+$/.test(value) ? Number(value) : undefined;
    const next: BallotForm = { ...state.ballotForms.get(name), layout, [field]: field === "issued" ? issued : value === "" ? undefined : value };
    state.ballotForms.set(name, next);
    void recompute();
  });
  const table = byId("ranking-table");
  table.addEventListener("click", (event) => {
    const row = (event.target as Element).closest<HTMLTableRowElement>("tr[data-participant-id]");
    if (row === null) return;
    row.focus();
    select(row.dataset["participantId"] ?? "");
  });
  table.addEventListener("keydown", (event) => {
    const row = (event.target as Element).closest<HTMLTableRowElement>("tr[data-participant-id]");
    if (row === null) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(row.dataset["participantId"] ?? "");
      return;
    }
    const next = nextRow(row, event.key);
    if (next === undefined) return;
    event.preventDefault();
    row.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  byId("download-results").addEventListener("click", () => {
    const lines = state.session?.bodies.map((b) => JSON.stringify(b.result)) ?? [];
    download(`${baseName()}-results.ndjson`, lines.map((line) => `${line}\n`).join(""), "application/x-ndjson");
  });
  byId("download-csv").addEventListener("click", () => {
    const session = state.session;
    if (session === undefined) return;
    download(`${baseName()}-ranking.csv`, rankingCsv(session.table), "text/csv;charset=utf-8");
  });
  byId("download-xlsx").addEventListener("click", () => void downloadXlsx());
  byId("download-template").addEventListener("click", () => {
    void workbook.writeTemplate().then((bytes) =>
      download(state.lang === "zh" ? "考评记录模板.xlsx" : "wubi-wuping-template.xlsx", bytes as Uint8Array<ArrayBuffer>, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    );
  });
  byId("print-ranking").addEventListener("click", () => {
    setPrintTarget("ranking");
    window.print();
  });
  byId("print-explain").addEventListener("click", () => {
    setPrintTarget("explain");
    window.print();
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>("input[name=print-target]")) {
    radio.addEventListener("change", () => setPrintTarget(radio.value === "explain" ? "explain" : "ranking"));
  }
}

function boot(): void {
  const style = h("style", { id: "page-numbers" });
  document.head.appendChild(style);
  applyText();
  wire();
  render();
}

boot();
