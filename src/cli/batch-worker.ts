/**
 * A scoring thread of `score --batch` (docs/cli.md): made with a {@link ThreadSetup}, it answers
 * each {@link LineJob} with the bytes of its output lines, one job at a time, in the order given.
 */
import { parentPort, workerData } from "node:worker_threads";
import { lineOptionsOf, scoreJob, type LineJob, type ThreadSetup } from "./batch-lines.js";

const options = lineOptionsOf(workerData as ThreadSetup);
parentPort?.on("message", (job: LineJob) => {
  // Bytes in a memory of their own, at its start: the memory is handed over, not copied.
  const out = scoreJob(job, options, true);
  parentPort?.postMessage(out, [out.buffer as ArrayBuffer]);
});
