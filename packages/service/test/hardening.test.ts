/**
 * The service held against hostile and heavy requests over real HTTP on 127.0.0.1
 * (docs/service.md, "Bounded work" and "Access"): every hostile body answers a bounded 4xx and the
 * server stays up; lists of issues capped; `--max-items` and the `sensitivity` work budget checked
 * before any work; heavy work off the event loop (`/healthz` within 50 ms meanwhile) and stopped
 * past `--request-timeout-ms`; tokens, CORS, `nosniff` / `no-store`; the drain on SIGTERM seen
 * from a kept-alive connection; `--workers 2` on one port.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT, cli, tempFiles, type Run } from "../../../test/cli/run.js";
import { call, post, raw, serve, sleep, type Answer, type Served } from "./harness.js";

const IDS = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];
const example = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8")) as Record<string, unknown>;
/** `n` valid inputs of 2022, the examples again and again under distinct participant ids. */
const manyInputs = (n: number): unknown[] =>
  Array.from({ length: n }, (_, i) => {
    const input = example(IDS[i % IDS.length] as string);
    return { ...input, participant: { ...(input["participant"] as object), id: `p${i}` } };
  });
/** An input whose routine inspection has `n` rounds that are not rounds: several issues each. */
const badRounds = (n: number): Record<string, unknown> => {
  const input = example("cgjdk");
  const components = input["components"] as Record<string, unknown>;
  return { ...input, components: { ...components, routineInspection: { rounds: Array.from({ length: n }, () => ({ date: "no date", score: "x" })) } } };
};
const file = tempFiles("wubi-hardening-");
/** The bytes a CLI run wrote to stdout: each `out` call is one line. */
const printed = (run: Run): string => run.outLines.map((line) => `${line}\n`).join("");

/** A 422 answer whose issues are capped: the first 100, then one `more-issues` with the count left off. */
function expectCapped(answer: Answer, atLeast: number): void {
  expect(answer.status).toBe(422);
  const issues = (JSON.parse(answer.text) as { issues: Record<string, unknown>[] }).issues;
  expect(issues).toHaveLength(101);
  const last = issues[100] as Record<string, unknown>;
  expect(last).toMatchObject({ path: [], code: "more-issues" });
  expect(last["count"]).toBeGreaterThanOrEqual(atLeast);
  expect(typeof last["message"]).toBe("string");
  expect(issues.slice(0, 100).every((issue) => issue["code"] !== "more-issues")).toBe(true);
}

/**
 * `/healthz` probes answered quickly while work ran. The probes' times include this test process's
 * own scheduling on a shared machine: nine in ten within 50 ms (on a quiet machine all are), none
 * held anywhere near the work's length.
 */
function expectQuick(waits: readonly number[]): void {
  const sorted = [...waits].sort((x, y) => x - y);
  const shown = `probes in ms: ${sorted.map((w) => w.toFixed(0)).join(" ")}`;
  expect(sorted[Math.floor(sorted.length * 0.9)], shown).toBeLessThan(50);
  expect(Math.max(...waits), shown).toBeLessThan(1_000);
}

/** `/healthz` answers 200 (the server is up). */
async function expectUp(s: Served): Promise<void> {
  expect((await call(s.port, "GET", "/healthz")).status).toBe(200);
  expect(s.child.exitCode).toBeNull();
}

describe.skipIf(!BUILT)("wubi-wuping serve against hostile bodies, with its default limits", () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve([]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers POST /v1/rank of 400,000 empty objects (1.17 MB) with a small 422 too-many-items at once, and stays up", async () => {
    const body = `[${Array.from({ length: 400_000 }, () => "{}").join(",")}]`;
    expect(body.length).toBeGreaterThan(1_100_000);
    const start = performance.now();
    const answer = await post(s.port, "/v1/rank?lang=en", body);
    const ms = performance.now() - start;
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toEqual({
      issues: [{ path: [], code: "too-many-items", message: "This list has 400000 items, more than the 100000 the service takes (--max-items)" }],
    });
    expect(answer.text.length).toBeLessThan(300);
    expect(ms).toBeLessThan(5_000);
    await expectUp(s);
  });

  it("caps the issues of POST /v1/rank with 20,000 empty objects at 100 and a count, and answers /healthz meanwhile", async () => {
    const body = `[${Array.from({ length: 20_000 }, () => "{}").join(",")}]`;
    const ranking = post(s.port, "/v1/rank", body);
    let done = false;
    void ranking.then(() => (done = true));
    const waits: number[] = [];
    while (!done && waits.length < 200) {
      const start = performance.now();
      await call(s.port, "GET", "/healthz");
      waits.push(performance.now() - start);
      await sleep(50);
    }
    const answer = await ranking;
    expectCapped(answer, 20_000);
    expect(answer.text.length).toBeLessThan(64 * 1024);
    expectQuick(waits);
    await expectUp(s);
  }, 120_000);

  it("caps the issues of /v1/score, /v1/verify, /v1/explain, /v1/compare, /v1/sensitivity and of a batch line", async () => {
    const bad = badRounds(150);
    expectCapped(await post(s.port, "/v1/score", JSON.stringify(bad)), 1);
    expectCapped(await post(s.port, "/v1/verify", JSON.stringify({ input: bad, result: { policy: { id: "xuancheng-2022" } } })), 1);
    expectCapped(await post(s.port, "/v1/explain", JSON.stringify({ components: Array.from({ length: 150 }, () => ({})) })), 1);
    expectCapped(await post(s.port, "/v1/compare", JSON.stringify({ inputs: Array.from({ length: 150 }, () => ({})), candidate: "xuancheng-2022" })), 1);
    expectCapped(await post(s.port, "/v1/sensitivity", JSON.stringify({ inputs: Array.from({ length: 150 }, () => ({})), samples: 10 })), 1);
    const batch = await call(s.port, "POST", "/v1/score/batch", { body: `${JSON.stringify(bad)}\n`, type: "application/x-ndjson" });
    expect(batch.status).toBe(200);
    const line = JSON.parse(batch.text) as { line: number; error: { issues: Record<string, unknown>[] } };
    expect(line.error.issues).toHaveLength(101);
    expect(line.error.issues[100]).toMatchObject({ code: "more-issues" });
    await expectUp(s);
  });

  it("scores a batch past its first 1,000 lines in a worker thread, the answer the bytes score --batch prints", async () => {
    const valid = manyInputs(7).map((input) => JSON.stringify(input));
    const lines = Array.from({ length: 2_500 }, (_, i) => (i % 500 === 7 ? "" : i % 300 === 11 ? "{not json" : i % 400 === 13 ? JSON.stringify(badRounds(3)) : (valid[i % 7] as string)));
    const body = `${lines.join("\n")}\n`;
    const expected = printed(await cli(["score", "--batch", file("long-batch.ndjson", body)]));
    const answer = await call(s.port, "POST", "/v1/score/batch", { body, type: "application/x-ndjson" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(expected);
    await expectUp(s);
  }, 120_000);

  it("answers a sensitivity over the work budget (210 inputs × 100,000 samples) 422 too-much-work before any work", async () => {
    const start = performance.now();
    const answer = await post(s.port, "/v1/sensitivity?lang=en", JSON.stringify({ inputs: manyInputs(210), samples: 100_000 }));
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toEqual({
      issues: [
        {
          path: [],
          code: "too-much-work",
          message:
            "210 inputs × 100000 scenarios = 21000000, over the service's work budget of 20000000 (--max-scenario-work); ask for fewer samples or split the inputs",
        },
      ],
    });
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve under a maximal sensitivity", () => {
  let s: Served;
  // A request timeout of 5 s: the maximal work outlasts it on this machine (docs/performance.md),
  // so the test sees the whole path — the work in its thread, /healthz answered meanwhile, 503 at
  // the limit and the thread stopped — in seconds rather than the default minute.
  beforeAll(async () => {
    s = await serve(["--request-timeout-ms", "5000"]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers /healthz within 50 ms while a maximal sensitivity (200 inputs × 100,000 samples) runs", async () => {
    const analysis = post(s.port, "/v1/sensitivity", JSON.stringify({ inputs: manyInputs(200), samples: 100_000 }));
    let done = false;
    void analysis.then(() => (done = true));
    await sleep(300); // the body is read and the work has begun
    const waits: number[] = [];
    while (!done && waits.length < 400) {
      const start = performance.now();
      const health = await call(s.port, "GET", "/healthz");
      waits.push(performance.now() - start);
      expect(health.status).toBe(200);
      await sleep(20);
    }
    const answer = await analysis;
    // The maximal work either finishes or, past --request-timeout-ms (5 s here), ends with
    // 503 and its thread is stopped; on decimal.js this machine needs far more than 5 s for it
    // (docs/performance.md). Either way /healthz stayed quick throughout.
    if (answer.status === 200) expect(JSON.parse(answer.text)).toMatchObject({ samples: 100_000 });
    else expect([answer.status, (JSON.parse(answer.text) as { error: { code: string } }).error.code]).toEqual([503, "request-timeout"]);
    expect(waits.length).toBeGreaterThan(5);
    expectQuick(waits);
  }, 180_000);
});

describe.skipIf(!BUILT)("wubi-wuping serve with small limits for heavy work", () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve(["--max-items", "1000", "--request-timeout-ms", "1000", "--max-scenario-work", "100000000"]);
    // The worker threads start with the server, and a job waiting for one counts against the 1 s
    // limit: on a busy machine a thread takes over a second to load the engine, so the tests begin
    // once one has answered (a few tries, bounded).
    for (let i = 0; i < 20 && (await post(s.port, "/v1/rank", "[]")).status !== 200; i += 1) await sleep(250);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers 422 too-many-items for a list over --max-items anywhere in a body, on every JSON endpoint", async () => {
    const long = Array.from({ length: 1001 }, () => ({}));
    const cases: [string, unknown, unknown[]][] = [
      ["/v1/rank", long, []],
      ["/v1/compare", { inputs: long, candidate: "xuancheng-2022" }, ["inputs"]],
      ["/v1/sensitivity", { inputs: [{ deep: [long] }] }, ["inputs", 0, "deep", 0]],
      ["/v1/score", { components: { x: long } }, ["components", "x"]],
      ["/v1/verify", { input: long, result: {} }, ["input"]],
      ["/v1/explain", { trace: long }, ["trace"]],
    ];
    for (const [path, body, at] of cases) {
      const answer = await post(s.port, path, JSON.stringify(body));
      expect(answer.status, path).toBe(422);
      expect(JSON.parse(answer.text), path).toMatchObject({ issues: [{ path: at, code: "too-many-items" }] });
    }
    // At the limit, the list is read: the issues are the input's own.
    const atLimit = await post(s.port, "/v1/score", JSON.stringify({ components: { x: long.slice(1) } }));
    expect(atLimit.status).toBe(422);
    expect(atLimit.text).not.toContain("too-many-items");
  });

  it("ends work past --request-timeout-ms with 503 request-timeout, stops it, and serves the next request", async () => {
    const answer = await post(s.port, "/v1/sensitivity?lang=en", JSON.stringify({ inputs: manyInputs(400), samples: 100_000 }));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toEqual({
      error: { code: "request-timeout", message: "The request was not done within 1000 ms (--request-timeout-ms); its work was stopped" },
    });
    await expectUp(s);
    // The stopped thread's replacement loads the engine first (over a second on a busy machine,
    // which a job waiting for it counts against the 1 s limit): a few tries, bounded.
    let small = await post(s.port, "/v1/compare", JSON.stringify({ inputs: manyInputs(2), candidate: "xuancheng-2022" }));
    for (let i = 0; i < 20 && small.status === 503; i += 1) {
      await sleep(250);
      small = await post(s.port, "/v1/compare", JSON.stringify({ inputs: manyInputs(2), candidate: "xuancheng-2022" }));
    }
    expect(small.status).toBe(200);
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve with --token-file and --cors-origin", () => {
  let s: Served;
  const tokens = file("tokens.txt", "\n  first-token-3f9a  \nsecond-token-77c1\n\n");
  beforeAll(async () => {
    s = await serve(["--token-file", tokens, "--cors-origin", "https://audit.example.gov.cn", "--cors-origin", "http://127.0.0.1:9000"]);
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it("answers 401 to a /v1/* request without one of the tokens, 200 with one; /healthz and /openapi.json stay open", async () => {
    const body = readFileSync("examples/2022/cgjdk.json", "utf8");
    for (const authorization of [undefined, "Bearer nope", "Bearer first-token-3f9", "Bearer first-token-3f9a0", "Basic Zmlyc3QtdG9rZW4tM2Y5YQ==", "first-token-3f9a"]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const answer = await post(s.port, "/v1/score?lang=en", body, headers);
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "unauthorized" } });
      expect(answer.text).toContain("authorization: Bearer");
    }
    expect((await call(s.port, "GET", "/v1/policies")).status).toBe(401);
    expect((await post(s.port, "/v1/score", body, { authorization: "Bearer first-token-3f9a" })).status).toBe(200);
    expect((await post(s.port, "/v1/score", body, { authorization: "bearer second-token-77c1" })).status).toBe(200);
    expect((await call(s.port, "GET", "/v1/policies", { headers: { authorization: "Bearer second-token-77c1" } })).status).toBe(200);
    expect((await call(s.port, "GET", "/healthz")).status).toBe(200);
    expect((await call(s.port, "GET", "/openapi.json")).status).toBe(200);
  });

  it("puts nosniff and no-store on every answer, errors and refusals included", async () => {
    const answers = [
      await call(s.port, "GET", "/healthz"),
      await call(s.port, "GET", "/openapi.json"),
      await call(s.port, "GET", "/nowhere"),
      await post(s.port, "/v1/score", "{}"),
      await post(s.port, "/v1/score", "{", { authorization: "Bearer first-token-3f9a" }),
    ];
    for (const answer of answers) {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["cache-control"]).toBe("no-store");
    }
  });

  it("allows the --cors-origin origins, answering their preflight, and no other", async () => {
    const preflight = await call(s.port, "OPTIONS", "/v1/score", {
      headers: { origin: "https://audit.example.gov.cn", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://audit.example.gov.cn");
    expect(String(preflight.headers["access-control-allow-headers"])).toMatch(/authorization/);
    const allowed = await call(s.port, "GET", "/healthz", { headers: { origin: "http://127.0.0.1:9000" } });
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:9000");
    const other = await call(s.port, "GET", "/healthz", { headers: { origin: "https://elsewhere.example" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("logs the client's address with each request", async () => {
    await call(s.port, "GET", "/healthz", { headers: { "x-request-id": "addr-check-1" } });
    await sleep(50);
    const entry = s.log.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e["requestId"] === "addr-check-1");
    expect(entry).toMatchObject({ path: "/healthz", status: 200, address: "127.0.0.1" });
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve without --cors-origin", () => {
  it("sends no CORS header to a browser origin", async () => {
    const s = await serve([]);
    const answer = await call(s.port, "GET", "/healthz", { headers: { origin: "https://audit.example.gov.cn" } });
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(await s.stop()).toBe(0);
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve draining on SIGTERM, seen from a kept-alive connection", () => {
  it("answers a new request on a kept-alive connection 503 shutting-down with connection: close, and the request in flight with connection: close", async () => {
    const s = await serve([]);
    const idle = await raw(s.port);
    idle.socket.write("GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n");
    const first = await idle.until(/\r\n\r\n\{[^\n]*\}\n/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(first.toLowerCase()).toContain("connection: keep-alive");
    // A request in flight (its body not yet complete) keeps the server draining.
    const busy = await raw(s.port);
    const body = readFileSync("examples/2022/cgjdk.json", "utf8");
    busy.socket.write(`POST /v1/score HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 100)}`);
    await sleep(100);
    const exit = s.stop();
    await sleep(150);
    const before = idle.received().length;
    idle.socket.write("GET /healthz?lang=en HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n");
    await idle.closed;
    const second = idle.received().slice(before);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second.toLowerCase()).toContain("connection: close");
    expect(second).toContain('{"error":{"code":"shutting-down","message":"The service is shutting down"}}');
    busy.socket.write(body.slice(100));
    await busy.closed;
    expect(busy.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(busy.received().toLowerCase()).toContain("connection: close");
    expect(await exit).toBe(0);
  });
});

describe.skipIf(!BUILT)("wubi-wuping serve --workers 2", () => {
  it("serves on one port from two processes, /healthz telling each one's id, and stops both on SIGTERM", async () => {
    const s = await serve(["--workers", "2"]);
    let stopped: Promise<number | null> | undefined;
    try {
      const seen = new Set<number>();
      for (let i = 0; i < 40 && seen.size < 2; i += 1) {
        const health = JSON.parse((await call(s.port, "GET", "/healthz")).text) as { ok: boolean; worker: number };
        expect(health.ok).toBe(true);
        seen.add(health.worker);
        if (seen.size < 2) await sleep(25);
      }
      expect([...seen].sort()).toEqual([1, 2]);
      const scored = await post(s.port, "/v1/score", readFileSync("examples/2022/cgjdk.json", "utf8"));
      expect(scored.status).toBe(200);
      stopped = s.stop();
      expect(await stopped).toBe(0);
    } finally {
      // The processes never outlive the test, whatever failed.
      if (stopped === undefined) await s.stop();
    }
  }, 30_000);
});
