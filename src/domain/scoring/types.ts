import { storedValueCodec } from "../stored-values";

/**
 * The shape of a scored assessment. Plain data only (no Maps, no classes) because results are
 * stored with the submitted assessment as JSON and read back by dashboards and exports.
 */
import type { CountermeasureEffort, FloorBand, PitfallId } from "../content/schema";
import type { AnswerValue } from "./answer-validation";
import type { RiskBand } from "./bands";

/**
 * Bumped whenever the method changes what a stored score means. Version 2: rules that do not
 * apply carry no weight, high-risk findings set a floor, "don't know" counts as evidence where the
 * playbook says not knowing is a sign, countermeasures are ranked by the causes they remove.
 * Version 3: not knowing never makes a pitfall Critical (DONT_KNOW_CEILING); and in the rules, a
 * target below what the exposure band calls for is a finding and the schedule that fits the band
 * is not held against it; no out-of-hours cover for a target that needs it, and burnout already
 * costing the rota people, are findings; rare deployments are treacle's high-risk finding only with
 * approvals in the way; waiting on a central specialist team is no longer reported as embedded
 * specialists shared between teams.
 * Version 4: the worst pitfall's own first step (and each Critical pitfall's) leads the
 * assessment-wide remediation list; an own schedule on a 99.0% target is a run-cost finding only
 * while exposure is unestimated; nobody on call for a medium-exposure service run to 99.9% or more
 * is a finding; the anonymous pulse is evidence of symptoms only, and a rota saying it is worn out
 * holds Limited on-call schedule at Medium; a symptom's points follow only causes found (evidence at
 * the trigger risk or above), not healthy-side answers.
 * Version 5: only evidence found (a finding, or an answer on the risky half) gives its points to
 * next steps, and ties within a pitfall go to the least effort; "neither agree nor disagree"
 * triggers nothing; rules may name the answers that rule them out (`unless`), so a 99.99% target
 * without a documented need is an inflated-targets symptom only where the product budget holder
 * does not both answer for incidents and pay for on-call, and is always a run-cost finding; every
 * deployment approved one by one in one change category, waiting a day or more, holds Change
 * management treacle at High; batching for approval is evidence of that cause, not of rare
 * deployments; causes read only from the answers that say them; shares of a score add up to 1.
 * Version 6: answers that cannot all be true (a team's own rota larger than the team, or an empty
 * own rota some engineers are on) are read as unanswered, so no per-person load is computed from
 * them; the remediation list's leading step passes over a worst pitfall that offers none; each
 * stored result records whether anything was found for its pitfall, which the headline goes by;
 * a pitfall resting on "don't know" alone stops at the top of Medium while less than
 * half of its evidence is answered, and within a band a confirmed pitfall is named and worked on
 * before a suspected one; causes carry "suspected" like symptoms; central operations cover names
 * operations funding, not the Head of Operations, and not where the product answers and pays,
 * holds Responsible but unaccountable at High where operations also pays for on-call, and is a
 * run-cost finding where the band calls for team or domain cover; an own schedule on a
 * medium-exposure service holds Linear run costs at Medium; a target not chosen or reviewed on
 * exposure that fits the band anyway is no sign on its own; a symptom no cause explains gives no
 * points to steps whose causes the team's answers rule out; the questions about the out-of-hours
 * rota are asked and scored only for a team on a rota.
 */
export const SCORING_METHOD_VERSION = 6;

/**
 * - scored: at least one question of the pitfall was answered with a value (or a "don't know" that
 *   counts as evidence), or a rule of the pitfall fired.
 * - not-assessed: every question of the pitfall was marked not applicable.
 * - insufficient-evidence: some questions apply but none was answered ("don't know" or blank).
 */
export const PITFALL_STATUSES = ["scored", "not-assessed", "insufficient-evidence"] as const;
export type PitfallStatus = (typeof PITFALL_STATUSES)[number];
/** A stored pitfall result status read back; see stored-values for why unknown ones read as null. */
export const decodePitfallStatus = storedValueCodec(PITFALL_STATUSES);

/**
 * - fired: every condition holds; evidence with risk 1.
 * - not-holding: the rule applies, and at least one condition is known to be false; evidence with risk 0.
 * - unassessed: a tested field is blank or "don't know"; counts against confidence.
 * - not-applicable: the rule's precondition is known not to hold, or a tested question was marked
 *   not applicable, or the precondition is unknown but the finding is already ruled out; the rule
 *   drops out and carries no weight.
 */
export type ContextRuleOutcome = "fired" | "not-holding" | "unassessed" | "not-applicable";

/** How much one piece of evidence adds to its pitfall's score. */
export interface QuestionContribution {
  source: "question";
  questionId: string;
  /**
   * - value: answered with `value`;
   * - dontKnow: "don't know" on a question where not knowing is itself a sign of the pitfall;
   * - contradiction: "not applicable" where the team's own context says the question applies,
   *   scored as "don't know".
   */
  answer: "value" | "dontKnow" | "contradiction";
  /** The value given; null for "don't know" and contradictions. */
  value: AnswerValue | null;
  /** Risk of the answer, 0..1. */
  risk: number;
  weight: number;
  /** Score points this answer accounts for; a pitfall's points add up to its score (up to rounding). */
  points: number;
  /** Fraction of the score this answer accounts for (0..1; a pitfall's shares add up to 1). */
  share: number;
  /**
   * Whether the answer is a sign of the pitfall on its own: on the risky half of its scale (risk
   * 0.5 or more, "neither agree nor disagree" excepted), so it triggers the symptoms or causes it
   * is evidence of and its points go to next steps. False for an answer on the healthy side, such
   * as "agree" that a good practice is in place: it carries a little risk, as only the healthiest
   * answer carries none, but points at nothing to do.
   */
  triggers: boolean;
}

export interface ContextRuleContribution {
  source: "context-rule";
  ruleId: string;
  explanation: string;
  risk: number;
  weight: number;
  /** Score points, including the lift when this rule's floor decided the score. */
  points: number;
  share: number;
  /** Set when the rule is a high-risk finding that fired: the band it holds the pitfall at, at least. */
  floor: FloorBand | null;
}

export type Contribution = QuestionContribution | ContextRuleContribution;

/**
 * A symptom from "this looks like", with the answers and context rules that point at it. The
 * entries are the same objects as in the pitfall's `contributions`, so each carries its points.
 */
export interface TriggeredSymptom {
  symptomId: string;
  title: string;
  /**
   * True when every piece of evidence behind it is a "don't know" (or a finding that reads only
   * "don't know"): the symptom is suspected, not seen, until the team finds out.
   */
  suspected: boolean;
  answers: readonly QuestionContribution[];
  contextRules: readonly ContextRuleContribution[];
}

/** A cause from "this pitfall happens when", with the evidence that points at it. */
export interface TriggeredCause {
  causeId: string;
  text: string;
  /**
   * True when every piece of evidence behind it is a "don't know" (or a finding that reads only
   * "don't know"): the cause is suspected, not seen, until the team finds out. Results stored
   * before scoring method 6 do not carry it.
   */
  suspected: boolean;
  answers: readonly QuestionContribution[];
  contextRules: readonly ContextRuleContribution[];
}

export interface ContextRuleResult {
  ruleId: string;
  outcome: ContextRuleOutcome;
  weight: number;
  explanation: string;
  floor: FloorBand | null;
}

/** A high-risk finding that fired: a rule with a floor. */
export interface HighRiskFinding {
  ruleId: string;
  explanation: string;
  floor: FloorBand;
}

export interface EvidenceSummary {
  questions: number;
  answered: number;
  dontKnow: number;
  notApplicable: number;
  /** Questions with no answer at all (a draft, or an optional question left blank). */
  unanswered: number;
  /** "Don't know" answers that count as evidence (included in `dontKnow`). */
  dontKnowAsEvidence: number;
  /** "Not applicable" answers the team context contradicts, scored as "don't know" (not in `notApplicable`). */
  contradictions: number;
  /** Questions left out because the team context says they do not apply (included in `notApplicable`). */
  outOfContext: number;
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
  /** Cause ids of this pitfall it removes. */
  removesCauses: readonly string[];
  /** The addressed symptoms that this assessment triggered; empty when it removes nothing. */
  addressesTriggered: readonly string[];
  /**
   * Its share of this pitfall's score, in score points: each piece of evidence's points go to the
   * countermeasures that remove one of its causes (or, for evidence of a symptom alone, that
   * relieve the symptom), split evenly between them. So it never exceeds the score, and the shares
   * of a pitfall's countermeasures add up to at most its score (each is rounded to one decimal, so
   * the shown values can exceed it by a rounding step). 0 for a pitfall in band None.
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
  /**
   * The weighted average risk of the answered evidence (0-100, one decimal) before any floor; null
   * unless scored. Equal to `score` unless a high-risk finding lifted it.
   */
  averageScore: number | null;
  /**
   * True when the pitfall is scored above band None, shows some sign of itself (evidence that
   * triggers what it is evidence of), and every such sign is a "don't know" (or a finding that
   * reads only "don't know"); answers that are no sign on their own do not count either way.
   * Nothing that points at the pitfall is known, so finding out comes first.
   */
  dontKnowOnly: boolean;
  /** 0..1 with two decimals: answered evidence weight / applicable evidence weight; 0 unless scored. */
  confidence: number;
  /** High-risk findings that fired, highest floor first. */
  findings: readonly HighRiskFinding[];
  /** Question ids answered "not applicable" although the team context says they apply. */
  contradictions: readonly string[];
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
  /**
   * Risk removed weighted by the band of each pitfall it comes from (Low 1, Medium 2, High 3,
   * Critical 4): the first sort key, so work on a Critical pitfall comes before the same gain on
   * a Medium one.
   */
  urgency: number;
  effort: CountermeasureEffort;
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
