/**
 * `npm run bench` (service part; alone: `npm run bench -- --service-only`): what HTTP costs.
 *
 * (a) In process: `JSON.parse` + `safeScore` + `JSON.stringify` of typical inputs (the seeded
 * generator's participant-years), one after the other — the same work the service does per request.
 * (b) `wubi-wuping serve` in a child process on 127.0.0.1, driven by a small load generator in this
 * process: keep-alive connections, `--in-flight` requests at once (one per connection), each a
 * `POST /v1/score` of one of the same inputs; every answer's status is checked and each input's
 * first answer compared byte for byte with (a)'s. Requests per second, and the ratio (b)/(a).
 * (c) `--rss-requests` requests (default 100,000) against the same server, its resident set size
 * sampled from /proc as they go: the peak, and the figures at 10 % and at the end (flat when the
 * two differ little). The load generator talks to loopback only and stops after a bounded count.
 *
 * (d) the same load against `serve --workers 2` (node:cluster, one port), in the same rounds.
 *
 * Options: `--in-flight N` (64), `--requests N` (20000 timed, after 2000 to warm up),
 * `--rss-requests N` (100000), `--inputs N` (distinct inputs, 1000), `--runs N` (3).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { safeScore } from "../src/index.js";
import { generateLines } from "./generate.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

const IN_FLIGHT = Math.max(1, option("in-flight", 64));
const REQUESTS = Math.max(1, option("requests", 20_000));
const RSS_REQUESTS = option("rss-requests", 100_000);
const INPUTS = Math.max(1, option("inputs", 1_000));
const RUNS = Math.max(1, option("runs", 3));
const CLI = join(process.cwd(), "dist", "cli.js");

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

const lines = generateLines(INPUTS, 20221231);
const expected = lines.map((line) => {
  const outcome = safeScore(JSON.parse(line));
  if (!outcome.success) throw new Error("the generator made an invalid input");
  return `${JSON.stringify(outcome.data)}\n`;
});

/** (a): the service's work per request, in process. */
function inProcess(count: number): number {
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const outcome = safeScore(JSON.parse(lines[i % lines.length] as string));
    if (outcome.success) bytes += JSON.stringify(outcome.data).length;
  }
  if (bytes === 0) throw new Error("nothing scored");
  return count / ((performance.now() - start) / 1000);
}

/**
 * The same work behind a bare `node:http` server, with no framework, limits or log: how much of
 * the cost is HTTP itself on this machine (a reference point, not the service).
 */
const BARE_SERVER = `
import { createServer } from "node:http";
import { safeScore } from ${JSON.stringify(join(process.cwd(), "dist", "index.js"))};
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const outcome = safeScore(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    const body = JSON.stringify(outcome.success ? outcome.data : { issues: outcome.error.issues }) + "\\n";
    res.writeHead(outcome.success ? 200 : 422, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => process.stderr.write("listening on http://127.0.0.1:" + server.address().port + "\\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

/** Starts `serve --port 0` (with `--workers N` when given, or the bare server) and resolves with its port and process. */
function startServer(bare = false, workers = 1): Promise<{ port: number; pid: number; stop: () => Promise<number | null> }> {
  const args = bare ? ["--input-type=module", "-e", BARE_SERVER] : [CLI, "serve", "--port", "0", "--lang", "en", "--workers", String(workers)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:([0-9]+)/.exec(err)?.[1];
      if (port !== undefined) resolve({ port: Number(port), pid: child.pid as number, stop: () => (child.kill("SIGTERM"), exited) });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${String(code)}: ${err}`)));
  });
}

const requestBytes = lines.map((line) =>
  Buffer.from(`POST /v1/score HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(line)}\r\n\r\n${line}`),
);

/**
 * Sends `count` requests over `connections` keep-alive connections, one in flight on each, and
 * resolves with the seconds it took. Checks every status and each input's first answer.
 */
async function load(port: number, count: number, connections: number, onProgress?: (done: number) => void): Promise<number> {
  let sent = 0;
  let done = 0;
  const checked = new Set<number>();
  const start = performance.now();
  await Promise.all(
    Array.from(
      { length: Math.min(connections, count) },
      () =>
        new Promise<void>((resolve, reject) => {
          const socket: Socket = connect(port, "127.0.0.1");
          socket.setNoDelay(true);
          let buffer: Buffer = Buffer.alloc(0);
          let current = -1;
          const next = (): void => {
            if (sent >= count) {
              socket.end();
              resolve();
              return;
            }
            current = sent % lines.length;
            sent += 1;
            socket.write(requestBytes[current] as Buffer);
          };
          socket.on("data", (chunk: Buffer) => {
            buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
            for (;;) {
              const head = buffer.indexOf("\r\n\r\n");
              if (head < 0) return;
              const headers = buffer.subarray(0, head).toString("latin1");
              const length = Number(/content-length: *([0-9]+)/i.exec(headers)?.[1] ?? NaN);
              if (!Number.isInteger(length)) return reject(new Error(`an answer without content-length: ${headers}`));
              if (buffer.length < head + 4 + length) return;
              if (!headers.startsWith("HTTP/1.1 200 ")) return reject(new Error(`answered ${headers.split("\r\n")[0]}`));
              if (!checked.has(current)) {
                checked.add(current);
                const body = buffer.subarray(head + 4, head + 4 + length).toString("utf8");
                if (body !== expected[current]) return reject(new Error(`answer ${current} differs from the in-process result`));
              }
              buffer = buffer.subarray(head + 4 + length);
              done += 1;
              if (onProgress !== undefined && done % 1000 === 0) onProgress(done);
              next();
            }
          });
          socket.on("error", reject);
          socket.once("connect", next);
        }),
    ),
  );
  return (performance.now() - start) / 1000;
}

/** The resident set size and its peak (VmHWM) of a process, in MB. */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+([0-9]+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/**
 * Runs the service bench and prints its figures.
 *
 * @example
 * ```ts
 * await serviceBench(); // prints requests/s in process and over HTTP, the ratio, and RSS
 * ```
 */
export async function serviceBench(): Promise<void> {
  console.log(`\nservice: POST /v1/score, ${fmt(INPUTS)} distinct inputs (${fmt(lines.reduce((n, l) => n + l.length, 0) / lines.length)} characters each on average), ${IN_FLIGHT} in flight, loopback`);
  const server = await startServer();
  const bare = await startServer(true);
  const two = await startServer(false, 2);
  try {
    await sleep(1_000); // the second process of --workers 2 listens too
    await load(server.port, 2_000, IN_FLIGHT);
    await load(bare.port, 2_000, IN_FLIGHT);
    await load(two.port, 2_000, IN_FLIGHT);
    inProcess(2_000);
    const local: number[] = [];
    const http: number[] = [];
    const plain: number[] = [];
    const doubled: number[] = [];
    const ratios: number[] = [];
    const ofBare: number[] = [];
    const ofOne: number[] = [];
    // Each round measures the four one after the other, so that a change in the machine's load
    // between rounds moves all of them; the ratios are taken within a round.
    for (let run = 0; run < RUNS; run += 1) {
      const a = inProcess(REQUESTS);
      const b = REQUESTS / (await load(server.port, REQUESTS, IN_FLIGHT));
      const c = REQUESTS / (await load(bare.port, REQUESTS, IN_FLIGHT));
      const d = REQUESTS / (await load(two.port, REQUESTS, IN_FLIGHT));
      local.push(a);
      http.push(b);
      plain.push(c);
      doubled.push(d);
      ratios.push(b / a);
      ofBare.push(b / c);
      ofOne.push(d / b);
    }
    await bare.stop();
    await two.stop();
    const ratio = median(http) / median(local);
    console.log(`(a) in process: parse + safeScore + stringify   ${fmt(median(local)).padStart(8)} /s   (median of ${RUNS} rounds of ${fmt(REQUESTS)})`);
    console.log(`(b) over HTTP, ${IN_FLIGHT} in flight, keep-alive          ${fmt(median(http)).padStart(8)} /s   (each answer checked; first per input byte for byte)`);
    console.log(
      `(c) the same work behind a bare node:http server  ${fmt(median(plain)).padStart(8)} /s   (no framework, limits or log: ${(median(plain) / median(local)).toFixed(2)} of (a); the service is ${(median(http) / median(plain)).toFixed(2)} of it, ${median(ofBare).toFixed(2)} median of rounds; target ≥ 0.80: ${median(ofBare) >= 0.8 ? "met" : "NOT met"})`,
    );
    console.log(
      `(d) serve --workers 2                             ${fmt(median(doubled)).padStart(8)} /s   (${(median(doubled) / median(http)).toFixed(2)} of (b), ${median(ofOne).toFixed(2)} median of rounds; rounds: ${ofOne.map((r) => r.toFixed(2)).join(", ")})`,
    );
    console.log(
      `ratio (b)/(a) = ${ratio.toFixed(2)} of medians, ${median(ratios).toFixed(2)} median of rounds  (target ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`,
    );
    if (RSS_REQUESTS > 0) {
      const samples: { done: number; rss: number }[] = [];
      const seconds = await load(server.port, RSS_REQUESTS, IN_FLIGHT, (done) => {
        if (done % 10_000 === 0) samples.push({ done, rss: rssOf(server.pid).rss });
      });
      const { rss, peak } = rssOf(server.pid);
      const early = samples.find((s) => s.done >= RSS_REQUESTS / 10)?.rss ?? rss;
      console.log(
        `RSS over ${fmt(RSS_REQUESTS)} requests (${fmt(RSS_REQUESTS / seconds)} /s): ${samples.map((s) => `${fmt(s.done / 1000)}k ${s.rss.toFixed(1)}`).join(", ")} MB`,
      );
      console.log(`  at ${fmt(RSS_REQUESTS / 10)}: ${early.toFixed(1)} MB, at the end: ${rss.toFixed(1)} MB (${(((rss - early) / early) * 100).toFixed(1)} %), peak ${peak.toFixed(1)} MB`);
    }
  } finally {
    const code = await server.stop();
    if (code !== 0) console.log(`serve exited with ${String(code)} on SIGTERM`);
  }
}
