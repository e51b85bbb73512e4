// `npm run bench` (second part): importing a workbook of 1,000 bodies (about 40,000 rows) with
// readWorkbook, side by side with ExcelJS's own bare read of the same bytes (the floor: unzip and
// parse every sheet). Target: readWorkbook ≤ 3 × the bare read. Runs on the built dist/.
import ExcelJS from "exceljs";
import { cpus } from "node:os";
import { readWorkbook } from "@wubi-wuping/workbook";
import { prng } from "../scripts/prng.mjs";

const BODIES = 1_000;
const RUNS = 5;


async function workbookOf(bodies) {
  const random = prng(11);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const day = (m) => new Date(Date.UTC(2022, m - 1, int(1, 28)));
  const wb = new ExcelJS.Workbook();
  const sheet = (name, headers) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers);
    return ws;
  };
  const bodySheet = sheet("参评对象", ["编号", "名称", "单位", "类别", "考评年度"]);
  const rounds = sheet("督查暗访", ["编号", "考评项目", "日期", "得分", "满分", "轮次编号", "备注"]);
  const complaints = sheet("投诉", ["编号", "投诉编号", "受理日期", "是否查实", "扣分"]);
  const surveys = sheet("测评", ["编号", "考评项目", "满意", "基本满意", "不满意", "不了解", "测评日期"]);
  const leaders = sheet("市领导评分", ["编号", "得分", "评分人", "日期"]);
  const commendations = sheet("表彰", ["编号", "表彰编号", "事项", "层级", "对象", "文号", "已审核", "表彰名称", "发文机关", "加分"]);
  for (let i = 0; i < bodies; i += 1) {
    const id = `b${String(i).padStart(4, "0")}`;
    bodySheet.addRow([id, `参评科室${i}`, "市城管执法局", "综合管理(审批)", 2022]);
    for (const [component, max] of [["日常督查", 25], ["专项督查", 5], ["随机暗访", 10]]) {
      for (let r = 0; r < 8; r += 1) rounds.addRow([id, component, day(int(1, 12)), Math.round(random() * max * 100) / 100, null, `${r}`, r === 0 ? "全覆盖" : null]);
    }
    for (let c = 0; c < 5; c += 1) complaints.addRow([id, `c${c}`, day(int(1, 12)), random() < 0.5 ? "是" : "否", random() < 0.3 ? 0.5 : null]);
    for (const component of ["服务对象代表评价", "“两代表一委员”评价", "县市区对口部门评价"]) surveys.addRow([id, component, int(10, 40), int(0, 10), int(0, 3), null, null]);
    for (let s = 0; s < 3; s += 1) leaders.addRow([id, Math.round(random() * 1000) / 100, "分管副市长", null]);
    commendations.addRow([id, "k1", "文明城市创建", "省部级", "科室", "宣政〔2022〕12号", "是", null, null, null]);
  }
  const rows = wb.worksheets.reduce((n, ws) => n + ws.rowCount - 1, 0);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), rows };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function time(task) {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const { bytes, rows } = await workbookOf(BODIES);
console.log("");
console.log(`workbook import: ${BODIES} bodies, ${rows.toLocaleString("en-US")} rows, ${(bytes.length / 1024).toFixed(0)} KiB .xlsx; Node ${process.version}, ${cpus().length} CPUs; median of ${RUNS} interleaved rounds`);
const check = await readWorkbook(bytes);
if (!check.success || check.inputs.length !== BODIES) throw new Error(`the bench workbook did not import: ${JSON.stringify(check.success ? check.inputs.length : check.issues.slice(0, 3))}`);
const bare = [];
const ours = [];
for (let run = 0; run < RUNS; run += 1) {
  bare.push(await time(() => new ExcelJS.Workbook().xlsx.load(bytes)));
  ours.push(await time(() => readWorkbook(bytes)));
}
const ratio = median(ours) / median(bare);
console.log(`  ExcelJS bare read (xlsx.load)       ${median(bare).toFixed(0).padStart(6)} ms`);
console.log(`  readWorkbook (checks, cells, §8)    ${median(ours).toFixed(0).padStart(6)} ms`);
console.log(`  ratio ${ratio.toFixed(2)}  (target ≤ 3.00: ${ratio <= 3 ? "met" : "NOT met"})`);
