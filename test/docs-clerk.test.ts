/**
 * The Chinese documentation as a clerk uses it (issue #21): 常见错误 has an entry, with what to do,
 * for every code a workbook or an input can be refused with; README.zh-CN links every Chinese
 * guide and lists every command; 使用说明 leads with the offline page and shows how to get the
 * command line with and without the registry.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/main.js";

const ZH = "docs/zh-CN";
const read = (path: string): string => readFileSync(path, "utf8");

/** The string literals of a TypeScript union type `name` in `source`. */
function unionOf(source: string, name: string): string[] {
  const body = new RegExp(`export type ${name} =([^;]+);`).exec(source)?.[1] ?? "";
  return [...body.matchAll(/"([a-z_-]+)"/g)].map((m) => m[1] as string);
}

/** Every issue code a workbook, an input or a batch line can carry, read from the sources. */
function allCodes(): string[] {
  const workbookSources = readdirSync("packages/workbook/src").map((f) => read(join("packages/workbook/src", f)));
  const workbook = [
    ...unionOf(read("packages/workbook/src/messages.ts"), "WorkbookIssueCode"),
    ...workbookSources.flatMap((text) => [...text.matchAll(/code: "([a-z_-]+)"/g)].map((m) => m[1] as string)),
    ...workbookSources.flatMap((text) => [...text.matchAll(/issueAt\([^,]+, "([a-z_-]+)"/g)].map((m) => m[1] as string)),
  ];
  const library = unionOf(read("src/api/errors.ts"), "LibraryIssueCode");
  const batch = unionOf(read("src/formats/batch-line.ts"), "BatchIssueCode");
  const renderer = read("src/messages/issues.ts");
  const zod = [...(/export function renderIssue[\s\S]*?\n}\n/.exec(renderer)?.[0] ?? "").matchAll(/case "([a-z_]+)":/g)].map((m) => m[1] as string);
  return [...new Set([...workbook, ...library, ...batch, ...zod])].sort();
}

describe("常见错误.md", () => {
  it("has an entry for every workbook, input and batch code, saying what to do", () => {
    const codes = allCodes();
    for (const code of ["not-a-workbook", "unknown-sheet", "missing-sheet", "unknown-column", "missing-column", "invalid-cell", "missing-component", "invalid_type", "line-too-long"]) {
      expect(codes).toContain(code);
    }
    const rows = read(join(ZH, "常见错误.md"))
      .split("\n")
      .filter((line) => line.startsWith("|"));
    const withoutEntry = codes.filter(
      (code) =>
        !rows.some((row) => {
          const cells = row.split("|").slice(1, -1).map((cell) => cell.trim());
          const todo = cells.at(-1) ?? "";
          return cells.length >= 3 && cells.slice(0, -1).some((cell) => cell.includes(`\`${code}\``)) && todo !== "" && todo !== "—";
        }),
    );
    expect(withoutEntry).toEqual([]);
  });
});

describe("README.zh-CN.md", () => {
  const readme = read("README.zh-CN.md");

  it("links every Chinese guide", () => {
    const guides = readdirSync(ZH).filter((f) => f.endsWith(".md"));
    expect(guides).toEqual(expect.arrayContaining(["工作簿.md", "服务.md", "使用说明.md", "离线页面.md"]));
    const missing = guides.filter((guide) => !readme.includes(`](docs/zh-CN/${guide})`));
    expect(missing).toEqual([]);
  });

  it("lists every command of the CLI, template and import included", () => {
    const names = COMMANDS.map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(["template", "import", "score", "rank", "verify"]));
    const missing = names.filter((name) => !new RegExp(`wubi-wuping ${name}\\b`).test(readme));
    expect(missing).toEqual([]);
  });
});

describe("使用说明.md", () => {
  const guide = read(join(ZH, "使用说明.md"));
  const sections = guide.split(/\n## /);

  it("leads with the offline page: one file to copy onto the PC", () => {
    const first = sections[1] ?? "";
    expect(first).toContain("离线页面");
    expect(first).toContain("packages/page/dist/wubi-wuping.html");
    expect(guide.indexOf("wubi-wuping.html")).toBeLessThan(guide.indexOf("npm install"));
  });

  it("shows how to install the command line from the registry, from package files, and with npx in a clone", () => {
    expect(guide).toContain("npm install -g wubi-wuping");
    expect(guide).toContain("npm pack");
    expect(guide).toMatch(/npm install -g \.\/wubi-wuping-[0-9x]+\.[0-9y]+\.[0-9z]+\.tgz/);
    expect(guide).toMatch(/wubi-wuping-workbook-[0-9x]+\.[0-9y]+\.[0-9z]+\.tgz/);
    expect(guide).toMatch(/npx wubi-wuping /);
  });
});
