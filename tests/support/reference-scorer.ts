/**
 * A plain reference implementation of scoring method 6, written from the method's specification
 * (the numbered steps cited below) rather than from the production engine. It favours obvious
 * code over speed: simple loops, Maps and arrays, a fresh object for everything, no caching.
 *
 * Tests compare `scoreAssessment` with it on generated answers over the real questionnaires, so an
 * optimisation of the engine can never change a verdict without a test failing.
 *
 * Steps of the specification:
 *  1. answer states; 2. team-context pass; 3. condition evaluation (Kleene AND);
 *  4. question evidence; 5. context rules and the floor; 6. status; 7. score, band, confidence;
 *  8. points and contributions; 9. triggered symptoms and causes; 10. countermeasure shares;
 *  11. findings and contradictions; 12. order of a pitfall's countermeasures;
 *  13. assessment-wide countermeasures; 14. rule outcomes and the evidence summary.
 */
import { impossibleAnswers } from "../../src/domain/assessments/impossible-answers";
import type {
  Answers,
  Condition,
  ContextRule,
  CountermeasureEffort,
  FloorBand,
  Pitfall,
  Question,
  QuestionSection,
} from "../../src/domain/content/schema";
import {
  answerRisk,
  type AnswerValue,
  type AssessmentScore,
  bandForScore,
  type ContextRuleContribution,
  type ContextRuleOutcome,
  type ContextRuleResult,
  type Contribution,
  type EvidenceSummary,
  type HighRiskFinding,
  type PitfallCountermeasureRanking,
  type PitfallScore,
  type PitfallStatus,
  type QuestionContribution,
  type RankedCountermeasure,
  type RiskBand,
  SCORING_METHOD_VERSION,
  type ScoringContent,
  type TriggeredCause,
  type TriggeredSymptom,
} from "../../src/domain/scoring";

/* ------------------------------------------------------------------------------------------------
 * Small numeric helpers
 * ---------------------------------------------------------------------------------------------- */

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Step 5: the score a fired floor rule holds its pitfall at, at the least. */
const FLOOR_SCORES: Record<FloorBand, number> = { medium: 30, high: 60, critical: 80 };

/** Step 12 and 13: effort breaks ties, the quickest first. */
const EFFORT_ORDER: Record<CountermeasureEffort, number> = { low: 0, medium: 1, high: 2 };

/** Step 13: how much a point of risk removed counts, by the band of the pitfall it comes from. */
const BAND_WEIGHTS: Record<RiskBand, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/**
 * Step 9: evidence at or above this risk triggers the symptoms and causes it detects, except the
 * middle of an agreement scale ("neither agree nor disagree"), which takes no side.
 */
const TRIGGER_RISK = 0.5;

/** Ids compare by code unit, so the order does not depend on a locale. */
function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/* ------------------------------------------------------------------------------------------------
 * Steps 1-3: answer states and condition evaluation
 * ---------------------------------------------------------------------------------------------- */

type AnswerState = "value" | "dontKnow" | "notApplicable" | "unanswered" | "contradiction" | "outOfContext";

interface FieldState {
  state: AnswerState;
  /** Set only when `state` is "value". */
  value: AnswerValue | null;
}

type Verdict = "HOLD" | "FAIL" | "NOT_APPLICABLE" | "UNKNOWN";

/** Step 1: the state of one stored answer (absent key = unanswered). */
function stateOfAnswer(answers: Answers, id: string): FieldState {
  const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
  if (answer === undefined) return { state: "unanswered", value: null };
  if (answer.kind === "value") return { state: "value", value: answer.value };
  if (answer.kind === "dontKnow") return { state: "dontKnow", value: null };
  return { state: "notApplicable", value: null };
}

type ConditionOutcome = "holds" | "fails" | "not-applicable" | "unknown";

/** Step 3: the outcome of one condition, given the state of its field. */
function evaluateCondition(condition: Condition, field: FieldState): ConditionOutcome {
  if (condition.op === "dontKnow") {
    if (field.state === "dontKnow" || field.state === "contradiction") return "holds";
    if (field.state === "unanswered") return "unknown";
    return "fails"; // value, notApplicable, outOfContext
  }
  if (field.state === "notApplicable" || field.state === "outOfContext") return "not-applicable";
  if (field.state !== "value") return "unknown"; // dontKnow, contradiction, unanswered
  const value = field.value;
  switch (condition.op) {
    case "in":
      return condition.values.some((candidate) => candidate === value) ? "holds" : "fails";
    case "lt":
      return typeof value === "number" && value < condition.value ? "holds" : "fails";
    case "gt":
      return typeof value === "number" && value > condition.value ? "holds" : "fails";
  }
}

/** Step 3: Kleene AND over the conditions; the order of the conditions does not matter. */
function evaluate(conditions: readonly Condition[], fields: ReadonlyMap<string, FieldState>): Verdict {
  const outcomes = conditions.map((condition) =>
    evaluateCondition(condition, fields.get(condition.field) ?? { state: "unanswered", value: null }),
  );
  if (outcomes.includes("fails")) return "FAIL";
  if (outcomes.includes("not-applicable")) return "NOT_APPLICABLE";
  if (outcomes.includes("unknown")) return "UNKNOWN";
  return "HOLD";
}

/**
 * Steps 1 and 2: the state of every context question and every pitfall question. The team-context
 * pass looks at the answers as given (its conditions are over the team context).
 */
function readFieldStates(
  content: ScoringContent,
  answers: Answers,
  teamContext: Answers,
): Map<string, FieldState> {
  const given = new Map<string, FieldState>();
  for (const contextQuestion of content.questionnaire.context) {
    given.set(contextQuestion.id, stateOfAnswer(teamContext, contextQuestion.id));
  }
  const questions = allQuestions(content);
  for (const question of questions) given.set(question.id, stateOfAnswer(answers, question.id));
  // Answers that cannot all be true are read as unanswered: no conclusion is drawn from either.
  for (const combination of impossibleAnswers((id) => teamContext[id] ?? answers[id])) {
    for (const id of combination.questionIds) {
      if (given.has(id)) given.set(id, { state: "unanswered", value: null });
    }
  }

  const fields = new Map(given);
  for (const question of questions) {
    const field = given.get(question.id)!;
    if (question.appliesWhen) {
      const applies = evaluate(question.appliesWhen, given);
      if (applies === "FAIL" || applies === "NOT_APPLICABLE") {
        fields.set(question.id, { state: "outOfContext", value: null });
        continue;
      }
    }
    if (field.state === "notApplicable" && question.applicableWhen) {
      if (evaluate(question.applicableWhen, given) === "HOLD") {
        fields.set(question.id, { state: "contradiction", value: null });
      }
    }
  }
  return fields;
}

function allQuestions(content: ScoringContent): Question[] {
  const questions: Question[] = [];
  for (const section of content.questionnaire.sections) questions.push(...section.questions);
  return questions;
}

/* ------------------------------------------------------------------------------------------------
 * Steps 4-5: evidence of one pitfall section
 * ---------------------------------------------------------------------------------------------- */

/** A question that counts as answered evidence (step 4). */
interface QuestionEvidence {
  kind: "question";
  question: Question;
  answer: "value" | "dontKnow" | "contradiction";
  value: AnswerValue | null;
  risk: number;
  weight: number;
  symptoms: readonly string[];
  causes: readonly string[];
  /** Step 9: on the risky half of its scale, so it triggers what it detects. */
  triggers: boolean;
}

/** A rule that fired (step 5): evidence at risk 1. */
interface RuleEvidence {
  kind: "rule";
  rule: ContextRule;
  risk: number;
  weight: number;
  symptoms: readonly string[];
  causes: readonly string[];
  /** A fired rule always triggers. */
  triggers: true;
}

type Evidence = QuestionEvidence | RuleEvidence;

interface SectionEvidence {
  summary: EvidenceSummary;
  /** Answered questions in questionnaire order, then fired rules in content order. */
  items: Evidence[];
  weightedRisk: number;
  ruleResults: ContextRuleResult[];
  floor: number;
  contradictions: string[];
  questionsAnswered: number;
  rulesFired: number;
  allQuestionsExcluded: boolean;
}

/** Step 4: what each question of the section adds. */
function collectQuestionEvidence(
  section: QuestionSection,
  fields: ReadonlyMap<string, FieldState>,
): SectionEvidence {
  const summary: EvidenceSummary = {
    questions: section.questions.length,
    answered: 0,
    dontKnow: 0,
    notApplicable: 0,
    unanswered: 0,
    dontKnowAsEvidence: 0,
    contradictions: 0,
    outOfContext: 0,
    answeredWeight: 0,
    applicableWeight: 0,
  };
  const evidence: SectionEvidence = {
    summary,
    items: [],
    weightedRisk: 0,
    ruleResults: [],
    floor: 0,
    contradictions: [],
    questionsAnswered: 0,
    rulesFired: 0,
    allQuestionsExcluded: true,
  };

  for (const question of section.questions) {
    const field = fields.get(question.id)!;
    if (field.state === "notApplicable" || field.state === "outOfContext") {
      summary.notApplicable += 1;
      if (field.state === "outOfContext") summary.outOfContext += 1;
      continue;
    }
    evidence.allQuestionsExcluded = false;
    summary.applicableWeight += question.weight;

    let risk: number | null = null;
    let answer: QuestionEvidence["answer"] = "value";
    let notASign = false;
    if (field.state === "value") {
      summary.answered += 1;
      risk = answerRisk(question, field.value!);
      // A risky answer the team context makes no sign on its own counts like one on the healthy
      // side (0.25) and triggers nothing.
      if (risk > 0.25 && (question.notASignWhen ?? []).some((list) => evaluate(list, fields) === "HOLD")) {
        risk = 0.25;
        notASign = true;
      }
    } else if (field.state === "unanswered") {
      summary.unanswered += 1;
    } else if (field.state === "dontKnow") {
      summary.dontKnow += 1;
      if (question.dontKnowRisk !== undefined) {
        summary.dontKnowAsEvidence += 1;
        risk = question.dontKnowRisk;
        answer = "dontKnow";
      }
    } else if (field.state === "contradiction") {
      summary.contradictions += 1;
      evidence.contradictions.push(question.id);
      if (question.dontKnowRisk !== undefined) {
        risk = question.dontKnowRisk;
        answer = "contradiction";
      }
    }

    if (risk !== null) {
      summary.answeredWeight += question.weight;
      evidence.weightedRisk += question.weight * risk;
      evidence.questionsAnswered += 1;
      evidence.items.push({
        kind: "question",
        question,
        answer,
        value: answer === "value" ? field.value : null,
        risk,
        weight: question.weight,
        symptoms: question.detects.symptoms,
        causes: question.detects.causes,
        triggers:
          !notASign &&
          risk >= TRIGGER_RISK &&
          !(answer === "value" && question.answer.type === "agreement" && risk === 0.5),
      });
    }
  }
  return evidence;
}

/**
 * Step 5: the outcome of one rule. Its finding is its `when` and not all of its `unless` (Kleene
 * AND with a negation; an `unless` that cannot hold because a field is not applicable rules
 * nothing out).
 */
function ruleOutcome(rule: ContextRule, fields: ReadonlyMap<string, FieldState>): ContextRuleOutcome {
  const applies: Verdict = rule.appliesWhen ? evaluate(rule.appliesWhen, fields) : "HOLD";
  if (applies === "FAIL" || applies === "NOT_APPLICABLE") return "not-applicable";
  let holds = evaluate(rule.when, fields);
  if (holds === "NOT_APPLICABLE") return "not-applicable";
  if (rule.unless && holds !== "FAIL") {
    const ruledOut = evaluate(rule.unless, fields);
    if (ruledOut === "HOLD") holds = "FAIL";
    else if (ruledOut === "UNKNOWN") holds = "UNKNOWN";
  }
  if (applies === "UNKNOWN") return holds === "FAIL" ? "not-applicable" : "unassessed";
  if (holds === "HOLD") return "fired";
  if (holds === "FAIL") return "not-holding";
  return "unassessed";
}

/** Step 5: the rules of the section's pitfall, in content order, added to its evidence. */
function addRuleEvidence(
  evidence: SectionEvidence,
  rules: readonly ContextRule[],
  fields: ReadonlyMap<string, FieldState>,
): void {
  const summary = evidence.summary;
  for (const rule of rules) {
    const outcome = ruleOutcome(rule, fields);
    evidence.ruleResults.push({
      ruleId: rule.id,
      outcome,
      weight: rule.weight,
      explanation: rule.explanation,
      floor: rule.floor ?? null,
    });
    if (outcome === "fired") {
      summary.applicableWeight += rule.weight;
      summary.answeredWeight += rule.weight;
      evidence.weightedRisk += rule.weight;
      evidence.rulesFired += 1;
      evidence.items.push({
        kind: "rule",
        rule,
        risk: 1,
        weight: rule.weight,
        symptoms: rule.detects.symptoms,
        causes: rule.detects.causes,
        triggers: true,
      });
      if (rule.floor) evidence.floor = Math.max(evidence.floor, FLOOR_SCORES[rule.floor]);
    } else if (outcome === "not-holding") {
      summary.applicableWeight += rule.weight;
      summary.answeredWeight += rule.weight;
    } else if (outcome === "unassessed") {
      summary.applicableWeight += rule.weight;
    }
  }
}

/* ------------------------------------------------------------------------------------------------
 * Steps 6-11: one pitfall
 * ---------------------------------------------------------------------------------------------- */

/** A pitfall scored up to its countermeasure shares; the order of countermeasures comes later. */
interface PartialPitfall {
  result: Omit<PitfallScore, "countermeasures">;
  pitfall: Pitfall;
  /** Step 10: the countermeasures of the pitfall in content order, with their share. */
  rankings: PitfallCountermeasureRanking[];
  anyRiskRemoved: boolean;
}

/** Step 6. */
function statusOf(evidence: SectionEvidence): PitfallStatus {
  if (evidence.questionsAnswered > 0 || evidence.rulesFired > 0) return "scored";
  if (evidence.allQuestionsExcluded) return "not-assessed";
  return "insufficient-evidence";
}

/** Step 8: a contribution for one evidence item; `total` is the unrounded sum of all points. */
function contributionOf(item: Evidence, points: number, total: number): Contribution {
  const share = total > 0 ? round3(points / total) : 0;
  if (item.kind === "question") {
    const contribution: QuestionContribution = {
      source: "question",
      questionId: item.question.id,
      answer: item.answer,
      value: item.value,
      risk: round3(item.risk),
      weight: item.weight,
      points: round1(points),
      share,
      triggers: item.triggers,
    };
    return contribution;
  }
  const contribution: ContextRuleContribution = {
    source: "context-rule",
    ruleId: item.rule.id,
    explanation: item.rule.explanation,
    risk: 1,
    weight: item.weight,
    points: round1(points),
    share,
    floor: item.rule.floor ?? null,
  };
  return contribution;
}

/** Step 9: the symptoms (or causes) that the triggering evidence points at, in the pitfall's order. */
function triggeredBy(
  ids: readonly string[],
  triggering: readonly { item: Evidence; contribution: Contribution }[],
  listOf: (item: Evidence) => readonly string[],
): { id: string; answers: QuestionContribution[]; contextRules: ContextRuleContribution[] }[] {
  const triggered = [];
  for (const id of ids) {
    const answers: QuestionContribution[] = [];
    const contextRules: ContextRuleContribution[] = [];
    for (const { item, contribution } of triggering) {
      if (!listOf(item).includes(id)) continue;
      if (contribution.source === "question") answers.push(contribution);
      else contextRules.push(contribution);
    }
    if (answers.length > 0 || contextRules.length > 0) triggered.push({ id, answers, contextRules });
  }
  return triggered;
}

/** Step 10: each countermeasure's share of the score, keyed by countermeasure id. */
function countermeasureShares(
  pitfall: Pitfall,
  items: readonly Evidence[],
  points: readonly number[],
  effortRank: (countermeasureId: string) => number,
): Map<string, number> {
  const shares = new Map<string, number>();
  const causePoints = new Map<string, number>();
  for (const link of pitfall.countermeasures) {
    shares.set(link.countermeasureId, 0);
    causePoints.set(link.countermeasureId, 0);
  }
  const causeOwnersOf = (item: Evidence) =>
    pitfall.countermeasures.filter((link) => link.removesCauses.some((cause) => item.causes.includes(cause)));
  const symptomOwnersOf = (item: Evidence) =>
    pitfall.countermeasures.filter((link) =>
      link.addresses.some((symptom) => item.symptoms.includes(symptom)),
    );

  // Only evidence found (a fired rule, or an answer that triggers) hands out its points; an answer
  // on the healthy side, or in the middle of an agreement scale, gives them to no countermeasure.
  // First pass: evidence of a cause goes to the countermeasures that remove it.
  items.forEach((item, index) => {
    const itemPoints = points[index]!;
    if (!(itemPoints > 0) || !item.triggers) return;
    const owners = causeOwnersOf(item);
    if (owners.length === 0) return;
    for (const owner of owners) {
      const part = itemPoints / owners.length;
      shares.set(owner.countermeasureId, shares.get(owner.countermeasureId)! + part);
      causePoints.set(owner.countermeasureId, causePoints.get(owner.countermeasureId)! + part);
    }
  });

  // Second pass: evidence of a symptom alone goes to the countermeasures that relieve it, in
  // proportion to what they already earned from causes found, or evenly when they earned nothing.
  items.forEach((item, index) => {
    const itemPoints = points[index]!;
    if (!(itemPoints > 0) || !item.triggers) return;
    if (causeOwnersOf(item).length > 0) return;
    const owners = symptomOwnersOf(item);
    if (owners.length === 0) return;
    let causeTotal = 0;
    for (const owner of owners) causeTotal += causePoints.get(owner.countermeasureId)!;
    if (causeTotal > 0) {
      for (const owner of owners) {
        const part = (itemPoints * causePoints.get(owner.countermeasureId)!) / causeTotal;
        shares.set(owner.countermeasureId, shares.get(owner.countermeasureId)! + part);
      }
      return;
    }
    // No cause found explains it: evenly to the countermeasures whose causes the answers do not
    // rule out (every cause with an answer on the healthy side and no evidence found); when they
    // rule out all of them, to the least effort, then the fewest healthy answers against it.
    const found = (cause: string) =>
      items.some((other, at) => points[at]! > 0 && other.triggers && other.causes.includes(cause));
    const healthyOf = (cause: string) =>
      items.filter(
        (other) =>
          other.kind === "question" &&
          other.answer === "value" &&
          other.risk < 0.5 &&
          other.causes.includes(cause),
      );
    const open = owners.filter(
      (owner) => !owner.removesCauses.every((cause) => !found(cause) && healthyOf(cause).length > 0),
    );
    let takers = open;
    if (takers.length === 0) {
      const keyOf = (owner: (typeof owners)[number]) =>
        effortRank(owner.countermeasureId) * 64 +
        new Set(owner.removesCauses.flatMap((cause) => healthyOf(cause))).size;
      const best = Math.min(...owners.map(keyOf));
      takers = owners.filter((owner) => keyOf(owner) === best);
    }
    for (const owner of takers) {
      shares.set(owner.countermeasureId, shares.get(owner.countermeasureId)! + itemPoints / takers.length);
    }
  });
  return shares;
}

function scorePitfall(
  content: ScoringContent,
  section: QuestionSection,
  fields: ReadonlyMap<string, FieldState>,
): PartialPitfall {
  const pitfall = content.pitfalls.find((candidate) => candidate.id === section.pitfallId);
  if (!pitfall) throw new Error(`no pitfall ${section.pitfallId}`);
  const rules = content.questionnaire.contextRules.filter((rule) => rule.pitfallId === section.pitfallId);

  // Steps 4-5.
  const evidence = collectQuestionEvidence(section, fields);
  addRuleEvidence(evidence, rules, fields);
  const { summary, items, weightedRisk, floor } = evidence;

  // Step 6.
  const status = statusOf(evidence);

  let score: number | null = null;
  let band: RiskBand | null = null;
  let averageScore: number | null = null;
  let confidence = 0;
  let dontKnowOnly = false;
  const pointsOfItem: number[] = items.map(() => 0);
  const contributionOfItem: (Contribution | null)[] = items.map(() => null);

  if (status === "scored") {
    // Step 7.
    const average = summary.answeredWeight > 0 ? (100 * weightedRisk) / summary.answeredWeight : 0;
    averageScore = round1(average);
    score = Math.max(averageScore, floor);
    // Step 7, the ceiling: with no risk known (every risk a "don't know", or a finding that reads
    // only "don't know"), a score is at most the top of High, unless a Critical finding holds.
    const somethingKnown = items.some((item) =>
      item.kind === "question"
        ? item.answer === "value" && item.risk > 0
        : item.rule.when.some((condition) => condition.op !== "dontKnow"),
    );
    // Below half of the evidence answered, and no finding holding it at High, the top of Medium.
    const answeredShare =
      summary.applicableWeight > 0 ? round2(summary.answeredWeight / summary.applicableWeight) : 0;
    const limit = floor >= 80 ? null : floor < 60 && answeredShare < 0.5 ? 59.9 : 79.9;
    const ceiling = !somethingKnown && limit !== null && score > limit ? limit : null;
    // Signs found (evidence that triggers), and every one of them a "don't know"; a pitfall in band
    // None shows no signs at all.
    const signs = items.filter((item) => item.triggers && item.risk > 0);
    dontKnowOnly =
      bandForScore(score) !== "none" &&
      signs.length > 0 &&
      signs.every((item) =>
        item.kind === "question"
          ? item.answer !== "value"
          : item.rule.when.every((condition) => condition.op === "dontKnow"),
      );
    if (ceiling !== null) score = ceiling;
    band = bandForScore(score);
    confidence = summary.applicableWeight > 0 ? round2(summary.answeredWeight / summary.applicableWeight) : 0;

    // Step 8: points, then the floor's lift shared by the rules that set it; under the ceiling,
    // shares of the capped score.
    const scale = ceiling ?? average;
    items.forEach((item, index) => {
      pointsOfItem[index] = weightedRisk > 0 ? item.weight * item.risk * (scale / weightedRisk) : 0;
    });
    let lift = 0;
    if (score > averageScore) {
      lift = score - average;
      const lifting = items
        .map((item, index) => ({ item, index }))
        .filter(
          ({ item }) =>
            item.kind === "rule" && item.rule.floor !== undefined && FLOOR_SCORES[item.rule.floor] === floor,
        );
      for (const { index } of lifting) pointsOfItem[index]! += lift / lifting.length;
    }
    // Shares are of the unrounded total of the points, so they add up to 1.
    const total = scale + lift;
    items.forEach((item, index) => {
      if (item.risk > 0) contributionOfItem[index] = contributionOf(item, pointsOfItem[index]!, total);
    });
  }

  // Step 8: contributions, largest first; Array.prototype.sort is stable, so ties keep evidence order.
  const contributions: Contribution[] = contributionOfItem.filter(
    (entry): entry is Contribution => entry !== null,
  );
  contributions.sort((a, b) => b.points - a.points);

  // Step 9.
  const bandNone = band === null || band === "none";
  const triggering = bandNone
    ? []
    : items
        .map((item, index) => ({ item, contribution: contributionOfItem[index] }))
        .filter(
          (entry): entry is { item: Evidence; contribution: Contribution } =>
            entry.contribution !== null && entry.item.triggers,
        );
  const triggeredSymptoms: TriggeredSymptom[] = triggeredBy(
    pitfall.symptoms.map((symptom) => symptom.id),
    triggering,
    (item) => item.symptoms,
  ).map(({ id, answers, contextRules }) => ({
    symptomId: id,
    title: pitfall.symptoms.find((symptom) => symptom.id === id)!.title,
    // Suspected, not seen: every piece of evidence behind it is a "don't know" (or a contradiction
    // scored as one), or a rule that reads only "don't know".
    suspected:
      answers.every((answer) => answer.answer !== "value") &&
      contextRules.every((contribution) =>
        rules
          .find((rule) => rule.id === contribution.ruleId)!
          .when.every((condition) => condition.op === "dontKnow"),
      ),
    answers,
    contextRules,
  }));
  const triggeredCauses: TriggeredCause[] = triggeredBy(
    pitfall.causes.map((cause) => cause.id),
    triggering,
    (item) => item.causes,
  ).map(({ id, answers, contextRules }) => ({
    causeId: id,
    text: pitfall.causes.find((cause) => cause.id === id)!.text,
    // Suspected, not seen: as for symptoms.
    suspected:
      answers.every((answer) => answer.answer !== "value") &&
      contextRules.every((contribution) =>
        rules
          .find((rule) => rule.id === contribution.ruleId)!
          .when.every((condition) => condition.op === "dontKnow"),
      ),
    answers,
    contextRules,
  }));

  // Step 10.
  const shares = bandNone
    ? new Map<string, number>()
    : countermeasureShares(pitfall, items, pointsOfItem, (id) => EFFORT_ORDER[effortOf(content, id)]);
  const triggeredSymptomIds = triggeredSymptoms.map((symptom) => symptom.symptomId);
  let anyRiskRemoved = false;
  const rankings: PitfallCountermeasureRanking[] = pitfall.countermeasures.map((link) => {
    const countermeasure = content.countermeasures.find(
      (candidate) => candidate.id === link.countermeasureId,
    );
    if (!countermeasure) throw new Error(`no countermeasure ${link.countermeasureId}`);
    const share = shares.get(link.countermeasureId) ?? 0;
    const riskRemoved = bandNone ? 0 : Math.min(round1(share), score!);
    if (riskRemoved > 0) anyRiskRemoved = true;
    return {
      countermeasureId: link.countermeasureId,
      pitfallId: pitfall.id,
      action: countermeasure.action,
      rationale: link.rationale,
      addresses: link.addresses,
      removesCauses: link.removesCauses,
      // Step 10: the addressed symptoms that were triggered; none for a countermeasure that removes
      // nothing, which the product does not offer as a next step.
      addressesTriggered:
        riskRemoved > 0 ? link.addresses.filter((symptom) => triggeredSymptomIds.includes(symptom)) : [],
      riskRemoved,
    };
  });

  // Step 11: findings, highest floor first, then content order (the sort is stable).
  const findings: HighRiskFinding[] = [];
  for (const item of items) {
    if (item.kind === "rule" && item.rule.floor) {
      findings.push({ ruleId: item.rule.id, explanation: item.rule.explanation, floor: item.rule.floor });
    }
  }
  findings.sort((a, b) => FLOOR_SCORES[b.floor] - FLOOR_SCORES[a.floor]);

  return {
    pitfall,
    rankings,
    anyRiskRemoved,
    result: {
      pitfallId: pitfall.id,
      pitfallName: pitfall.name,
      status,
      score,
      band,
      averageScore,
      dontKnowOnly,
      confidence,
      findings,
      contradictions: evidence.contradictions,
      evidence: summary,
      contributions,
      triggeredSymptoms,
      triggeredCauses,
      contextRules: evidence.ruleResults,
    },
  };
}

/* ------------------------------------------------------------------------------------------------
 * Steps 12-13: ordering countermeasures
 * ---------------------------------------------------------------------------------------------- */

function effortOf(content: ScoringContent, countermeasureId: string): CountermeasureEffort {
  const countermeasure = content.countermeasures.find((candidate) => candidate.id === countermeasureId);
  if (!countermeasure) throw new Error(`no countermeasure ${countermeasureId}`);
  return countermeasure.effort;
}

/** Step 12: most risk removed, then least effort, then id. */
function orderPitfallCountermeasures(
  content: ScoringContent,
  partial: PartialPitfall,
): PitfallCountermeasureRanking[] {
  const byEffortThenId = (a: PitfallCountermeasureRanking, b: PitfallCountermeasureRanking) =>
    EFFORT_ORDER[effortOf(content, a.countermeasureId)] -
      EFFORT_ORDER[effortOf(content, b.countermeasureId)] ||
    compareIds(a.countermeasureId, b.countermeasureId);
  const ordered = [...partial.rankings];
  if (!partial.anyRiskRemoved) {
    ordered.sort(byEffortThenId);
    return ordered;
  }
  ordered.sort((a, b) => b.riskRemoved - a.riskRemoved || byEffortThenId(a, b));
  return ordered;
}

/** Step 13. */
function rankAcrossAssessment(
  content: ScoringContent,
  pitfalls: readonly PitfallScore[],
): RankedCountermeasure[] {
  const ids: string[] = [];
  const gains = new Map<
    string,
    { total: number; urgency: number; rankings: PitfallCountermeasureRanking[] }
  >();
  for (const pitfall of pitfalls) {
    for (const ranking of pitfall.countermeasures) {
      if (!(ranking.riskRemoved > 0)) continue;
      let gain = gains.get(ranking.countermeasureId);
      if (!gain) {
        gain = { total: 0, urgency: 0, rankings: [] };
        gains.set(ranking.countermeasureId, gain);
        ids.push(ranking.countermeasureId);
      }
      gain.total += ranking.riskRemoved;
      gain.urgency += ranking.riskRemoved * BAND_WEIGHTS[pitfall.band!];
      gain.rankings.push(ranking);
    }
  }

  const ranked: RankedCountermeasure[] = ids.map((id) => {
    const gain = gains.get(id)!;
    const countermeasure = content.countermeasures.find((candidate) => candidate.id === id)!;
    // Rankings were collected in questionnaire section order; the stable sort keeps it for ties.
    const byGain = [...gain.rankings].sort((a, b) => b.riskRemoved - a.riskRemoved);
    return {
      countermeasureId: id,
      action: countermeasure.action,
      totalRiskRemoved: round1(gain.total),
      urgency: round1(gain.urgency),
      effort: countermeasure.effort,
      pitfalls: byGain,
    };
  });
  ranked.sort(
    (a, b) =>
      b.urgency - a.urgency ||
      b.totalRiskRemoved - a.totalRiskRemoved ||
      EFFORT_ORDER[a.effort] - EFFORT_ORDER[b.effort] ||
      compareIds(a.countermeasureId, b.countermeasureId),
  );

  // The worst pitfall's own first step leads, then each other Critical pitfall's, worst first;
  // within a band, a pitfall with confirmed evidence before one resting on "don't know" alone. A
  // pitfall with no step to offer (nothing found) is passed over.
  const bandRank = ["none", "low", "medium", "high", "critical"];
  const byStanding = pitfalls
    .filter((pitfall) => pitfall.score !== null && pitfall.band !== null && pitfall.band !== "none")
    .filter((pitfall) => pitfall.countermeasures.some((ranking) => ranking.riskRemoved > 0))
    .map((pitfall, order) => ({ pitfall, order }))
    .sort(
      (a, b) =>
        bandRank.indexOf(b.pitfall.band!) - bandRank.indexOf(a.pitfall.band!) ||
        Number(a.pitfall.dontKnowOnly) - Number(b.pitfall.dontKnowOnly) ||
        b.pitfall.score! - a.pitfall.score! ||
        a.order - b.order,
    )
    .map(({ pitfall }) => pitfall);
  const leading: string[] = [];
  byStanding.forEach((pitfall, index) => {
    if (index > 0 && pitfall.band !== "critical") return;
    // Its countermeasures are in its own order already (step 12): the first removing risk.
    const first = pitfall.countermeasures.find((ranking) => ranking.riskRemoved > 0);
    if (first && !leading.includes(first.countermeasureId)) leading.push(first.countermeasureId);
  });
  return [
    ...leading.map((id) => ranked.find((entry) => entry.countermeasureId === id)!),
    ...ranked.filter((entry) => !leading.includes(entry.countermeasureId)),
  ];
}

/* ------------------------------------------------------------------------------------------------
 * Entry point
 * ---------------------------------------------------------------------------------------------- */

/**
 * Scores an assessment by the current method, the slow and obvious way. Answers must be valid: a value the
 * question does not accept makes `answerRisk` throw, as the engine would.
 */
export function referenceScoreAssessment(
  content: ScoringContent,
  answers: Answers,
  teamContext: Answers = {},
): AssessmentScore {
  const fields = readFieldStates(content, answers, teamContext);
  const partials = content.questionnaire.sections.map((section) => scorePitfall(content, section, fields));

  const pitfalls: PitfallScore[] = partials.map((partial) => ({
    ...partial.result,
    countermeasures: orderPitfallCountermeasures(content, partial),
  }));

  return {
    methodVersion: SCORING_METHOD_VERSION,
    questionnaireId: content.questionnaire.id,
    pitfalls,
    countermeasures: rankAcrossAssessment(content, pitfalls),
  };
}
