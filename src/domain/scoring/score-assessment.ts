/**
 * Scores one team's assessment: per pitfall, a 0-100 risk score with band, confidence, the evidence
 * behind it and ranked countermeasures. Pure and synchronous; malformed answers throw.
 */
import { impossibleAnswers } from "../assessments/impossible-answers";
import type { Answers, ContextQuestion, Question } from "../content/schema";
import {
  type AnswerIssue,
  answerIssueMessage,
  AnswerValidationError,
  type AnswerValue,
} from "./answer-validation";
import { bandForScore } from "./bands";
import {
  BAND_URGENCY,
  compareRemediation,
  leadingCountermeasureIds,
  withLeadingStepsFirst,
} from "./remediation-order";
import {
  compiledFrom,
  type CompiledCondition,
  type CompiledCountermeasureLink,
  type CompiledQuestion,
  type CompiledQuestionnaire,
  type CompiledRule,
  type CompiledSection,
  CONTRADICTION,
  DONT_KNOW,
  NOT_APPLICABLE,
  OUT_OF_CONTEXT,
  RULE_FIRED,
  RULE_NOT_APPLICABLE,
  RULE_NOT_HOLDING,
  RULE_UNASSESSED,
  type ScoringContent,
  type ScoringScratch,
  UNANSWERED,
  VALUE,
} from "./compile-questionnaire";
import { acceptsNotApplicable, valueRiskOrInvalid } from "./compiled-answer-rules";
import {
  type AssessmentScore,
  type ContextRuleContribution,
  type ContextRuleResult,
  type Contribution,
  type HighRiskFinding,
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
 * answer sits on the risky half of its scale. The middle of an agreement scale ("neither agree nor
 * disagree") takes no side and triggers nothing. A context rule triggers them when it fires.
 */
export const SYMPTOM_TRIGGER_RISK = 0.5;

/**
 * The highest score a pitfall can have when nothing risky about it is known: every risk behind it
 * is a "don't know" counted as evidence (or a finding that reads only "don't know"). Not knowing is
 * a sign worth finding out about, up to High; Critical, "the pitfall dominates", needs an answer or
 * a finding that says so. The top of band High.
 */
export const DONT_KNOW_CEILING = 79.9;
/**
 * The highest score of a pitfall resting on "don't know" alone when less than half of its evidence
 * is answered (confidence below `HALF_ANSWERED`), unless a finding holds it higher: the top of band
 * Medium. Two unknowns out of seven questions are a reason to find out, not a pitfall established;
 * the questions left unanswered are left out of the average, so without this the fewer answers a
 * team gives, the higher the average of the ones that count as evidence.
 */
export const DONT_KNOW_LOW_CONFIDENCE_CEILING = 59.9;
/** Below this confidence, less than half of a pitfall's evidence is answered. */
export const HALF_ANSWERED = 0.5;
/** The lowest High score (see `bands.ts`). */
const HIGH_FROM = 60;
/** The lowest Critical score (see `bands.ts`). */
const CRITICAL_FROM = 80;

/** Up to 4^6 = 4,096 remembered lists of rule results per pitfall. */
const MAX_MEMOISED_RULES = 6;

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
  const compiled = compiledFrom(content);
  const { scratch, sections } = compiled;
  readAnswers(compiled, answers, teamContext);
  setAsideImpossibleAnswers(compiled, answers, teamContext);
  applyTeamContext(compiled);

  fillPrefix(scratch.countermeasureTotals, scratch.countermeasureTotals.length, 0);
  fillPrefix(scratch.countermeasureUrgency, scratch.countermeasureUrgency.length, 0);
  fillPrefix(scratch.countermeasurePitfalls, scratch.countermeasurePitfalls.length, 0);
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
  fillPrefix(questionState, questionState.length, UNANSWERED);
  fillPrefix(contextState, contextState.length, UNANSWERED);
  let issues: PositionedIssue[] | null = null;
  const questions = compiled.questions;
  // Stored answers usually arrive in questionnaire order, so the question after the last one found
  // is checked first (a pointer comparison of interned ids) before falling back to the map.
  let expected = 0;

  // for-in with `answers[questionId]` in its body: the engine reads each value straight from the
  // object's enumeration cache, with no lookup by key and no arrays of keys or values allocated.
  for (const questionId in answers) {
    const answer = answers[questionId] as { kind?: unknown; value?: unknown; reason?: unknown } | null;
    const predicted = expected < questions.length ? questions[expected]! : undefined;
    const compiledQuestion = predicted?.id === questionId ? predicted : questionById.get(questionId);
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
    expected = index + 1;
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
    (issues ??= []).push({
      questionId,
      message: refusal(compiledQuestion.question, answer),
      position: index,
    });
  }

  const contextOffset = compiled.questions.length;
  for (const questionId in teamContext) {
    const answer = teamContext[questionId] as { kind?: unknown; value?: unknown } | null;
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
    issues.sort(
      (a, b) =>
        a.position - b.position || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
    );
    throw new AnswerValidationError(
      issues.map(({ questionId, message }): AnswerIssue => ({ questionId, message })),
    );
  }
}

/**
 * Answers that cannot all be true (`impossibleAnswers`: a team's own rota larger than the team)
 * say nothing the score can rest on, since either may be the wrong one: each is read as
 * unanswered, so no rule draws a conclusion from it (no per-person load from that rota size) and
 * confidence shows that something is missing. Submitting refuses such answers; this covers drafts
 * and results stored before the check.
 */
function setAsideImpossibleAnswers(
  compiled: CompiledQuestionnaire,
  answers: Answers,
  teamContext: Answers,
): void {
  const combinations = impossibleAnswers((field) => teamContext[field] ?? answers[field]);
  for (let index = 0; index < combinations.length; index++) {
    for (const questionId of combinations[index]!.questionIds) {
      const context = compiled.contextQuestionById.get(questionId);
      if (context !== undefined) compiled.scratch.contextState[context.index] = UNANSWERED;
      const question = compiled.questionById.get(questionId);
      if (question !== undefined) compiled.scratch.questionState[question.index] = UNANSWERED;
    }
  }
}

/**
 * Settles what the team context says about each question: left out when it does not apply to this
 * team, and "not applicable" turned into a contradiction when the context says it does apply.
 * Done before any section is scored, because rules may test questions of other sections.
 */
function applyTeamContext(compiled: CompiledQuestionnaire): void {
  const { questions, scratch } = compiled;
  const questionState = scratch.questionState;
  for (let index = 0; index < questions.length; index++) {
    const question = questions[index]!;
    if (question.appliesWhen.length > 0) {
      const applies = evaluateConditions(question.appliesWhen, scratch);
      if (applies === CONDITIONS_FAIL || applies === CONDITIONS_NOT_APPLICABLE) {
        questionState[index] = OUT_OF_CONTEXT;
        continue;
      }
    }
    if (
      questionState[index] === NOT_APPLICABLE &&
      question.applicableWhen.length > 0 &&
      evaluateConditions(question.applicableWhen, scratch) === CONDITIONS_HOLD
    ) {
      questionState[index] = CONTRADICTION;
    }
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
  const { evidenceRisk, evidenceKind, questionState, questionRisk, ruleOutcome } = scratch;
  const questionCount = questions.length;

  let applicableWeight = 0;
  let answeredWeight = 0;
  let weightedRisk = 0;
  let answered = 0;
  let answeredQuestions = 0;
  let dontKnow = 0;
  let dontKnowAsEvidence = 0;
  let contradictions = 0;
  let notApplicable = 0;
  let outOfContext = 0;
  let unanswered = 0;
  let contradictionMask = 0;
  // Bit i set: evidence i has risk above 0 / at or above the trigger risk.
  let positiveMask = 0;
  let triggerMask = 0;
  // Whether any risk rests on something known: an answer given as a value, or a finding that reads
  // one; and which evidence that is (bit i set), so a symptom resting on none of it is suspected.
  let knownRisk = false;
  let knownMask = 0;
  // Bit i set: question i answered with a value on the healthy half of its scale, the team saying
  // it has the practice (or has not the problem) the question asks about.
  let healthyMask = 0;

  for (let index = 0; index < questionCount; index++) {
    const question = questions[index]!;
    const state = questionState[question.index]!;
    evidenceRisk[index] = 0;
    evidenceKind[index] = state;
    if (state === NOT_APPLICABLE || state === OUT_OF_CONTEXT) {
      notApplicable++;
      if (state === OUT_OF_CONTEXT) outOfContext++;
      continue;
    }
    applicableWeight += question.weight;
    let risk: number;
    let triggers: boolean;
    if (state === VALUE) {
      risk = questionRisk[question.index]!;
      answered++;
      const notASign =
        risk > HEALTHY_SIDE_RISK && question.notASignWhen.length > 0 && notASignHere(question, scratch);
      if (notASign) risk = HEALTHY_SIDE_RISK;
      if (risk > 0) {
        knownRisk = true;
        knownMask |= 1 << index;
      }
      if (risk < SYMPTOM_TRIGGER_RISK) healthyMask |= 1 << index;
      // "Neither agree nor disagree" is the one agreement answer at risk 0.5.
      triggers = !notASign && risk >= SYMPTOM_TRIGGER_RISK && !(question.agreement && risk === 0.5);
    } else {
      if (state === UNANSWERED) {
        unanswered++;
        continue;
      }
      // "Don't know", or a contradicted "not applicable", which counts as one.
      if (state === CONTRADICTION) {
        contradictions++;
        contradictionMask |= 1 << index;
      } else dontKnow++;
      if (question.dontKnowRisk < 0) continue;
      risk = question.dontKnowRisk;
      triggers = risk >= SYMPTOM_TRIGGER_RISK;
      if (state === DONT_KNOW) dontKnowAsEvidence++;
    }
    answeredQuestions++;
    evidenceRisk[index] = risk;
    answeredWeight += question.weight;
    weightedRisk += question.weight * risk;
    if (risk > 0) positiveMask |= 1 << index;
    if (triggers) triggerMask |= 1 << index;
  }
  const questionsApplicable = questionCount - notApplicable > 0;

  let firedRules = 0;
  let floorScore = 0;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    const outcome = evaluateRule(rule, scratch);
    ruleOutcome[index] = outcome;
    const evidenceIndex = questionCount + index;
    evidenceRisk[evidenceIndex] = 0;
    if (outcome === RULE_FIRED) {
      firedRules++;
      evidenceRisk[evidenceIndex] = 1;
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
      weightedRisk += rule.weight;
      positiveMask |= 1 << evidenceIndex;
      triggerMask |= 1 << evidenceIndex;
      if (rule.floorScore > floorScore) floorScore = rule.floorScore;
      if (rule.readsValue) {
        knownRisk = true;
        knownMask |= 1 << evidenceIndex;
      }
    } else if (outcome === RULE_NOT_HOLDING) {
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
    } else if (outcome === RULE_UNASSESSED) {
      applicableWeight += rule.weight;
    }
  }

  // Healthy context alone never makes a score; a rule that fired is evidence enough.
  const status: PitfallStatus =
    answeredQuestions > 0 || firedRules > 0
      ? "scored"
      : !questionsApplicable
        ? "not-assessed"
        : "insufficient-evidence";
  let score: number | null = null;
  let averageScore: number | null = null;
  let contributions: readonly Contribution[] = NONE;
  // Triggered symptoms and causes explain a score at risk, so only pitfalls scored above band None
  // list them; a fired rule on an unscored pitfall still shows in `contextRules`.
  let triggeredSymptoms: readonly TriggeredSymptom[] = NONE;
  let triggeredCauses: readonly TriggeredCause[] = NONE;
  let triggeredSymptomMask = 0;
  let findings: readonly HighRiskFinding[] = NONE;

  if (status === "scored") {
    const average = answeredWeight > 0 ? (100 * weightedRisk) / answeredWeight : 0;
    averageScore = round1(average);
    score = averageScore < floorScore ? floorScore : averageScore;
    // Critical needs something known, and High needs it too while less than half of the evidence
    // is answered (see DONT_KNOW_CEILING); the points are then shares of the capped score, so they
    // still add up to it.
    const ceiling = knownRisk
      ? Number.POSITIVE_INFINITY
      : dontKnowCeiling(floorScore, applicableWeight > 0 ? round2(answeredWeight / applicableWeight) : 0);
    const capped = score > ceiling;
    if (capped) score = ceiling;
    // When a floor decides the score, the lift above the average belongs to the findings that set it.
    let floorMask = 0;
    if (floorScore > 0) {
      for (let index = 0; index < rules.length; index++) {
        if (ruleOutcome[index] === RULE_FIRED && rules[index]!.floorScore === floorScore)
          floorMask |= 1 << (questionCount + index);
      }
      findings = collectFindings(section, ruleOutcome);
    }
    const lift = score > averageScore ? score - average : 0;
    const liftMask = lift > 0 ? floorMask : 0;
    if (score >= NONE_BAND_TOP) {
      contributions = collectContributions(section, scratch, positiveMask, triggerMask, liftMask, {
        weightedRisk,
        average: capped ? score : average,
        lift,
      });
      for (let index = 0; index < section.symptoms.length; index++) {
        if ((section.symptoms[index]!.evidenceMask & triggerMask) !== 0) triggeredSymptomMask |= 1 << index;
      }
      if (triggeredSymptomMask !== 0)
        triggeredSymptoms = collectTriggeredSymptoms(
          section,
          scratch,
          triggerMask,
          triggeredSymptomMask,
          knownMask,
        );
      triggeredCauses = collectTriggeredCauses(section, scratch, triggerMask, knownMask);
    } else {
      contributions = collectContributions(section, scratch, positiveMask, triggerMask, 0, {
        weightedRisk,
        average,
        lift: 0,
      });
      // Band None: nothing to act on, so no countermeasure removes anything.
      positiveMask = 0;
    }
  } else {
    // Nothing is scored, so no countermeasure can remove anything.
    positiveMask = 0;
  }

  const contextRules = ruleResults(section, ruleOutcome);
  // Only evidence that triggers (a finding, or an answer on the risky half) hands out points.
  const foundMask = positiveMask & triggerMask;
  const countermeasures =
    foundMask === 0
      ? section.idleCountermeasures
      : rankPitfallCountermeasures(section, scratch, foundMask, healthyMask, triggeredSymptomMask, score!);

  return {
    pitfallId: section.pitfallId,
    pitfallName: section.pitfall.name,
    status,
    score,
    band: score === null ? null : bandForScore(score),
    averageScore,
    // Signs found, and none of them known: every one is a "don't know".
    dontKnowOnly: score !== null && (positiveMask & triggerMask) !== 0 && (knownMask & triggerMask) === 0,
    confidence: status === "scored" && applicableWeight > 0 ? round2(answeredWeight / applicableWeight) : 0,
    findings,
    contradictions: contradictionMask === 0 ? NONE : questionIdsOf(section, contradictionMask),
    evidence: {
      questions: questionCount,
      answered,
      dontKnow: dontKnow,
      notApplicable,
      unanswered,
      dontKnowAsEvidence,
      contradictions,
      outOfContext,
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
 * The highest score a pitfall whose every risk is a "don't know" can have: none above a Critical
 * finding; the top of Medium while less than half of the evidence is answered and no finding holds
 * it at High; otherwise the top of High.
 */
export function dontKnowCeiling(floorScore: number, confidence: number): number {
  if (floorScore >= CRITICAL_FROM) return Number.POSITIVE_INFINITY;
  if (floorScore < HIGH_FROM && confidence < HALF_ANSWERED) return DONT_KNOW_LOW_CONFIDENCE_CEILING;
  return DONT_KNOW_CEILING;
}

/** The risk of an answer on the healthy side of its scale ("agree" that a practice is in place). */
const HEALTHY_SIDE_RISK = 0.25;

/** Whether the team context makes a risky answer to this question no sign on its own. */
function notASignHere(question: CompiledQuestion, scratch: ScoringScratch): boolean {
  for (const conditions of question.notASignWhen)
    if (evaluateConditions(conditions, scratch) === CONDITIONS_HOLD) return true;
  return false;
}

/** Scores below this are in band None (see `bands.ts`). */
const NONE_BAND_TOP = 10;

function questionIdsOf(section: CompiledSection, mask: number): readonly string[] {
  const ids: string[] = new Array(bitCount(mask));
  let filled = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1)
    ids[filled++] = section.questions[31 - Math.clz32(bits & -bits)]!.id;
  return ids;
}

/** The high-risk findings that fired, highest floor first, then in content order. */
function collectFindings(section: CompiledSection, ruleOutcome: Uint8Array): readonly HighRiskFinding[] {
  const findings: HighRiskFinding[] = [];
  for (let index = 0; index < section.rules.length; index++) {
    const rule = section.rules[index]!;
    if (rule.floor !== null && ruleOutcome[index] === RULE_FIRED)
      findings.push({ ruleId: rule.id, explanation: rule.rule.explanation, floor: rule.floor });
  }
  if (findings.length > 1) findings.sort((a, b) => FLOOR_ORDER[b.floor] - FLOOR_ORDER[a.floor]);
  return findings;
}

const FLOOR_ORDER = { medium: 0, high: 1, critical: 2 } as const;

/** The frozen list of this section's rule results for the outcomes just evaluated. */
function ruleResults(section: CompiledSection, ruleOutcome: Uint8Array): readonly ContextRuleResult[] {
  const rules = section.rules;
  if (rules.length === 0) return NONE;
  // Beyond a handful of rules the combinations could grow without bound: build the list instead.
  if (rules.length > MAX_MEMOISED_RULES)
    return rules.map((rule, index) => rule.results[ruleOutcome[index]!]!);
  let key = 0;
  for (let index = rules.length - 1; index >= 0; index--) key = key * 5 + ruleOutcome[index]!;
  let list = section.ruleResultLists.get(key);
  if (list === undefined) {
    list = Object.freeze(rules.map((rule, index) => rule.results[ruleOutcome[index]!]!));
    section.ruleResultLists.set(key, list);
  }
  return list;
}

/**
 * The section's countermeasure rankings, in content order; `rankCountermeasures` sorts them.
 *
 * Only evidence found (`foundMask`: a finding, or an answer that triggers what it detects) hands
 * out its points. A piece of evidence of a cause gives them to the countermeasures that remove
 * that cause, in equal parts. A piece of evidence of a symptom alone gives them to the
 * countermeasures relieving the symptom, in proportion to the points each of them already has
 * from causes found (evenly when none has any): a symptom goes away when its causes do, so it
 * follows the causes found. When no cause is found, the symptom's points go evenly to the
 * countermeasures relieving it whose causes the team's answers do not rule out (a countermeasure is
 * ruled out when every cause it removes has an answer on the healthy side and no evidence found);
 * when the answers rule out all of them, the symptom has a cause the questionnaire does not see,
 * and its points go to the least effort among them, the step a coach would try first (on a tie,
 * the one the fewest healthy answers rule out). An answer on
 * the healthy side ("agree, our services degrade gracefully") or in the middle of its scale counts
 * in the score but gives its points to no countermeasure: a step is never offered, or put first,
 * for a practice the team says it has.
 * Each item's points are handed out at most once, so a countermeasure's share never exceeds the
 * score.
 */
function rankPitfallCountermeasures(
  section: CompiledSection,
  scratch: ScoringScratch,
  foundMask: number,
  healthyMask: number,
  triggeredSymptomMask: number,
  score: number,
): PitfallCountermeasureRanking[] {
  const { evidencePoints, countermeasureShares, countermeasureCausePoints } = scratch;
  const links = section.countermeasures;
  const causeOwners = section.evidenceCauseOwners;
  const symptomOwners = section.evidenceSymptomOwners;
  for (let position = 0; position < links.length; position++) {
    countermeasureShares[position] = 0;
    countermeasureCausePoints[position] = 0;
  }
  let symptomOnly = 0;
  for (let bits = foundMask; bits !== 0; bits &= bits - 1) {
    const evidence = 31 - Math.clz32(bits & -bits);
    const owners = causeOwners[evidence]!;
    if (owners === 0) {
      symptomOnly |= 1 << evidence;
      continue;
    }
    const share = evidencePoints[evidence]! / bitCount(owners);
    for (let ownerBits = owners; ownerBits !== 0; ownerBits &= ownerBits - 1) {
      const position = 31 - Math.clz32(ownerBits & -ownerBits);
      countermeasureShares[position]! += share;
      countermeasureCausePoints[position]! += share;
    }
  }
  for (let bits = symptomOnly; bits !== 0; bits &= bits - 1) {
    const evidence = 31 - Math.clz32(bits & -bits);
    const owners = symptomOwners[evidence]!;
    if (owners === 0) continue;
    let causePoints = 0;
    for (let ownerBits = owners; ownerBits !== 0; ownerBits &= ownerBits - 1)
      causePoints += countermeasureCausePoints[31 - Math.clz32(ownerBits & -ownerBits)]!;
    const points = evidencePoints[evidence]!;
    if (causePoints > 0) {
      for (let ownerBits = owners; ownerBits !== 0; ownerBits &= ownerBits - 1) {
        const position = 31 - Math.clz32(ownerBits & -ownerBits);
        countermeasureShares[position]! += (points * countermeasureCausePoints[position]!) / causePoints;
      }
      continue;
    }
    const takers = symptomTakers(links, owners, foundMask, healthyMask);
    const even = points / bitCount(takers);
    for (let ownerBits = takers; ownerBits !== 0; ownerBits &= ownerBits - 1)
      countermeasureShares[31 - Math.clz32(ownerBits & -ownerBits)]! += even;
  }
  const urgency = BAND_URGENCY[bandForScore(score)];
  const countermeasures: PitfallCountermeasureRanking[] = new Array(links.length);
  for (let position = 0; position < links.length; position++) {
    const link = links[position]!;
    const rounded = round1(countermeasureShares[position]!);
    const riskRemoved = rounded > score ? score : rounded;
    if (riskRemoved <= 0) {
      countermeasures[position] = link.idle;
      continue;
    }
    scratch.countermeasureTotals[link.countermeasureIndex]! += riskRemoved;
    scratch.countermeasureUrgency[link.countermeasureIndex]! += riskRemoved * urgency;
    scratch.countermeasurePitfalls[link.countermeasureIndex]!++;
    countermeasures[position] = {
      countermeasureId: link.countermeasure.id,
      pitfallId: section.pitfallId,
      action: link.countermeasure.action,
      rationale: link.link.rationale,
      addresses: link.link.addresses,
      removesCauses: link.link.removesCauses,
      addressesTriggered: addressedAndTriggered(link, triggeredSymptomMask),
      riskRemoved,
    };
  }
  return countermeasures;
}

/**
 * Of the countermeasures relieving a symptom no cause found explains (`owners`), those that take
 * its points: the ones whose causes the team's answers do not rule out; or, when they rule out all
 * of them, the least effort among them, and of those the one the fewest healthy answers rule out
 * (ties share).
 */
function symptomTakers(
  links: readonly CompiledCountermeasureLink[],
  owners: number,
  foundMask: number,
  healthyMask: number,
): number {
  let open = 0;
  let fallback = 0;
  let bestKey = Number.POSITIVE_INFINITY;
  for (let ownerBits = owners; ownerBits !== 0; ownerBits &= ownerBits - 1) {
    const position = 31 - Math.clz32(ownerBits & -ownerBits);
    const link = links[position]!;
    let ruledOut = true;
    let healthy = 0;
    for (const evidence of link.removedCauseEvidence) {
      if ((evidence & foundMask) !== 0 || (evidence & healthyMask) === 0) ruledOut = false;
      healthy |= evidence & healthyMask;
    }
    if (!ruledOut) open |= 1 << position;
    const key = link.effortRank * 64 + bitCount(healthy);
    if (key < bestKey) {
      bestKey = key;
      fallback = 1 << position;
    } else if (key === bestKey) fallback |= 1 << position;
  }
  return open !== 0 ? open : fallback;
}

/** Outcomes of a list of conditions read as one "and" (Kleene logic). */
const CONDITIONS_HOLD = 0;
const CONDITIONS_FAIL = 1;
const CONDITIONS_UNKNOWN = 2;
const CONDITIONS_NOT_APPLICABLE = 3;

/**
 * Kleene "and" over the conditions: one known-false condition settles them even if others are
 * unknown; otherwise a not-applicable question makes them not applicable, and a blank or "don't
 * know" field leaves them unknown.
 */
function evaluateConditions(conditions: readonly CompiledCondition[], scratch: ScoringScratch): number {
  let sawNotApplicable = false;
  let sawUnknown = false;
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index]!;
    const fromContext = condition.contextIndex >= 0;
    const state = fromContext
      ? scratch.contextState[condition.contextIndex]!
      : scratch.questionState[condition.questionIndex]!;
    if (condition.op === "dontKnow") {
      if (state === DONT_KNOW || state === CONTRADICTION) continue;
      if (state === UNANSWERED) sawUnknown = true;
      else return CONDITIONS_FAIL;
    } else if (state === VALUE) {
      const value = fromContext
        ? scratch.contextValue[condition.contextIndex]!
        : scratch.questionValue[condition.questionIndex]!;
      let holds: boolean;
      if (condition.op === "in") holds = includes(condition.values, value);
      else if (condition.op === "lt") holds = (value as number) < condition.threshold;
      else holds = (value as number) > condition.threshold;
      if (!holds) return CONDITIONS_FAIL;
    } else if (state === NOT_APPLICABLE || state === OUT_OF_CONTEXT) {
      sawNotApplicable = true;
    } else {
      sawUnknown = true;
    }
  }
  if (sawNotApplicable) return CONDITIONS_NOT_APPLICABLE;
  return sawUnknown ? CONDITIONS_UNKNOWN : CONDITIONS_HOLD;
}

/**
 * A rule whose precondition is known not to hold does not apply and carries no weight. When it
 * applies, its conditions decide: all hold, it fires; one is known false, it is healthy evidence;
 * otherwise it is unassessed. A rule whose precondition is unknown is unassessed, unless its
 * conditions already rule out a finding, in which case there is nothing to say: not applicable.
 *
 * A rule's `unless` answers rule its finding out: the finding is its conditions and "not all of
 * `unless`". All of them holding makes the rule known not to hold; one of them unknown leaves the
 * finding unknown, unless the conditions already fail; one known false, or not applicable, leaves
 * the conditions to decide. So a riskier answer to an `unless` question can only make the rule
 * hold, never take away the healthy weight it had.
 */
function evaluateRule(rule: CompiledRule, scratch: ScoringScratch): number {
  const applies =
    rule.appliesWhen.length === 0 ? CONDITIONS_HOLD : evaluateConditions(rule.appliesWhen, scratch);
  if (applies === CONDITIONS_FAIL || applies === CONDITIONS_NOT_APPLICABLE) return RULE_NOT_APPLICABLE;
  let holds = evaluateConditions(rule.conditions, scratch);
  if (holds === CONDITIONS_NOT_APPLICABLE) return RULE_NOT_APPLICABLE;
  if (rule.unless.length > 0 && holds !== CONDITIONS_FAIL) {
    const ruledOut = evaluateConditions(rule.unless, scratch);
    if (ruledOut === CONDITIONS_HOLD) holds = CONDITIONS_FAIL;
    else if (ruledOut === CONDITIONS_UNKNOWN) holds = CONDITIONS_UNKNOWN;
  }
  if (applies === CONDITIONS_UNKNOWN)
    return holds === CONDITIONS_FAIL ? RULE_NOT_APPLICABLE : RULE_UNASSESSED;
  if (holds === CONDITIONS_HOLD) return RULE_FIRED;
  return holds === CONDITIONS_FAIL ? RULE_NOT_HOLDING : RULE_UNASSESSED;
}

/**
 * Fills each evidence item's score points and contribution, and lists those above 0, largest
 * first. An item's points are its share of the weighted average, plus its share of the lift when
 * it is a finding whose floor decided the score, so the points of a pitfall add up to its score.
 * Arrays here and below are allocated at their exact length: push-grown arrays reserve room for
 * 17 items, which for lists of one to five is most of the allocation of a score.
 */
function collectContributions(
  section: CompiledSection,
  scratch: ScoringScratch,
  positiveMask: number,
  triggerMask: number,
  liftMask: number,
  totals: { weightedRisk: number; average: number; lift: number },
): readonly Contribution[] {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints, evidenceContribution, evidenceKind, order, orderKeys } = scratch;
  const questionCount = questions.length;
  const count = bitCount(positiveMask);
  if (count === 0) return NONE;
  const { weightedRisk, average, lift } = totals;
  const pointsPerRisk = weightedRisk > 0 ? average / weightedRisk : 0;
  // The points before rounding add up to this: shares are of it, so they add up to 1 and one
  // answer behind the whole score is 100% of it, never a rounding step more.
  const total = average + lift;
  const liftEach = liftMask === 0 ? 0 : lift / bitCount(liftMask);

  // Order first, on unboxed numbers, then build the objects in that order: sorting the objects
  // themselves would chase a pointer to a boxed number for every comparison.
  let filled = 0;
  for (let bits = positiveMask; bits !== 0; bits &= bits - 1) {
    const index = 31 - Math.clz32(bits & -bits);
    const weight = index < questionCount ? questions[index]!.weight : rules[index - questionCount]!.weight;
    let points = weight * evidenceRisk[index]! * pointsPerRisk;
    if ((liftMask & (1 << index)) !== 0) points += liftEach;
    evidencePoints[index] = points;
    const rounded = round1(points);
    // Stable insertion: equal points keep questionnaire order, questions before rules.
    let position = filled - 1;
    while (position >= 0 && orderKeys[position]! < rounded) {
      order[position + 1] = order[position]!;
      orderKeys[position + 1] = orderKeys[position]!;
      position--;
    }
    order[position + 1] = index;
    orderKeys[position + 1] = rounded;
    filled++;
  }

  const contributions: Contribution[] = new Array(count);
  for (let position = 0; position < count; position++) {
    const index = order[position]!;
    const risk = evidenceRisk[index]!;
    const share = total > 0 ? round3(evidencePoints[index]! / total) : 0;
    let contribution: Contribution;
    if (index < questionCount) {
      const question = questions[index]!;
      const kind = evidenceKind[index]!;
      contribution = {
        source: "question",
        questionId: question.id,
        answer: kind === VALUE ? "value" : kind === CONTRADICTION ? "contradiction" : "dontKnow",
        value: kind === VALUE ? scratch.questionValue[question.index]! : null,
        risk: round3(risk),
        weight: question.weight,
        points: orderKeys[position]!,
        share,
        triggers: (triggerMask & (1 << index)) !== 0,
      };
    } else {
      const rule = rules[index - questionCount]!;
      contribution = {
        source: "context-rule",
        ruleId: rule.id,
        explanation: rule.rule.explanation,
        risk,
        weight: rule.weight,
        points: orderKeys[position]!,
        share,
        floor: rule.floor,
      };
    }
    evidenceContribution[index] = contribution;
    contributions[position] = contribution;
  }
  return contributions;
}

function collectTriggeredSymptoms(
  section: CompiledSection,
  scratch: ScoringScratch,
  triggerMask: number,
  triggeredSymptomMask: number,
  knownMask: number,
): readonly TriggeredSymptom[] {
  const triggered: TriggeredSymptom[] = new Array(bitCount(triggeredSymptomMask));
  let filled = 0;
  for (let bits = triggeredSymptomMask; bits !== 0; bits &= bits - 1) {
    const link = section.symptoms[31 - Math.clz32(bits & -bits)]!;
    const evidence = link.evidenceMask & triggerMask;
    triggered[filled++] = {
      symptomId: link.symptom.id,
      title: link.symptom.title,
      suspected: (evidence & knownMask) === 0,
      answers: contributionsOf(scratch, evidence & section.questionMask) as readonly QuestionContribution[],
      contextRules: contributionsOf(
        scratch,
        evidence & ~section.questionMask,
      ) as readonly ContextRuleContribution[],
    };
  }
  return triggered;
}

function collectTriggeredCauses(
  section: CompiledSection,
  scratch: ScoringScratch,
  triggerMask: number,
  knownMask: number,
): readonly TriggeredCause[] {
  const links = section.causes;
  let count = 0;
  for (let index = 0; index < links.length; index++)
    if ((links[index]!.evidenceMask & triggerMask) !== 0) count++;
  if (count === 0) return NONE;
  const triggered: TriggeredCause[] = new Array(count);
  let filled = 0;
  for (let index = 0; index < links.length; index++) {
    const link = links[index]!;
    const evidence = link.evidenceMask & triggerMask;
    if (evidence === 0) continue;
    triggered[filled++] = {
      causeId: link.cause.id,
      text: link.cause.text,
      suspected: (evidence & knownMask) === 0,
      answers: contributionsOf(scratch, evidence & section.questionMask) as readonly QuestionContribution[],
      contextRules: contributionsOf(
        scratch,
        evidence & ~section.questionMask,
      ) as readonly ContextRuleContribution[],
    };
  }
  return triggered;
}

/** The contributions of the evidence in `mask`, in questionnaire order. */
function contributionsOf(scratch: ScoringScratch, mask: number): readonly Contribution[] {
  if (mask === 0) return NONE;
  const contributions: Contribution[] = new Array(bitCount(mask));
  let filled = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) {
    contributions[filled++] = scratch.evidenceContribution[31 - Math.clz32(bits & -bits)]!;
  }
  return contributions;
}

/** `values.includes(value)` without the builtin call, which costs more than the search here. */
function includes(values: readonly (string | boolean)[], value: AnswerValue): boolean {
  for (let index = 0; index < values.length; index++) if (values[index] === value) return true;
  return false;
}

/** Number of set bits. */
function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** Shares the content's own list when every addressed symptom was triggered, as is common. */
function addressedAndTriggered(
  link: CompiledCountermeasureLink,
  triggeredSymptomMask: number,
): readonly string[] {
  const triggered = link.addressedSymptomMask & triggeredSymptomMask;
  if (triggered === 0) return NONE;
  if (triggered === link.addressedSymptomMask) return link.link.addresses;
  const addressed = link.addressedSymptoms;
  const list: string[] = new Array(bitCount(triggered));
  let filled = 0;
  for (let index = 0; index < addressed.length; index++) {
    if ((triggered & (1 << addressed[index]!)) !== 0) list[filled++] = link.link.addresses[index]!;
  }
  return list;
}

/**
 * Orders each pitfall's countermeasures and builds the assessment-wide remediation list: each
 * countermeasure once, its gains from every pitfall added up and weighted by the band of the
 * pitfall they come from, so work on a Critical pitfall comes first and one countermeasure that
 * serves several pitfalls at risk outranks one that serves a single pitfall.
 *
 * Ties are broken by a fixed rule, never by the order of the content: within a pitfall, most risk
 * removed, then least effort, then id; across the
 * assessment, most urgency, then most risk removed, then least effort, then id. The worst
 * pitfall's own first step, and each other Critical pitfall's, lead the assessment-wide list
 * (`leadingCountermeasureIds`).
 */
function rankCountermeasures(
  compiled: CompiledQuestionnaire,
  pitfalls: readonly PitfallScore[],
): readonly RankedCountermeasure[] {
  const {
    countermeasureTotals,
    countermeasureUrgency,
    countermeasurePitfalls,
    rankedCountermeasures,
    countermeasureFilled,
  } = compiled.scratch;
  for (let index = 0; index < rankedCountermeasures.length; index++) rankedCountermeasures[index] = undefined;
  let rankedCount = 0;

  for (let pitfallIndex = 0; pitfallIndex < pitfalls.length; pitfallIndex++) {
    const rankings = pitfalls[pitfallIndex]!.countermeasures as PitfallCountermeasureRanking[];
    const section = compiled.sections[pitfallIndex]!;
    // The shared idle list is already in its final order (all zero, by effort then id) and frozen.
    if (rankings === section.idleCountermeasures) continue;
    // Rankings are still in content order here, position for position with the compiled links.
    const links = section.countermeasures;
    for (let position = 0; position < rankings.length; position++) {
      const ranking = rankings[position]!;
      const countermeasureIndex = links[position]!.countermeasureIndex;
      if (ranking.riskRemoved <= 0) continue;
      let entry = rankedCountermeasures[countermeasureIndex];
      if (entry === undefined) {
        const countermeasure = links[position]!.countermeasure;
        // Sized by the count of pitfalls it removes risk from, known since the sections were scored.
        entry = {
          countermeasureId: ranking.countermeasureId,
          action: ranking.action,
          totalRiskRemoved: round1(countermeasureTotals[countermeasureIndex]!),
          urgency: round1(countermeasureUrgency[countermeasureIndex]!),
          effort: countermeasure.effort,
          pitfalls: new Array<PitfallCountermeasureRanking>(countermeasurePitfalls[countermeasureIndex]!),
        };
        rankedCountermeasures[countermeasureIndex] = entry;
        countermeasureFilled[countermeasureIndex] = 0;
        rankedCount++;
      }
      (entry.pitfalls as PitfallCountermeasureRanking[])[countermeasureFilled[countermeasureIndex]!++] =
        ranking;
    }
    if (rankings.length > 1) sortPitfallCountermeasures(rankings, links);
  }

  if (rankedCount === 0) return NONE;
  const ranked: RankedCountermeasure[] = new Array(rankedCount);
  let filled = 0;
  for (let index = 0; index < rankedCountermeasures.length; index++) {
    const entry = rankedCountermeasures[index];
    if (entry === undefined) continue;
    if (entry.pitfalls.length > 1) sortGains(entry.pitfalls as PitfallCountermeasureRanking[]);
    let position = filled - 1;
    while (position >= 0 && rankedAhead(entry, ranked[position]!)) {
      ranked[position + 1] = ranked[position]!;
      position--;
    }
    ranked[position + 1] = entry;
    filled++;
  }
  return withLeadingStepsFirst(ranked, leadingCountermeasureIds(pitfalls));
}

/** Whether `a` goes before `b` in the assessment-wide list. */
function rankedAhead(a: RankedCountermeasure, b: RankedCountermeasure): boolean {
  return compareRemediation(a, b) < 0;
}

/** Sets the first `length` items: a plain loop, as typed-array fill is a slow call for short arrays. */
function fillPrefix(items: Float64Array | Uint8Array, length: number, value: number): void {
  for (let index = 0; index < length; index++) items[index] = value;
}

/*
 * Stable insertion sorts for the short lists scoring produces (a handful to a few dozen items),
 * where Array.prototype.sort's set-up cost dominates. One per element type, each with its
 * comparison written inline: a shared sort taking a comparator calls it through a megamorphic
 * call site that the optimiser cannot inline.
 */

/**
 * Most risk removed from this pitfall first, then least effort (as docs/scoring.md promises: a tie
 * goes to the quicker step), then id.
 */
function sortPitfallCountermeasures(
  items: PitfallCountermeasureRanking[],
  links: readonly CompiledCountermeasureLink[],
): void {
  const efforts = effortScratch;
  for (let index = 0; index < items.length; index++) efforts[index] = links[index]!.effortRank;
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    const effort = efforts[index]!;
    let position = index - 1;
    while (position >= 0) {
      const other = items[position]!;
      const ahead =
        other.riskRemoved !== item.riskRemoved
          ? other.riskRemoved > item.riskRemoved
          : efforts[position]! !== effort
            ? efforts[position]! < effort
            : other.countermeasureId < item.countermeasureId;
      if (ahead) break;
      items[position + 1] = other;
      efforts[position + 1] = efforts[position]!;
      position--;
    }
    items[position + 1] = item;
    efforts[position + 1] = effort;
  }
}

/** Effort ranks of the pitfall's countermeasures while they are sorted; scoring is synchronous. */
const effortScratch = new Int32Array(32);

/** A countermeasure's pitfalls: most risk removed first. */
function sortGains(items: PitfallCountermeasureRanking[]): void {
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    let position = index - 1;
    while (position >= 0 && items[position]!.riskRemoved < item.riskRemoved) {
      items[position + 1] = items[position]!;
      position--;
    }
    items[position + 1] = item;
  }
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
