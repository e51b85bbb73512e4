/**
 * A seeded generator of synthetic rosters, for examples and load tests: the same seed always gives
 * the same roster. The bodies are fictional (`unit` says so); the 7 real bodies of `附件1` are in
 * `examples/roster/xuancheng-2022.json`.
 */
import type { Category } from "../src/model/participant.js";
import type { RosterEntry } from "../src/model/roster.js";
import { prng } from "../src/core/prng.js";


const PLACES = ["宣州", "郎溪", "广德", "宁国", "泾县", "绩溪", "旌德", "经开", "城南", "城北"] as const;

/** Kinds of body and the category each falls under. */
const KINDS: readonly (readonly [string, Category])[] = [
  ["城管监督科", "comprehensive-management"],
  ["市政设施管理科", "comprehensive-management"],
  ["行政审批科", "comprehensive-management"],
  ["园林绿化管理所", "comprehensive-management"],
  ["城市管理执法大队", "law-enforcement"],
  ["市容秩序执法中队", "law-enforcement"],
  ["渣土运输执法中队", "law-enforcement"],
  ["环境卫生服务中心", "public-service"],
  ["数字城管服务中心", "public-service"],
  ["公用事业服务站", "public-service"],
];

/**
 * `count` (at most 100) fictional bodies: distinct place × kind names, ids `g001`…, about one in
 * seven eligible only from 2023 and one in ten only from 2024 (`since`).
 *
 * @param count - How many bodies, 1..100.
 * @param seed - The PRNG seed.
 * @returns Roster entries, in id order.
 * @example
 * ```ts
 * generateRoster(100, 20220811).length; //=> 100
 * ```
 */
export function generateRoster(count = 100, seed = 20220811): RosterEntry[] {
  const random = prng(seed);
  const combos = PLACES.flatMap((place) => KINDS.map(([kind, category]) => ({ place, kind, category })));
  for (let i = combos.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [combos[i], combos[j]] = [combos[j] as (typeof combos)[number], combos[i] as (typeof combos)[number]];
  }
  return combos.slice(0, count).map(({ place, kind, category }, i) => {
    const roll = random();
    const since = roll < 0.1 ? 2024 : roll < 0.24 ? 2023 : undefined;
    const entry: RosterEntry = {
      id: `g${String(i + 1).padStart(3, "0")}`,
      name: `${place}${kind}`,
      unit: `${place}城市管理局（示例）`,
      category,
    };
    return since === undefined ? entry : { ...entry, since };
  });
}

/** The roster as JSON text: one entry per line, so a diff shows which body changed. */
export function rosterJson(roster: readonly RosterEntry[]): string {
  return `[\n${roster.map((entry) => `  ${JSON.stringify(entry)}`).join(",\n")}\n]\n`;
}
