/**
 * Counting ballots (docs/ballots.md–13.3) on validated ballots, one at a time: the state grows with the
 * participants and the rater groups (and the rater tokens, to find repeated raters), and with the
 * lists the tally returns, never with the ballots themselves.
 *
 * @internal
 */
import type { Ballot, BoxHeader, Reading } from "../model/ballots.js";
import { ASSUMPTIONS, type AssumptionId, type RepeatedRaterRule } from "../model/policy.js";
import type { Counts, ParticipantTally, TallyResult } from "../model/tally.js";

/** The rules a tally applies (docs/ballots.md), from the policy. */
export interface TallyRules {
  readonly repeatedRater: RepeatedRaterRule;
  readonly minSeconds: number | null;
  /** The ballot assumptions still in force, in any order. */
  readonly assumed: ReadonlySet<AssumptionId>;
}

/** The ballot assumptions a tally lists (docs/ballots.md), in their order. */
const BALLOT_ASSUMPTIONS: readonly AssumptionId[] = ["ballot-validity", "ballot-quorum", "repeated-rater", "ballot-speed", "group-weights"];

/** Counts as four integers, for one participant (and one group). */
class Counter {
  satisfied = 0;
  basicallySatisfied = 0;
  dissatisfied = 0;
  unknown = 0;

  add(reading: Reading): void {
    switch (reading) {
      case "satisfied":
        this.satisfied += 1;
        break;
      case "basically-satisfied":
        this.basicallySatisfied += 1;
        break;
      case "dissatisfied":
        this.dissatisfied += 1;
        break;
      case "unknown":
        this.unknown += 1;
        break;
      default:
        break;
    }
  }

  counts(): Counts {
    return { satisfied: this.satisfied, basicallySatisfied: this.basicallySatisfied, dissatisfied: this.dissatisfied, unknown: this.unknown };
  }
}

interface ParticipantState {
  readonly id: string;
  readonly total: Counter;
  /** Per group, in order of first appearance in the box. */
  readonly groups: Counter[];
  readonly blank: string[];
  readonly invalid: string[];
  readonly notCounted: string[];
}

/** A rater token's ballots: the first's id, then every id once there is a second. */
interface RaterBallots {
  readonly first: string;
  ids: string[] | undefined;
}

/**
 * A tally in progress: ballots are added one at a time, in ballot order; `result` gives the tally
 * of those added so far.
 *
 * @example
 * ```ts
 * const t = new Tallier(["cgjdk"], rules);
 * t.add({ id: "1", marks: { cgjdk: "satisfied" } });
 * t.result(header).participants[0].survey.ballots; //=> { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 }
 * ```
 */
export class Tallier {
  private readonly states: readonly ParticipantState[];
  private readonly groupIndex = new Map<string, number>();
  private readonly raters = new Map<string, RaterBallots>();
  /** Tokens with more than one ballot, in order of their first ballot (as the index of that ballot). */
  private readonly repeated: { readonly order: number; readonly token: string }[] = [];
  private readonly raterOrder = new Map<string, number>();
  private readonly tooFast: string[] = [];
  private returned = 0;
  private counted = 0;

  constructor(
    participants: readonly string[],
    private readonly rules: TallyRules,
  ) {
    this.states = participants.map((id) => ({ id, total: new Counter(), groups: [], blank: [], invalid: [], notCounted: [] }));
  }

  /** Counts one validated ballot, the next in ballot order. */
  add(ballot: Ballot): void {
    const index = this.returned;
    this.returned += 1;
    const id = ballot.id;
    let group = -1;
    if (ballot.group !== undefined) {
      const known = this.groupIndex.get(ballot.group);
      if (known === undefined) {
        group = this.groupIndex.size;
        this.groupIndex.set(ballot.group, group);
        for (const state of this.states) state.groups.push(new Counter());
      } else {
        group = known;
      }
    }
    let setAside = false;
    if (ballot.rater !== undefined) {
      const seen = this.raters.get(ballot.rater);
      if (seen === undefined) {
        this.raters.set(ballot.rater, { first: id, ids: undefined });
        this.raterOrder.set(ballot.rater, index);
      } else {
        if (seen.ids === undefined) {
          seen.ids = [seen.first];
          this.repeated.push({ order: this.raterOrder.get(ballot.rater) as number, token: ballot.rater });
        }
        seen.ids.push(id);
        setAside = this.rules.repeatedRater === "first";
      }
    }
    const min = this.rules.minSeconds;
    if (min !== null && ballot.seconds !== undefined && ballot.seconds < min) this.tooFast.push(id);
    if (setAside) {
      for (const state of this.states) state.notCounted.push(id);
      return;
    }
    this.counted += 1;
    const marks = ballot.marks;
    for (const state of this.states) {
      const reading: Reading = Object.hasOwn(marks, state.id) ? (marks[state.id] as Reading) : "blank";
      if (reading === "blank") state.blank.push(id);
      else if (reading === "multiple") state.invalid.push(id);
      else {
        state.total.add(reading);
        if (group >= 0) (state.groups[group] as Counter).add(reading);
      }
    }
  }

  /** How many ballots were added. */
  get size(): number {
    return this.returned;
  }

  /**
   * The tally of the ballots added so far, for the box with this header (docs/ballots.md).
   *
   * @param header - The box's year, component, date and `issued`.
   * @returns The tally: plain data, every list in ballot order.
   */
  result(header: BoxHeader): TallyResult {
    const groups = [...this.groupIndex.keys()];
    const date = header.date;
    const participants: ParticipantTally[] = this.states.map((state) => {
      const survey: ParticipantTally["survey"] =
        groups.length === 0
          ? { ballots: state.total.counts(), date }
          : { ballots: state.total.counts(), date, groups: Object.fromEntries(groups.map((g, i) => [g, (state.groups[i] as Counter).counts()])) };
      return {
        participantId: state.id,
        component: header.component,
        date,
        survey,
        blank: state.blank.slice(),
        invalid: state.invalid.slice(),
        notCounted: state.notCounted.slice(),
      };
    });
    const repeatedRaters = this.repeated
      .slice()
      .sort((a, b) => a.order - b.order)
      .map(({ token }) => ({ rater: token, ballots: ((this.raters.get(token) as RaterBallots).ids as string[]).slice() }));
    const assumptions = ASSUMPTIONS.filter((a) => BALLOT_ASSUMPTIONS.includes(a) && this.rules.assumed.has(a));
    return {
      box: { year: header.year, component: header.component, date, issued: header.issued ?? null, returned: this.returned, counted: this.counted },
      participants,
      repeatedRaters,
      tooFast: this.tooFast.slice(),
      assumptions,
    };
  }
}
