/**
 * The work of the heavy requests (`rank`, `compare`, `sensitivity`), from the body's bytes to the
 * answer's, as one function of plain data: a worker thread runs it (src/worker.ts) so that the
 * event loop stays free, and the answer's bytes are those the routes gave when they ran it
 * themselves. Also the bounds every answer keeps (docs/service.md, "Bounded work"): lists of
 * issues capped, JSON arrays no longer than `--max-items`, and the `sensitivity` work budget.
 */
import {
  InputError,
  definePolicy,
  rank,
  safeTally,
  xuancheng2022,
  type InputIssue,
  type Lang,
  type Policy,
  type TallyParticipant,
} from "wubi-wuping";
import { compare, sensitivity, type Ranges } from "wubi-wuping/sensitivity";
import { NEUTRAL_BATCH_WORDING, batchLine, documentJson, errorMap, fromZodIssues, type BatchWording, type SplitLine } from "wubi-wuping/formats";
import { HttpProblem, parseJsonBody } from "./body.js";
import { CompareRequestSchema, SensitivityRequestSchema, TallyEnvelopeSchema, envelopeOf } from "./schemas.js";

/** The most issues one answer lists; the rest are counted in one last `more-issues` issue. */
export const MAX_ANSWER_ISSUES = 100;

/**
 * An issue as the service sends it: the core's, or the last one of a capped list, which counts
 * the issues left off.
 *
 * @example
 * ```ts
 * const last: AnswerIssue = { path: [], code: "more-issues", count: 4, message: "…and 4 more issues" };
 * ```
 */
export type AnswerIssue = InputIssue | { readonly path: readonly (string | number)[]; readonly code: "more-issues"; readonly count: number; readonly message: string };

/**
 * The first {@link MAX_ANSWER_ISSUES} issues, then `{ path: [], code: "more-issues", count, message }`
 * for the `count` left off: an answer stays small however many issues a body has.
 *
 * @param issues - Every issue found.
 * @param lang - The language of the last issue's message.
 * @returns The issues to send.
 * @example
 * ```ts
 * capIssues(Array.from({ length: 102 }, () => issue), "en").at(-1);
 * //=> { path: [], code: "more-issues", count: 2, message: "…and 2 more issues, not listed (an answer lists at most 100)" }
 * ```
 */
export function capIssues(issues: readonly InputIssue[], lang: Lang): AnswerIssue[] {
  if (issues.length <= MAX_ANSWER_ISSUES) return [...issues];
  const count = issues.length - MAX_ANSWER_ISSUES;
  const message =
    lang === "zh"
      ? `……另有 ${count} 处问题未列出（一次回答最多列出 ${MAX_ANSWER_ISSUES} 处）`
      : `…and ${count} more issues, not listed (an answer lists at most ${MAX_ANSWER_ISSUES})`;
  return [...issues.slice(0, MAX_ANSWER_ISSUES), { path: [], code: "more-issues", count, message }];
}

/**
 * The body of a 422 answer, issues capped, with the line break the CLI ends its JSON with.
 *
 * @example
 * ```ts
 * issuesText([{ path: [], code: "x", message: "…" }], "en"); //=> '{"issues":[{"path":[],"code":"x","message":"…"}]}\n'
 * ```
 */
export function issuesText(issues: readonly InputIssue[], lang: Lang): string {
  return `${JSON.stringify({ issues: capIssues(issues, lang) })}\n`;
}

/**
 * The first JSON array in `value` longer than `maxItems`, as a 422 issue at its path, or
 * `undefined`. It walks the value once, without recursion, before any work on it; given the
 * body's length in `bytes`, it skips a body too short to hold such an array.
 *
 * @example
 * ```ts
 * tooManyItems({ inputs: [1, 2, 3] }, 2, "en");
 * //=> { path: ["inputs"], code: "too-many-items", message: "This list has 3 items, more than the 2 the service takes (--max-items)" }
 * ```
 */
export function tooManyItems(value: unknown, maxItems: number, lang: Lang, bytes = Number.POSITIVE_INFINITY): InputIssue | undefined {
  // An array of n elements takes at least 2n + 1 bytes of JSON ("[0,0,…]"): a shorter body has none
  // too long, and is not walked at all (the common case: a score request).
  if (bytes < 2 * maxItems + 3) return undefined;
  const stack: unknown[] = [value];
  const parents = new Map<object, { parent: object; key: string | number }>();
  let found: unknown[] | undefined;
  while (found === undefined && stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      if (v.length > maxItems) found = v;
      else
        for (let i = 0; i < v.length; i += 1) {
          const inner: unknown = v[i];
          if (typeof inner === "object" && inner !== null) {
            parents.set(inner, { parent: v, key: i });
            stack.push(inner);
          }
        }
    } else {
      for (const key of Object.keys(v)) {
        const inner: unknown = (v as Record<string, unknown>)[key];
        if (typeof inner === "object" && inner !== null) {
          parents.set(inner, { parent: v, key });
          stack.push(inner);
        }
      }
    }
  }
  if (found === undefined) return undefined;
  const path: (string | number)[] = [];
  for (let at = parents.get(found); at !== undefined; at = parents.get(at.parent)) path.unshift(at.key);
  return {
    path,
    code: "too-many-items",
    message:
      lang === "zh"
        ? `此列表有 ${found.length} 项，超过服务接受的 ${maxItems} 项（--max-items）`
        : `This list has ${found.length} items, more than the ${maxItems} the service takes (--max-items)`,
  };
}

/**
 * One heavy request, as plain data a worker thread can receive: the route, the body's bytes, the
 * query's values and language, and the bounds.
 *
 * @example
 * ```ts
 * const job: Job = { kind: "rank", bytes, lang: "en", values: { by: "category" }, maxItems: 100_000, maxScenarioWork: 2e7, maxTallyWork: 2e6 };
 * ```
 */
export type Job = AnalysisJob | BatchJob;

/**
 * A heavy request with a JSON body: `rank`, `compare`, `sensitivity` or `tally`.
 *
 * @example
 * ```ts
 * const job: AnalysisJob = { kind: "tally", bytes, lang: "zh", values: {}, maxItems: 100_000, maxScenarioWork: 2e7, maxTallyWork: 2e6 };
 * ```
 */
export interface AnalysisJob {
  readonly kind: "rank" | "compare" | "sensitivity" | "tally";
  readonly bytes: Uint8Array;
  readonly lang: Lang;
  readonly values: Readonly<Record<string, string>>;
  readonly maxItems: number;
  readonly maxScenarioWork: number;
  /** The most `tally` work, ballots × participants (docs/service.md, "Bounded work"). */
  readonly maxTallyWork: number;
}

/**
 * Lines of an NDJSON batch past its first {@link BATCH_LINES_IN_PLACE}, scored in a worker thread:
 * the lines as `LineSplitter` gave them, the policy's id and `score`'s options.
 *
 * @example
 * ```ts
 * const job: BatchJob = { kind: "batch", lines, policy: "xuancheng-2022", allowIncomplete: false, lang: "en", maxLineBytes: 16 * 1024 * 1024 };
 * ```
 */
export interface BatchJob {
  readonly kind: "batch";
  readonly lines: readonly SplitLine[];
  readonly policy: string;
  readonly allowIncomplete: boolean;
  readonly lang: Lang;
  readonly maxLineBytes: number;
}

/** How many lines of a batch are scored where they are read; the rest go to a worker thread. */
export const BATCH_LINES_IN_PLACE = 1000;

/**
 * The wording of the service's batch lines: the library's issues, capped as every answer's are.
 *
 * @example
 * ```ts
 * batchLine(line, { policy, allowIncomplete: false, lang: "en", maxLineBytes, wording: SERVICE_BATCH_WORDING });
 * ```
 */
export const SERVICE_BATCH_WORDING: BatchWording = {
  ...NEUTRAL_BATCH_WORDING,
  issues: (error, lang) => capIssues(NEUTRAL_BATCH_WORDING.issues(error, lang), lang) as InputIssue[],
};

/**
 * The answer to a {@link Job}: status, content type, body text, and whether the connection closes.
 *
 * @example
 * ```ts
 * const answer: JobAnswer = { status: 422, body: '{"issues":[…]}\n' };
 * ```
 */
export interface JobAnswer {
  readonly status: number;
  readonly body: string;
  readonly error?: boolean;
}

/** The issue of a policy id that names no loaded policy. */
export function unknownPolicy(path: readonly (string | number)[], id: string, policies: ReadonlyMap<string, Policy>, lang: Lang): InputIssue {
  const loaded = [...policies.keys()].join(lang === "zh" ? "、" : ", ");
  return {
    path: [...path],
    code: "unknown-policy",
    message:
      lang === "zh"
        ? `未加载政策 ${id}（已加载：${loaded}；其他政策须在启动时用 --policy FILE 加载）`
        : `No policy ${id} is loaded (loaded: ${loaded}; load others at start with --policy FILE)`,
  };
}

/** Prefixes the path of each issue (issues of a body part: `["input", …]`). */
export const under = (prefix: readonly (string | number)[], issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));

const compareEnvelope = envelopeOf(CompareRequestSchema);
const sensitivityEnvelope = envelopeOf(SensitivityRequestSchema);

/**
 * Does a {@link Job}: reads its body, checks the bounds, then runs `rank`, `compare`,
 * `sensitivity` or `tally` exactly as the routes did (the CLI's bytes for the same work).
 *
 * @param job - The request.
 * @param policies - The loaded policies by id, the preset first.
 * @returns The answer.
 * @example
 * ```ts
 * runJob({ kind: "rank", bytes: Buffer.from("[]"), lang: "en", values: {}, maxItems: 100_000, maxScenarioWork: 2e7, maxTallyWork: 2e6 }, policies);
 * //=> { status: 200, body: "[]\n" }
 * ```
 */
export function runJob(job: Job, policies: ReadonlyMap<string, Policy>): JobAnswer {
  const { lang } = job;
  if (job.kind === "batch") {
    const options = { policy: policies.get(job.policy), allowIncomplete: job.allowIncomplete, lang, maxLineBytes: job.maxLineBytes, wording: SERVICE_BATCH_WORDING };
    const out: string[] = [];
    for (const line of job.lines) {
      const output = batchLine(line, options);
      if (output !== undefined) out.push(output);
    }
    return { status: 200, body: out.join("\n") };
  }
  const fail = (issues: readonly InputIssue[]): JobAnswer => ({ status: 422, body: issuesText(issues, lang) });
  let body: unknown;
  try {
    body = parseJsonBody(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), lang);
  } catch (cause) {
    if (!(cause instanceof HttpProblem)) throw cause;
    return { status: cause.status, body: cause.body(), error: true };
  }
  const long = tooManyItems(body, job.maxItems, lang, job.bytes.byteLength);
  if (long !== undefined) return fail([long]);

  /** A policy a body names: a loaded id, or overrides for `definePolicy`; issues go to `issues`. */
  const bodyPolicy = (key: string, value: unknown, issues: InputIssue[]): Policy | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      const policy = policies.get(value);
      if (policy === undefined) issues.push(unknownPolicy([key], value, policies, lang));
      return policy;
    }
    try {
      return definePolicy(value, { lang });
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      for (const issue of under([key], cause.issues)) issues.push(issue);
      return undefined;
    }
  };

  /** Runs the work; its issues about an input (path from the input's index) go under `prefix`. */
  const answer = (prefix: readonly string[], run: () => string): JobAnswer => {
    try {
      return { status: 200, body: `${run()}\n` };
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      return fail(cause.issues.map((issue) => (typeof issue.path[0] === "number" ? { ...issue, path: [...prefix, ...issue.path] } : issue)));
    }
  };

  if (job.kind === "rank") {
    const id = job.values["policy"];
    const policy = id === undefined ? xuancheng2022 : policies.get(id);
    if (policy === undefined) return fail([unknownPolicy(["query", "policy"], id as string, policies, lang)]);
    return answer([], () => documentJson(rank(body, { by: job.values["by"] === "category" ? "category" : undefined, policy, lang })));
  }

  if (job.kind === "tally") return tallyJob(body, job, bodyPolicy);

  const schema = job.kind === "compare" ? compareEnvelope : sensitivityEnvelope;
  const parsed = schema.safeParse(body, { error: errorMap(lang) });
  if (!parsed.success) return fail(fromZodIssues(parsed.error.issues));
  const request = parsed.data;
  const issues: InputIssue[] = [];

  if (job.kind === "compare") {
    const base = bodyPolicy("base", request["base"], issues);
    const candidate = bodyPolicy("candidate", request["candidate"], issues);
    if (issues.length > 0) return fail(issues);
    const by = request["by"] as "category" | undefined;
    return answer(["inputs"], () => documentJson(compare(request.inputs, { base, candidate: candidate as Policy, by, lang })));
  }

  const policy = bodyPolicy("policy", request["policy"], issues);
  if (issues.length > 0) return fail(issues);
  const samples = request["samples"];
  // The budget counts the random scenarios (`samples`, 1000 unless given) for every input; a
  // `samples` that is not a whole number is left to `sensitivity` to refuse.
  const scenarios = typeof samples === "number" && Number.isInteger(samples) && samples > 0 ? samples : 1000;
  const work = request.inputs.length * scenarios;
  if (work > job.maxScenarioWork) {
    return fail([
      {
        path: [],
        code: "too-much-work",
        message:
          lang === "zh"
            ? `${request.inputs.length} 个参评对象 × ${scenarios} 个随机情形 = ${work}，超过服务的工作上限 ${job.maxScenarioWork}（--max-scenario-work）；请减少 samples 或分批提交`
            : `${request.inputs.length} inputs × ${scenarios} scenarios = ${work}, over the service's work budget of ${job.maxScenarioWork} (--max-scenario-work); ask for fewer samples or split the inputs`,
      },
    ]);
  }
  const options = {
    policy,
    ranges: request["ranges"] as Ranges | undefined,
    samples: samples as number | undefined,
    seed: request["seed"] as number | undefined,
    by: request["by"] as "category" | undefined,
    lang,
  };
  return answer(["inputs"], () => documentJson(sensitivity(request.inputs, options)));
}

/**
 * The work of `POST /v1/tally`, `ballots × participants` (docs/service.md, "Bounded work"): a
 * tally looks at every participant on every ballot and lists each ballot left blank for each, so
 * both its time and its answer grow with this product. A box without ballots still lists each
 * participant once. A part that is not a list counts 0 (`safeTally` refuses it).
 *
 * @example
 * ```ts
 * tallyWork({ box: { ballots: [{}, {}, {}] }, participants: ["a", "b"] }); //=> 6
 * ```
 */
export function tallyWork(body: Readonly<Record<string, unknown>>): number {
  const { ballots, participants } = tallySize(body);
  return Math.max(ballots, 1) * participants;
}

/** How many ballots and participants a tally body holds; a part that is not a list holds none. */
function tallySize(body: Readonly<Record<string, unknown>>): { ballots: number; participants: number } {
  const box = body["box"];
  const list = typeof box === "object" && box !== null ? (box as Readonly<Record<string, unknown>>)["ballots"] : undefined;
  const participants = body["participants"];
  return { ballots: Array.isArray(list) ? list.length : 0, participants: Array.isArray(participants) ? participants.length : 0 };
}

/**
 * Where an issue of `safeTally` lies in the request body: the participants' issues stay under
 * `participants`, every other issue is the box's and goes under `box`. The one box issue whose
 * path starts with `participants` is an unknown key of that name in the box (`unrecognized_keys`
 * at `["participants"]`): the list of participants never gives that code.
 */
function inRequest(issue: InputIssue): InputIssue {
  const participants = issue.path[0] === "participants" && !(issue.code === "unrecognized_keys" && issue.path.length === 1);
  return participants ? issue : { ...issue, path: ["box", ...issue.path] };
}

/** `POST /v1/tally`: the envelope, the policy (query or body), the work budget, then `safeTally`. */
function tallyJob(
  body: unknown,
  job: AnalysisJob,
  bodyPolicy: (key: string, value: unknown, issues: InputIssue[]) => Policy | undefined,
): JobAnswer {
  const { lang } = job;
  const fail = (issues: readonly InputIssue[]): JobAnswer => ({ status: 422, body: issuesText(issues, lang) });
  const parsed = TallyEnvelopeSchema.safeParse(body, { error: errorMap(lang) });
  if (!parsed.success) return fail(fromZodIssues(parsed.error.issues));
  const request = parsed.data as Readonly<Record<string, unknown>>;
  const issues: InputIssue[] = [];
  const byQuery = job.values["policy"];
  if (byQuery !== undefined && request["policy"] !== undefined) {
    issues.push({
      path: ["policy"],
      code: "policy-twice",
      message:
        lang === "zh"
          ? `政策只能指明一次：查询参数 policy=${byQuery} 和请求体的 policy 不能同时给出`
          : `Name the policy once: the query's policy=${byQuery} and the body's policy cannot both be given`,
    });
  }
  const policy = bodyPolicy("policy", request["policy"], issues) ?? (byQuery === undefined ? undefined : bodyPolicy("query", byQuery, issues));
  if (issues.length > 0) return fail(issues.map((issue) => (issue.path[0] === "query" ? { ...issue, path: ["query", "policy"] } : issue)));
  const work = tallyWork(request);
  if (work > job.maxTallyWork) {
    const { ballots, participants } = tallySize(request);
    return fail([
      {
        path: [],
        code: "too-much-work",
        message:
          lang === "zh"
            ? `${ballots} 张测评票 × ${participants} 个参评对象 = ${work}，超过服务的工作上限 ${job.maxTallyWork}（--max-tally-work）；请在本地用 wubi-wuping tally 计票（NDJSON 票箱逐张读取），或请服务的运维调高上限`
            : `${ballots} ballots × ${participants} participants = ${work}, over the service's work budget of ${job.maxTallyWork} (--max-tally-work); tally it locally with wubi-wuping tally (an NDJSON box is read ballot by ballot), or ask the service's operator for a higher budget`,
      },
    ]);
  }
  const outcome = safeTally(request["box"], { participants: request["participants"] as readonly TallyParticipant[], policy, lang });
  if (!outcome.success) return fail(outcome.error.issues.map(inRequest));
  return { status: 200, body: `${documentJson(outcome.data)}\n` };
}
