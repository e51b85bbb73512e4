/**
 * The worked examples of `examples/2022/`: the seven bodies of 附件1 with their real names and
 * categories, every rule exercised somewhere, and the committed results checked by `verify`.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score, type ScoreResult } from "../src/index.js";
import { BUILT, cli, spawnCli } from "./cli/run.js";

/** 附件1, in its order: id, name, unit, category (SPEC §3). */
const ROSTER = [
  ["cgjdk", "城管监督科", "市城管执法局", "comprehensive-management"],
  ["csglk", "城市管理科(行政审批科)", "市城管执法局", "comprehensive-management"],
  ["zfzd", "市城市管理综合执法支队", "所属事业单位", "law-enforcement"],
  ["jdzhzx", "市城市管理监督指挥中心", "所属事业单位", "comprehensive-management"],
  ["yllhc", "市园林绿化管理处", "所属事业单位", "comprehensive-management"],
  ["hjwsc", "市环境卫生管理处", "所属事业单位", "comprehensive-management"],
  ["gysyc", "市公用事业和市政管理处(市创建节水型城市办公室)", "所属事业单位", "comprehensive-management"],
] as const;

const inputPath = (id: string): string => `examples/2022/${id}.json`;
const expectedPath = (id: string): string => `examples/2022/expected/${id}.json`;
const results = new Map<string, ScoreResult>(ROSTER.map(([id]) => [id, score(JSON.parse(readFileSync(inputPath(id), "utf8")))]));
const all = [...results.values()];

describe("the 2022 examples", () => {
  it("cover exactly the seven bodies of 附件1 with their real names, units and categories", () => {
    expect(readdirSync("examples/2022").filter((f) => f.endsWith(".json")).sort()).toEqual(ROSTER.map(([id]) => `${id}.json`).sort());
    for (const [id, name, unit, category] of ROSTER) {
      expect(results.get(id)?.participant).toEqual({ id, name, unit, category });
      expect(results.get(id)?.year).toBe(2022);
    }
  });

  it("are complete years: every result is final", () => {
    for (const r of all) expect(r.status, r.participant.id).toBe("final");
  });

  it("include a non-standard document number, a same-matter commendation at two levels and a unit commendation", () => {
    expect(all.some((r) => r.findings.some((f) => f.code === "nonstandard-document-number"))).toBe(true);
    expect(all.some((r) => r.bonus.excluded.some((e) => e.reason === "superseded"))).toBe(true);
    expect(all.some((r) => r.bonus.counted.some((c) => c.recipient === "unit"))).toBe(true);
  });

  it("include an out-of-window record, a too-few-rounds case and a vetoed body", () => {
    expect(all.some((r) => r.findings.some((f) => f.code === "outside-window"))).toBe(true);
    expect(all.some((r) => r.findings.some((f) => f.code === "too-few-rounds"))).toBe(true);
    const vetoed = all.filter((r) => r.vetoed);
    expect(vetoed.map((r) => r.participant.id)).toEqual(["gysyc"]);
    expect(vetoed[0]?.tier).toBe("incompetent");
  });

  it("also show every other reason a commendation or a veto does not count", () => {
    const reasons = new Set(all.flatMap((r) => r.bonus.excluded.map((e) => e.reason)));
    expect([...reasons].sort()).toEqual(["invalid-document-number", "not-approved", "superseded", "wrong-year"]);
    const statuses = new Set(all.flatMap((r) => r.vetoes.map((v) => v.status)));
    expect([...statuses].sort()).toEqual(["counted", "outside-period", "pending"]);
  });
});

describe("the committed expected results", () => {
  it("each pass verify", async () => {
    for (const [id] of ROSTER) {
      const run = await cli(["verify", inputPath(id), expectedPath(id)]);
      expect(run.code, `${id}: ${run.out}`).toBe(0);
    }
  });

  it("are byte for byte what score --json prints", async () => {
    for (const [id] of ROSTER) {
      const run = await cli(["score", inputPath(id), "--json"]);
      expect(`${run.out}\n`, id).toBe(readFileSync(expectedPath(id), "utf8"));
    }
  });

  it("fail verify when any one number in them is edited", async () => {
    const text = readFileSync(expectedPath("zfzd"), "utf8");
    const numbers = [...text.matchAll(/"([0-9]+\.[0-9]{2})"/g)];
    expect(numbers.length).toBeGreaterThanOrEqual(20);
    const dir = mkdtempSync(join(tmpdir(), "wubi-examples-"));
    // Bump each fixed-point number in turn by 0.01 and check verify catches it.
    for (const match of numbers) {
      const at = match.index;
      const bumped = (Number(match[1]) + 0.01).toFixed(2);
      const edited = `${text.slice(0, at)}"${bumped}"${text.slice(at + match[0].length)}`;
      const path = join(dir, "edited.json");
      writeFileSync(path, edited);
      const run = await cli(["verify", inputPath("zfzd"), path, "--lang", "en"]);
      expect(run.code, `${match[1]} at ${at}`).toBe(1);
      expect(run.out).toContain(`file has "${bumped}"`);
    }
  });
});

describe.skipIf(!BUILT)("the examples with the built executable", () => {
  it("score and verify from the command line", () => {
    const scored = spawnCli(["score", inputPath("gysyc")]);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toContain("等次：不称职（一票否决：fj-01，附件2-四）");
    const verified = spawnCli(["verify", inputPath("gysyc"), expectedPath("gysyc"), "--lang", "en"]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^identical: /);
  });
});
