// Builds the offline page, dist/page/wubi-wuping.html: one file with its script (a classic IIFE,
// since file:// pages may not load module scripts) and its style inlined. The Content-Security-Policy
// allows that one script, by its hash, and nothing that could fetch: no connections, fonts, frames.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/page/wubi-wuping.html");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const result = await build({
  entryPoints: [join(root, "src/page/main.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["chrome109", "edge109", "firefox115", "safari16"],
  charset: "utf8",
  legalComments: "none",
  sourcemap: false,
  write: false,
  logLevel: "warning",
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // ExcelJS's browser build without its polyfills (core-js, regenerator): the browsers the page
  // targets have all of them natively, and it saves about 20 kB gzipped.
  alias: { exceljs: "exceljs/dist/exceljs.bare.min.js" },
});

// `</script` inside the script would end the element early; `<\/script` means the same in JS.
const script = result.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1").trimEnd();
const style = readFileSync(join(root, "src/page/styles.css"), "utf8").trim();
const hash = `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`;
const shell = readFileSync(join(root, "src/page/shell.html"), "utf8");
const pieces = { "%SCRIPT_HASH%": hash, "%VERSION%": version, "%STYLE%": style, "%SCRIPT%": script };
// One pass over the shell, so a placeholder-like text inside the script is never replaced.
const html = shell.replace(/%SCRIPT_HASH%|%VERSION%|%STYLE%|%SCRIPT%/g, (key) => pieces[key]);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
