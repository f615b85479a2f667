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
  type ContextRuleOutcome,
  type ContextRuleResult,
  type Contribution,
  type CountermeasurePitfallGain,
  type PitfallCountermeasureRanking,
  type PitfallScore,
  type RankedCountermeasure,
  SCORING_METHOD_VERSION,
  type TriggeredCause,
  type TriggeredSymptom,
  type TriggeringAnswer,
  type TriggeringRule,
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

  for (const questionId in answers) {
    const answer = answers[questionId];
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
  for (const questionId in teamContext) {
    const answer = teamContext[questionId];
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
  const status = !questionsApplicable ? "not-assessed" : answered === 0 ? "insufficient-evidence" : "scored";
  const scored = status === "scored";
  let score: number | null = null;
  let contributions: Contribution[] | readonly never[] = NONE;

  if (scored) {
    score = round1((100 * weightedRisk) / answeredWeight);
    for (let index = 0; index < section.evidenceCount; index++) {
      const risk = evidenceRisk[index]!;
      const weight = index < questionCount ? questions[index]!.weight : rules[index - questionCount]!.weight;
      evidencePoints[index] = risk > 0 ? (100 * weight * risk) / answeredWeight : 0;
    }
    contributions = collectContributions(section, scratch, weightedRisk);
  } else {
    evidencePoints.fill(0, 0, section.evidenceCount);
  }

  // Triggered symptoms and causes explain a score, so only scored pitfalls list them; a fired
  // rule on an unscored pitfall still shows in `contextRules`.
  const triggeredSymptoms: TriggeredSymptom[] = [];
  const triggeredCauses: TriggeredCause[] = [];
  if (scored) collectTriggered(section, scratch, triggeredSymptoms, triggeredCauses);

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

  const countermeasures: PitfallCountermeasureRanking[] = new Array(section.countermeasures.length);
  for (let position = 0; position < section.countermeasures.length; position++) {
    const { countermeasure, link, countermeasureIndex, evidence } = section.countermeasures[position]!;
    let removed = 0;
    for (let index = 0; index < evidence.length; index++) removed += evidencePoints[evidence[index]!]!;
    const riskRemoved = round1(removed);
    if (riskRemoved > 0) {
      scratch.countermeasureTotals[countermeasureIndex]! += riskRemoved;
      scratch.countermeasurePitfalls[countermeasureIndex]!++;
    }
    countermeasures[position] = {
      countermeasureId: countermeasure.id,
      action: countermeasure.action,
      rationale: link.rationale,
      addresses: link.addresses,
      addressesTriggered: triggeredAmong(link.addresses, triggeredSymptoms),
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
    confidence: scored ? round2(answeredWeight / applicableWeight) : 0,
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

function collectContributions(section: CompiledSection, scratch: ScoringScratch, weightedRisk: number): Contribution[] {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints } = scratch;
  const contributions: Contribution[] = [];
  for (let index = 0; index < section.evidenceCount; index++) {
    const points = evidencePoints[index]!;
    if (points <= 0) continue;
    const risk = evidenceRisk[index]!;
    if (index < questions.length) {
      const question = questions[index]!;
      contributions.push({
        source: "question",
        questionId: question.id,
        value: scratch.questionValue[question.index]!,
        risk: round3(risk),
        weight: question.weight,
        points: round1(points),
        share: round3((question.weight * risk) / weightedRisk),
      });
    } else {
      const rule = rules[index - questions.length]!;
      contributions.push({
        source: "context-rule",
        ruleId: rule.id,
        explanation: rule.rule.explanation,
        risk,
        weight: rule.weight,
        points: round1(points),
        share: round3((rule.weight * risk) / weightedRisk),
      });
    }
  }
  // Stable sort: equal contributions keep questionnaire order, questions before rules.
  if (contributions.length > 1) contributions.sort(compareContributions);
  return contributions;
}

function collectTriggered(
  section: CompiledSection,
  scratch: ScoringScratch,
  triggeredSymptoms: TriggeredSymptom[],
  triggeredCauses: TriggeredCause[],
): void {
  for (const link of section.symptoms) {
    const triggered = collectTriggers(section, scratch, link.evidence);
    if (triggered !== null) {
      triggeredSymptoms.push({
        symptomId: link.symptom.id,
        title: link.symptom.title,
        answers: triggered.answers,
        contextRules: triggered.contextRules,
      });
    }
  }
  for (const link of section.causes) {
    const triggered = collectTriggers(section, scratch, link.evidence);
    if (triggered !== null) {
      triggeredCauses.push({
        causeId: link.cause.id,
        text: link.cause.text,
        answers: triggered.answers,
        contextRules: triggered.contextRules,
      });
    }
  }
}

function collectTriggers(
  section: CompiledSection,
  scratch: ScoringScratch,
  evidence: readonly number[],
): { answers: readonly TriggeringAnswer[]; contextRules: readonly TriggeringRule[] } | null {
  let answers: TriggeringAnswer[] | null = null;
  let contextRules: TriggeringRule[] | null = null;
  const questionCount = section.questions.length;
  for (let position = 0; position < evidence.length; position++) {
    const index = evidence[position]!;
    const risk = scratch.evidenceRisk[index]!;
    if (risk < SYMPTOM_TRIGGER_RISK) continue;
    if (index < questionCount) {
      const question = section.questions[index]!;
      (answers ??= []).push({ questionId: question.id, value: scratch.questionValue[question.index]!, risk: round3(risk) });
    } else {
      const rule = section.rules[index - questionCount]!;
      (contextRules ??= []).push({ ruleId: rule.id, explanation: rule.rule.explanation });
    }
  }
  if (answers === null && contextRules === null) return null;
  return { answers: answers ?? NONE, contextRules: contextRules ?? NONE };
}

function triggeredAmong(
  addresses: readonly string[],
  triggeredSymptoms: readonly { symptomId: string }[],
): readonly string[] {
  if (triggeredSymptoms.length === 0) return NONE;
  let triggered: string[] | null = null;
  for (const symptomId of addresses) {
    for (const symptom of triggeredSymptoms) {
      if (symptom.symptomId === symptomId) {
        (triggered ??= []).push(symptomId);
        break;
      }
    }
  }
  return triggered ?? NONE;
}

/**
 * Completes the per-pitfall rankings with assessment-wide gains and builds the assessment-wide
 * remediation list: each countermeasure once, its gains from every pitfall added up, so one that
 * serves several pitfalls at risk outranks one that serves a single pitfall.
 */
function rankCountermeasures(compiled: CompiledQuestionnaire, pitfalls: readonly PitfallScore[]): RankedCountermeasure[] {
  const { countermeasureTotals, countermeasurePitfalls } = compiled.scratch;
  const byIndex: (RankedCountermeasure | undefined)[] = new Array(compiled.countermeasures.length);

  for (let pitfallIndex = 0; pitfallIndex < pitfalls.length; pitfallIndex++) {
    const pitfall = pitfalls[pitfallIndex]!;
    const rankings = pitfall.countermeasures as PitfallCountermeasureRanking[];
    // Rankings are still in content order here, position for position with the compiled links.
    const links = compiled.sections[pitfallIndex]!.countermeasures;
    for (let position = 0; position < rankings.length; position++) {
      const ranking = rankings[position]!;
      const countermeasureIndex = links[position]!.countermeasureIndex;
      ranking.totalRiskRemoved = round1(countermeasureTotals[countermeasureIndex]!);
      ranking.pitfallsServed = countermeasurePitfalls[countermeasureIndex]!;
      if (ranking.riskRemoved <= 0) continue;
      let entry = byIndex[countermeasureIndex];
      if (entry === undefined) {
        entry = {
          countermeasureId: ranking.countermeasureId,
          action: ranking.action,
          totalRiskRemoved: ranking.totalRiskRemoved,
          pitfalls: [],
        };
        byIndex[countermeasureIndex] = entry;
      }
      (entry.pitfalls as CountermeasurePitfallGain[]).push({
        pitfallId: pitfall.pitfallId,
        riskRemoved: ranking.riskRemoved,
        rationale: ranking.rationale,
        addressesTriggered: ranking.addressesTriggered,
      });
    }
    // Stable sort: ties keep the content's order.
    if (rankings.length > 1) rankings.sort(comparePitfallCountermeasures);
  }

  // Collected in content order, so after the stable sort ties stay in content order too.
  const ranked: RankedCountermeasure[] = [];
  for (const entry of byIndex) {
    if (entry === undefined) continue;
    if (entry.pitfalls.length > 1) (entry.pitfalls as CountermeasurePitfallGain[]).sort(compareGains);
    ranked.push(entry);
  }
  if (ranked.length > 1) ranked.sort(compareRankedCountermeasures);
  return ranked;
}

function compareContributions(a: Contribution, b: Contribution): number {
  return b.points - a.points;
}

function comparePitfallCountermeasures(a: PitfallCountermeasureRanking, b: PitfallCountermeasureRanking): number {
  return b.riskRemoved - a.riskRemoved || b.totalRiskRemoved - a.totalRiskRemoved;
}

function compareGains(a: CountermeasurePitfallGain, b: CountermeasurePitfallGain): number {
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
