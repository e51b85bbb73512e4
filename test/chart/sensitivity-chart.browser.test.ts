/**
 * The sensitivity chart as a person sees it: laid out by a real browser (headless Chromium), every
 * label inside the picture and no two labels on top of each other — in Chinese and in English,
 * with long names, tiers and an unranked body.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { definePolicy } from "../../src/index.js";
import { sensitivity } from "../../src/sensitivity.js";
import { sensitivityChart } from "../../src/chart/index.js";
import { withComponents } from "../support/inputs.js";
import { onPath } from "../support/programs.js";

const CHROMIUM = process.env["CHROMIUM"] ?? onPath("chromium") ?? "chromium";
const dir = mkdtempSync(join(tmpdir(), "wubi-chart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Box {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The bounding box of every `<text>` of the SVG, as Chromium lays it out. */
async function layout(svg: string): Promise<{ width: number; height: number; boxes: Box[] }> {
  const page = join(dir, `chart-${Math.random().toString(36).slice(2)}.html`);
  const script = `const s = document.querySelector("svg");
    const boxes = [...document.querySelectorAll("text")].map((t) => { const b = t.getBBox(); return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height }; });
    document.body.setAttribute("data-layout", JSON.stringify({ width: s.width.baseVal.value, height: s.height.baseVal.value, boxes }));`;
  writeFileSync(page, `<!doctype html><meta charset="utf-8"><body style="margin:0">${svg}<script>${script}</script></body>`);
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`, "--dump-dom", `file://${page}`];
  const { stdout } = await promisify(execFile)(CHROMIUM, args, { maxBuffer: 16 * 1024 * 1024 });
  const attribute = /data-layout="([^"]*)"/.exec(stdout)?.[1] ?? "";
  return JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")) as { width: number; height: number; boxes: Box[] };
}

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

const bodies = [
  ["a", "市公用事业和市政管理处(市创建节水型城市办公室)", 30, "public-service"],
  ["b", "城市管理科(行政审批科)", 12, "comprehensive-management"],
  ["c", "市城市管理综合执法支队", 20, "law-enforcement"],
  ["d", "Office of the city's very long department name", 25, "comprehensive-management"],
] as const;
const inputs = [
  ...bodies.map(([id, name, satisfied, category]) =>
    withComponents({ serviceRecipients: { ballots: { satisfied, basicallySatisfied: 40 - satisfied, dissatisfied: 3 } } }, { participant: { id, name, category } }),
  ),
  withComponents({}, { participant: { id: "v", name: "被否决的单位", category: "law-enforcement" }, vetoes: [{ id: "x", ground: "case-filed", subject: "participant", date: "2022-05-01", confirmed: true }] }),
];
const policy = definePolicy({ id: "tiers", excellentQuota: "0.4", tiers: [{ tier: "excellent", min: 93 }, { tier: "competent", min: 80 }] });

describe("the sensitivity chart in a real browser", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`keeps every label inside the picture and apart from the others (${lang})`, async () => {
      const { width, height, boxes } = await layout(sensitivityChart(sensitivity(inputs, { policy, samples: 50 }), { lang }));
      expect(boxes.length).toBeGreaterThan(20);
      for (const b of boxes) {
        expect({ text: b.text, inside: b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height }).toEqual({ text: b.text, inside: true });
      }
      const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} × ${b.text}`));
      expect(clashes).toEqual([]);
    });
  }
});
