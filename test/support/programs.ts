/**
 * The programs a test needs, found as scripts/test-prerequisites.sh finds them. The Python interpreter: the first `python3` (or `python3.N`) on PATH that imports the
 * module, as scripts/test-prerequisites.sh looks for it — a machine may have several (a user's
 * pyenv before Debian's), and only Debian's has the packages apt installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const found = new Map<string, string>();

/**
 * The candidates that cannot run at all (exit 127: a pyenv shim of a version not selected), tried
 * once per test worker rather than once per module: each costs a fraction of a second.
 */
const unrunnable = new Set<string>();

/**
 * The path of a python3 on PATH that can `import module`; an error naming the Debian package when
 * there is none (npm test installs it: scripts/test-prerequisites.sh).
 *
 * @example
 * ```ts
 * execFileSync(pythonWith("openpyxl"), ["-c", "import openpyxl"]);
 * ```
 */
export function pythonWith(module: string): string {
  const python = findPython(module);
  if (python === undefined) throw new Error(`no python3 on PATH imports ${module} (Debian: apt-get install python3-${module}; npm test installs it as root)`);
  return python;
}

/**
 * {@link pythonWith}, or `undefined` when no python3 on PATH imports the module (for a check that
 * runs only where an optional module is installed).
 *
 * @example
 * ```ts
 * const python = findPython("openapi_spec_validator");
 * ```
 */
export function findPython(module: string): string | undefined {
  const known = found.get(module);
  if (known !== undefined) return known;
  for (const dir of (process.env["PATH"] ?? "").split(delimiter).filter((d) => d !== "" && existsSync(d))) {
    const candidates = readdirSync(dir)
      .filter((name) => /^python3(\.[0-9]+)?$/.test(name))
      .sort((a, b) => a.length - b.length)
      .map((name) => join(dir, name));
    for (const candidate of candidates) {
      if (unrunnable.has(candidate) || !statSync(candidate, { throwIfNoEntry: false })?.isFile()) continue;
      const { status } = spawnSync(candidate, ["-c", `import ${module}`], { stdio: "ignore" });
      if (status === 0) {
        found.set(module, candidate);
        return candidate;
      }
      if (status === 127) unrunnable.add(candidate);
    }
  }
  return undefined;
}

/**
 * The path of a command on PATH (Chromium for the browser tests), or `undefined`.
 *
 * @example
 * ```ts
 * onPath("chromium"); //=> "/usr/bin/chromium"
 * ```
 */
export function onPath(command: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter).filter((d) => d !== "")) {
    const candidate = join(dir, command);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return undefined;
}
