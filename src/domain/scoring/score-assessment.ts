/**
 * Scores one team's assessment: per pitfall, a 0-100 risk score with band, confidence, the evidence
 * behind it and ranked countermeasures. Pure and synchronous; malformed answers throw.
 */
import type { Answers, ContextQuestion, Question } from "../content/schema";
import {
  type AnswerIssue,
  answerIssueMessage,
  AnswerValidationError,
  type AnswerValue,
} from "./answer-validation";
import { bandForScore } from "./bands";
import {
  compileQuestionnaire,
  type CompiledCountermeasureLink,
  type CompiledQuestionnaire,
  type CompiledRule,
  type CompiledSection,
  DONT_KNOW,
  NOT_APPLICABLE,
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
  const compiled =
    "kind" in content && content.kind === "compiled-questionnaire" ? content : compileQuestionnaire(content);
  const { scratch, sections } = compiled;
  readAnswers(compiled, answers, teamContext);

  fillPrefix(scratch.countermeasureTotals, scratch.countermeasureTotals.length, 0);
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
  const { evidenceRisk, questionState, questionRisk, ruleOutcome } = scratch;
  const questionCount = questions.length;

  let applicableWeight = 0;
  let answeredWeight = 0;
  let weightedRisk = 0;
  let answered = 0;
  let dontKnow = 0;
  let notApplicable = 0;
  let unanswered = 0;
  // Bit i set: evidence i has risk above 0 / at or above the trigger risk.
  let positiveMask = 0;
  let triggerMask = 0;

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
      if (risk > 0) positiveMask |= 1 << index;
      if (risk >= SYMPTOM_TRIGGER_RISK) triggerMask |= 1 << index;
    } else {
      evidenceRisk[index] = 0;
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
    evidenceRisk[evidenceIndex] = 0;
    if (outcome === RULE_FIRED) {
      evidenceRisk[evidenceIndex] = 1;
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
      weightedRisk += rule.weight;
      positiveMask |= 1 << evidenceIndex;
      triggerMask |= 1 << evidenceIndex;
    } else if (outcome === RULE_NOT_HOLDING) {
      applicableWeight += rule.weight;
      answeredWeight += rule.weight;
    } else if (outcome === RULE_UNASSESSED) {
      applicableWeight += rule.weight;
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
  let triggeredSymptomMask = 0;

  if (status === "scored") {
    score = round1((100 * weightedRisk) / answeredWeight);
    contributions = collectContributions(section, scratch, positiveMask, weightedRisk, answeredWeight);
    for (let index = 0; index < section.symptoms.length; index++) {
      if ((section.symptoms[index]!.evidenceMask & triggerMask) !== 0) triggeredSymptomMask |= 1 << index;
    }
    if (triggeredSymptomMask !== 0)
      triggeredSymptoms = collectTriggeredSymptoms(section, scratch, triggerMask, triggeredSymptomMask);
    triggeredCauses = collectTriggeredCauses(section, scratch, triggerMask);
  } else {
    // Nothing is scored, so no countermeasure can remove anything.
    positiveMask = 0;
  }

  const contextRules = ruleResults(section, ruleOutcome);
  const countermeasures =
    positiveMask === 0
      ? section.idleCountermeasures
      : rankPitfallCountermeasures(section, scratch, positiveMask, triggeredSymptomMask);

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

/** The section's countermeasure rankings, in content order; `rankCountermeasures` sorts them. */
function rankPitfallCountermeasures(
  section: CompiledSection,
  scratch: ScoringScratch,
  positiveMask: number,
  triggeredSymptomMask: number,
): PitfallCountermeasureRanking[] {
  const evidencePoints = scratch.evidencePoints;
  const links = section.countermeasures;
  const countermeasures: PitfallCountermeasureRanking[] = new Array(links.length);
  for (let position = 0; position < links.length; position++) {
    const link = links[position]!;
    let removed = 0;
    for (let bits = link.evidenceMask & positiveMask; bits !== 0; bits &= bits - 1) {
      removed += evidencePoints[31 - Math.clz32(bits & -bits)]!;
    }
    const riskRemoved = round1(removed);
    if (riskRemoved <= 0) {
      countermeasures[position] = link.idle;
      continue;
    }
    scratch.countermeasureTotals[link.countermeasureIndex]! += riskRemoved;
    scratch.countermeasurePitfalls[link.countermeasureIndex]!++;
    countermeasures[position] = {
      countermeasureId: link.countermeasure.id,
      pitfallId: section.pitfallId,
      action: link.countermeasure.action,
      rationale: link.link.rationale,
      addresses: link.link.addresses,
      addressesTriggered: addressedAndTriggered(link, triggeredSymptomMask),
      riskRemoved,
    };
  }
  return countermeasures;
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
      if (condition.op === "in") holds = includes(condition.values, value);
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
  positiveMask: number,
  weightedRisk: number,
  answeredWeight: number,
): readonly Contribution[] {
  const { questions, rules } = section;
  const { evidenceRisk, evidencePoints, evidenceContribution, order, orderKeys } = scratch;
  const questionCount = questions.length;
  const count = bitCount(positiveMask);
  if (count === 0) return NONE;

  // Order first, on unboxed numbers, then build the objects in that order: sorting the objects
  // themselves would chase a pointer to a boxed number for every comparison.
  let filled = 0;
  for (let bits = positiveMask; bits !== 0; bits &= bits - 1) {
    const index = 31 - Math.clz32(bits & -bits);
    const weight = index < questionCount ? questions[index]!.weight : rules[index - questionCount]!.weight;
    const points = (100 * weight * evidenceRisk[index]!) / answeredWeight;
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
    let contribution: Contribution;
    if (index < questionCount) {
      const question = questions[index]!;
      contribution = {
        source: "question",
        questionId: question.id,
        value: scratch.questionValue[question.index]!,
        risk: round3(risk),
        weight: question.weight,
        points: orderKeys[position]!,
        share: round3((question.weight * risk) / weightedRisk),
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
        share: round3((rule.weight * risk) / weightedRisk),
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
): readonly TriggeredSymptom[] {
  const triggered: TriggeredSymptom[] = new Array(bitCount(triggeredSymptomMask));
  let filled = 0;
  for (let bits = triggeredSymptomMask; bits !== 0; bits &= bits - 1) {
    const link = section.symptoms[31 - Math.clz32(bits & -bits)]!;
    const evidence = link.evidenceMask & triggerMask;
    triggered[filled++] = {
      symptomId: link.symptom.id,
      title: link.symptom.title,
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
 * countermeasure once, its gains from every pitfall added up, so one that serves several pitfalls
 * at risk outranks one that serves a single pitfall. Within a pitfall, equal gains are broken by
 * that assessment-wide total for the same reason.
 */
function rankCountermeasures(
  compiled: CompiledQuestionnaire,
  pitfalls: readonly PitfallScore[],
): readonly RankedCountermeasure[] {
  const {
    countermeasureTotals,
    countermeasurePitfalls,
    rankedCountermeasures,
    countermeasureFilled,
    rankingTotals,
    order,
    orderKeys,
    orderCounts,
  } = compiled.scratch;
  for (let index = 0; index < rankedCountermeasures.length; index++) rankedCountermeasures[index] = undefined;
  let rankedCount = 0;

  for (let pitfallIndex = 0; pitfallIndex < pitfalls.length; pitfallIndex++) {
    const rankings = pitfalls[pitfallIndex]!.countermeasures as PitfallCountermeasureRanking[];
    // The shared idle list is already in its final order (all zero, content order) and frozen.
    if (rankings === compiled.sections[pitfallIndex]!.idleCountermeasures) continue;
    // Rankings are still in content order here, position for position with the compiled links.
    const links = compiled.sections[pitfallIndex]!.countermeasures;
    for (let position = 0; position < rankings.length; position++) {
      const ranking = rankings[position]!;
      const countermeasureIndex = links[position]!.countermeasureIndex;
      const total = countermeasureTotals[countermeasureIndex]!;
      rankingTotals[position] = total;
      if (ranking.riskRemoved <= 0) continue;
      let entry = rankedCountermeasures[countermeasureIndex];
      if (entry === undefined) {
        // Sized by the count of pitfalls it removes risk from, known since the sections were scored.
        entry = {
          countermeasureId: ranking.countermeasureId,
          action: ranking.action,
          totalRiskRemoved: round1(total),
          pitfalls: new Array<PitfallCountermeasureRanking>(countermeasurePitfalls[countermeasureIndex]!),
        };
        rankedCountermeasures[countermeasureIndex] = entry;
        countermeasureFilled[countermeasureIndex] = 0;
        rankedCount++;
      }
      (entry.pitfalls as PitfallCountermeasureRanking[])[countermeasureFilled[countermeasureIndex]!++] =
        ranking;
    }
    if (rankings.length > 1) sortPitfallCountermeasures(rankings, rankingTotals);
  }

  // Ordered on the unboxed totals, collected in content order so ties stay in content order.
  if (rankedCount === 0) return NONE;
  let filled = 0;
  for (let index = 0; index < rankedCountermeasures.length; index++) {
    const entry = rankedCountermeasures[index];
    if (entry === undefined) continue;
    if (entry.pitfalls.length > 1) sortGains(entry.pitfalls as PitfallCountermeasureRanking[]);
    const total = entry.totalRiskRemoved;
    const served = entry.pitfalls.length;
    let position = filled - 1;
    while (position >= 0) {
      const ahead =
        orderKeys[position]! > total || (orderKeys[position]! === total && orderCounts[position]! >= served);
      if (ahead) break;
      order[position + 1] = order[position]!;
      orderKeys[position + 1] = orderKeys[position]!;
      orderCounts[position + 1] = orderCounts[position]!;
      position--;
    }
    order[position + 1] = index;
    orderKeys[position + 1] = total;
    orderCounts[position + 1] = served;
    filled++;
  }
  const ranked: RankedCountermeasure[] = new Array(rankedCount);
  for (let position = 0; position < rankedCount; position++)
    ranked[position] = rankedCountermeasures[order[position]!]!;
  return ranked;
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
 * Most risk removed from this pitfall first, then most removed across the assessment;
 * `totals[i]` is the assessment-wide gain of `items[i]` and moves with it.
 */
function sortPitfallCountermeasures(items: PitfallCountermeasureRanking[], totals: Float64Array): void {
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    const total = totals[index]!;
    let position = index - 1;
    while (position >= 0) {
      const other = items[position]!;
      const ahead =
        other.riskRemoved > item.riskRemoved ||
        (other.riskRemoved === item.riskRemoved && totals[position]! >= total);
      if (ahead) break;
      items[position + 1] = other;
      totals[position + 1] = totals[position]!;
      position--;
    }
    items[position + 1] = item;
    totals[position + 1] = total;
  }
}

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
