#!/usr/bin/env node
/**
 * Build step (run by `npm run build` after tsup): writes the JSON Schemas of the input, the policy
 * overrides and the result to `schemas/<kind>.schema.json`. The text comes from the built CLI's
 * `schema` command, so the shipped files and `wubi-wuping schema KIND` are the same bytes.
 * Plain JavaScript so that Node 20 runs it without a TypeScript loader.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const out = fileURLToPath(new URL("../schemas/", import.meta.url));

mkdirSync(out, { recursive: true });
for (const kind of ["input", "policy", "result", "box"]) {
  const text = execFileSync(process.execPath, [cli, "schema", kind], { cwd: root, encoding: "utf8" });
  writeFileSync(`${out}${kind}.schema.json`, text);
  console.log(`schemas/${kind}.schema.json`);
}
