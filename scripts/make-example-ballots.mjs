#!/usr/bin/env node
/**
 * Writes the example ballot boxes of `examples/ballots/2022/` (docs/ballots.md): for the bodies of
 * `examples/2022/inputs.ndjson`, one box per survey component and survey date, whose tally gives
 * exactly each body's survey counts and date in those inputs. A box has as many ballots as its
 * largest total plus one, so every body has some ballots that do not count for it: blank (no key,
 * or `""`) and, where a body has two or more, one invalid double tick. The marks are shuffled with
 * a seeded generator (scripts/prng.mjs), so the same inputs give the same files.
 *
 * Each box comes with `<box>.participants.json`, the roster of the bodies it surveyed (a box's
 * participants are exactly those: a body left out of a survey is not in its box). The
 * `serviceRecipients` boxes are written as NDJSON (the box without `ballots` on line 1, then one
 * ballot a line), `countyCounterparts` as JSON, and `deputies` as a workbook in the native layout
 * (the sheet 测评票) with fixed zip times, so every output is the same bytes on every run.
 *
 * Run: `node scripts/make-example-ballots.mjs` (no build needed). The test
 * `test/cli/tally-examples.test.ts` tallies, merges and scores them with the real CLI.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { prng } from "./prng.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = `${root}examples/ballots/2022/`;
const SURVEYS = ["serviceRecipients", "deputies", "countyCounterparts"];
const MARKS = [
  ["satisfied", "满意"],
  ["basicallySatisfied", "基本满意"],
  ["dissatisfied", "不满意"],
  ["unknown", "不了解"],
];
const LABELS = { serviceRecipients: "服务对象代表评价", deputies: "“两代表一委员”评价", countyCounterparts: "县市区对口部门评价" };

const inputs = readFileSync(`${root}examples/2022/inputs.ndjson`, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));

/** A seed from a text (FNV-1a), so each box shuffles on its own. */
function seedOf(text) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(text, "utf8")) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h;
}

/** Fisher–Yates with the seeded generator. */
function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The boxes: one per survey component and date, each with the bodies surveyed that day. */
const boxes = [];
for (const component of SURVEYS) {
  const byDate = new Map();
  for (const input of inputs) {
    const survey = input.components[component];
    if (survey === undefined) continue;
    if (!byDate.has(survey.date)) byDate.set(survey.date, []);
    byDate.get(survey.date).push(input);
  }
  for (const [date, bodies] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) boxes.push({ component, date, bodies });
}

/** One box's ballots: each body's marks, shuffled into the box's ballots. */
function ballotsOf({ component, date, bodies }) {
  const totals = bodies.map((input) => MARKS.reduce((sum, [key]) => sum + (input.components[component].ballots[key] ?? 0), 0));
  const size = Math.max(...totals) + 1;
  const next = prng(seedOf(`${component} ${date}`));
  const columns = bodies.map((input, b) => {
    const counts = input.components[component].ballots;
    const slots = [];
    for (const [key, label] of MARKS) for (let n = 0; n < (counts[key] ?? 0); n += 1) slots.push(label);
    const fillers = size - (totals[b] ?? 0);
    for (let n = 0; n < fillers; n += 1) slots.push(n === 0 && fillers >= 2 ? ["满意", "不满意"] : n % 3 === 2 ? "" : null);
    return shuffle(slots, next);
  });
  return Array.from({ length: size }, (_, i) => {
    const marks = {};
    bodies.forEach((input, b) => {
      const mark = columns[b][i];
      if (mark !== null) marks[input.participant.id] = mark;
    });
    return { id: String(i + 1).padStart(4, "0"), seconds: 40 + Math.floor(next() * 260), marks };
  });
}

/** The DOS time and date words of an instant (UTC). */
function dosTime(time) {
  return {
    time: (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | Math.floor(time.getUTCSeconds() / 2),
    date: ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate(),
  };
}

/** The zip with every entry's time set to `time` (ExcelJS stamps the clock's). */
function withZipTimes(bytes, time) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const { time: t, date: d } = dosTime(time);
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n -= 1) {
    view.setUint16(at + 12, t, true);
    view.setUint16(at + 14, d, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, t, true);
    view.setUint16(local + 12, d, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

/** The box as a workbook in the native layout: 测评票, one row per ballot, one column per body. */
async function workbookOf(box, ballots) {
  const instant = new Date(`${box.date}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = "wubi-wuping examples";
  wb.created = instant;
  wb.modified = instant;
  const ws = wb.addWorksheet("测评票");
  ws.addRow(["票号*", "考评项目*", "测评日期*", "评价人类别", "评价人标识", "用时（秒）", ...box.bodies.map((input) => input.participant.name)]);
  for (const ballot of ballots) {
    const cells = box.bodies.map((input) => {
      const mark = ballot.marks[input.participant.id];
      return Array.isArray(mark) ? mark.join("┋") : (mark ?? null);
    });
    ws.addRow([ballot.id, LABELS[box.component], box.date, null, null, ballot.seconds, ...cells]);
  }
  return withZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), instant);
}

mkdirSync(out, { recursive: true });
const commands = [];
for (const box of boxes) {
  const name = `${box.component}-${box.date}`;
  const ballots = ballotsOf(box);
  const size = ballots.length;
  const header = { year: 2022, component: box.component, date: box.date, issued: size + 3 };
  const roster = box.bodies.map((input) => ({ id: input.participant.id, name: input.participant.name, category: input.participant.category }));
  writeFileSync(`${out}${name}.participants.json`, `${JSON.stringify(roster, null, 2)}\n`);
  let file;
  if (box.component === "serviceRecipients") {
    file = `${name}.ndjson`;
    writeFileSync(`${out}${file}`, `${[header, ...ballots].map((line) => JSON.stringify(line)).join("\n")}\n`);
  } else if (box.component === "countyCounterparts") {
    file = `${name}.json`;
    writeFileSync(`${out}${file}`, `${JSON.stringify({ ...header, ballots }, null, 1)}\n`);
  } else {
    file = `${name}.xlsx`;
    writeFileSync(`${out}${file}`, await workbookOf(box, ballots));
  }
  // A workbook has no cell for the ballots issued: the command line gives it (--issued).
  const issued = file.endsWith(".xlsx") ? ` --issued ${header.issued}` : "";
  commands.push({ file, size, bodies: box.bodies.length, line: `wubi-wuping tally examples/ballots/2022/${file} --participants examples/ballots/2022/${name}.participants.json${issued}` });
  console.log(`examples/ballots/2022/${file}: ${size} ballots, ${box.bodies.length} bodies`);
}

const readme = [
  "# Example ballot boxes, 2022 / 2022 年示例测评票",
  "",
  "Written by `node scripts/make-example-ballots.mjs` from `examples/2022/inputs.ndjson` (do not edit by hand):",
  "one box per survey and survey date, each with the roster of the bodies it surveyed (`*.participants.json`).",
  "Tallied, merged into the inputs and scored, they give exactly `examples/2022/expected/` (docs/ballots.md).",
  "由脚本根据 `examples/2022/inputs.ndjson` 生成（请勿手改）：每个考评项目、每个测评日期一个票箱，附该次测评的参评对象名单。",
  "清点后合并到输入再计分，结果与 `examples/2022/expected/` 完全一致（见 docs/zh-CN/测评票.md）。",
  "",
  "| box / 票箱 | ballots / 票数 | bodies / 参评对象 |",
  "|---|---|---|",
  ...commands.map((c) => `| \`${c.file}\` | ${c.size} | ${c.bodies} |`),
  "",
  "```sh",
  ...commands.map((c) => c.line),
  "```",
  "",
  "Merged / 合并：add `--merge examples/2022/inputs.ndjson` (equal counts are accepted) or chain the boxes through a copy of the inputs without its survey components.",
  "",
];
writeFileSync(`${out}README.md`, readme.join("\n"));
