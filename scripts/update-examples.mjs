#!/usr/bin/env node
/**
 * Rewrites `examples/<year>/expected/<id>.json` with the built CLI's `score --json` output for every
 * example input. Run after `npm run build` when a deliberate change to the rules changes a result;
 * review the diff before committing it (the tests `verify` every expected result).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const examples = fileURLToPath(new URL("../examples/", import.meta.url));

for (const year of readdirSync(examples).filter((name) => /^[0-9]{4}$/.test(name))) {
  const dir = `${examples}${year}/`;
  mkdirSync(`${dir}expected`, { recursive: true });
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const result = execFileSync(process.execPath, [cli, "score", `${dir}${file}`, "--json"], { encoding: "utf8" });
    writeFileSync(`${dir}expected/${file}`, result);
    console.log(`examples/${year}/expected/${file}`);
  }
}
