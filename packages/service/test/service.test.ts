/**
 * `wubi-wuping serve` over real HTTP on 127.0.0.1: every endpoint answers the bytes the CLI
 * prints for the same work; every error status; the limits (body size, slow bodies, requests in
 * flight, NDJSON lines); the access log and request ids; 64 keep-alive clients; SIGTERM draining.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { score } from "wubi-wuping";
import { BUILT, cli, tempFiles, type Run } from "../../../test/cli/run.js";
import { call, chunk, chunkedHead, post, raw, serve, sleep, type Served } from "./harness.js";

const IDS = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];
const POLICY_FILE = "examples/policy/xuancheng-2022-quota.json";
const inputText = (id: string): string => readFileSync(`examples/2022/${id}.json`, "utf8");
const inputs = IDS.map((id) => JSON.stringify(JSON.parse(inputText(id))));
/** The bytes a CLI run wrote to stdout: each `out` call is one line. */
const printed = (run: Run): string => run.outLines.map((line) => `${line}\n`).join("");
const file = tempFiles("wubi-service-");
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

describe.skipIf(!BUILT)("wubi-wuping serve", () => {
  let a: Served;
  beforeAll(async () => {
    a = await serve(["--policy", POLICY_FILE, "--max-body-bytes", "65536", "--max-line-bytes", "32768", "--body-timeout-ms", "700"]);
  });
  afterAll(async () => {
    expect(await a.stop()).toBe(0);
  });

  describe("answers with the CLI's bytes", () => {
    it("POST /v1/score answers what score --json prints, under the preset or a loaded policy, in either language", async () => {
      for (const id of ["cgjdk", "gysyc"]) {
        const answer = await post(a.port, "/v1/score", inputText(id));
        expect(answer.status).toBe(200);
        expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
        expect(answer.text).toBe(printed(await cli(["score", "--json", `examples/2022/${id}.json`])));
      }
      const derived = await post(a.port, "/v1/score?policy=xuancheng-2022-quota&lang=en", inputText("zfzd"));
      expect(derived.text).toBe(printed(await cli(["score", "--json", "--policy", POLICY_FILE, "--lang", "en", "examples/2022/zfzd.json"])));
      expect(JSON.parse(derived.text).policy.id).toBe("xuancheng-2022-quota");
    });

    it("POST /v1/score with allowIncomplete=true scores a missing component 0, as --allow-incomplete does", async () => {
      const input = JSON.parse(inputText("cgjdk")) as { components: Record<string, unknown> };
      delete input.components["deputies"];
      const path = file("incomplete.json", JSON.stringify(input));
      const answer = await post(a.port, "/v1/score?allowIncomplete=true", JSON.stringify(input));
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(printed(await cli(["score", "--json", "--allow-incomplete", path])));
      expect(JSON.parse(answer.text).status).toBe("provisional");
      const refused = await post(a.port, "/v1/score?lang=en", JSON.stringify(input));
      expect(refused.status).toBe(422);
      expect(JSON.parse(refused.text).issues.map((i: { code: string }) => i.code)).toEqual(["missing-component"]);
    });

    it("POST /v1/score answers 422 with every issue of an invalid input, as safeScore reports them", async () => {
      const answer = await post(a.port, "/v1/score?lang=en", '{"year":2022,"participant":{"id":""},"extra":1}');
      expect(answer.status).toBe(422);
      let thrown: unknown;
      try {
        score(JSON.parse('{"year":2022,"participant":{"id":""},"extra":1}'), { lang: "en" });
      } catch (cause) {
        thrown = cause;
      }
      expect(JSON.parse(answer.text)).toEqual({ issues: (thrown as { issues: unknown }).issues });
      expect(answer.text).not.toMatch(/at .*\.js:/);
    });

    it("POST /v1/score/batch answers what score --batch prints, bad lines included, for both NDJSON types, in its own words", async () => {
      const body = [inputs[0], "", "{not json}", '{"year":2022}', `${inputs[1]}\r`, "x".repeat(40_000), inputs[2], ""].join("\n");
      const path = file("batch.ndjson", body);
      const printedByCli = printed(await cli(["score", "--batch", path, "--lang", "en", "--max-line-bytes", "32768"]));
      // The same lines, except that the service names no flag of the command line.
      const expected = printedByCli.replace(" bytes (--max-line-bytes) and was not read", " bytes and was not read");
      expect(expected).not.toBe(printedByCli);
      for (const type of ["application/x-ndjson", "application/ndjson"]) {
        const answer = await call(a.port, "POST", "/v1/score/batch?lang=en", { body, type });
        expect(answer.status).toBe(200);
        expect(answer.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
        expect(answer.text).toBe(expected);
      }
      expect(expected.split("\n")[4]).toContain('"code":"line-too-long"');
    });

    it("POST /v1/score/batch names no command-line flag: an incomplete input is refused as POST /v1/score refuses it", async () => {
      const incomplete = JSON.parse(inputs[0] as string) as { components: Record<string, unknown> };
      delete incomplete.components["deputies"];
      const line = JSON.stringify(incomplete);
      for (const lang of ["zh", "en"]) {
        const single = await call(a.port, "POST", `/v1/score?lang=${lang}`, { body: line, type: "application/json" });
        const batch = await call(a.port, "POST", `/v1/score/batch?lang=${lang}`, { body: `${line}\n`, type: "application/x-ndjson" });
        expect(single.status).toBe(422);
        const { issues } = JSON.parse(single.text) as { issues: unknown[] };
        expect(JSON.parse(batch.text)).toEqual({ line: 1, participant: { id: "cgjdk" }, error: { issues } });
        expect(batch.text).not.toMatch(/--[a-z]/);
      }
    });

    it("POST /v1/score/batch streams both ways: results come back before the body ends, and a batch larger than --max-body-bytes goes through", async () => {
      const lines = Array.from({ length: 280 }, (_, i) => inputs[i % inputs.length] as string);
      const body = `${lines.join("\n")}\n`;
      expect(Buffer.byteLength(body)).toBeGreaterThan(5 * 65536);
      const path = file("big.ndjson", body);
      const expected = printed(await cli(["score", "--batch", path]));
      const text = await new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port: a.port, method: "POST", path: "/v1/score/batch", headers: { "content-type": "application/x-ndjson" } });
        req.on("error", reject);
        req.on("response", (res) => {
          let got = "";
          let rest = true;
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            got += c;
            // The first results arrived while most of the body is still unsent: now send the rest.
            if (rest && got.split("\n").length > 7) {
              rest = false;
              req.end(`${lines.slice(7).join("\n")}\n`);
            }
          });
          res.on("end", () => resolve(got));
        });
        req.write(`${lines.slice(0, 7).join("\n")}\n`);
        req.flushHeaders();
      });
      expect(text).toBe(expected);
    });

    it("POST /v1/rank answers what rank --format json prints, overall and by category, and 422 for results of two policies", async () => {
      const results = IDS.map((id) => score(JSON.parse(inputText(id))));
      const path = file("results.ndjson", `${results.map((r) => JSON.stringify(r)).join("\n")}\n`);
      const overall = await post(a.port, "/v1/rank", JSON.stringify(results));
      expect(overall.status).toBe(200);
      expect(overall.text).toBe(printed(await cli(["rank", path, "--format", "json"])));
      const byCategory = await post(a.port, "/v1/rank?by=category&lang=en", JSON.stringify(results));
      expect(byCategory.text).toBe(printed(await cli(["rank", path, "--format", "json", "--by", "category", "--lang", "en"])));
      const mixed = await post(a.port, "/v1/rank?policy=xuancheng-2022-quota", JSON.stringify(results));
      expect(mixed.status).toBe(422);
      expect(JSON.parse(mixed.text).issues[0].path[0]).toBe(0);
    });

    it("POST /v1/verify answers ok for a true result and each difference, with both values, for a tampered one", async () => {
      const input = JSON.parse(inputText("cgjdk"));
      const result = JSON.parse(readFileSync("examples/2022/expected/cgjdk.json", "utf8"));
      const same = await post(a.port, "/v1/verify", JSON.stringify({ input, result }));
      expect(same.status).toBe(200);
      expect(same.text).toBe('{"ok":true,"differences":[]}\n');
      const tampered = { ...result, total: "99.99", extra: true };
      delete tampered.tier;
      const differs = await post(a.port, "/v1/verify", JSON.stringify({ input, result: tampered }));
      expect(JSON.parse(differs.text)).toEqual({
        ok: false,
        differences: [
          { path: ["tier"], expected: null },
          { path: ["total"], expected: "94.51", actual: "99.99" },
          { path: ["extra"], actual: true },
        ],
      });
      const components = (result.components as { id: string; points: string }[]).map((c, i) => (i === 0 ? { ...c, points: "0.00" } : c));
      const component = await post(a.port, "/v1/verify", JSON.stringify({ input, result: { ...result, components } }));
      expect(JSON.parse(component.text).differences).toEqual([{ path: ["components", components[0]?.id, "points"], expected: result.components[0].points, actual: "0.00" }]);
      // The CLI finds the same three differences.
      const run = await cli(["verify", "examples/2022/cgjdk.json", file("tampered.json", JSON.stringify(tampered)), "--lang", "en"]);
      expect(run.outLines).toHaveLength(3);
      expect(run.code).toBe(1);
    });

    it("POST /v1/verify answers 422 for a result under a policy that is not loaded, a missing field, or an invalid input", async () => {
      const result = JSON.parse(readFileSync("examples/2022/expected/cgjdk.json", "utf8"));
      const unknown = await post(a.port, "/v1/verify?lang=en", JSON.stringify({ input: JSON.parse(inputText("cgjdk")), result: { ...result, policy: { id: "nowhere" } } }));
      expect(unknown.status).toBe(422);
      expect(JSON.parse(unknown.text).issues[0]).toMatchObject({ path: ["result", "policy", "id"], code: "unknown-policy" });
      const missing = await post(a.port, "/v1/verify?lang=en", JSON.stringify({ input: {} }));
      expect(JSON.parse(missing.text).issues[0].path).toEqual(["result"]);
      const invalid = await post(a.port, "/v1/verify?lang=en", JSON.stringify({ input: { year: 2022 }, result }));
      expect(invalid.status).toBe(422);
      expect(JSON.parse(invalid.text).issues.every((i: { path: unknown[] }) => i.path[0] === "input")).toBe(true);
    });

    it("POST /v1/explain answers, as text/plain, the explanation score prints", async () => {
      const result = readFileSync("examples/2022/expected/hjwsc.json", "utf8");
      for (const lang of ["zh", "en"]) {
        const answer = await post(a.port, `/v1/explain?lang=${lang}`, result);
        expect(answer.status).toBe(200);
        expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
        expect(answer.text).toBe(printed(await cli(["score", "examples/2022/hjwsc.json", "--lang", lang])));
      }
      expect((await post(a.port, "/v1/explain", "{}")).status).toBe(422);
    });

    it("POST /v1/compare answers what compare --format json prints, the candidate named by id or given as overrides", async () => {
      const path = file("inputs.ndjson", `${inputs.join("\n")}\n`);
      const expected = printed(await cli(["compare", path, "--candidate", POLICY_FILE, "--format", "json"]));
      const byId = await post(a.port, "/v1/compare", JSON.stringify({ inputs: inputs.map((i) => JSON.parse(i)), candidate: "xuancheng-2022-quota" }));
      expect(byId.status).toBe(200);
      expect(byId.text).toBe(expected);
      const overrides = JSON.parse(readFileSync(POLICY_FILE, "utf8")) as unknown;
      const given = await post(a.port, "/v1/compare", JSON.stringify({ inputs: inputs.map((i) => JSON.parse(i)), candidate: overrides }));
      expect(given.text).toBe(expected);
      const city = { id: "city-2023", complaintDeduction: 2 };
      const byCategory = await post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: inputs.map((i) => JSON.parse(i)), base: "xuancheng-2022-quota", candidate: city, by: "category" }));
      const run = await cli(["compare", path, "--base", POLICY_FILE, "--candidate", file("city.json", JSON.stringify(city)), "--by", "category", "--format", "json", "--lang", "en"]);
      expect(run.code).toBe(0);
      expect(byCategory.text).toBe(printed(run));
    });

    it("POST /v1/compare answers 422 for an unknown policy id, invalid overrides, an unknown key or an invalid input, each at its path", async () => {
      const list = inputs.map((i) => JSON.parse(i) as unknown);
      const unknown = await post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: list, candidate: "nowhere" }));
      expect(unknown.status).toBe(422);
      expect(JSON.parse(unknown.text).issues[0]).toMatchObject({ path: ["candidate"], code: "unknown-policy" });
      const bad = await post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: list, candidate: { id: "x", decimals: 9 } }));
      expect(JSON.parse(bad.text).issues[0].path).toEqual(["candidate", "decimals"]);
      const extra = await post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: list, candidate: "xuancheng-2022", sample: 1 }));
      expect(JSON.parse(extra.text).issues[0].code).toBe("unrecognized_keys");
      const invalid = await post(a.port, "/v1/compare?lang=en", JSON.stringify({ inputs: [list[0], { year: 2022 }], candidate: "xuancheng-2022" }));
      expect(invalid.status).toBe(422);
      expect(JSON.parse(invalid.text).issues[0].path.slice(0, 2)).toEqual(["inputs", 1]);
    });

    it("POST /v1/sensitivity answers what sensitivity --format json prints for the same policy, ranges, samples and seed", async () => {
      const path = file("inputs.ndjson", `${inputs.join("\n")}\n`);
      const ranges = { complaintDeduction: ["0.5", "3"] };
      const expected = printed(
        await cli(["sensitivity", path, "--policy", POLICY_FILE, "--ranges", file("ranges.json", JSON.stringify(ranges)), "--samples", "40", "--seed", "7", "--format", "json"]),
      );
      const answer = await post(a.port, "/v1/sensitivity", JSON.stringify({ inputs: inputs.map((i) => JSON.parse(i)), policy: "xuancheng-2022-quota", ranges, samples: 40, seed: 7 }));
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(expected);
      const refused = await post(a.port, "/v1/sensitivity?lang=en", JSON.stringify({ inputs: inputs.map((i) => JSON.parse(i)), samples: 0 }));
      expect(refused.status).toBe(422);
      expect(JSON.parse(refused.text).issues[0].path).toEqual(["samples"]);
    });

    it("GET /v1/policies lists the loaded policies and GET /v1/policies/{id} answers what policy --json prints", async () => {
      const list = await call(a.port, "GET", "/v1/policies");
      expect(JSON.parse(list.text).map((p: { id: string }) => p.id)).toEqual(["xuancheng-2022", "xuancheng-2022-quota"]);
      const one = await call(a.port, "GET", "/v1/policies/xuancheng-2022-quota");
      expect(one.text).toBe(printed(await cli(["policy", "--json", "--policy", POLICY_FILE])));
      expect((await call(a.port, "GET", "/v1/policies/xuancheng-2022")).text).toBe(printed(await cli(["policy", "--json"])));
      const none = await call(a.port, "GET", "/v1/policies/nowhere?lang=en");
      expect(none.status).toBe(404);
      expect(JSON.parse(none.text).error.code).toBe("not-found");
    });

    it("GET /v1/schemas/{kind} answers what schema prints, the shipped file's bytes", async () => {
      for (const kind of ["input", "policy", "result"]) {
        const answer = await call(a.port, "GET", `/v1/schemas/${kind}`);
        expect(answer.status).toBe(200);
        expect(answer.text).toBe(printed(await cli(["schema", kind])));
        expect(answer.text).toBe(readFileSync(`schemas/${kind}.schema.json`, "utf8"));
      }
      expect((await call(a.port, "GET", "/v1/schemas/other")).status).toBe(404);
    });

    it("GET /healthz answers ok and the package version", async () => {
      const answer = await call(a.port, "GET", "/healthz");
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ ok: true, version, worker: 1 });
    });
  });

  it("serves a Java 17 program on java.net.http.HttpClient that reads /openapi.json, scores, ranks and verifies", () => {
    const run = spawnSync("java", ["examples/service/java/WubiClient.java", a.url, "examples/2022/cgjdk.json", "examples/2022/zfzd.json", "examples/2022/gysyc.json"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toEqual([
      "score cgjdk 94.51",
      "score zfzd 92.94",
      "score gysyc 86.11",
      "rank cgjdk 1",
      "rank zfzd 2",
      "rank gysyc null",
      'verify {"ok":true,"differences":[]}',
      "422 unknown-policy",
      "",
    ]);
    expect(run.status).toBe(0);
  });

  describe("refuses what it cannot take, with an error body and never a stack trace", () => {
    const errorOf = (text: string): { code: string; message: string } => (JSON.parse(text) as { error: { code: string; message: string } }).error;

    it("answers 400 for a body that is not JSON, an empty body, and a query parameter it does not know", async () => {
      const broken = await post(a.port, "/v1/score?lang=en", '{"year": 2022,');
      expect(broken.status).toBe(400);
      expect(errorOf(broken.text)).toEqual({ code: "not-json", message: expect.stringMatching(/^The request body is not valid JSON: /) as unknown as string });
      expect((await post(a.port, "/v1/score", "")).status).toBe(400);
      const query = await post(a.port, "/v1/score?lang=en&polcy=x", inputText("cgjdk"));
      expect(query.status).toBe(400);
      expect(errorOf(query.text).message).toContain("polcy");
      expect((await post(a.port, "/v1/score?lang=fr", inputText("cgjdk"))).status).toBe(400);
    });

    it("answers 415 for a content type other than JSON (or NDJSON for a batch), or a charset other than UTF-8", async () => {
      expect((await call(a.port, "POST", "/v1/score", { body: inputText("cgjdk"), type: "text/plain" })).status).toBe(415);
      expect((await call(a.port, "POST", "/v1/score", { body: inputText("cgjdk") })).status).toBe(415);
      expect((await call(a.port, "POST", "/v1/score", { body: inputText("cgjdk"), type: "application/json; charset=gbk" })).status).toBe(415);
      const batch = await call(a.port, "POST", "/v1/score/batch", { body: inputs[0] as string, type: "application/json" });
      expect(batch.status).toBe(415);
      expect(errorOf(batch.text).code).toBe("unsupported-media-type");
      expect((await call(a.port, "POST", "/v1/score", { body: inputText("cgjdk"), type: "application/json; charset=UTF-8" })).status).toBe(200);
    });

    it("answers 413 for a JSON body over --max-body-bytes, declared or streamed", async () => {
      const big = JSON.stringify({ pad: "x".repeat(70_000) });
      const declared = await post(a.port, "/v1/score?lang=en", big);
      expect(declared.status).toBe(413);
      expect(errorOf(declared.text)).toEqual({ code: "body-too-large", message: "The request body is larger than the limit of 65536 bytes (--max-body-bytes)" });
      const conn = await raw(a.port);
      conn.socket.write(chunkedHead("/v1/rank", "application/json") + chunk(big.slice(0, 40_000)) + chunk(big.slice(40_000)));
      expect(await conn.until(/\r\n\r\n.*\}/s)).toMatch(/^HTTP\/1\.1 413 /);
      await conn.closed;
    });

    it("answers 408 and closes the connection when a JSON body arrives slower than --body-timeout-ms", async () => {
      const started = Date.now();
      const conn = await raw(a.port);
      conn.socket.write(`POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"year":`);
      const text = await conn.until(/\r\n\r\n.*\}/s);
      await conn.closed;
      expect(Date.now() - started).toBeGreaterThanOrEqual(650);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(text).toContain('"code":"body-timeout"');
    });

    it("answers 408 for an NDJSON batch whose first line never comes, and ends a stalled batch with an error line for the late line", async () => {
      const silent = await raw(a.port);
      silent.socket.write(chunkedHead("/v1/score/batch", "application/x-ndjson") + chunk('{"year":'));
      expect(await silent.until(/\r\n\r\n/)).toMatch(/^HTTP\/1\.1 408 /);
      await silent.closed;
      const stalled = await raw(a.port);
      stalled.socket.write(chunkedHead("/v1/score/batch?lang=en", "application/x-ndjson") + chunk(`${inputs[0]}\n${inputs[1]}\n`));
      const text = await stalled.until(/"code":"body-timeout"/);
      await stalled.closed;
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      expect(text).toContain('{"line":3,"error":{"issues":[{"path":[],"code":"body-timeout"');
    });

    it("answers 404 for an unknown path, 405 for a known path with another method, 422 for an unknown policy id", async () => {
      const unknown = await call(a.port, "GET", "/v2/score");
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown.text).code).toBe("not-found");
      const method = await call(a.port, "GET", "/v1/score");
      expect(method.status).toBe(405);
      expect(method.headers["allow"]).toBe("POST");
      const policy = await post(a.port, "/v1/score?policy=city-2099&lang=en", inputText("cgjdk"));
      expect(policy.status).toBe(422);
      expect(JSON.parse(policy.text).issues).toEqual([
        {
          path: ["query", "policy"],
          code: "unknown-policy",
          message: "No policy city-2099 is loaded (loaded: xuancheng-2022, xuancheng-2022-quota; load others at start with --policy FILE)",
        },
      ]);
      const batch = await call(a.port, "POST", "/v1/score/batch?policy=city-2099", { body: inputs[0] as string, type: "application/x-ndjson" });
      expect(batch.status).toBe(422);
    });
  });

  describe("operation", () => {
    it("gives every answer an x-request-id, the client's own when it sent one, and logs one JSON line per request without the body", async () => {
      const given = await call(a.port, "GET", "/healthz", { headers: { "x-request-id": "audit-2026-0001" } });
      expect(given.headers["x-request-id"]).toBe("audit-2026-0001");
      const made = await post(a.port, "/v1/score", inputText("cgjdk"));
      expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      const refused = await call(a.port, "GET", "/nowhere", { headers: { "x-request-id": "bad id with spaces" } });
      expect(refused.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      await sleep(50);
      const entries = a.log.map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const entry of entries) expect(Object.keys(entry)).toEqual(["time", "method", "path", "status", "ms", "requestId", "address"]);
      expect(entries.find((e) => e["requestId"] === "audit-2026-0001")).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
      expect(entries.find((e) => e["requestId"] === made.headers["x-request-id"])).toMatchObject({ method: "POST", path: "/v1/score", status: 200 });
      expect(a.log.join("\n")).not.toContain("城管监督科");
    });

    it("serves 64 concurrent clients on keep-alive connections, each answer the CLI's bytes", async () => {
      const expected = new Map<string, string>();
      for (const id of IDS) expected.set(id, printed(await cli(["score", "--json", `examples/2022/${id}.json`])));
      const agent = new Agent({ keepAlive: true, maxSockets: 64 });
      const sockets = new Set<Socket>();
      const client = async (n: number): Promise<void> => {
        for (let i = 0; i < 5; i += 1) {
          const id = IDS[(n + i) % IDS.length] as string;
          const answer = await new Promise<string>((resolve, reject) => {
            const req = httpRequest({ host: "127.0.0.1", port: a.port, method: "POST", path: "/v1/score", agent, headers: { "content-type": "application/json" } }, (res) => {
              sockets.add(res.socket);
              let text = "";
              res.setEncoding("utf8").on("data", (c: string) => (text += c)).on("end", () => resolve(text));
            });
            req.on("error", reject);
            req.end(inputText(id));
          });
          expect(answer).toBe(expected.get(id));
        }
      };
      await Promise.all(Array.from({ length: 64 }, (_, n) => client(n)));
      agent.destroy();
      expect(sockets.size).toBeLessThanOrEqual(64);
    });
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve, held to small limits", () => {
  let b: Served;
  beforeAll(async () => {
    b = await serve(["--max-in-flight", "3", "--max-in-flight-per-connection", "2", "--body-timeout-ms", "5000"]);
  });
  afterAll(() => {
    if (b.child.exitCode === null) b.child.kill("SIGKILL");
  });

  it("answers 503 with retry-after past --max-in-flight requests at once, and serves again once they finish", async () => {
    const slow = await Promise.all([0, 1, 2].map(() => raw(b.port)));
    const body = inputText("cgjdk");
    for (const conn of slow) conn.socket.write(`POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await sleep(200);
    const refused = await call(b.port, "GET", "/healthz?lang=en");
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(JSON.parse(refused.text).error.code).toBe("overloaded");
    for (const conn of slow) conn.socket.write(body.slice(10));
    for (const conn of slow) expect(await conn.until(/\r\n\r\n\{.*\}\n/s)).toMatch(/^HTTP\/1\.1 200 /);
    for (const conn of slow) conn.socket.destroy();
    await sleep(50);
    expect((await call(b.port, "GET", "/healthz")).status).toBe(200);
  });

  it("answers 503 past --max-in-flight-per-connection pipelined requests on one connection", async () => {
    const conn = await raw(b.port);
    const get = "GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n";
    conn.socket.write(get + get + get);
    const text = await conn.until(/HTTP\/1\.1 503 /);
    expect(text.match(/HTTP\/1\.1 \d+/g)).toEqual(["HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 503"]);
    conn.socket.destroy();
  });

  it("on SIGTERM stops accepting, completes the batch in flight and exits 0", async () => {
    const lines = inputs.slice(0, 6);
    const expected = printed(await cli(["score", "--batch", file("drain.ndjson", `${lines.join("\n")}\n`)]));
    let exit: Promise<number | null> | undefined;
    let whileDraining: Promise<string> | undefined;
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port: b.port, method: "POST", path: "/v1/score/batch", headers: { "content-type": "application/x-ndjson" } });
      req.on("error", reject);
      req.on("response", (res) => {
        let got = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          const first = got === "";
          got += c;
          if (first) {
            exit = b.stop();
            whileDraining = sleep(150).then(() =>
              call(b.port, "GET", "/healthz").then(
                (answer) => `answered ${answer.status}`,
                (cause: NodeJS.ErrnoException) => cause.code ?? "error",
              ),
            );
            // The server stops listening while the batch is still being sent; then the rest comes.
            setTimeout(() => req.end(`${lines.slice(3).join("\n")}\n`), 300);
          }
        });
        res.on("end", () => resolve(got));
      });
      req.write(`${lines.slice(0, 3).join("\n")}\n`);
      req.flushHeaders();
    });
    expect(text).toBe(expected);
    expect(await whileDraining).toBe("ECONNREFUSED");
    expect(await exit).toBe(0);
    await expect(call(b.port, "GET", "/healthz")).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("wubi-wuping serve's command line", () => {
  it("documents every flag in --help, in Chinese and English", async () => {
    for (const lang of ["zh", "en"]) {
      const run = await cli(["serve", "--help", "--lang", lang]);
      expect(run.code).toBe(0);
      for (const flag of ["--host", "--port", "--policy", "--max-body-bytes", "--max-line-bytes", "--body-timeout-ms", "--max-in-flight", "--max-in-flight-per-connection", "--max-items", "--max-scenario-work", "--request-timeout-ms", "--token-file", "--cors-origin", "--workers"]) {
        expect(run.out.split("\n").filter((line) => line.trimStart().startsWith(`${flag} `)), `${lang} ${flag}`).toHaveLength(1);
      }
      expect(run.out).toContain("SIGTERM");
    }
  });

  it("refuses a flag value that is not a whole number in range, and a policy file that is wrong, before listening", async () => {
    expect(await cli(["serve", "--port", "http", "--lang", "en"])).toMatchObject({ code: 2, err: "wubi-wuping serve: --port takes a whole number from 0 to 65535, not http" });
    expect(await cli(["serve", "--port", "http"])).toMatchObject({ code: 2, err: "wubi-wuping serve：--port 应为 0 到 65535 之间的整数，而不是 http" });
    expect((await cli(["serve", "--max-in-flight", "0"])).code).toBe(2);
    const run = await cli(["serve", "--policy", file("bad-policy.json", '{"id":"x","decimals":9}'), "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad-policy\.json: decimals: /);
  });

  it("refuses a token file that is missing, empty, or has a token with a space, before listening", async () => {
    expect(await cli(["serve", "--token-file", file("empty-tokens.txt", "\n\n"), "--lang", "en"])).toMatchObject({ code: 1, err: expect.stringMatching(/holds no token$/) });
    expect((await cli(["serve", "--token-file", file("spaced-tokens.txt", "good\nbad token\n"), "--lang", "en"])).err).toMatch(/a space or a character outside visible ASCII/);
    expect((await cli(["serve", "--token-file", "no/such/tokens.txt", "--lang", "en"])).code).toBe(1);
    expect((await cli(["serve", "--workers", "0"])).code).toBe(2);
  });
});
