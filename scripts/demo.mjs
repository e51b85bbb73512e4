#!/usr/bin/env node
/**
 * `npm run demo`: scores the seven bodies of 附件1 for 2022 with the built CLI, prints each
 * explanation, then a summary of their totals. Run after `npm run build` (the npm script does).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = fileURLToPath(new URL("../examples/2022/", import.meta.url));
// The roster order of 附件1.
const ids = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];
const lang = process.argv.includes("--en") ? "en" : "zh";

const rows = [];
for (const id of ids) {
  const file = `${dir}${id}.json`;
  const rule = "=".repeat(100);
  console.log(`${rule}\n$ wubi-wuping score examples/2022/${id}.json${lang === "en" ? " --lang en" : ""}\n${rule}`);
  const shown = spawnSync(process.execPath, [cli, "score", file, "--lang", lang], { stdio: "inherit" });
  if (shown.status !== 0) process.exit(shown.status ?? 1);
  const json = spawnSync(process.execPath, [cli, "score", file, "--json"], { encoding: "utf8" });
  const result = JSON.parse(json.stdout);
  rows.push(result);
  console.log();
}

const tierName = (r) => (r.tier === "incompetent" ? (lang === "en" ? "incompetent (veto)" : "不称职（一票否决）") : r.tier ?? "—");
console.log(lang === "en" ? "Summary, 2022 (policy xuancheng-2022)" : "2022 年度汇总（政策 xuancheng-2022）");
const head = lang === "en" ? ["id", "daily", "compr.", "base", "bonus", "total", "tier", "name"] : ["id", "日常考评", "综合评价", "基础分", "加分", "总分", "等次", "名称"];
console.log(head.join("\t"));
for (const r of rows) {
  console.log([r.participant.id, r.daily, r.comprehensive, r.base, r.bonus.points, r.total, tierName(r), r.participant.name].join("\t"));
}
