/**
 * The worker thread of the service (node:worker_threads): it does the heavy requests' work
 * ({@link runJob}) off the event loop, one job at a time, and posts each answer back.
 * `workerData.policies` holds the overrides that make the policies loaded besides the preset.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { definePolicy, xuancheng2022, type Policy } from "wubi-wuping";
import { runJob, type Job, type JobAnswer } from "./work.js";

// On Linux a thread has its own niceness: this one yields the CPU to the thread that answers
// requests, so `/healthz` and scoring stay quick while it works (docs/service.md, "Bounded work").
// Elsewhere, or where it is not allowed, the thread keeps the process's priority.
try {
  const thread = /\/task\/([0-9]+)$/.exec(readlinkSync("/proc/thread-self"))?.[1];
  if (thread !== undefined) setPriority(Number(thread), 10);
} catch {
  // No /proc/thread-self: not Linux.
}

// The loaded policies, made again from their overrides (see `recipeOf` in ./pool.ts).
const loaded = (workerData as { policies: readonly unknown[] }).policies.map((recipe) => definePolicy(recipe));
const policies = new Map<string, Policy>([[xuancheng2022.id, xuancheng2022], ...loaded.map((p) => [p.id, p] as const)]);

parentPort?.on("message", (message: { id: number; job: Job }) => {
  let answer: JobAnswer | { failed: string };
  try {
    answer = runJob(message.job, policies);
  } catch (cause) {
    answer = { failed: cause instanceof Error ? cause.message : String(cause) };
  }
  parentPort?.postMessage({ id: message.id, answer });
});
parentPort?.postMessage("ready");
