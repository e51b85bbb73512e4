/**
 * `POST /v1/tally` over real HTTP on 127.0.0.1 (docs/service.md, docs/ballots.md): the committed
 * ballot boxes and every shared conformance case tally as the library tallies them, byte for byte;
 * a box in error answers 422 with every problem at once, under `box` or `participants`, in Chinese
 * by default and in English on request; the policy by query or in the body; and the bounds — the
 * body size, `--max-items` ballots, the `--max-tally-work` budget checked before any counting,
 * the work in a worker thread within `--request-timeout-ms` while `/healthz` stays quick — with
 * tokens and CORS as on every `/v1` route.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePolicy, safeTally, type Policy, type TallyResult } from "wubi-wuping";
import { documentJson } from "wubi-wuping/formats";
import { BUILT, tempFiles } from "../../../test/cli/run.js";
import { servedContracts } from "./contract.js";
import { call, post, serve, type Answer, type Served } from "./harness.js";

type Json = Record<string, unknown>;
type Box = Json & { ballots: Json[] };
interface Case {
  readonly box: Box;
  readonly participants: readonly string[];
  readonly policy: Json | null;
  readonly expect: { readonly errors: readonly string[] } | { readonly tally: TallyResult };
}

const DIR = "test/fixtures/ballots";
const FIXTURES = [0, 1, 2, 10];
const fixture = (n: number): { box: Box; policy: Json | null; roster: Json[]; expected: TallyResult } => {
  const expect = JSON.parse(readFileSync(`${DIR}/${n}-expect.json`, "utf8")) as { box: Box; policy: Json | null; native: { tally: TallyResult } };
  const roster = JSON.parse(readFileSync(`${DIR}/${n}-roster.json`, "utf8")) as Json[];
  return { box: expect.box, policy: expect.policy, roster, expected: expect.native.tally };
};
const CASES: readonly Case[] = readFileSync(`${DIR}/cases.ndjson`, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Case);
const file = tempFiles("wubi-tally-service-");
const CJK = /[\u4e00-\u9fff]/;

/** The bytes the library's tally makes for a box: the text the service must answer. */
function coreText(box: unknown, participants: readonly unknown[], policy?: Policy, lang: "zh" | "en" = "zh"): string {
  const outcome = safeTally(box, { participants: participants as string[], policy, lang });
  if (!outcome.success) throw outcome.error;
  return `${documentJson(outcome.data)}\n`;
}

const issuesOf = (answer: Answer): Json[] => (JSON.parse(answer.text) as { issues: Json[] }).issues;
const codesOf = (answer: Answer): string[] => issuesOf(answer).map((issue) => issue["code"] as string);

/** A box of `n` ballots, each naming nobody (every participant blank on every ballot). */
const blankBox = (n: number): Box => ({
  year: 2022,
  component: "deputies",
  date: "2022-12-20",
  ballots: Array.from({ length: n }, (_, i) => ({ id: String(i).padStart(6, "0"), marks: {} })),
});
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i}`);

/**
 * The requests of the tests, through the harness, with every answer of `/v1/tally` kept to be
 * validated against the documents the service serves (the contract is what the server sends).
 */
class Kept {
  private readonly answers: Answer[] = [];
  private async keep(answer: Promise<Answer>): Promise<Answer> {
    const got = await answer;
    this.answers.push(got);
    return got;
  }
  readonly post = (...args: Parameters<typeof post>): Promise<Answer> => this.keep(post(...args));
  readonly call = (...args: Parameters<typeof call>): Promise<Answer> => this.keep(call(...args));
  /** Every answer kept validates against `/openapi.json` and `/openapi-3.0.json` of the service on `port`. */
  async check(port: number): Promise<void> {
    expect(this.answers.length).toBeGreaterThan(0);
    for (const contract of await servedContracts(port)) {
      for (const answer of this.answers) expect(contract.problems("post", "/v1/tally", answer), `${answer.status} ${answer.text.slice(0, 200)}`).toEqual([]);
    }
  }
}

describe.skipIf(!BUILT)("POST /v1/tally", () => {
  let s: Served;
  const kept = new Kept();
  const policyFile = file("ballots-first.json", JSON.stringify({ id: "ballots-first", repeatedRater: "first", minSeconds: 30 }));
  beforeAll(async () => {
    s = await serve(["--policy", policyFile]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers the committed boxes with the library's tally, byte for byte, participants given as a roster, as ids or as inputs", async () => {
    for (const n of FIXTURES) {
      const { box, policy, roster, expected } = fixture(n);
      const body = { box, participants: roster, ...(policy === null ? {} : { policy }) };
      const answer = await kept.post(s.port, "/v1/tally", JSON.stringify(body));
      expect(answer.status, `${n}: ${answer.text.slice(0, 300)}`).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
      const text = coreText(box, roster, policy === null ? undefined : definePolicy(policy));
      expect(answer.text, String(n)).toBe(text);
      expect(JSON.stringify(JSON.parse(answer.text)), String(n)).toBe(JSON.stringify(expected));
      // The same box with the participants as ids, and as inputs: only their ids are read.
      const asIds = roster.map((entry) => entry["id"]);
      const asInputs = roster.map((entry) => ({ year: box["year"], participant: entry, components: {} }));
      for (const participants of [asIds, asInputs]) {
        const again = await kept.post(s.port, "/v1/tally", JSON.stringify({ ...body, participants }));
        expect(again.text, String(n)).toBe(text);
      }
    }
  });

  it("tallies every shared conformance case as the library does, or refuses it with exactly the library's issues under box", async () => {
    let tallied = 0;
    for (const [i, c] of CASES.entries()) {
      const body = JSON.stringify({ box: c.box, participants: c.participants, ...(c.policy === null ? {} : { policy: c.policy }) });
      const answer = await kept.post(s.port, "/v1/tally?lang=en", body);
      const policy = c.policy === null ? undefined : definePolicy(c.policy);
      const core = safeTally(c.box, { participants: c.participants, policy, lang: "en" });
      if ("errors" in c.expect) {
        expect(answer.status, `case ${i}`).toBe(422);
        expect(core.success).toBe(false);
        if (core.success) continue;
        for (const code of c.expect.errors) expect(codesOf(answer), `case ${i}`).toContain(code);
        expect(issuesOf(answer), `case ${i}`).toEqual(core.error.issues.slice(0, 100).map((issue) => ({ ...issue, path: ["box", ...issue.path] })));
      } else {
        expect(answer.status, `case ${i}: ${answer.text.slice(0, 300)}`).toBe(200);
        expect(JSON.stringify(JSON.parse(answer.text)), `case ${i}`).toBe(JSON.stringify(c.expect.tally));
        expect(answer.text).toBe(coreText(c.box, c.participants, policy, "en"));
        tallied += 1;
      }
    }
    expect(tallied).toBeGreaterThan(80);
  }, 120_000);

  it("answers 422 with every problem at once — box-over-issued beside a bad mark, an unknown participant and a bad participant — in Chinese by default", async () => {
    const { box, roster } = fixture(1);
    const ballots = box.ballots.map((ballot, i) => (i === 3 ? { ...ballot, marks: { ...(ballot["marks"] as Json), [roster[0]?.["id"] as string]: "maybe", nobody: "满意" } } : ballot));
    const body = JSON.stringify({ box: { ...box, issued: 5, ballots }, participants: [...roster, ""] });
    const zh = await kept.post(s.port, "/v1/tally", body);
    expect(zh.status).toBe(422);
    const issues = issuesOf(zh);
    expect(issues.map((issue) => [issue["code"], issue["path"]])).toEqual(
      expect.arrayContaining([
        ["box-over-issued", ["box", "issued"]],
        ["invalid-mark", ["box", "ballots", 3, "marks", roster[0]?.["id"]]],
        ["unknown-participant", ["box", "ballots", 3, "marks", "nobody"]],
        ["too_small", ["participants", roster.length]],
      ]),
    );
    expect(issues).toHaveLength(4);
    for (const issue of issues) expect(issue["message"]).toMatch(CJK);
    const en = await kept.post(s.port, "/v1/tally?lang=en", body);
    expect(en.status).toBe(422);
    // The library's own issues, in its own words, each path placed in the request body.
    for (const [answer, lang] of [[zh, "zh"], [en, "en"]] as const) {
      const core = safeTally({ ...box, issued: 5, ballots }, { participants: [...roster, ""] as string[], lang });
      expect(core.success).toBe(false);
      if (core.success) continue;
      const placed = core.error.issues.map((issue) => (issue.path[0] === "participants" ? issue : { ...issue, path: ["box", ...issue.path] }));
      expect(issuesOf(answer)).toEqual(placed);
    }
    expect(issuesOf(en).map((issue) => issue["message"])).not.toEqual(issues.map((issue) => issue["message"]));
    expect(issuesOf(en)[0]?.["message"]).toMatch(/^[A-Z]/);
    expect(en.text).not.toMatch(/at .*\.js:/);
  });

  it("puts the box's own unknown key under box, even one called participants, and refuses unknown keys of the body", async () => {
    const { box, roster } = fixture(1);
    const odd = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box: { ...box, participants: roster }, participants: roster }));
    expect(odd.status).toBe(422);
    expect(issuesOf(odd)).toMatchObject([{ path: ["box", "participants"], code: "unrecognized_keys" }]);
    const extra = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box, participants: roster, lang: "en" }));
    expect(extra.status).toBe(422);
    expect(issuesOf(extra)).toMatchObject([{ path: ["lang"], code: "unrecognized_keys" }]);
    const missing = await kept.post(s.port, "/v1/tally?lang=en", "{}");
    expect(issuesOf(missing).map((issue) => issue["path"])).toEqual([["box"], ["participants"]]);
  });

  it("applies the policy named by the query or given in the body; refuses both at once and an id not loaded", async () => {
    // A box whose rater r1 voted twice, the second ballot too fast.
    const box = {
      year: 2022,
      component: "serviceRecipients",
      date: "2022-12-20",
      ballots: [
        { id: "1", rater: "r1", seconds: 95, marks: { a: "满意" } },
        { id: "2", rater: "r1", seconds: 12, marks: { a: "不满意" } },
        { id: "3", marks: { a: "基本满意" } },
      ],
    };
    const preset = await kept.post(s.port, "/v1/tally", JSON.stringify({ box, participants: ["a"] }));
    expect(preset.text).toBe(coreText(box, ["a"]));
    const first = definePolicy({ id: "ballots-first", repeatedRater: "first", minSeconds: 30 });
    const byQuery = await kept.post(s.port, "/v1/tally?policy=ballots-first", JSON.stringify({ box, participants: ["a"] }));
    expect(byQuery.status).toBe(200);
    expect(byQuery.text).toBe(coreText(box, ["a"], first));
    expect(byQuery.text).not.toBe(preset.text);
    expect(JSON.parse(byQuery.text)).toMatchObject({ box: { returned: 3, counted: 2 }, tooFast: ["2"], participants: [{ notCounted: ["2"] }] });
    for (const policy of ["ballots-first", { id: "ballots-first", repeatedRater: "first", minSeconds: 30 }]) {
      const inBody = await kept.post(s.port, "/v1/tally", JSON.stringify({ box, participants: ["a"], policy }));
      expect(inBody.text).toBe(byQuery.text);
    }
    const both = await kept.post(s.port, "/v1/tally?policy=ballots-first&lang=en", JSON.stringify({ box, participants: ["a"], policy: "xuancheng-2022" }));
    expect(both.status).toBe(422);
    expect(issuesOf(both)).toMatchObject([{ path: ["policy"], code: "policy-twice" }]);
    const unknownQuery = await kept.post(s.port, "/v1/tally?policy=city-2099", JSON.stringify({ box, participants: ["a"] }));
    expect(issuesOf(unknownQuery)).toMatchObject([{ path: ["query", "policy"], code: "unknown-policy" }]);
    const badOverrides = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box, participants: ["a"], policy: { id: "x", repeatedRater: "last" } }));
    expect(badOverrides.status).toBe(422);
    expect(issuesOf(badOverrides)[0]?.["path"]).toEqual(["policy", "repeatedRater"]);
  });

  it("answers 400 to a body that is not JSON, 415 to another content type (an NDJSON box included), 405 to GET", async () => {
    const bad = await kept.post(s.port, "/v1/tally?lang=en", '{"box":');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: "not-json" } });
    for (const type of ["text/plain", "application/x-ndjson"]) {
      const answer = await kept.call(s.port, "POST", "/v1/tally?lang=en", { body: "{}", type });
      expect(answer.status, type).toBe(415);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "unsupported-media-type" } });
    }
    const get = await kept.call(s.port, "GET", "/v1/tally");
    expect(get.status).toBe(405);
    expect(get.headers["allow"]).toBe("POST");
  });

  it("answers what /openapi.json and /openapi-3.0.json state, every answer above", async () => {
    await kept.check(s.port);
  });
});

describe.skipIf(!BUILT)("POST /v1/tally within small limits", () => {
  let s: Served;
  const kept = new Kept();
  beforeAll(async () => {
    s = await serve(["--max-body-bytes", "100000", "--max-items", "1000", "--max-tally-work", "5000"]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers 413 to a body over --max-body-bytes", async () => {
    const answer = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box: blankBox(5000), participants: ["a"] }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "body-too-large" } });
  });

  it("takes at most --max-items ballots: one more is 422 too-many-items at box.ballots", async () => {
    const answer = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box: blankBox(1001), participants: ["a"] }));
    expect(answer.status).toBe(422);
    expect(issuesOf(answer)).toMatchObject([{ path: ["box", "ballots"], code: "too-many-items" }]);
  });

  it("tallies ballots × participants up to --max-tally-work; one participant more is 422 too-much-work before any counting", async () => {
    const atCap = await kept.post(s.port, "/v1/tally", JSON.stringify({ box: blankBox(1000), participants: ids(5) }));
    expect(atCap.status).toBe(200);
    expect(atCap.text).toBe(coreText(blankBox(1000), ids(5)));
    // Over the budget, the bad marks are not even looked at: the work was refused before counting.
    const box = blankBox(1000);
    box.ballots[7] = { id: "x", marks: { nobody: "maybe" } };
    const over = await kept.post(s.port, "/v1/tally?lang=en", JSON.stringify({ box, participants: ids(6) }));
    expect(over.status).toBe(422);
    expect(JSON.parse(over.text)).toEqual({
      issues: [
        {
          path: [],
          code: "too-much-work",
          message:
            "1000 ballots × 6 participants = 6000, over the service's work budget of 5000 (--max-tally-work); tally it locally with wubi-wuping tally (an NDJSON box is read ballot by ballot), or ask the service's operator for a higher budget",
        },
      ],
    });
    const zh = await kept.post(s.port, "/v1/tally", JSON.stringify({ box, participants: ids(6) }));
    expect(issuesOf(zh)[0]?.["message"]).toContain("1000 张测评票 × 6 个参评对象 = 6000");
    // A box without ballots still costs one row per participant.
    const empty = await kept.post(s.port, "/v1/tally", JSON.stringify({ box: blankBox(0), participants: ids(1000) }));
    expect(empty.status).toBe(200);
  });

  it("answers what /openapi.json and /openapi-3.0.json state, every answer above", async () => {
    await kept.check(s.port);
  });
});

describe.skipIf(!BUILT)("POST /v1/tally off the event loop", () => {
  let s: Served;
  const kept = new Kept();
  beforeAll(async () => {
    // 3 s: past a worker thread's start on a busy machine (up to 1.6 s measured), which the next
    // request after a timeout waits for, and far short of the big tally's work.
    s = await serve(["--max-tally-work", "100000000", "--request-timeout-ms", "3000"]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("ends a tally past --request-timeout-ms with 503, /healthz answering quickly meanwhile, and tallies the next box", async () => {
    // 20,000 blank ballots × 2,000 participants: 4·10⁷ blanks, far more than 3 s of counting.
    const big = JSON.stringify({ box: blankBox(20_000), participants: ids(2_000) });
    const started = performance.now();
    let done = false;
    const answer = kept.post(s.port, "/v1/tally?lang=en", big).finally(() => {
      done = true;
    });
    const waits: number[] = [];
    while (!done && performance.now() - started < 15_000) {
      const t = performance.now();
      expect((await call(s.port, "GET", "/healthz")).status).toBe(200);
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
    const got = await answer;
    expect(got.status).toBe(503);
    expect(JSON.parse(got.text)).toEqual({
      error: { code: "request-timeout", message: "The request was not done within 3000 ms (--request-timeout-ms); its work was stopped" },
    });
    expect(waits.length).toBeGreaterThan(10);
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted[Math.floor(sorted.length * 0.9)], sorted.map((w) => w.toFixed(0)).join(" ")).toBeLessThan(50);
    const { box, roster } = fixture(0);
    const next = await kept.post(s.port, "/v1/tally", JSON.stringify({ box, participants: roster }));
    expect(next.status).toBe(200);
    expect(next.text).toBe(coreText(box, roster));
  }, 30_000);

  it("answers what /openapi.json and /openapi-3.0.json state, every answer above", async () => {
    await kept.check(s.port);
  });
});

describe.skipIf(!BUILT)("POST /v1/tally with --token-file and --cors-origin", () => {
  let s: Served;
  const kept = new Kept();
  const tokens = file("tokens.txt", "tally-token-5e1d\n");
  beforeAll(async () => {
    s = await serve(["--token-file", tokens, "--cors-origin", "https://audit.example.gov.cn"]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("needs a token, and answers the allowed origin's preflight and request", async () => {
    const { box, roster } = fixture(1);
    const body = JSON.stringify({ box, participants: roster });
    const refused = await kept.post(s.port, "/v1/tally?lang=en", body);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toMatchObject({ error: { code: "unauthorized" } });
    expect((await kept.post(s.port, "/v1/tally", body, { authorization: "Bearer wrong" })).status).toBe(401);
    const origin = "https://audit.example.gov.cn";
    const preflight = await call(s.port, "OPTIONS", "/v1/tally", { headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(origin);
    const allowed = await kept.post(s.port, "/v1/tally", body, { authorization: "Bearer tally-token-5e1d", origin });
    expect(allowed.status).toBe(200);
    expect(allowed.headers["access-control-allow-origin"]).toBe(origin);
    expect(allowed.text).toBe(coreText(box, roster));
    const other = await kept.post(s.port, "/v1/tally", body, { authorization: "Bearer tally-token-5e1d", origin: "https://elsewhere.example" });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers what /openapi.json and /openapi-3.0.json state, every answer above", async () => {
    await kept.check(s.port);
  });
});
