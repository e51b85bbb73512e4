/**
 * The Python interpreter that has a module, found on PATH (python3, then python), never a fixed
 * path: CI images and developer machines put the one with openpyxl in different places.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

const found = new Map<string, string | undefined>();

/**
 * The first `python3` or `python` on PATH that imports `module`, or `undefined`.
 *
 * @example
 * ```ts
 * const python = pythonWith("openpyxl"); //=> "/usr/bin/python3"
 * ```
 */
export function pythonWith(module: string): string | undefined {
  if (found.has(module)) return found.get(module);
  let result: string | undefined;
  const seen = new Set<string>();
  search: for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const name of ["python3", "python"]) {
      const candidate = join(dir, name);
      if (dir === "" || seen.has(candidate) || !existsSync(candidate)) continue;
      seen.add(candidate);
      const probe = spawnSync(candidate, ["-c", `import ${module}`], { stdio: "ignore", timeout: 60_000 });
      if (probe.status === 0) {
        result = candidate;
        break search;
      }
    }
  }
  found.set(module, result);
  return result;
}
