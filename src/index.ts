/**
 * wubi-wuping: the 五比五评 appraisal score of a section head, exact and explained.
 * @packageDocumentation
 */
export { score, safeScore } from "./api/score.js";
export { definePolicy } from "./api/define-policy.js";
export { InputError, formatPath } from "./api/errors.js";
export { parseDocumentNumber } from "./core/document-number.js";
export { explain } from "./explain/explain.js";
export { xuancheng2022 } from "./policy/xuancheng-2022.js";
export { COMPONENTS } from "./model/components.js";
export { CATEGORIES, CATEGORY_LABELS, ParticipantSchema } from "./model/participant.js";
export {
  LEVELS,
  LEVEL_LABELS,
  TIERS,
  TIER_LABELS,
  ASSUMPTIONS,
  ROUND_AGGREGATIONS,
  QUOTA_ROUNDINGS,
  REPEATED_RATER_RULES,
  SURVEY_COMPONENTS,
  PolicyOverridesSchema,
} from "./model/policy.js";
export { ScoreInputSchema, GROUNDS } from "./model/input.js";
export { ScoreResultSchema } from "./model/result.js";
export { tally, safeTally, tallyStream } from "./api/tally.js";
export { applyTally } from "./api/apply-tally.js";
export { BoxSchema, READINGS } from "./model/ballots.js";
export { TallyResultSchema } from "./model/tally.js";
export { rank } from "./api/rank.js";
export { cycleOf, checkCoverage, planCycle } from "./api/cycle.js";
export { RankEntrySchema, RANK_GROUPINGS } from "./model/rank.js";
export { YearSchema, RosterEntrySchema, RosterSchema, EvaluationSchema, EvaluationsSchema } from "./model/roster.js";
export {
  CycleSchema,
  CoverageReportSchema,
  CoverageFindingSchema,
  PlanResultSchema,
  PLAN_PROBLEM_REASONS,
} from "./model/cycle.js";

export type { ScoreOptions, SafeScoreResult } from "./api/score.js";
export type { DefinePolicyOptions } from "./api/define-policy.js";
export type { ExplainOptions } from "./explain/explain.js";
export type { InputIssue, Lang, LibraryIssueCode } from "./api/errors.js";
export type { DocumentNumber, DocumentNumberResult, DocumentNumberError } from "./core/document-number.js";
export type { ComponentDefinition, ComponentId, ComponentGroup, ComponentMethod } from "./model/components.js";
export type { Category, Participant } from "./model/participant.js";
export type {
  Level,
  Tier,
  AssumptionId,
  Provenance,
  Parameter,
  Policy,
  PolicyParameters,
  PolicyOverrides,
  SurveyWeights,
  TierThreshold,
  RoundAggregation,
  QuotaRounding,
  RepeatedRaterRule,
  SurveyComponentId,
  GroupWeights,
} from "./model/policy.js";
export type {
  ScoreInput,
  ScoreInputJson,
  Round,
  Complaint,
  Survey,
  LeaderScoreRecord,
  Commendation,
  Veto,
  Ground,
} from "./model/input.js";
export type {
  ScoreResult,
  ComponentResult,
  TraceStep,
  BonusResult,
  VetoResult,
  Finding,
  FindingCode,
  ExclusionReason,
} from "./model/result.js";
export type { TallyOptions, TallyParticipant, SafeTallyResult, TallyStream } from "./api/tally.js";
export type { ApplyTallyOptions } from "./api/apply-tally.js";
export type { Ballot, BallotJson, BallotBoxJson, BoxHeader, Reading } from "./model/ballots.js";
export type { TallyResult, ParticipantTally, Counts } from "./model/tally.js";
export type { RankOptions } from "./api/rank.js";
export type { CycleOfOptions, CheckCoverageArgs, PlanCycleArgs } from "./api/cycle.js";
export type { RankEntry, RankGrouping } from "./model/rank.js";
export type { RosterEntry, Roster, Evaluation } from "./model/roster.js";
export type {
  Cycle,
  CoverageReport,
  ParticipantCoverage,
  CoverageFinding,
  CoverageFindingCode,
  PlanResult,
  PlanYear,
  PlanProblem,
  PlanProblemReason,
} from "./model/cycle.js";
