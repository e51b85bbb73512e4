/**
 * The contract is what the server sends (docs/service.md): every endpoint's answers, success and
 * error, fetched over real HTTP on 127.0.0.1, each validated against the schema that the served
 * `/openapi.json` states for its path, method, status and content type — with Ajv, not the zod
 * generator the document comes from — and against the served `/openapi-3.0.json` too.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT } from "../../../test/cli/run.js";
import { Contract, servedContracts } from "./contract.js";
import { call, post, raw, serve, type Answer, type Served } from "./harness.js";

type Json = Record<string, unknown>;

const inputText = (id: string): string => readFileSync(`examples/2022/${id}.json`, "utf8");
const IDS = ["cgjdk", "csglk", "zfzd", "gysyc"];

describe.skipIf(!BUILT)("every answer of the service validates against the document it serves", () => {
  let a: Served;
  let contracts: Contract[];
  const answers: [string, string, Answer][] = [];

  /** Calls the service and keeps the answer, to be validated against both documents. */
  const keep = async (method: string, template: string, answer: Promise<Answer>, status: number): Promise<Answer> => {
    const got = await answer;
    expect(got.status, `${method} ${template}: ${got.text.slice(0, 300)}`).toBe(status);
    answers.push([method, template, got]);
    return got;
  };

  beforeAll(async () => {
    a = await serve(["--max-body-bytes", "65536", "--body-timeout-ms", "400"]);
    contracts = await servedContracts(a.port);
  });
  afterAll(async () => {
    expect(await a.stop()).toBe(0);
  });

  it("serves the 3.1 document and its 3.0.3 form", () => {
    expect(contracts.map((c) => c.doc["openapi"])).toEqual(["3.1.0", "3.0.3"]);
  });

  it("GET endpoints: health, both documents, policies, schemas, and their 400, 404 and 405", async () => {
    for (const path of ["/healthz", "/openapi.json", "/openapi-3.0.json", "/v1/policies"]) await keep("get", path, call(a.port, "GET", path), 200);
    await keep("get", "/v1/policies/{id}", call(a.port, "GET", "/v1/policies/xuancheng-2022"), 200);
    await keep("get", "/v1/policies/{id}", call(a.port, "GET", "/v1/policies/city-2099?lang=en"), 404);
    for (const kind of ["input", "policy", "result", "box"]) await keep("get", "/v1/schemas/{kind}", call(a.port, "GET", `/v1/schemas/${kind}`), 200);
    await keep("get", "/v1/schemas/{kind}", call(a.port, "GET", "/v1/schemas/nothing"), 404);
    await keep("get", "/v1/policies", call(a.port, "GET", "/v1/policies?x=1"), 400);
    await keep("get", "/healthz", call(a.port, "POST", "/healthz").then((r) => r), 405);
  });

  it("POST /v1/score: 200, 422 with field-level issues (expected, received, minimum, origin, value, values…), 400, 405, 413, 415, 408", async () => {
    for (const id of IDS) await keep("post", "/v1/score", post(a.port, "/v1/score", inputText(id)), 200);
    const input = JSON.parse(inputText("cgjdk")) as Json & { participant: Json; components: Record<string, Json> };
    const wrong = {
      ...input,
      year: "2022",
      participant: { ...input.participant, id: "", category: "nobody" },
      extra: true,
      components: { ...input.components, complaints: { complaints: [{ date: "2022-13-01", deduction: -1 }] } },
    };
    const issues = await keep("post", "/v1/score", post(a.port, "/v1/score?lang=en", JSON.stringify(wrong)), 422);
    const fields = new Set((JSON.parse(issues.text) as { issues: Json[] }).issues.flatMap((issue) => Object.keys(issue)));
    // The fields the old Issue schema forbade are among those sent, so the check below has teeth.
    expect([...fields]).toEqual(expect.arrayContaining(["path", "code", "message", "expected", "received", "value"]));
    await keep("post", "/v1/score", post(a.port, "/v1/score?allowIncomplete=true&lang=en", "[]"), 422);
    await keep("post", "/v1/score", post(a.port, "/v1/score?policy=city-2099", inputText("cgjdk")), 422);
    await keep("post", "/v1/score", post(a.port, "/v1/score", '{"year":'), 400);
    await keep("post", "/v1/score", post(a.port, "/v1/score?lang=fr", inputText("cgjdk")), 400);
    await keep("post", "/v1/score", call(a.port, "GET", "/v1/score"), 405);
    await keep("post", "/v1/score", post(a.port, "/v1/score", JSON.stringify({ pad: "x".repeat(70_000) })), 413);
    await keep("post", "/v1/score", call(a.port, "POST", "/v1/score", { body: inputText("cgjdk"), type: "text/plain" }), 415);
    const conn = await raw(a.port);
    conn.socket.write(`POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"year":`);
    const text = await conn.until(/\r\n\r\n.*\}/s);
    await conn.closed;
    const [head = "", body = ""] = text.split("\r\n\r\n");
    const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
    const type = /content-type: ([^\r]+)/i.exec(head)?.[1] ?? "";
    await keep("post", "/v1/score", Promise.resolve({ status, headers: { "content-type": type }, text: body }), 408);
  });

  it("an issue with every field InputIssue has, and a capped list, validate; a more-issues item without its count does not", () => {
    const issue = {
      path: ["components", 0],
      code: "too_small",
      message: "…",
      expected: "number",
      received: "string",
      minimum: 0,
      maximum: 100,
      inclusive: true,
      origin: "number",
      format: "date",
      values: ["a", 1, true, null],
      value: null,
      params: { limit: 3 },
    };
    const capped = { issues: [...Array.from({ length: 100 }, () => issue), { code: "more-issues", count: 2400 }] };
    for (const contract of contracts) {
      const answer = (body: unknown): Answer => ({ status: 422, headers: { "content-type": "application/json" }, text: JSON.stringify(body) });
      expect(contract.problems("post", "/v1/rank", answer(capped))).toEqual([]);
      expect(contract.problems("post", "/v1/rank", answer({ error: { code: "too-much-work", message: "…" } }))).toEqual([]);
      expect(contract.problems("post", "/v1/rank", answer({ issues: [{ code: "more-issues" }] }))).not.toEqual([]);
      expect(contract.problems("post", "/v1/rank", answer({ issues: [{ ...issue, extra: 1 }] }))).not.toEqual([]);
    }
  });

  it("POST /v1/score/batch: 200 with result and error lines for both NDJSON types, 422, 415", async () => {
    const body = [inputText("cgjdk").replaceAll("\n", ""), "{not json}", '{"year":2022}', "[]", inputText("zfzd").replaceAll("\n", ""), ""].join("\n");
    for (const type of ["application/x-ndjson", "application/ndjson"]) {
      const answer = await keep("post", "/v1/score/batch", call(a.port, "POST", "/v1/score/batch?lang=en", { body, type }), 200);
      expect(answer.text.split("\n").filter((l) => l.includes('"error"'))).toHaveLength(3);
    }
    await keep("post", "/v1/score/batch", call(a.port, "POST", "/v1/score/batch?policy=city-2099", { body, type: "application/x-ndjson" }), 422);
    await keep("post", "/v1/score/batch", call(a.port, "POST", "/v1/score/batch", { body, type: "application/json" }), 415);
  });

  it("POST /v1/rank, /v1/verify, /v1/explain: 200 and 422", async () => {
    const results = await Promise.all(IDS.map(async (id) => JSON.parse((await post(a.port, "/v1/score", inputText(id))).text) as Json));
    await keep("post", "/v1/rank", post(a.port, "/v1/rank", JSON.stringify(results)), 200);
    await keep("post", "/v1/rank", post(a.port, "/v1/rank?by=category", JSON.stringify(results)), 200);
    await keep("post", "/v1/rank", post(a.port, "/v1/rank?lang=en", JSON.stringify([{ total: 1 }, 3, null])), 422);
    const input = JSON.parse(inputText("cgjdk")) as unknown;
    await keep("post", "/v1/verify", post(a.port, "/v1/verify", JSON.stringify({ input, result: results[0] })), 200);
    const tampered = { ...results[0], total: "1.00", tier: null };
    const differences = await keep("post", "/v1/verify", post(a.port, "/v1/verify", JSON.stringify({ input, result: tampered })), 200);
    expect(JSON.parse(differences.text)).toMatchObject({ ok: false });
    await keep("post", "/v1/verify", post(a.port, "/v1/verify?lang=en", JSON.stringify({ input })), 422);
    await keep("post", "/v1/verify", post(a.port, "/v1/verify?lang=en", JSON.stringify({ input: { year: "x" }, result: results[0] })), 422);
    await keep("post", "/v1/explain", post(a.port, "/v1/explain", JSON.stringify(results[0])), 200);
    await keep("post", "/v1/explain", post(a.port, "/v1/explain?lang=en", JSON.stringify({ total: "x" })), 422);
  });

  it("POST /v1/compare and /v1/sensitivity: 200 and 422", async () => {
    const inputs = IDS.map((id) => JSON.parse(inputText(id)) as unknown);
    await keep("post", "/v1/compare", post(a.port, "/v1/compare", JSON.stringify({ inputs, candidate: { id: "strict", complaintDeduction: 2 } })), 200);
    await keep("post", "/v1/compare", post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: [{}], candidate: "city-2099", extra: 1 })), 422);
    await keep("post", "/v1/compare", post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: [{ year: 2022 }], candidate: "xuancheng-2022" })), 422);
    await keep("post", "/v1/sensitivity", post(a.port, "/v1/sensitivity", JSON.stringify({ inputs, samples: 30, seed: 3 })), 200);
    await keep("post", "/v1/sensitivity", post(a.port, "/v1/sensitivity?lang=en", JSON.stringify({ inputs, samples: 0, policy: { unitCeiling: -1 } })), 422);
  });

  it("POST /v1/tally: 200 for a box with groups and one without, 422 with the box's issues and for a bad envelope, 400, 413, 415", async () => {
    const fixture = (n: number): { box: Json; roster: Json[] } => ({
      box: (JSON.parse(readFileSync(`test/fixtures/ballots/${n}-expect.json`, "utf8")) as { box: Json }).box,
      roster: JSON.parse(readFileSync(`test/fixtures/ballots/${n}-roster.json`, "utf8")) as Json[],
    });
    for (const n of [0, 1]) {
      const { box, roster } = fixture(n);
      await keep("post", "/v1/tally", post(a.port, "/v1/tally", JSON.stringify({ box, participants: roster })), 200);
    }
    const { box, roster } = fixture(1);
    const ballots = (box["ballots"] as Json[]).map((ballot, i) => (i === 0 ? { ...ballot, marks: { nobody: "maybe" } } : ballot));
    const wrong = await keep("post", "/v1/tally", post(a.port, "/v1/tally?lang=en", JSON.stringify({ box: { ...box, issued: 2, ballots }, participants: roster })), 422);
    expect(JSON.parse(wrong.text).issues.map((issue: Json) => issue["code"])).toEqual(expect.arrayContaining(["box-over-issued", "unknown-participant"]));
    await keep("post", "/v1/tally", post(a.port, "/v1/tally?lang=en", JSON.stringify({ box, participants: roster, extra: 1, policy: { repeatedRater: "x" } })), 422);
    await keep("post", "/v1/tally", post(a.port, "/v1/tally", '{"box":'), 400);
    await keep("post", "/v1/tally", post(a.port, "/v1/tally", JSON.stringify({ box, participants: roster, pad: "x".repeat(70_000) })), 413);
    await keep("post", "/v1/tally", call(a.port, "POST", "/v1/tally", { body: "{}", type: "application/x-ndjson" }), 415);
  });

  it("every answer kept above validates against /openapi.json and /openapi-3.0.json", () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const contract of contracts) {
      for (const [method, template, answer] of answers) {
        expect(contract.problems(method, template, answer), `${String(contract.doc["openapi"])} ${method} ${template} ${answer.status}`).toEqual([]);
      }
    }
    // Every endpoint was driven, and every status each POST endpoint states for a bad body.
    const seen = new Set(contracts[0]?.checked.map((entry) => entry.split(" ").slice(0, 2).join(" ")));
    for (const [path, item] of Object.entries(contracts[0]?.doc.paths ?? {})) for (const method of Object.keys(item)) expect(seen, `${method} ${path}`).toContain(`${method} ${path}`);
    const statuses = new Set(contracts[0]?.checked.map((entry) => entry.split(" ")[2]));
    for (const status of ["200", "400", "404", "405", "408", "413", "415", "422"]) expect(statuses, status).toContain(status);
    const unprocessable = new Set(contracts[0]?.checked.filter((entry) => entry.split(" ")[2] === "422").map((entry) => entry.split(" ")[1]));
    for (const path of ["/v1/score", "/v1/score/batch", "/v1/rank", "/v1/verify", "/v1/explain", "/v1/compare", "/v1/sensitivity", "/v1/tally"]) expect(unprocessable, path).toContain(path);
  });
});
