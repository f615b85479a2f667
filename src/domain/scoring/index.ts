/**
 * The scoring engine: pure functions from content and answers to risk scores, explanations and
 * ranked countermeasures. No I/O; safe to run on the server, in scripts and in tests.
 */
export { answerRisk, riskOfValidValue } from "./answer-risk";
export { interpolateRiskCurve, type RiskPoint } from "./risk-curve";
export {
  AGREEMENT_LABELS,
  type AnswerIssue,
  AnswerValidationError,
  type AnswerValue,
  answerIssueMessage,
  describeAnswerValue,
  describeContributionAnswer,
  validateAnswer,
} from "./answer-validation";
export {
  BANDS,
  type BandDefinition,
  bandForScore,
  decodeRiskBand,
  isHighOrCritical,
  RISK_BANDS,
  type RiskBand,
} from "./bands";
export {
  compileQuestionnaire,
  type CompiledQuestionnaire,
  ScoringContentError,
  type ScoringContent,
} from "./compile-questionnaire";
export { listContradictedAnswers, listMissingRequiredAnswers } from "./required-answers";
export {
  DONT_KNOW_CEILING,
  DONT_KNOW_LOW_CONFIDENCE_CEILING,
  dontKnowCeiling,
  scoreAssessment,
  SYMPTOM_TRIGGER_RISK,
} from "./score-assessment";
export {
  DEFAULT_ON_CALL_SETUP,
  type OnCallSetupMapping,
  type OrganisationSignals,
  type OrgUnitRollUp,
  type PitfallDistribution,
  type RunCostSignal,
  scoreOrganisation,
  type TeamAssessmentResult,
  type TeamStanding,
} from "./score-organisation";
export * from "./types";
export {
  BAND_URGENCY,
  compareRemediation,
  EFFORT_ORDER,
  leadingCountermeasureIds,
  type LeadingStepPitfall,
  type RemediationOrderKey,
  withLeadingStepsFirst,
} from "./remediation-order";
