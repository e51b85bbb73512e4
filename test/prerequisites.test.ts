/**
 * `npm test` on a fresh machine: scripts/test-prerequisites.sh, which runs first, finds each program
 * the tests use as the tests find it (on PATH) and, for a user who is not root, stops at once with
 * the one `apt-get install` line to run. Checked here on a PATH that holds only what the script
 * itself needs (a machine with none of the programs), as a user who is not root.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { onPath } from "./support/programs.js";

const script = join(import.meta.dirname, "..", "scripts/test-prerequisites.sh");
const bare = mkdtempSync(join(tmpdir(), "wubi-wuping-bare-path-"));
chmodSync(bare, 0o755);
for (const command of ["bash", "id", "grep", "cat"]) symlinkSync(onPath(command) ?? `/usr/bin/${command}`, join(bare, command));

afterAll(() => rmSync(bare, { recursive: true, force: true }));

/** Runs the script on the bare PATH, as `nobody` when the tests run as root (so it never installs anything here). */
function runBare(env: Record<string, string> = {}) {
  const asRoot = process.getuid?.() === 0;
  return spawnSync(join(bare, "bash"), [script], {
    env: { PATH: bare, ...env },
    encoding: "utf8",
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
}

describe("the test prerequisites on a machine without them", () => {
  it("names every missing Debian package in one apt-get line and stops (exit 1), when not root", () => {
    const run = runBare();
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    // nginx lives in /usr/sbin, which a user's PATH often lacks: the script looks there too.
    const nginx = existsSync("/usr/sbin/nginx") ? "" : " nginx";
    expect(lines).toContain(
      `  apt-get update && apt-get install -y chromium libreoffice-calc poppler-utils python3-openpyxl python3-jsonschema fonts-noto-cjk openjdk-17-jdk-headless${nginx} openssl`,
    );
    expect(run.stderr).toMatch(/请以 root 身份运行/);
    expect(run.stdout).toBe("");
  });

  it("can be skipped on purpose", () => {
    expect(runBare({ WUBI_WUPING_SKIP_PREREQUISITES: "1" }).status).toBe(0);
  });
});
