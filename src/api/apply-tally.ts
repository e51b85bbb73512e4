/**
 * `applyTally` (docs/ballots.md): the counts of tallied ballot boxes put into the inputs they belong to,
 * so scoring the inputs is unchanged (docs/how-a-score-is-built.md). A clerk's hand count already in an input is checked
 * against the ballots (`counts-differ`); two boxes for one participant, year and component are an
 * error (`duplicate-survey`).
 */
import * as z from "zod/mini";
import { TallyResultSchema, type Counts, type ParticipantTally, type TallyResult } from "../model/tally.js";
import { ballotText } from "../messages/ballots.js";
import { InputError, fromZodIssues, langOf, parseOptions, type InputIssue, type Lang } from "./errors.js";
import { optionsOf } from "./options.js";

/** Options of `applyTally`. */
export interface ApplyTallyOptions {
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

type Json = Readonly<Record<string, unknown>>;
type Path = (string | number)[];

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function issue(path: Path, code: string, lang: Lang, params: Json): InputIssue {
  return { path, code, message: ballotText(code, lang, params, path) as string, params };
}

/** Whether a count given in an input is the tally's: `unknown` may be left out of a hand count. */
function sameCounts(given: unknown, tallied: Counts): boolean {
  if (!isRecord(given)) return false;
  return (
    given["satisfied"] === tallied.satisfied &&
    given["basicallySatisfied"] === tallied.basicallySatisfied &&
    given["dissatisfied"] === tallied.dissatisfied &&
    (given["unknown"] === undefined || given["unknown"] === tallied.unknown)
  );
}

/** A fresh copy of a tallied survey: the input never shares an object with the tally. */
function surveyOf(p: ParticipantTally): Json {
  const survey = p.survey;
  const ballots = { ...survey.ballots };
  if (survey.groups === undefined) return { ballots, date: survey.date };
  return { ballots, date: survey.date, groups: Object.fromEntries(Object.entries(survey.groups).map(([g, c]) => [g, { ...c }])) };
}

const ListSchema = z.array(z.unknown());

/**
 * Puts each tallied survey into the input of its participant and year (docs/ballots.md): the input's
 * survey component becomes the tally's `survey` (counts, date, and the groups when the ballots
 * had them). Inputs without a tally are returned unchanged; a tally whose participant has no input
 * is not used. Nothing given is changed: the inputs returned are new objects.
 *
 * @param inputs - Participant-years (JSON data), as `score` reads them.
 * @param tallies - Results of `tally`, one per box.
 * @param options - `lang` for messages.
 * @returns The inputs, in the same order, with the tallied components set.
 * @throws {@link InputError}: `counts-differ` where an input already has other counts for a
 *   tallied component (at `["inputs", i, "components", component]`), `duplicate-survey` where two
 *   tallies cover one participant, year and component (at `["tallies", j, "participants", k]`).
 * @example
 * ```ts
 * const inputs = applyTally([input], [tally(box, { participants: [input] })]);
 * score(inputs[0]).components[4].points; //=> "14.20"
 * ```
 */
export function applyTally(inputs: unknown, tallies: unknown, options: ApplyTallyOptions = {}): unknown[] {
  const lang = langOf(optionsOf(options).lang);
  const issues: InputIssue[] = [];
  const inputList = ListSchema.safeParse(inputs, parseOptions(lang));
  if (!inputList.success) for (const i of fromZodIssues(inputList.error.issues)) issues.push({ ...i, path: ["inputs", ...i.path] });
  const tallyList = z.array(TallyResultSchema).safeParse(tallies, parseOptions(lang));
  if (!tallyList.success) for (const i of fromZodIssues(tallyList.error.issues)) issues.push({ ...i, path: ["tallies", ...i.path] });
  if (!inputList.success || !tallyList.success) throw new InputError(issues, lang);

  const byKey = new Map<string, { readonly tally: number; readonly participant: ParticipantTally }>();
  (tallyList.data as TallyResult[]).forEach((t, j) => {
    t.participants.forEach((p, k) => {
      const key = JSON.stringify([t.box.year, p.participantId, p.component]);
      const first = byKey.get(key);
      if (first === undefined) byKey.set(key, { tally: j, participant: p });
      else {
        const params = { participant: p.participantId, year: t.box.year, component: p.component, first: first.tally };
        issues.push(issue(["tallies", j, "participants", k], "duplicate-survey", lang, params));
      }
    });
  });

  const out = inputList.data.map((input, i) => {
    if (!isRecord(input) || !isRecord(input["participant"]) || !isRecord(input["components"])) return input;
    const id = input["participant"]["id"];
    const components = input["components"];
    let changed: Record<string, unknown> | undefined;
    for (const component of ["serviceRecipients", "deputies", "countyCounterparts"] as const) {
      const found = byKey.get(JSON.stringify([input["year"], id, component]));
      if (found === undefined) continue;
      const given = components[component];
      const tallied = found.participant.survey.ballots;
      if (given !== undefined && !(isRecord(given) && sameCounts(given["ballots"], tallied))) {
        const ballots = isRecord(given) ? given["ballots"] : undefined;
        const params = { participant: String(id), component, given: isRecord(ballots) ? ballots : {}, tallied };
        issues.push(issue(["inputs", i, "components", component], "counts-differ", lang, params));
        continue;
      }
      changed ??= { ...components };
      changed[component] = surveyOf(found.participant);
    }
    return changed === undefined ? input : { ...input, components: changed };
  });
  if (issues.length > 0) throw new InputError(issues, lang);
  return out;
}
