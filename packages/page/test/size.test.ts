/**
 * The built offline page as a file: one HTML document with its one classic script and its style
 * inlined, nothing that would load from elsewhere, and at most 400 kB gzipped with the workbook
 * library included.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pagePath, root } from "./browser.js";

const BUDGET = 400_000;
const html = readFileSync(pagePath, "utf8");
/** The document without its script's text: the markup a browser parses around the script. */
const markup = html.slice(0, html.indexOf("<script>") + 8) + html.slice(html.lastIndexOf("</script>"));

describe("the built offline page", () => {
  it(`is at most ${BUDGET / 1000} kB gzipped, the workbook library included`, () => {
    const gzipped = gzipSync(html, { level: 9 }).length;
    console.info(`offline page: ${(html.length / 1000).toFixed(0)} kB, ${(gzipped / 1000).toFixed(1)} kB gzipped`);
    // ExcelJS writes and reads the workbook's parts by these names.
    expect(html).toContain("xl/workbook.xml");
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it("inlines one classic script and its style, and names no file to load", () => {
    expect(markup.match(/<script\b[^>]*>/g)).toEqual(["<script>"]);
    expect(markup.match(/<style\b[^>]*>/g)).toEqual(["<style>"]);
    expect(markup).not.toMatch(/<link\b(?![^>]*href="data:,")[^>]*>/);
    expect(markup).not.toMatch(/\b(src|href)\s*=\s*["']?(?!data:|#)[a-z]/i);
    expect(html).not.toMatch(/sourceMappingURL|@import|url\(\s*["']?https?:/i);
  });

  it("forbids by its Content-Security-Policy every fetch, font and frame, and runs only its own script", () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/connect-src|font-src|frame-src|'unsafe-eval'/);
  });

  it("is not in the core package's tarball: it is built from the core and the workbook, and copied as one file", async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
    const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files.filter((path) => /\.html$|page/.test(path))).toEqual([]);
  });
});
