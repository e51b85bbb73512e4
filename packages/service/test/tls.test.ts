/**
 * The TLS recipe of docs/service.md, run for real: the nginx server block printed there (the same
 * in docs/zh-CN/服务.md), with a self-signed certificate made here by the openssl CLI, in front of
 * `wubi-wuping serve --token-file`, both on 127.0.0.1; called over HTTPS with that certificate as
 * the only CA. nginx runs as the current user in the foreground (`daemon off; master_process off;`),
 * every path it writes in a temporary directory, and is stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT } from "../../../test/cli/run.js";
import { onPath } from "../../../test/support/programs.js";
import { post, serve, sleep, type Answer, type Served } from "./harness.js";

/** The first ```nginx block of a page. */
function recipeOf(page: string): string {
  const match = /```nginx\n([\s\S]*?)```/.exec(readFileSync(page, "utf8"));
  if (match === null) throw new Error(`${page} has no nginx block`);
  return match[1] as string;
}

/** A port free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const NGINX = onPath("nginx");
const OPENSSL = onPath("openssl");
const TOKEN = "tls-recipe-token-5d1e";

describe.skipIf(!BUILT)("the nginx TLS recipe of docs/service.md, in front of the service", () => {
  let dir: string;
  let service: Served;
  let nginx: ChildProcess;
  let port: number;
  let ca: Buffer;

  /** One HTTPS request through nginx, trusting only the test's certificate. */
  const https = (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpsRequest({ host: "127.0.0.1", port, method, path, ca, servername: "localhost", headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });

  beforeAll(async () => {
    expect(NGINX, "nginx is on PATH (scripts/test-prerequisites.sh installs it)").toBeDefined();
    expect(OPENSSL, "openssl is on PATH").toBeDefined();
    dir = mkdtempSync(join(tmpdir(), "wubi-tls-"));
    const made = spawnSync(
      OPENSSL as string,
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", join(dir, "wubi-wuping.key"), "-out", join(dir, "wubi-wuping.crt")],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    ca = readFileSync(join(dir, "wubi-wuping.crt"));
    writeFileSync(join(dir, "tokens.txt"), `${TOKEN}\n`);
    service = await serve(["--token-file", join(dir, "tokens.txt")]);
    port = await freePort();
    const recipe = recipeOf("docs/service.md")
      .replace("server 127.0.0.1:8080;", `server 127.0.0.1:${service.port};`)
      .replace("listen 443 ssl;", `listen 127.0.0.1:${port} ssl;`)
      .replace("/etc/nginx/tls/wubi-wuping.crt", join(dir, "wubi-wuping.crt"))
      .replace("/etc/nginx/tls/wubi-wuping.key", join(dir, "wubi-wuping.key"));
    const conf = [
      "daemon off;",
      "master_process off;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} notice;`,
      "events { worker_connections 64; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`),
      recipe,
      "}",
      "",
    ].join("\n");
    writeFileSync(join(dir, "nginx.conf"), conf);
    nginx = spawn(NGINX as string, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: ["ignore", "pipe", "pipe"] });
    let started = false;
    for (let i = 0; i < 100 && !started; i += 1) {
      await sleep(100);
      if (nginx.exitCode !== null) break;
      started = await https("GET", "/healthz").then(
        () => true,
        () => false,
      );
    }
    expect(started, readFileSync(join(dir, "error.log"), "utf8")).toBe(true);
  }, 60_000);

  afterAll(async () => {
    if (nginx !== undefined && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once("exit", resolve));
      nginx.kill("SIGQUIT");
      await exited;
    }
    if (service !== undefined) expect(await service.stop()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the same server block in the English and the Chinese page", () => {
    expect(recipeOf("docs/zh-CN/服务.md")).toBe(recipeOf("docs/service.md"));
  });

  it("answers over HTTPS what the service answers itself, the token and the request id passed on", async () => {
    const body = readFileSync("examples/2022/cgjdk.json", "utf8");
    const direct = await post(service.port, "/v1/score", body, { authorization: `Bearer ${TOKEN}` });
    const through = await https("POST", "/v1/score", body, { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "x-request-id": "tls-1" });
    expect(through.status).toBe(200);
    expect(through.text).toBe(direct.text);
    expect(through.headers["x-request-id"]).toBe("tls-1");
    expect(through.headers["x-content-type-options"]).toBe("nosniff");
    expect(through.headers["cache-control"]).toBe("no-store");
    expect((await https("POST", "/v1/score", body, { "content-type": "application/json" })).status).toBe(401);
    const health = await https("GET", "/healthz");
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, worker: 1 });
  });

  it("streams an NDJSON batch through it", async () => {
    const lines = ["cgjdk", "csglk", "zfzd"].map((id) => JSON.stringify(JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8"))));
    const answer = await https("POST", "/v1/score/batch", `${lines.join("\n")}\n`, { "content-type": "application/x-ndjson", authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.text.trimEnd().split("\n")).toHaveLength(3);
  });

  it("refuses plain HTTP on the TLS port", async () => {
    const { call } = await import("./harness.js");
    expect((await call(port, "GET", "/healthz")).status).toBe(400);
  });
});
