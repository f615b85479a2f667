/**
 * The shape of a scored assessment. Plain data only (no Maps, no classes) because results are
 * stored with the submitted assessment as JSON and read back by dashboards and exports.
 */
import type { PitfallId } from "../content/schema";
import type { AnswerValue } from "./answer-validation";
import type { RiskBand } from "./bands";

/** Bumped whenever the method changes what a stored score means. */
export const SCORING_METHOD_VERSION = 1;

/**
 * - scored: at least one question of the pitfall was answered with a value.
 * - not-assessed: every question of the pitfall was marked not applicable.
 * - insufficient-evidence: some questions apply but none was answered ("don't know" or blank).
 */
export type PitfallStatus = "scored" | "not-assessed" | "insufficient-evidence";

/**
 * - fired: every condition holds; evidence with risk 1.
 * - not-holding: at least one condition is known to be false; evidence with risk 0.
 * - unassessed: a tested field is blank or "don't know"; counts against confidence.
 * - not-applicable: a tested question was marked not applicable; the rule drops out.
 */
export type ContextRuleOutcome = "fired" | "not-holding" | "unassessed" | "not-applicable";

/** How much one piece of evidence adds to its pitfall's score. */
export interface QuestionContribution {
  source: "question";
  questionId: string;
  value: AnswerValue;
  /** Risk of the answer, 0..1. */
  risk: number;
  weight: number;
  /** Score points this answer accounts for; a pitfall's points add up to its score (up to rounding). */
  points: number;
  /** Fraction (0..1) of the score this answer accounts for. */
  share: number;
}

export interface ContextRuleContribution {
  source: "context-rule";
  ruleId: string;
  explanation: string;
  risk: number;
  weight: number;
  points: number;
  share: number;
}

export type Contribution = QuestionContribution | ContextRuleContribution;

/**
 * A symptom from "this looks like", with the answers and context rules that point at it. The
 * entries are the same objects as in the pitfall's `contributions`, so each carries its points.
 */
export interface TriggeredSymptom {
  symptomId: string;
  title: string;
  answers: readonly QuestionContribution[];
  contextRules: readonly ContextRuleContribution[];
}

/** A cause from "this pitfall happens when", with the evidence that points at it. */
export interface TriggeredCause {
  causeId: string;
  text: string;
  answers: readonly QuestionContribution[];
  contextRules: readonly ContextRuleContribution[];
}

export interface ContextRuleResult {
  ruleId: string;
  outcome: ContextRuleOutcome;
  weight: number;
  explanation: string;
}

export interface EvidenceSummary {
  questions: number;
  answered: number;
  dontKnow: number;
  notApplicable: number;
  /** Questions with no answer at all (a draft, or an optional question left blank). */
  unanswered: number;
  /** Weight of questions answered with a value plus context rules that fired or are known not to hold. */
  answeredWeight: number;
  /** Weight of all questions and context rules that apply (everything not marked not applicable). */
  applicableWeight: number;
}

/** A countermeasure of one pitfall, ranked by the risk it would remove from that pitfall. */
export interface PitfallCountermeasureRanking {
  countermeasureId: string;
  pitfallId: PitfallId;
  action: string;
  /** Why it helps this pitfall (the "so that" outcome). */
  rationale: string;
  /** Symptom ids of this pitfall it addresses. */
  addresses: readonly string[];
  /** The addressed symptoms that this assessment triggered. */
  addressesTriggered: readonly string[];
  /**
   * Score points of this pitfall carried by evidence on the addressed symptoms: how far the score
   * would fall if that evidence turned healthy. Its gain across all pitfalls is in the
   * assessment-wide list, `AssessmentScore.countermeasures`.
   */
  riskRemoved: number;
}

export interface PitfallScore {
  pitfallId: PitfallId;
  pitfallName: string;
  status: PitfallStatus;
  /** 0-100 with one decimal; null unless scored. */
  score: number | null;
  band: RiskBand | null;
  /** 0..1 with two decimals: answered evidence weight / applicable evidence weight; 0 unless scored. */
  confidence: number;
  evidence: EvidenceSummary;
  /** Evidence with risk above 0, largest contribution first. */
  contributions: readonly Contribution[];
  triggeredSymptoms: readonly TriggeredSymptom[];
  triggeredCauses: readonly TriggeredCause[];
  /** Every context rule of this pitfall with its outcome, in content order. */
  contextRules: readonly ContextRuleResult[];
  /** Every countermeasure of this pitfall, most risk removed first. */
  countermeasures: readonly PitfallCountermeasureRanking[];
}

/** A countermeasure across the whole assessment, with the gains of each pitfall it serves. */
export interface RankedCountermeasure {
  countermeasureId: string;
  action: string;
  totalRiskRemoved: number;
  /** Its ranking in each pitfall it removes risk from, most risk removed first. */
  pitfalls: readonly PitfallCountermeasureRanking[];
}

export interface AssessmentScore {
  methodVersion: typeof SCORING_METHOD_VERSION;
  questionnaireId: string;
  /** One entry per questionnaire section, in questionnaire order. */
  pitfalls: readonly PitfallScore[];
  /** Countermeasures that would remove any risk, most total risk removed first, each once. */
  countermeasures: readonly RankedCountermeasure[];
}
