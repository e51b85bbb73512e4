/**
 * Issue #22's "done when": `wubi-wuping tally` of the example ballots (examples/ballots/2022/, made
 * by scripts/make-example-ballots.mjs), merged into the example inputs and scored, gives exactly
 * the examples' expected results (examples/2022/expected/), byte for byte — through the CLI, from
 * inputs whose survey counts were removed, and into the inputs as they are (equal counts accepted).
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILT, cli, spawnCli, tempFiles } from "./run.js";

const DIR = "examples/ballots/2022";
const SURVEYS = ["serviceRecipients", "deputies", "countyCounterparts"] as const;
const file = tempFiles("wubi-tally-examples-");

/** Every example box (its file) with its participants' roster, in name order. */
const BOXES = readdirSync(DIR)
  .filter((name) => /\.(ndjson|json|xlsx)$/.test(name) && !name.endsWith(".participants.json"))
  .sort()
  .map((name) => ({ box: `${DIR}/${name}`, participants: `${DIR}/${name.replace(/\.(ndjson|json|xlsx)$/, "")}.participants.json` }));

const INPUTS = readFileSync("examples/2022/inputs.ndjson", "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { participant: { id: string }; components: Record<string, { ballots: Record<string, number>; date: string } | undefined> });

/** The expected result of each body, as `score --json` wrote it. */
const expected = (id: string): string => readFileSync(`examples/2022/expected/${id}.json`, "utf8").trim();

/** Runs every box through `tally --merge`, each into the inputs the previous one wrote. */
async function mergeAll(start: string): Promise<string> {
  let current = start;
  for (const [i, { box, participants }] of BOXES.entries()) {
    const run = await cli(["tally", box, "--participants", participants, "--merge", current]);
    expect(run.err, box).toBe("");
    expect(run.code, box).toBe(0);
    current = file(`${start.split("/").pop() ?? "inputs"}-${i}.ndjson`, `${run.out}\n`);
  }
  return current;
}

describe("the example ballots", () => {
  it("are one box per survey and date, covering every body's three surveys once", async () => {
    expect(BOXES.map((b) => b.box.split("/").pop())).toEqual([
      "countyCounterparts-2023-01-12.json",
      "countyCounterparts-2023-01-13.json",
      "deputies-2023-01-10.xlsx",
      "serviceRecipients-2022-12-16.ndjson",
      "serviceRecipients-2022-12-19.ndjson",
      "serviceRecipients-2022-12-20.ndjson",
      "serviceRecipients-2022-12-21.ndjson",
      "serviceRecipients-2022-12-22.ndjson",
    ]);
    const seen: string[] = [];
    for (const { box, participants } of BOXES) {
      const run = await cli(["tally", box, "--participants", participants, "--format", "json"]);
      expect(run.code, run.err).toBe(0);
      const t = JSON.parse(run.out) as { box: { component: string; date: string; returned: number }; participants: { participantId: string; survey: { ballots: Record<string, number>; date: string }; blank: string[]; invalid: string[] }[] };
      for (const p of t.participants) {
        const input = INPUTS.find((i) => i.participant.id === p.participantId);
        const given = input?.components[t.box.component];
        // The tally gives the inputs' counts and date exactly (an input may leave out `unknown`: 0).
        expect(p.survey.ballots, `${box} ${p.participantId}`).toEqual({ unknown: 0, ...given?.ballots });
        expect(p.survey.date).toBe(given?.date);
        const counted = Object.values(p.survey.ballots).reduce((a, b) => a + b, 0);
        expect(counted + p.blank.length + p.invalid.length).toBe(t.box.returned);
        expect(p.blank.length).toBeGreaterThan(0);
        seen.push(`${p.participantId} ${t.box.component}`);
      }
    }
    expect(seen.sort()).toEqual(INPUTS.flatMap((i) => SURVEYS.map((s) => `${i.participant.id} ${s}`)).sort());
  });

  it("tallied, merged into the inputs without their survey counts and scored, give exactly the expected results", async () => {
    const stripped = INPUTS.map((input) => {
      const components = { ...input.components };
      for (const survey of SURVEYS) delete components[survey];
      return JSON.stringify({ ...input, components });
    });
    // Without the counts the inputs are incomplete: the tallies must bring every one back.
    const bare = file("stripped.ndjson", `${stripped.join("\n")}\n`);
    const merged = await mergeAll(bare);
    const scored = await cli(["score", "--batch", merged]);
    expect(scored.code).toBe(0);
    const lines = scored.out.split("\n");
    expect(lines).toHaveLength(INPUTS.length);
    lines.forEach((line, i) => expect(line).toBe(expected((INPUTS[i] as { participant: { id: string } }).participant.id)));
  });

  it("merged into the inputs as they are, accept their equal counts and score the same", async () => {
    const merged = await mergeAll(file("inputs.ndjson", readFileSync("examples/2022/inputs.ndjson", "utf8")));
    const scored = await cli(["score", "--batch", merged]);
    expect(scored.out.split("\n")).toEqual(INPUTS.map((input) => expected(input.participant.id)));
  });

  it.runIf(BUILT)("does the same through the built executable", () => {
    let current = file("spawned.ndjson", readFileSync("examples/2022/inputs.ndjson", "utf8"));
    for (const [i, { box, participants }] of BOXES.entries()) {
      const run = spawnCli(["tally", box, "--participants", participants, "--merge", current]);
      expect(run.stderr).toBe("");
      current = file(`spawned-${i}.ndjson`, run.stdout);
    }
    const scored = spawnCli(["score", "--batch", current]);
    expect(scored.stdout.trim().split("\n")).toEqual(INPUTS.map((input) => expected(input.participant.id)));
  });
});
