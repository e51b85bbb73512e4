// `npm run bench:zen`: the core's `safeScore` side by side with GoRules ZEN (`@gorules/zen-engine`)
// running the same scoring rules as a ZEN decision model (bench/zen/wubi-wuping.jdm.json), on the
// same generated inputs (bench/generate.ts), in one process.
//
// First every input goes through both, and their totals (and whether each is vetoed) are compared:
// the run fails (exit code 1) when fewer agree than EXPECTED_AGREEMENT says. Then interleaved rounds,
// medians: (a) `safeScore` of every input; (b) ZEN's `decision.evaluate` of every input, each
// awaited before the next (what a caller scoring one participant-year at a time does: the fair
// comparison with the synchronous core); (c) ZEN's `evaluate` of all inputs at once under
// `Promise.all` (the native engine may then use more than one thread, so the wall time and the CPU
// time are both reported).
//
// Options: `--count N` (default 4449), `--runs N` (default 7, at least 5), `--nodes` (ZEN's own
// time for each node of the model, from its trace, on up to 1,000 inputs).
// ZEN is not a dependency of the project: `npm run bench:zen` installs it into bench/zen/node_modules
// from bench/zen/package-lock.json first. Node 20 runs no TypeScript, so esbuild (the copy tsup
// brings) bundles the core and the generator into a temporary module, as bench/run.mjs does.
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

/**
 * How many inputs must agree: all of them. ZEN evaluates expressions in decimal (28 significant
 * digits), not in binary floating point, and the model divides once per component, so every
 * total it gives for the bench's inputs is the core's (docs/performance.md).
 */
const EXPECTED_AGREEMENT = (count) => count;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1`);
  return value;
}

const COUNT = option("count", 4449);
const RUNS = Math.max(5, option("runs", 7));

let zen;
try {
  zen = await import("@gorules/zen-engine");
} catch {
  console.error("@gorules/zen-engine is not installed in bench/zen: run `npm run bench:zen` (npm --prefix bench/zen ci, then this script).");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "wubi-zen-build-"));
let core;
try {
  const outfile = join(dir, "core.mjs");
  await build({
    stdin: { contents: 'export { safeScore } from "./src/index.ts";\nexport { generateLines } from "./bench/generate.ts";\n', resolveDir: root, loader: "ts" },
    outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning",
  });
  core = await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { safeScore, generateLines } = core;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load = () => loadavg().map((l) => l.toFixed(2)).join(", ");

const inputs = generateLines(COUNT).map((line) => JSON.parse(line));
const engine = new zen.ZenEngine();
const decision = engine.createDecision(new zen.ZenDecisionContent(readFileSync(join(here, "wubi-wuping.jdm.json"))));

// Agreement: the same total (2 decimals) and the same veto, input by input.
let agreeTotal = 0;
let agreeVeto = 0;
const differing = [];
for (let i = 0; i < inputs.length; i += 1) {
  const ours = safeScore(inputs[i]);
  if (!ours.success) throw new Error(`generated input ${i} does not score: ${JSON.stringify(ours.error)}`);
  let theirs;
  try {
    theirs = (await decision.evaluate(inputs[i])).result;
  } catch (error) {
    theirs = { error: String(error?.message ?? error).split("\n")[0] };
  }
  // ZEN hands its decimal results to JavaScript as numbers, each the nearest double of its decimal:
  // the same double as the core's 2-decimal text exactly when the two decimals are equal.
  if (theirs.total === Number(ours.data.total)) agreeTotal += 1;
  else if (differing.length < 5) differing.push({ input: i, core: ours.data.total, zen: theirs.total ?? theirs });
  if (theirs.vetoed === ours.data.vetoed) agreeVeto += 1;
}

// The published examples too: each input of examples/2022 against its total in expected/.
const exampleDir = join(root, "examples", "2022");
const examples = readdirSync(exampleDir).filter((name) => name.endsWith(".json"));
let examplesAgree = 0;
for (const name of examples) {
  const published = JSON.parse(readFileSync(join(exampleDir, "expected", name), "utf8"));
  const outcome = await decision.safeEvaluate(JSON.parse(readFileSync(join(exampleDir, name), "utf8")));
  if (outcome.success && outcome.data.result.total === Number(published.total) && outcome.data.result.vetoed === published.vetoed) examplesAgree += 1;
}

// `--nodes`: where ZEN's time goes, from its own trace of each node (µs), on a sample of the inputs.
const NODE_SAMPLE = 1000;
let nodeTimes;
if (process.argv.includes("--nodes")) {
  const micro = (text) => {
    const value = Number.parseFloat(text);
    return text.endsWith("ns") ? value / 1000 : text.endsWith("µs") ? value : text.endsWith("ms") ? value * 1000 : value * 1e6;
  };
  nodeTimes = new Map();
  for (let i = 0; i < Math.min(COUNT, NODE_SAMPLE); i += 1) {
    const response = await decision.evaluate(inputs[i], { trace: true });
    const trace = Object.values(response.trace).sort((a, b) => a.order - b.order);
    for (const node of trace) nodeTimes.set(node.name, [...(nodeTimes.get(node.name) ?? []), micro(node.performance)]);
    nodeTimes.set("(the whole decision)", [...(nodeTimes.get("(the whole decision)") ?? []), micro(response.performance)]);
  }
}

// Each task returns a number so that nothing is optimised away.
const coreAll = () => {
  let ok = 0;
  for (const input of inputs) if (safeScore(input).success) ok += 1;
  return ok;
};
const zenAwaited = async () => {
  let n = 0;
  for (const input of inputs) n += (await decision.evaluate(input)).result.total > 0 ? 1 : 0;
  return n;
};
const zenBatched = async () => (await Promise.all(inputs.map((input) => decision.evaluate(input)))).length;

const tasks = { core: coreAll, zenAwaited, zenBatched };
const wall = { core: [], zenAwaited: [], zenBatched: [] };
const cpu = { core: [], zenAwaited: [], zenBatched: [] };
const loadBefore = load();
let sink = 0;
for (const task of Object.values(tasks)) sink += await task(); // warm-up
for (let round = 0; round < RUNS; round += 1) {
  for (const [name, task] of Object.entries(tasks)) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    sink += await task();
    wall[name].push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu[name].push((used.user + used.system) / 1000);
  }
}
engine.dispose();
if (sink === -1) console.log("(unreachable)");

const ms = (name) => median(wall[name]);
const cpuMs = (name) => median(cpu[name]);
const ratios = (name) => ({
  wall: ms(name) / ms("core"),
  wallPaired: median(wall[name].map((t, i) => t / wall.core[i])),
  cpu: cpuMs(name) / cpuMs("core"),
  cpuPaired: median(cpu[name].map((t, i) => t / cpu.core[i])),
});
const row = (label, name) =>
  `${label.padEnd(40)}${fmt(ms(name), 1).padStart(10)} ms ${fmt((ms(name) / COUNT) * 1000, 1).padStart(8)} µs each   CPU ${fmt(cpuMs(name), 1).padStart(9)} ms ${fmt((cpuMs(name) / COUNT) * 1000, 1).padStart(8)} µs each`;
const ratioLine = (label, name) => {
  const r = ratios(name);
  return `${label}: wall ${fmt(r.wall, 1)}× of medians, ${fmt(r.wallPaired, 1)}× median of rounds; CPU ${fmt(r.cpu, 1)}× of medians, ${fmt(r.cpuPaired, 1)}× median of rounds`;
};

const zenVersion = JSON.parse(readFileSync(join(here, "node_modules", "@gorules", "zen-engine", "package.json"), "utf8")).version;
console.log(`wubi-wuping vs GoRules ZEN (@gorules/zen-engine ${zenVersion}): Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? "unknown CPU"})`);
console.log(`${fmt(COUNT)} participant-years (bench/generate.ts), median of ${RUNS} interleaved rounds; load average ${loadBefore} before, ${load()} after`);
console.log("");
console.log(row("(a) core: safeScore, each", "core"));
console.log(row("(b) ZEN: await decision.evaluate, each", "zenAwaited"));
console.log(row("(c) ZEN: Promise.all of every evaluate", "zenBatched"));
console.log("");
const awaited = ratios("zenAwaited");
const lowest = Math.min(awaited.wall, awaited.wallPaired, awaited.cpu, awaited.cpuPaired);
console.log(`${ratioLine("(b)/(a)", "zenAwaited")}  (target ≥ 8: ${lowest >= 8 ? "met" : "NOT met"} by the lowest, ${fmt(lowest, 1)}×)`);
console.log(`${ratioLine("(c)/(a)", "zenBatched")}  (ZEN on more than one thread)`);
if (nodeTimes !== undefined) {
  console.log("");
  console.log(`ZEN's own timing by node (its trace, median over ${fmt(Math.min(COUNT, NODE_SAMPLE))} inputs):`);
  for (const [name, times] of nodeTimes) console.log(`  ${fmt(median(times), 1).padStart(8)} µs  ${name}`);
}
console.log("");
const expected = EXPECTED_AGREEMENT(COUNT);
console.log(`agreement: total ${fmt(agreeTotal)} of ${fmt(COUNT)} (expected ${fmt(expected)}), vetoed ${fmt(agreeVeto)} of ${fmt(COUNT)}; examples/2022: ${examplesAgree} of ${examples.length} published totals`);
for (const d of differing) console.log(`  input ${d.input}: core ${d.core}, ZEN ${JSON.stringify(d.zen)}`);
if (agreeTotal < expected || agreeVeto < COUNT || examplesAgree < examples.length) {
  console.error(`ZEN and the core disagree: ${COUNT - agreeTotal} totals, ${COUNT - agreeVeto} vetoes, ${examples.length - examplesAgree} examples — fewer agree than expected`);
  process.exitCode = 1;
}
