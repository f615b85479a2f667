/**
 * Scores one team's assessment: per pitfall, a 0-100 risk score with band, confidence, the evidence
 * behind it and ranked countermeasures. Pure and synchronous; malformed answers throw.
 */
import type { Answers, ContextQuestion, Question } from "../content/schema";
import { type AnswerIssue, answerIssueMessage, AnswerValidationError, type AnswerValue } from "./answer-validation";
import { bandForScore } from "./bands";
import {
  compileQuestionnaire,
  type CompiledCountermeasureLink,
  type CompiledQuestionnaire,
  type CompiledRule,
  type CompiledSection,
  DONT_KNOW,
  NOT_APPLICABLE,
  type ScoringContent,
  type ScoringScratch,
  UNANSWERED,
  VALUE,
} from "./compile-questionnaire";
import { acceptsNotApplicable, valueRiskOrInvalid } from "./compiled-answer-rules";
import {
  type AssessmentScore,
  type ContextRuleContribution,
  type ContextRuleOutcome,
  type ContextRuleResult,
  type Contribution,
  type PitfallCountermeasureRanking,
  type PitfallScore,
  type PitfallStatus,
  type QuestionContribution,
  type RankedCountermeasure,
  SCORING_METHOD_VERSION,
  type TriggeredCause,
  type TriggeredSymptom,
} from "./types";

/**
 * An answer triggers the symptoms and causes it detects when its risk is at least this: the
 * answer sits on the risky half of its scale. A context rule triggers them when it fires.
 */
export const SYMPTOM_TRIGGER_RISK = 0.5;

const RULE_FIRED = 1;
const RULE_NOT_HOLDING = 2;
const RULE_UNASSESSED = 3;
const RULE_NOT_APPLICABLE = 4;
const RULE_OUTCOME_NAMES: readonly ContextRuleOutcome[] = ["fired", "fired", "not-holding", "unassessed", "not-applicable"];

const NO_ANSWERS: Answers = Object.freeze({});
const NONE: readonly never[] = Object.freeze([]);

/**
 * Scores an assessment. `content` may be raw content (compiled once and cached by identity) or a
 * compiled questionnaire. Throws `AnswerValidationError` listing every malformed answer.
 */
export function scoreAssessment(
  content: ScoringContent | CompiledQuestionnaire,
  answers: Answers,
  teamContext: Answers = NO_ANSWERS,
): AssessmentScore {
  const compiled = "kind" in content && content.kind === "compiled-questionnaire" ? content : compileQuestionnaire(content);
  const { scratch, sections } = compiled;
  readAnswers(compiled, answers, teamContext);

  scratch.countermeasureTotals.fill(0);
  scratch.countermeasurePitfalls.fill(0);
  const pitfalls: PitfallScore[] = new Array(sections.length);
  for (let index = 0; index < sections.length; index++) {
    pitfalls[index] = scoreSection(sections[index]!, scratch);
  }

  return {
    methodVersion: SCORING_METHOD_VERSION,
    questionnaireId: compiled.questionnaire.id,
    pitfalls,
    countermeasures: rankCountermeasures(compiled, pitfalls),
  };
}

/** Validates every answer and loads it into the scratch arrays; throws once with every issue found. */
function readAnswers(compiled: CompiledQuestionnaire, answers: Answers, teamContext: Answers): void {
  const { scratch, questionById, contextQuestionById } = compiled;
  const { questionState, questionValue, questionRisk, contextState, contextValue } = scratch;
  questionState.fill(UNANSWERED);
  contextState.fill(UNANSWERED);
  let issues: PositionedIssue[] | null = null;

  // Keys and values in two arrays (same order, both from the object's enum cache) instead of a
  // lookup by key per answer: keyed loads on objects of ever-different shapes are the slow part.
  const answerIds = Object.keys(answers);
  const answerValues = Object.values(answers) as unknown[];
  for (let position = 0; position < answerIds.length; position++) {
    const questionId = answerIds[position]!;
    const answer = answerValues[position] as { kind?: unknown; value?: unknown; reason?: unknown } | null;
    const compiledQuestion = questionById.get(questionId);
    if (compiledQuestion === undefined) {
      (issues ??= []).push({
        questionId,
        message: contextQuestionById.has(questionId)
          ? "This is a team context question; record it in the team context, not in the answers."
          : `This question is not part of questionnaire "${compiled.questionnaire.id}".`,
        position: Number.MAX_SAFE_INTEGER,
      });
      continue;
    }
    const index = compiledQuestion.index;
    const accepts = compiledQuestion.accepts;
    if (typeof answer === "object" && answer !== null) {
      const kind = answer.kind;
      if (kind === "value") {
        const value = answer.value;
        const risk = valueRiskOrInvalid(accepts, value);
        if (risk >= 0) {
          questionState[index] = VALUE;
          questionValue[index] = value as AnswerValue;
          questionRisk[index] = risk;
          continue;
        }
      } else if (kind === "dontKnow") {
        if (accepts.allowDontKnow) {
          questionState[index] = DONT_KNOW;
          continue;
        }
      } else if (kind === "notApplicable" && acceptsNotApplicable(accepts, answer.reason)) {
        questionState[index] = NOT_APPLICABLE;
        continue;
      }
    }
    (issues ??= []).push({ questionId, message: refusal(compiledQuestion.question, answer), position: index });
  }

  const contextOffset = compiled.questions.length;
  const contextIds = Object.keys(teamContext);
  const contextAnswers = Object.values(teamContext) as unknown[];
  for (let position = 0; position < contextIds.length; position++) {
    const questionId = contextIds[position]!;
    const answer = contextAnswers[position] as { kind?: unknown; value?: unknown } | null;
    const compiledQuestion = contextQuestionById.get(questionId);
    if (compiledQuestion === undefined) {
      (issues ??= []).push({
        questionId,
        message: questionById.has(questionId)
          ? "This is a pitfall question; record it in the answers, not in the team context."
          : `This is not a team context question of questionnaire "${compiled.questionnaire.id}".`,
        position: Number.MAX_SAFE_INTEGER,
      });
      continue;
    }
    const index = compiledQuestion.index;
    if (typeof answer === "object" && answer !== null) {
      if (answer.kind === "value" && valueRiskOrInvalid(compiledQuestion.accepts, answer.value) >= 0) {
        contextState[index] = VALUE;
        contextValue[index] = answer.value as AnswerValue;
        continue;
      }
      if (answer.kind === "dontKnow" && compiledQuestion.accepts.allowDontKnow) {
        contextState[index] = DONT_KNOW;
        continue;
      }
    }
    (issues ??= []).push({
      questionId,
      message: refusal(compiledQuestion.question, answer),
      position: contextOffset + index,
    });
  }

  if (issues !== null) {
    // Questionnaire order, so the same bad input always yields the same error whatever the key order.
    issues.sort((a, b) => a.position - b.position || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
    throw new AnswerValidationError(issues.map(({ questionId, message }): AnswerIssue => ({ questionId, message })));
  }
}

/** The user-facing reason an answer the fast check refused is wrong. */
function refusal(question: Question | ContextQuestion, answer: unknown): string {
  const message = answerIssueMessage(question, answer);
  if (message === null) {
    // The fast check and the validator disagree: a bug, and never a reason to score silently.
    throw new Error(`Scoring refused an answer to "${question.id}" that validation accepts`);
  }
  return message;
}

interface PositionedIssue extends AnswerIssue {
  position: number;
}

function scoreSection(section: CompiledSection, scratch: ScoringScratch): PitfallScore {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints, questionState, questionRisk, ruleOutcome } = scratch;
  const questionCount = questions.length;

  let applicableWeight = 0;
  let answeredWeight = 0;
  let weightedRisk = 0;
  let answered = 0;
  let dontKnow = 0;
  let notApplicable = 0;
  let unanswered = 0;

  for (let index = 0; index < questionCount; index++) {
    const question = questions[index]!;
    const state = questionState[question.index]!;
    if (state === VALUE) {
      const risk = questionRisk[question.index]!;
      evidenceRisk[index] = risk;
      applicableWeight += question.weight;
      answeredWeight += question.weight;
      weightedRisk += question.weight * risk;
      answered++;
    } else {
      evidenceRisk[index] = -1;
      if (state === NOT_APPLICABLE) {
        notApplicable++;
      } else {
        applicableWeight += question.weight;
        if (state === DONT_KNOW) dontKnow++;
        else unanswered++;
      }
    }
  }
  const questionsApplicable = answered + dontKnow + unanswered > 0;

  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    const outcome = evaluateRule(rule, scratch);
    ruleOutcome[index] = outcome;
    const evidenceIndex = questionCount + index;
    if (outcome === RULE_FIRED) {
      evidenceRisk[evidenceIndex] = 1;
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
      weightedRisk += rule.weight;
    } else if (outcome === RULE_NOT_HOLDING) {
      evidenceRisk[evidenceIndex] = 0;
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
    } else {
      evidenceRisk[evidenceIndex] = -1;
      if (outcome === RULE_UNASSESSED) applicableWeight += rule.weight;
    }
  }

  // Context rules sharpen what the questions say but never stand in for them.
  const status: PitfallStatus = !questionsApplicable
    ? "not-assessed"
    : answered === 0
      ? "insufficient-evidence"
      : "scored";
  let score: number | null = null;
  let contributions: readonly Contribution[] = NONE;
  // Triggered symptoms and causes explain a score, so only scored pitfalls list them; a fired
  // rule on an unscored pitfall still shows in `contextRules`.
  let triggeredSymptoms: readonly TriggeredSymptom[] = NONE;
  let triggeredCauses: readonly TriggeredCause[] = NONE;
  scratch.symptomTriggered.fill(0);

  if (status === "scored") {
    score = round1((100 * weightedRisk) / answeredWeight);
    contributions = collectContributions(section, scratch, weightedRisk, answeredWeight);
    triggeredSymptoms = collectTriggeredSymptoms(section, scratch);
    triggeredCauses = collectTriggeredCauses(section, scratch);
  } else {
    evidencePoints.fill(0, 0, section.evidenceCount);
  }

  const contextRules: ContextRuleResult[] = new Array(rules.length);
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    contextRules[index] = {
      ruleId: rule.id,
      outcome: RULE_OUTCOME_NAMES[ruleOutcome[index]!]!,
      weight: rule.weight,
      explanation: rule.rule.explanation,
    };
  }

  const links = section.countermeasures;
  const countermeasures: PitfallCountermeasureRanking[] = new Array(links.length);
  for (let position = 0; position < links.length; position++) {
    const link = links[position]!;
    const evidence = link.evidence;
    let removed = 0;
    for (let index = 0; index < evidence.length; index++) removed += evidencePoints[evidence[index]!]!;
    const riskRemoved = round1(removed);
    if (riskRemoved > 0) {
      scratch.countermeasureTotals[link.countermeasureIndex]! += riskRemoved;
      scratch.countermeasurePitfalls[link.countermeasureIndex]!++;
    }
    countermeasures[position] = {
      countermeasureId: link.countermeasure.id,
      pitfallId: section.pitfallId,
      action: link.countermeasure.action,
      rationale: link.link.rationale,
      addresses: link.link.addresses,
      addressesTriggered: addressedAndTriggered(link, scratch.symptomTriggered),
      riskRemoved,
      totalRiskRemoved: 0,
      pitfallsServed: 0,
    };
  }

  return {
    pitfallId: section.pitfallId,
    pitfallName: section.pitfall.name,
    status,
    score,
    band: score === null ? null : bandForScore(score),
    confidence: status === "scored" ? round2(answeredWeight / applicableWeight) : 0,
    evidence: {
      questions: questionCount,
      answered,
      dontKnow,
      notApplicable,
      unanswered,
      answeredWeight,
      applicableWeight,
    },
    contributions,
    triggeredSymptoms,
    triggeredCauses,
    contextRules,
    countermeasures,
  };
}

/**
 * Kleene "and" over the conditions: one known-false condition settles the rule even if others are
 * unknown; otherwise a not-applicable question drops the rule, and a blank field leaves it unassessed.
 */
function evaluateRule(rule: CompiledRule, scratch: ScoringScratch): number {
  let sawNotApplicable = false;
  let sawUnknown = false;
  const conditions = rule.conditions;
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index]!;
    const fromContext = condition.contextIndex >= 0;
    const state = fromContext
      ? scratch.contextState[condition.contextIndex]!
      : scratch.questionState[condition.questionIndex]!;
    if (state === VALUE) {
      const value = fromContext
        ? scratch.contextValue[condition.contextIndex]!
        : scratch.questionValue[condition.questionIndex]!;
      let holds: boolean;
      if (condition.op === "in") holds = condition.values.includes(value as string | boolean);
      else if (condition.op === "lt") holds = (value as number) < condition.threshold;
      else holds = (value as number) > condition.threshold;
      if (!holds) return RULE_NOT_HOLDING;
    } else if (state === NOT_APPLICABLE) {
      sawNotApplicable = true;
    } else {
      sawUnknown = true;
    }
  }
  if (sawNotApplicable) return RULE_NOT_APPLICABLE;
  return sawUnknown ? RULE_UNASSESSED : RULE_FIRED;
}

/**
 * Fills each evidence item's score points and contribution, and lists those above 0, largest
 * first. Arrays here and below are allocated at their exact length: push-grown arrays reserve
 * room for 17 items, which for lists of one to five is most of the allocation of a score.
 */
function collectContributions(
  section: CompiledSection,
  scratch: ScoringScratch,
  weightedRisk: number,
  answeredWeight: number,
): readonly Contribution[] {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints, evidenceContribution } = scratch;
  const questionCount = questions.length;
  let count = 0;
  for (let index = 0; index < section.evidenceCount; index++) if (evidenceRisk[index]! > 0) count++;
  if (count === 0) {
    evidencePoints.fill(0, 0, section.evidenceCount);
    return NONE;
  }
  const contributions: Contribution[] = new Array(count);
  let filled = 0;
  for (let index = 0; index < section.evidenceCount; index++) {
    const risk = evidenceRisk[index]!;
    if (!(risk > 0)) {
      evidencePoints[index] = 0;
      evidenceContribution[index] = undefined;
      continue;
    }
    let contribution: Contribution;
    if (index < questionCount) {
      const question = questions[index]!;
      const points = (100 * question.weight * risk) / answeredWeight;
      evidencePoints[index] = points;
      contribution = {
        source: "question",
        questionId: question.id,
        value: scratch.questionValue[question.index]!,
        risk: round3(risk),
        weight: question.weight,
        points: round1(points),
        share: round3((question.weight * risk) / weightedRisk),
      };
    } else {
      const rule = rules[index - questionCount]!;
      const points = (100 * rule.weight * risk) / answeredWeight;
      evidencePoints[index] = points;
      contribution = {
        source: "context-rule",
        ruleId: rule.id,
        explanation: rule.rule.explanation,
        risk,
        weight: rule.weight,
        points: round1(points),
        share: round3((rule.weight * risk) / weightedRisk),
      };
    }
    evidenceContribution[index] = contribution;
    contributions[filled++] = contribution;
  }
  // Stable: equal contributions keep questionnaire order, questions before rules.
  if (count > 1) insertionSort(contributions, compareContributions);
  return contributions;
}

function collectTriggeredSymptoms(section: CompiledSection, scratch: ScoringScratch): readonly TriggeredSymptom[] {
  const links = section.symptoms;
  let count = 0;
  for (let index = 0; index < links.length; index++) {
    if (isTriggered(section, scratch, links[index]!.evidence)) {
      scratch.symptomTriggered[index] = 1;
      count++;
    }
  }
  if (count === 0) return NONE;
  const triggered: TriggeredSymptom[] = new Array(count);
  let filled = 0;
  for (let index = 0; index < links.length; index++) {
    if (scratch.symptomTriggered[index] === 0) continue;
    const link = links[index]!;
    triggered[filled++] = {
      symptomId: link.symptom.id,
      title: link.symptom.title,
      answers: triggeringAnswers(section, scratch, link.evidence),
      contextRules: triggeringRules(section, scratch, link.evidence),
    };
  }
  return triggered;
}

function collectTriggeredCauses(section: CompiledSection, scratch: ScoringScratch): readonly TriggeredCause[] {
  const links = section.causes;
  let count = 0;
  for (let index = 0; index < links.length; index++) {
    if (isTriggered(section, scratch, links[index]!.evidence)) count++;
  }
  if (count === 0) return NONE;
  const triggered: TriggeredCause[] = new Array(count);
  let filled = 0;
  for (let index = 0; index < links.length; index++) {
    const link = links[index]!;
    if (!isTriggered(section, scratch, link.evidence)) continue;
    triggered[filled++] = {
      causeId: link.cause.id,
      text: link.cause.text,
      answers: triggeringAnswers(section, scratch, link.evidence),
      contextRules: triggeringRules(section, scratch, link.evidence),
    };
  }
  return triggered;
}

function isTriggered(section: CompiledSection, scratch: ScoringScratch, evidence: readonly number[]): boolean {
  for (let position = 0; position < evidence.length; position++) {
    if (scratch.evidenceRisk[evidence[position]!]! >= SYMPTOM_TRIGGER_RISK) return true;
  }
  return false;
}

/** How many items of `evidence` trigger: questions (kind 0) or context rules (kind 1). */
function countTriggering(section: CompiledSection, scratch: ScoringScratch, evidence: readonly number[], kind: 0 | 1): number {
  const questionCount = section.questions.length;
  let count = 0;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    if ((index < questionCount ? 0 : 1) === kind && scratch.evidenceRisk[index]! >= SYMPTOM_TRIGGER_RISK) count++;
  }
  return count;
}

/** The question contributions among `evidence` at or above the trigger risk. */
function triggeringAnswers(
  section: CompiledSection,
  scratch: ScoringScratch,
  evidence: readonly number[],
): readonly QuestionContribution[] {
  const count = countTriggering(section, scratch, evidence, 0);
  if (count === 0) return NONE;
  const answers: QuestionContribution[] = new Array(count);
  const questionCount = section.questions.length;
  let filled = 0;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    if (index < questionCount && scratch.evidenceRisk[index]! >= SYMPTOM_TRIGGER_RISK) {
      answers[filled++] = scratch.evidenceContribution[index] as QuestionContribution;
    }
  }
  return answers;
}

/** The fired context rules among `evidence`. */
function triggeringRules(
  section: CompiledSection,
  scratch: ScoringScratch,
  evidence: readonly number[],
): readonly ContextRuleContribution[] {
  const count = countTriggering(section, scratch, evidence, 1);
  if (count === 0) return NONE;
  const rules: ContextRuleContribution[] = new Array(count);
  const questionCount = section.questions.length;
  let filled = 0;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    if (index >= questionCount && scratch.evidenceRisk[index]! >= SYMPTOM_TRIGGER_RISK) {
      rules[filled++] = scratch.evidenceContribution[index] as ContextRuleContribution;
    }
  }
  return rules;
}

/** Shares the content's own list when every addressed symptom was triggered, as is common. */
function addressedAndTriggered(link: CompiledCountermeasureLink, symptomTriggered: Uint8Array): readonly string[] {
  const addressed = link.addressedSymptoms;
  let count = 0;
  for (let index = 0; index < addressed.length; index++) count += symptomTriggered[addressed[index]!]!;
  if (count === 0) return NONE;
  if (count === addressed.length) return link.link.addresses;
  const triggered: string[] = [];
  for (let index = 0; index < addressed.length; index++) {
    if (symptomTriggered[addressed[index]!]) triggered.push(link.link.addresses[index]!);
  }
  return triggered;
}

/**
 * Completes the per-pitfall rankings with assessment-wide gains and builds the assessment-wide
 * remediation list: each countermeasure once, its gains from every pitfall added up, so one that
 * serves several pitfalls at risk outranks one that serves a single pitfall.
 */
function rankCountermeasures(
  compiled: CompiledQuestionnaire,
  pitfalls: readonly PitfallScore[],
): readonly RankedCountermeasure[] {
  const { countermeasureTotals, countermeasurePitfalls, rankedCountermeasures, countermeasureFilled } = compiled.scratch;
  rankedCountermeasures.fill(undefined);
  let rankedCount = 0;

  for (let pitfallIndex = 0; pitfallIndex < pitfalls.length; pitfallIndex++) {
    const rankings = pitfalls[pitfallIndex]!.countermeasures as PitfallCountermeasureRanking[];
    // Rankings are still in content order here, position for position with the compiled links.
    const links = compiled.sections[pitfallIndex]!.countermeasures;
    for (let position = 0; position < rankings.length; position++) {
      const ranking = rankings[position]!;
      const countermeasureIndex = links[position]!.countermeasureIndex;
      ranking.totalRiskRemoved = round1(countermeasureTotals[countermeasureIndex]!);
      ranking.pitfallsServed = countermeasurePitfalls[countermeasureIndex]!;
      if (ranking.riskRemoved <= 0) continue;
      let entry = rankedCountermeasures[countermeasureIndex];
      if (entry === undefined) {
        // Sized by the count of pitfalls it removes risk from, known since the sections were scored.
        entry = {
          countermeasureId: ranking.countermeasureId,
          action: ranking.action,
          totalRiskRemoved: ranking.totalRiskRemoved,
          pitfalls: new Array<PitfallCountermeasureRanking>(ranking.pitfallsServed),
        };
        rankedCountermeasures[countermeasureIndex] = entry;
        countermeasureFilled[countermeasureIndex] = 0;
        rankedCount++;
      }
      (entry.pitfalls as PitfallCountermeasureRanking[])[countermeasureFilled[countermeasureIndex]!++] = ranking;
    }
    // Stable: ties keep the content's order.
    if (rankings.length > 1) insertionSort(rankings, comparePitfallCountermeasures);
  }

  // Collected in content order, so after the stable sort ties stay in content order too.
  if (rankedCount === 0) return NONE;
  const ranked: RankedCountermeasure[] = new Array(rankedCount);
  let filled = 0;
  for (let index = 0; index < rankedCountermeasures.length; index++) {
    const entry = rankedCountermeasures[index];
    if (entry === undefined) continue;
    if (entry.pitfalls.length > 1) insertionSort(entry.pitfalls as PitfallCountermeasureRanking[], compareGains);
    ranked[filled++] = entry;
  }
  if (ranked.length > 1) insertionSort(ranked, compareRankedCountermeasures);
  return ranked;
}

/**
 * Stable in-place sort for the short lists scoring produces (a handful to a few dozen items),
 * where Array.prototype.sort's set-up cost dominates the actual comparisons.
 */
function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): void {
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    let position = index - 1;
    while (position >= 0 && compare(items[position]!, item) > 0) {
      items[position + 1] = items[position]!;
      position--;
    }
    items[position + 1] = item;
  }
}

function compareContributions(a: Contribution, b: Contribution): number {
  return b.points - a.points;
}

function comparePitfallCountermeasures(a: PitfallCountermeasureRanking, b: PitfallCountermeasureRanking): number {
  return b.riskRemoved - a.riskRemoved || b.totalRiskRemoved - a.totalRiskRemoved;
}

function compareGains(a: PitfallCountermeasureRanking, b: PitfallCountermeasureRanking): number {
  return b.riskRemoved - a.riskRemoved;
}

function compareRankedCountermeasures(a: RankedCountermeasure, b: RankedCountermeasure): number {
  return b.totalRiskRemoved - a.totalRiskRemoved || b.pitfalls.length - a.pitfalls.length;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
