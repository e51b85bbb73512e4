/**
 * The worker threads that run the heavy requests (docs/service.md, "Bounded work"): a few threads,
 * started with the server, each doing one job at a time; a job waits its turn in a queue. A job
 * that waits longer than `--request-timeout-ms` for a thread, or whose work in its thread takes
 * longer, ends with 503: dropped from the queue, or its thread terminated (the work stops) and
 * replaced.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { definePolicy, xuancheng2022, type Policy } from "wubi-wuping";
import { runJob, type Job, type JobAnswer } from "./work.js";

/**
 * How a job ended when it did not give an answer: it ran past the timeout, or its thread failed.
 *
 * @example
 * ```ts
 * const outcome: JobOutcome = { timedOut: true };
 * ```
 */
export type JobOutcome = JobAnswer | { readonly timedOut: true } | { readonly failed: string };

/**
 * Runs jobs: in worker threads ({@link WorkerPool}), or in the calling thread.
 *
 * @example
 * ```ts
 * const outcome = await runner.run(job);
 * ```
 */
export interface JobRunner {
  run(job: Job): Promise<JobOutcome>;
  /** Stops the threads (once no job is left). */
  close(): Promise<void>;
}

/**
 * A runner that does the work in the calling thread (for `createApp` without a server).
 *
 * @example
 * ```ts
 * const runner = inlineRunner(policies);
 * ```
 */
export function inlineRunner(policies: ReadonlyMap<string, Policy>): JobRunner {
  return {
    run: async (job) => {
      try {
        return runJob(job, policies);
      } catch (cause) {
        return { failed: cause instanceof Error ? cause.message : String(cause) };
      }
    },
    close: async () => undefined,
  };
}

interface Pending {
  readonly id: number;
  readonly job: Job;
  readonly resolve: (outcome: JobOutcome) => void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  readonly worker: Worker;
  current: Pending | undefined;
  /** Whether the thread has loaded the engine (its first message). */
  ready: boolean;
}

/**
 * A fixed number of worker threads running {@link Job}s, each job bounded by `timeoutMs`.
 *
 * @example
 * ```ts
 * const pool = new WorkerPool(new URL("./worker.js", import.meta.url), [], 2, 60_000);
 * const outcome = await pool.run(job);
 * await pool.close();
 * ```
 */
export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: URL,
    private readonly policies: readonly PolicyRecipe[],
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {
    // The threads start now, and a stopped one is replaced at once, so a job does not wait for one
    // to load the engine.
    for (let i = 0; i < size; i += 1) this.spawn();
  }

  run(job: Job): Promise<JobOutcome> {
    return new Promise((resolve) => {
      const pending: Pending = {
        id: this.nextId++,
        job,
        resolve,
        timer: setTimeout(() => this.timeOut(pending), this.timeoutMs),
      };
      this.queue.push(pending);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === undefined && s.ready);
      if (slot === undefined) {
        if (this.slots.length < this.size && !this.closed) this.spawn();
        return;
      }
      const pending = this.queue.shift() as Pending;
      // The work's own time starts now: a job gets the whole timeout in its thread.
      clearTimeout(pending.timer);
      pending.timer = setTimeout(() => this.timeOut(pending), this.timeoutMs);
      slot.current = pending;
      pending.slot = slot;
      // Bytes are moved, not copied, when they own their whole buffer.
      const { job } = pending;
      const owners = (job.kind === "batch" ? job.lines.map((line) => line.bytes) : [job.bytes]).filter(
        (bytes): bytes is Uint8Array => bytes !== null && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer,
      );
      slot.worker.postMessage({ id: pending.id, job }, owners.map((bytes) => bytes.buffer as ArrayBuffer));
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: { policies: this.policies } });
    const slot: Slot = { worker, current: undefined, ready: false };
    worker.unref();
    worker.on("message", (message: { id: number; answer: JobAnswer | { failed: string } } | "ready") => {
      if (message === "ready") {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const pending = slot.current;
      if (pending === undefined || pending.id !== message.id) return;
      slot.current = undefined;
      clearTimeout(pending.timer);
      pending.resolve(message.answer);
      this.dispatch();
    });
    const lost = (why: string): void => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      // A thread that failed before it was ready would fail again: the jobs then fail, not loop.
      if (!this.closed && slot.ready) this.spawn();
      const pending = slot.current;
      slot.current = undefined;
      if (pending !== undefined) {
        clearTimeout(pending.timer);
        pending.resolve({ failed: why });
      }
      if (this.slots.length === 0) for (const waiting of this.queue.splice(0)) {
        clearTimeout(waiting.timer);
        waiting.resolve({ failed: why });
      }
      this.dispatch();
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`the worker thread exited with ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private timeOut(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = pending.slot;
    if (slot !== undefined && slot.current === pending) {
      // The work stops with its thread; a new thread takes the next job.
      slot.current = undefined;
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      slot.worker.removeAllListeners("exit");
      slot.worker.removeAllListeners("error");
      slot.worker.on("error", () => undefined);
      void slot.worker.terminate();
      if (!this.closed) this.spawn();
    }
    pending.resolve({ timedOut: true });
    this.dispatch();
  }
}

/**
 * What a worker thread needs to make a loaded policy again: its overrides of the preset. A policy
 * is data, but the engine takes only policies `definePolicy` made (a copy is refused), so each
 * thread calls `definePolicy` on these.
 *
 * @example
 * ```ts
 * const recipe: PolicyRecipe = { id: "city-2023", label: "city-2023", complaintDeduction: 2 };
 * ```
 */
export type PolicyRecipe = Readonly<Record<string, unknown>>;

/**
 * The overrides that make `policy` again from the preset, or `undefined` when `definePolicy` on
 * them does not give the same policy (one derived from another derived policy, say).
 *
 * @example
 * ```ts
 * recipeOf(definePolicy({ id: "city-2023", complaintDeduction: 2 }));
 * //=> { id: "city-2023", label: "city-2023", complaintDeduction: 2 }
 * ```
 */
export function recipeOf(policy: Policy): PolicyRecipe | undefined {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const preset = xuancheng2022.parameters as unknown as Readonly<Record<string, unknown>>;
  const recipe: Record<string, unknown> = { id: policy.id, label: policy.label };
  for (const [key, parameter] of Object.entries(policy.parameters)) {
    if (!same(parameter, preset[key])) recipe[key] = (parameter as { value: unknown }).value;
  }
  try {
    return same(definePolicy(recipe), policy) ? recipe : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The runner a server uses: a {@link WorkerPool} on the built `worker.js` beside this module, or
 * the calling thread when that file is not there (the sources run by a test) or a loaded policy
 * cannot be made again in a thread (see {@link recipeOf}).
 *
 * @example
 * ```ts
 * const runner = jobRunner(policies, [], 2, 60_000);
 * ```
 */
export function jobRunner(policies: ReadonlyMap<string, Policy>, loaded: readonly Policy[], size: number, timeoutMs: number): JobRunner {
  const script = new URL("./worker.js", import.meta.url);
  const recipes = loaded.map(recipeOf);
  if (!existsSync(fileURLToPath(script)) || recipes.some((r) => r === undefined)) return inlineRunner(policies);
  return new WorkerPool(script, recipes as PolicyRecipe[], size, timeoutMs);
}
