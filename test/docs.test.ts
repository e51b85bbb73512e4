/**
 * The documentation a reader follows: every relative link of the READMEs and the Chinese pages
 * leads to a file that exists, and the Chinese pages cover what the clerk needs.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const ZH = "docs/zh-CN";
const pages = ["README.md", "README.zh-CN.md", "docs/cli.md", ...readdirSync(ZH).map((f) => join(ZH, f))];

/** The relative link targets of a Markdown page (no scheme, no pure anchor), without their anchors. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith("#")).map((t) => t.replace(/#.*$/, ""));
}

describe("documentation", () => {
  it("links only to files that exist, from the READMEs and the Chinese pages", () => {
    const broken = pages.flatMap((page) => relativeLinks(readFileSync(page, "utf8")).filter((target) => !existsSync(join(dirname(page), target))).map((t) => `${page} → ${t}`));
    expect(broken).toEqual([]);
  });

  it("has the four Chinese pages, linked both ways with the README", () => {
    for (const name of ["使用说明.md", "审计手册.md", "假定参数.md", "常见错误.md"]) expect(existsSync(join(ZH, name)), name).toBe(true);
    expect(readFileSync("README.md", "utf8")).toContain("(README.zh-CN.md)");
    expect(readFileSync("README.zh-CN.md", "utf8")).toContain("(README.md)");
  });

  it("names in 常见错误 every issue code the library and the CLI can report", () => {
    const page = readFileSync(join(ZH, "常见错误.md"), "utf8");
    const errors = readFileSync("src/api/errors.ts", "utf8");
    const union = /export type LibraryIssueCode =([^;]+);/.exec(errors)?.[1] ?? "";
    const library = [...union.matchAll(/"([a-z-]+)"/g)].map((m) => m[1] as string);
    expect(library.length).toBeGreaterThan(10);
    const batch = ["line-too-long", "invalid-utf8", "invalid-json"];
    const zod = ["invalid_type", "invalid_format", "invalid_value", "too_small", "too_big", "unrecognized_keys"];
    const missing = [...library, ...batch, ...zod].filter((code) => !page.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
