/**
 * Seeded, realistic participant-years for the benchmark: every component, 2–4 rounds per
 * inspection component, 0–5 complaints, three surveys, 1–2 leader scores, 0–4 commendations
 * (some of one matter, some excluded), a few records outside their window, rarely a veto.
 * The same seed always gives the same inputs, so figures are comparable between runs.
 */
import type { ScoreInputJson } from "../src/index.js";
import { prng } from "../src/core/prng.js";


const NAMES = ["城管监督科", "城市管理科(行政审批科)", "市城市管理综合执法支队", "市城市管理监督指挥中心", "市园林绿化管理处", "市环境卫生管理处", "市公用事业和市政管理处"];
const CATEGORIES = ["public-service", "law-enforcement", "comprehensive-management"] as const;
const LEVELS = ["municipal", "provincial-department", "provincial", "national"] as const;
const MATTERS = ["城市管理工作先进集体", "数字城管案件办理", "文明城市创建", "垃圾分类示范", "优化营商环境", "安全生产先进单位"];
const ISSUERS = ["宣政", "宣政办", "皖建城", "皖政", "国发"];
const NOTES = ["全覆盖日常督查", "专项督查", "模拟办事", "突击查岗", "电话咨询"];

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** One participant-year, as a caller would write it: a mix of number and string values. */
export function generateInput(random: () => number, index: number): ScoreInputJson {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const year = int(2022, 2024);
  const day = (y: number, m: number): string => `${y}-${pad(m)}-${pad(int(1, 28))}`;
  // A decimal with up to two places, written as a JSON number or a string, at most `max`.
  const num = (lo: number, max: number): number | string => {
    const hundredths = int(Math.round(lo * 100), max * 100);
    const value = hundredths % 10 === 0 ? hundredths / 100 : Number((hundredths / 100).toFixed(2));
    return random() < 0.5 ? value : String(value);
  };
  const rounds = (prefix: string, max: number) => {
    const n = int(2, 4);
    const list = [];
    for (let i = 0; i < n; i += 1) {
      const outside = i === n - 1 && n > 2 && random() < 0.05; // a round of last December, excluded
      const outOf = random() < 0.1 ? max * 2 : undefined;
      list.push({
        id: `${prefix}-${year}-${i + 1}`,
        date: outside ? day(year - 1, 12) : day(year, int(1, 12)),
        score: num((outOf ?? max) * 0.8, outOf ?? max),
        ...(outOf === undefined ? {} : { outOf }),
        ...(random() < 0.5 ? { note: pick(NOTES) } : {}),
      });
    }
    return { rounds: list };
  };
  const complaints = [];
  for (let i = 0, n = int(0, 5); i < n; i += 1) {
    const verified = random() < 0.6;
    complaints.push({
      id: `12345-${year}-${pad(int(1, 12))}${pad(i)}`,
      date: random() < 0.05 ? day(year + 1, 1) : day(year, int(1, 12)),
      verified,
      ...(verified && random() < 0.5 ? { deduction: pick(["0.5", 0.5, "1", 2, "0.25"]) } : {}),
    });
  }
  const survey = (size: number) => {
    const unknown = int(0, 3);
    return {
      ballots: { satisfied: int(size * 0.6, size), basicallySatisfied: int(0, size * 0.3), dissatisfied: int(0, 2), ...(unknown > 0 ? { unknown } : {}) },
      date: random() < 0.5 ? day(year, 12) : day(year + 1, int(1, 2)),
    };
  };
  const scores = [{ by: "分管副市长", score: num(8, 10), date: day(year + 1, int(1, 2)) }];
  if (random() < 0.3) scores.push({ by: "联系市领导", score: num(8, 10), date: day(year + 1, 1) });
  const commendations = [];
  for (let i = 0, n = int(0, 4); i < n; i += 1) {
    const level = pick(LEVELS);
    const unit = random() < 0.15;
    const docYear = random() < 0.1 ? year - 1 : year;
    commendations.push({
      id: `bz-${pad(i + 1)}`,
      matter: `${docYear} 年度${pick(MATTERS)}`,
      level,
      recipient: unit ? ("unit" as const) : pick(["participant", "section"] as const),
      documentNumber: random() < 0.2 ? `${pick(ISSUERS)}[${docYear}]第0${int(1, 99)}号` : `${pick(ISSUERS)}〔${docYear}〕${int(1, 200)}号`,
      approved: random() < 0.9,
      ...(random() < 0.3 ? { issuer: "安徽省住房和城乡建设厅" } : {}),
      ...(unit ? { awarded: "0.5" } : {}),
    });
  }
  const vetoes = [];
  if (random() < 0.01) {
    vetoes.push({
      id: `fj-${year}-1`,
      ground: pick(["case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging"] as const),
      subject: pick(["participant", "staff"] as const),
      date: day(year, int(1, 12)),
      confirmed: random() < 0.5,
    });
  }
  const name = pick(NAMES);
  return {
    year,
    participant: { id: `p-${index}`, name, unit: "市城管执法局", category: pick(CATEGORIES) },
    components: {
      routineInspection: rounds("rc", 25),
      specialInspection: rounds("zx", 5),
      unannouncedVisit: rounds("af", 10),
      complaints: { complaints },
      serviceRecipients: survey(50),
      deputies: survey(20),
      countyCounterparts: survey(10),
      cityLeaders: { scores },
    },
    commendations,
    vetoes,
  };
}

/** `count` participant-years as the lines of an NDJSON text (one compact JSON object each). */
export function generateLines(count: number, seed = 20221231): string[] {
  const random = prng(seed);
  const lines = new Array<string>(count);
  for (let i = 0; i < count; i += 1) lines[i] = JSON.stringify(generateInput(random, i));
  return lines;
}

/** `count` participant-years as NDJSON text. */
export function generateNdjson(count: number, seed = 20221231): string {
  return `${generateLines(count, seed).join("\n")}\n`;
}
