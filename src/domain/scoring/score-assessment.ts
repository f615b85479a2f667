/**
 * Scores one team's assessment: per pitfall, a 0-100 risk score with band, confidence, the evidence
 * behind it and ranked countermeasures. Pure and synchronous; malformed answers throw.
 */
import type { Answers } from "../content/schema";
import { riskOfValidValue } from "./answer-risk";
import { type AnswerIssue, answerIssueMessage, AnswerValidationError } from "./answer-validation";
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
  scratch.questionState.fill(UNANSWERED);
  scratch.contextState.fill(UNANSWERED);
  let issues: PositionedIssue[] | null = null;

  // Keys and values in two arrays (same order, both from the object's enum cache) instead of a
  // lookup by key per answer: keyed loads on objects of ever-different shapes are the slow part.
  const answerIds = Object.keys(answers);
  const answerValues = Object.values(answers);
  for (let position = 0; position < answerIds.length; position++) {
    const questionId = answerIds[position]!;
    const answer = answerValues[position];
    const compiledQuestion = questionById.get(questionId);
    if (compiledQuestion === undefined) {
      issues ??= [];
      issues.push({
        questionId,
        message: contextQuestionById.has(questionId)
          ? "This is a team context question; record it in the team context, not in the answers."
          : `This question is not part of questionnaire "${compiled.questionnaire.id}".`,
        position: Number.MAX_SAFE_INTEGER,
      });
      continue;
    }
    const message = answerIssueMessage(compiledQuestion.question, answer);
    const index = compiledQuestion.index;
    if (message !== null) {
      issues ??= [];
      issues.push({ questionId, message, position: index });
      continue;
    }
    if (answer!.kind === "value") {
      scratch.questionState[index] = VALUE;
      scratch.questionValue[index] = answer!.value;
      scratch.questionRisk[index] = riskOfValidValue(compiledQuestion.question.answer, answer!.value);
    } else {
      scratch.questionState[index] = answer!.kind === "dontKnow" ? DONT_KNOW : NOT_APPLICABLE;
    }
  }

  const contextOffset = compiled.questions.length;
  const contextIds = Object.keys(teamContext);
  const contextValues = Object.values(teamContext);
  for (let position = 0; position < contextIds.length; position++) {
    const questionId = contextIds[position]!;
    const answer = contextValues[position];
    const compiledQuestion = contextQuestionById.get(questionId);
    if (compiledQuestion === undefined) {
      issues ??= [];
      issues.push({
        questionId,
        message: questionById.has(questionId)
          ? "This is a pitfall question; record it in the answers, not in the team context."
          : `This is not a team context question of questionnaire "${compiled.questionnaire.id}".`,
        position: Number.MAX_SAFE_INTEGER,
      });
      continue;
    }
    const message = answerIssueMessage(compiledQuestion.question, answer);
    const index = compiledQuestion.index;
    if (message !== null) {
      issues ??= [];
      issues.push({ questionId, message, position: contextOffset + index });
      continue;
    }
    if (answer!.kind === "value") {
      scratch.contextState[index] = VALUE;
      scratch.contextValue[index] = answer!.value;
    } else {
      scratch.contextState[index] = DONT_KNOW;
    }
  }

  if (issues !== null) {
    // Questionnaire order, so the same bad input always yields the same error whatever the key order.
    issues.sort((a, b) => a.position - b.position || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
    throw new AnswerValidationError(issues.map(({ questionId, message }): AnswerIssue => ({ questionId, message })));
  }
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

/** Fills each evidence item's score points and contribution, and lists those above 0, largest first. */
function collectContributions(
  section: CompiledSection,
  scratch: ScoringScratch,
  weightedRisk: number,
  answeredWeight: number,
): Contribution[] {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints, evidenceContribution } = scratch;
  const questionCount = questions.length;
  const contributions: Contribution[] = [];
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
    contributions.push(contribution);
  }
  // Stable: equal contributions keep questionnaire order, questions before rules.
  if (contributions.length > 1) insertionSort(contributions, compareContributions);
  return contributions;
}

function collectTriggeredSymptoms(section: CompiledSection, scratch: ScoringScratch): readonly TriggeredSymptom[] {
  let triggered: TriggeredSymptom[] | null = null;
  const links = section.symptoms;
  for (let index = 0; index < links.length; index++) {
    const link = links[index]!;
    const answers = triggeringAnswers(section, scratch, link.evidence);
    const contextRules = triggeringRules(section, scratch, link.evidence);
    if (answers === NONE && contextRules === NONE) continue;
    scratch.symptomTriggered[index] = 1;
    (triggered ??= []).push({ symptomId: link.symptom.id, title: link.symptom.title, answers, contextRules });
  }
  return triggered ?? NONE;
}

function collectTriggeredCauses(section: CompiledSection, scratch: ScoringScratch): readonly TriggeredCause[] {
  let triggered: TriggeredCause[] | null = null;
  for (const link of section.causes) {
    const answers = triggeringAnswers(section, scratch, link.evidence);
    const contextRules = triggeringRules(section, scratch, link.evidence);
    if (answers === NONE && contextRules === NONE) continue;
    (triggered ??= []).push({ causeId: link.cause.id, text: link.cause.text, answers, contextRules });
  }
  return triggered ?? NONE;
}

/** The question contributions among `evidence` at or above the trigger risk. */
function triggeringAnswers(
  section: CompiledSection,
  scratch: ScoringScratch,
  evidence: readonly number[],
): readonly QuestionContribution[] {
  let answers: QuestionContribution[] | null = null;
  const questionCount = section.questions.length;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    if (index >= questionCount) break; // evidence lists are ascending: rules come after questions
    if (scratch.evidenceRisk[index]! >= SYMPTOM_TRIGGER_RISK) {
      (answers ??= []).push(scratch.evidenceContribution[index] as QuestionContribution);
    }
  }
  return answers ?? NONE;
}

/** The fired context rules among `evidence`. */
function triggeringRules(
  section: CompiledSection,
  scratch: ScoringScratch,
  evidence: readonly number[],
): readonly ContextRuleContribution[] {
  let rules: ContextRuleContribution[] | null = null;
  const questionCount = section.questions.length;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    if (index >= questionCount && scratch.evidenceRisk[index]! >= SYMPTOM_TRIGGER_RISK) {
      (rules ??= []).push(scratch.evidenceContribution[index] as ContextRuleContribution);
    }
  }
  return rules ?? NONE;
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
function rankCountermeasures(compiled: CompiledQuestionnaire, pitfalls: readonly PitfallScore[]): RankedCountermeasure[] {
  const { countermeasureTotals, countermeasurePitfalls, rankedCountermeasures } = compiled.scratch;
  rankedCountermeasures.fill(undefined);

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
      const entry = rankedCountermeasures[countermeasureIndex];
      if (entry === undefined) {
        rankedCountermeasures[countermeasureIndex] = {
          countermeasureId: ranking.countermeasureId,
          action: ranking.action,
          totalRiskRemoved: ranking.totalRiskRemoved,
          pitfalls: [ranking],
        };
      } else {
        (entry.pitfalls as PitfallCountermeasureRanking[]).push(ranking);
      }
    }
    // Stable: ties keep the content's order.
    if (rankings.length > 1) insertionSort(rankings, comparePitfallCountermeasures);
  }

  // Collected in content order, so after the stable sort ties stay in content order too.
  const ranked: RankedCountermeasure[] = [];
  for (let index = 0; index < rankedCountermeasures.length; index++) {
    const entry = rankedCountermeasures[index];
    if (entry === undefined) continue;
    if (entry.pitfalls.length > 1) insertionSort(entry.pitfalls as PitfallCountermeasureRanking[], compareGains);
    ranked.push(entry);
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
