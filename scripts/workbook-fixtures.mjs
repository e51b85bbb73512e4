#!/usr/bin/env node
/**
 * Regenerates the workbook fixtures of test/fixtures/workbook/ from one set of facts:
 *
 *   facts.ndjson       the facts as JSON inputs (SPEC §8), one body per line
 *   sheets.json        the same facts laid out as workbook sheets (cells typed: text, number,
 *                      date, yes/no), with shuffled columns, labels or ids, text or numeric cells,
 *                      date cells or YYYY-MM-DD text, empty rows, a `说明` and a `#` sheet
 *   libreoffice.xlsx   written by LibreOffice Calc (`soffice --headless --convert-to xlsx`) from
 *                      a flat ODS document (libreoffice.fods) generated from sheets.json
 *   openpyxl.xlsx      written by Python's openpyxl (scripts/workbook-fixtures.py) from sheets.json
 *   legacy.xls         the openpyxl workbook saved by LibreOffice in the old binary .xls format
 *
 * Usage: node scripts/workbook-fixtures.mjs   (needs soffice and /usr/bin/python3 with openpyxl)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prng } from "./prng.mjs";

const OUT = new URL("../test/fixtures/workbook/", import.meta.url).pathname;

const random = prng(20221201);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const day = (year, fromMonth, toMonth) => `${year}-${String(int(fromMonth, toMonth)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
const decimal = (max, places) => (Math.floor(random() * max * 10 ** places) / 10 ** places).toFixed(places).replace(/\.?0+$/, "") || "0";

const CATEGORY = { "public-service": "公共服务", "law-enforcement": "行政执法", "comprehensive-management": "综合管理(审批)" };
const COMPONENT = {
  routineInspection: "日常督查",
  specialInspection: "专项督查",
  unannouncedVisit: "随机暗访",
  serviceRecipients: "服务对象代表评价",
  deputies: "“两代表一委员”评价",
  countyCounterparts: "县市区对口部门评价",
};
const MAX = { routineInspection: 25, specialInspection: 5, unannouncedVisit: 10 };
const LEVEL = { municipal: "市委市政府", "provincial-department": "省直单位", provincial: "省部级", national: "党中央国务院" };
const RECIPIENT = { participant: "本人", section: "科室", unit: "单位" };
const GROUND = { "case-filed": "立案查处", "disciplinary-sanction": "党纪政务处分", "media-exposure": "媒体曝光或通报批评", "vote-rigging": "拉票干扰考评", other: "其他" };
const SUBJECT = { participant: "本人", staff: "工作人员" };

/** The facts: eight bodies of 2022, every component present, a few commendations and vetoes. */
function facts() {
  const bodies = [];
  for (let i = 1; i <= 8; i += 1) {
    const category = pick(Object.keys(CATEGORY));
    const participant = { id: String(i).padStart(3, "0"), name: `参评科室${i}`, ...(i % 3 === 0 ? {} : { unit: "市城管执法局" }), category };
    const components = {};
    for (const id of ["routineInspection", "specialInspection", "unannouncedVisit"]) {
      const rounds = [];
      for (let r = 0; r < int(2, 3); r += 1) {
        const outOf = random() < 0.3 ? 100 : undefined;
        rounds.push({
          ...(random() < 0.5 ? { id: `${i}-${r + 1}` } : {}),
          date: day(2022, 1, 12),
          score: decimal(outOf ?? MAX[id], 2),
          ...(outOf === undefined ? {} : { outOf: String(outOf) }),
          ...(random() < 0.3 ? { note: "第 1 轮  全覆盖" } : {}),
        });
      }
      components[id] = { rounds };
    }
    const complaints = [];
    for (let c = 0; c < int(0, 2); c += 1) {
      complaints.push({ id: `TS-${i}-${c}`, date: day(2022, 1, 12), verified: random() < 0.6, ...(random() < 0.4 ? { deduction: "0.5" } : {}) });
    }
    components.complaints = { complaints };
    for (const id of ["serviceRecipients", "deputies", "countyCounterparts"]) {
      components[id] = {
        ballots: { satisfied: int(10, 40), basicallySatisfied: int(0, 10), dissatisfied: int(0, 3), ...(random() < 0.5 ? { unknown: int(0, 4) } : {}) },
        ...(random() < 0.5 ? { date: day(2022, 12, 12) } : {}),
      };
    }
    components.cityLeaders = { scores: [{ score: decimal(10, 1) }, { by: "分管副市长", score: decimal(10, 2), ...(random() < 0.5 ? { date: "2023-01-10" } : {}) }] };
    const input = { year: 2022, participant, components };
    if (i % 2 === 0) {
      const level = pick(Object.keys(LEVEL));
      input.commendations = [
        { id: `B${i}`, matter: "文明城市创建 ", level, recipient: "section", documentNumber: "宣政〔2022〕12号", approved: true, title: "先进集体" },
        { id: `B${i}u`, matter: "节水型城市", level: "municipal", recipient: "unit", documentNumber: " 宣政〔2022〕 7号", approved: i % 4 === 0, awarded: "0.3" },
      ];
    }
    if (i === 5) input.vetoes = [{ id: "V1", ground: "disciplinary-sanction", subject: "staff", date: "2022-08-01", confirmed: false, reference: "宣纪〔2022〕3号" }];
    bodies.push(input);
  }
  return bodies;
}

/** A typed cell: text, a number, a date, a yes/no. */
const s = (v) => ({ t: "s", v });
const n = (v) => ({ t: "n", v: Number(v) });
const d = (v) => ({ t: "d", v });
const b = (v) => ({ t: "b", v });
/** A number as a numeric cell or as text, by chance. */
const num = (v) => (random() < 0.5 ? n(v) : s(String(v)));
/** A date as a date cell or as YYYY-MM-DD text, by chance. */
const date = (v) => (random() < 0.6 ? d(v) : s(v));
/** An enumeration as its label or its id, by chance. */
const label = (labels, id) => (random() < 0.7 ? s(labels[id]) : s(id));
const yesNo = (v) => (random() < 0.5 ? b(v) : s(v ? "是" : "否"));

/** The sheets, columns shuffled, an empty row now and then, some headers with a trailing `*`. */
function sheets(bodies) {
  const table = (name, headers, rows) => {
    const order = headers.map((h, i) => [random(), i]).sort((x, y) => x[0] - y[0]).map(([, i]) => i);
    const shown = order.map((i) => (random() < 0.3 && headers[i].required ? `${headers[i].name}*` : headers[i].name));
    const laid = [];
    for (const row of rows) {
      if (random() < 0.15) laid.push(order.map(() => null));
      laid.push(order.map((i) => row[i] ?? null));
    }
    return { name, headers: shown, rows: laid };
  };
  const h = (name, required = false) => ({ name, required });
  const rows = { 参评对象: [], 督查暗访: [], 投诉: [], 测评: [], 市领导评分: [], 表彰: [], 一票否决: [] };
  for (const x of bodies) {
    const p = x.participant;
    const id = s(p.id);
    rows.参评对象.push([id, s(p.name), p.unit === undefined ? null : s(p.unit), label(CATEGORY, p.category), num(x.year)]);
    for (const c of ["routineInspection", "specialInspection", "unannouncedVisit"]) {
      for (const r of x.components[c].rounds) {
        rows.督查暗访.push([id, label(COMPONENT, c), date(r.date), num(r.score), r.outOf === undefined ? null : num(r.outOf), r.id === undefined ? null : s(r.id), r.note === undefined ? null : s(r.note)]);
      }
    }
    for (const c of x.components.complaints.complaints) {
      rows.投诉.push([id, s(c.id), date(c.date), yesNo(c.verified), c.deduction === undefined ? null : num(c.deduction)]);
    }
    for (const c of ["serviceRecipients", "deputies", "countyCounterparts"]) {
      const v = x.components[c];
      const kind = c === "deputies" && random() < 0.5 ? s("两代表一委员评价") : label(COMPONENT, c);
      rows.测评.push([id, kind, num(v.ballots.satisfied), num(v.ballots.basicallySatisfied), num(v.ballots.dissatisfied), v.ballots.unknown === undefined ? null : num(v.ballots.unknown), v.date === undefined ? null : date(v.date)]);
    }
    for (const v of x.components.cityLeaders.scores) rows.市领导评分.push([id, num(v.score), v.by === undefined ? null : s(v.by), v.date === undefined ? null : date(v.date)]);
    for (const c of x.commendations ?? []) {
      rows.表彰.push([id, s(c.id), s(c.matter), label(LEVEL, c.level), label(RECIPIENT, c.recipient), s(c.documentNumber), yesNo(c.approved), c.title === undefined ? null : s(c.title), null, c.awarded === undefined ? null : num(c.awarded)]);
    }
    for (const v of x.vetoes ?? []) {
      rows.一票否决.push([id, s(v.id), label(GROUND, v.ground), label(SUBJECT, v.subject), date(v.date), yesNo(v.confirmed), v.reference === undefined ? null : s(v.reference), null]);
    }
  }
  return [
    { name: "说明", headers: ["本工作簿由 scripts/workbook-fixtures.mjs 生成"], rows: [] },
    table("参评对象", [h("编号", true), h("名称", true), h("单位"), h("类别", true), h("考评年度", true)], rows.参评对象),
    table("督查暗访", [h("编号", true), h("考评项目", true), h("日期", true), h("得分", true), h("满分"), h("轮次编号"), h("备注")], rows.督查暗访),
    table("投诉", [h("编号", true), h("投诉编号", true), h("受理日期", true), h("是否查实", true), h("扣分")], rows.投诉),
    table("测评", [h("编号", true), h("考评项目", true), h("满意", true), h("基本满意", true), h("不满意", true), h("不了解"), h("测评日期")], rows.测评),
    table("市领导评分", [h("编号", true), h("得分", true), h("评分人"), h("日期")], rows.市领导评分),
    table("表彰", [h("编号", true), h("表彰编号", true), h("事项", true), h("层级", true), h("对象", true), h("文号", true), h("已审核", true), h("表彰名称"), h("发文机关"), h("加分")], rows.表彰),
    table("一票否决", [h("编号", true), h("否决编号", true), h("情形", true), h("涉及", true), h("日期", true), h("已认定", true), h("依据"), h("原因")], rows.一票否决),
    { name: "#草稿", headers: ["随手记"], rows: [[s("不读取")]] },
  ];
}

const xml = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A flat ODS document of the sheets: typed cells, date cells with a date style. */
function fods(book) {
  const cell = (c) => {
    if (c === null) return "<table:table-cell/>";
    switch (c.t) {
      case "s":
        return `<table:table-cell office:value-type="string"><text:p>${xml(c.v).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p></table:table-cell>`;
      case "n":
        return `<table:table-cell office:value-type="float" office:value="${c.v}"><text:p>${c.v}</text:p></table:table-cell>`;
      case "d":
        return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${c.v}"><text:p>${c.v}</text:p></table:table-cell>`;
      case "b":
        return `<table:table-cell table:style-name="bool" office:value-type="boolean" office:boolean-value="${c.v}"><text:p>${c.v ? "TRUE" : "FALSE"}</text:p></table:table-cell>`;
    }
    throw new Error(`cell type ${c.t}`);
  };
  const tables = book
    .map((sheet) => {
      const header = `<table:table-row>${sheet.headers.map((text) => cell(s(text))).join("")}</table:table-row>`;
      const body = sheet.rows.map((row) => `<table:table-row>${row.map(cell).join("")}</table:table-row>`).join("\n");
      return `<table:table table:name="${xml(sheet.name)}">\n${header}\n${body}\n</table:table>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ymd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="ymd"/>
<number:boolean-style style:name="yesno"><number:boolean/></number:boolean-style>
<style:style style:name="bool" style:family="table-cell" style:data-style-name="yesno"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

const bodies = facts();
const book = sheets(bodies);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "facts.ndjson"), `${bodies.map((x) => JSON.stringify(x)).join("\n")}\n`);
writeFileSync(join(OUT, "sheets.json"), `${JSON.stringify(book, null, 1)}\n`);
writeFileSync(join(OUT, "libreoffice.fods"), fods(book));
const profile = mkdtempSync(join(tmpdir(), "wubi-lo-"));
try {
  const office = (...args) => execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { stdio: "inherit", timeout: 120_000 });
  office("--convert-to", "xlsx", "--outdir", OUT, join(OUT, "libreoffice.fods"));
  execFileSync("/usr/bin/python3", [new URL("workbook-fixtures.py", import.meta.url).pathname, join(OUT, "sheets.json"), join(OUT, "openpyxl.xlsx")], { stdio: "inherit" });
  const xls = mkdtempSync(join(tmpdir(), "wubi-xls-"));
  office("--convert-to", "xls", "--outdir", xls, join(OUT, "openpyxl.xlsx"));
  writeFileSync(join(OUT, "legacy.xls"), readFileSync(join(xls, "openpyxl.xls")));
  rmSync(xls, { recursive: true, force: true });
} finally {
  rmSync(profile, { recursive: true, force: true });
}
console.log(`wrote ${OUT}: facts.ndjson, sheets.json, libreoffice.fods, libreoffice.xlsx, openpyxl.xlsx, legacy.xls`);
