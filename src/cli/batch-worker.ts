/**
 * A scoring thread of `score --batch` (docs/cli.md): made with a {@link ThreadSetup}, it answers
 * each {@link LineJob} with the bytes of its output lines, one job at a time, in the order given.
 */
import { parentPort, workerData } from "node:worker_threads";
import { lineOptionsOf, scoreJob, type LineJob, type ThreadSetup } from "./batch-lines.js";

const options = lineOptionsOf(workerData as ThreadSetup);
parentPort?.on("message", (job: LineJob) => {
  const out = scoreJob(job, options);
  // A view of a pooled buffer cannot be transferred: the answer is copied into its own.
  const answer = new Uint8Array(out);
  parentPort?.postMessage(answer, [answer.buffer]);
});
