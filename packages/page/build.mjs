// Builds the offline page, packages/page/dist/wubi-wuping.html, from the core and the workbook (by
// their package names, from source through the root's tsconfig paths): one file with its script (a classic IIFE,
// since file:// pages may not load module scripts) and its style inlined. The Content-Security-Policy
// allows that one script, by its hash, and nothing that could fetch: no connections, fonts, frames.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist/wubi-wuping.html");
// The page shows the core's version: the version of the rules it scores with.
const { version } = JSON.parse(readFileSync(join(here, "../../package.json"), "utf8"));

const result = await build({
  entryPoints: [join(here, "src/main.ts")],
  // One tsconfig for every file, the workbook's too: its paths bring the core from source once,
  // so the page holds one engine (and the policies it makes are the ones the workbook knows).
  tsconfig: join(here, "tsconfig.json"),
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
const style = readFileSync(join(here, "src/styles.css"), "utf8").trim();
const hash = `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`;
const shell = readFileSync(join(here, "src/shell.html"), "utf8");
const pieces = { "%SCRIPT_HASH%": hash, "%VERSION%": version, "%STYLE%": style, "%SCRIPT%": script };
// One pass over the shell, so a placeholder-like text inside the script is never replaced.
const html = shell.replace(/%SCRIPT_HASH%|%VERSION%|%STYLE%|%SCRIPT%/g, (key) => pieces[key]);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
