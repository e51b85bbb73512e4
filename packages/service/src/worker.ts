/**
 * The worker thread of the service (node:worker_threads): it does the heavy requests' work
 * ({@link runJob}) off the event loop, one job at a time, and posts each answer back.
 * `workerData.policies` holds the overrides that make the policies loaded besides the preset.
 */
import { parentPort, workerData } from "node:worker_threads";
import { definePolicy, xuancheng2022, type Policy } from "wubi-wuping";
import { runJob, type Job, type JobAnswer } from "./work.js";

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
