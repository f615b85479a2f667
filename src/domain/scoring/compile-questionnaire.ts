/**
 * Compiling a questionnaire once turns its content into index tables, so scoring an assessment is a
 * few array walks with no lookups by name, no sorting of content and almost no allocation.
 */
import type {
  Cause,
  Condition,
  ContextQuestion,
  ContextRule,
  Countermeasure,
  FloorBand,
  Pitfall,
  PitfallCountermeasure,
  PitfallId,
  Question,
  Questionnaire,
  Symptom,
} from "../content/schema";
import type { AnswerValue } from "./answer-validation";
import { type CompiledAnswerRules, compileQuestionAnswerRules } from "./compiled-answer-rules";
import type {
  ContextRuleOutcome,
  ContextRuleResult,
  Contribution,
  PitfallCountermeasureRanking,
  RankedCountermeasure,
} from "./types";

/** Context rule outcomes as small integers, for the scratch arrays; names in `RULE_OUTCOME_NAMES`. */
export const RULE_FIRED = 1;
export const RULE_NOT_HOLDING = 2;
export const RULE_UNASSESSED = 3;
export const RULE_NOT_APPLICABLE = 4;
const RULE_OUTCOME_NAMES: readonly ContextRuleOutcome[] = [
  "fired",
  "fired",
  "not-holding",
  "unassessed",
  "not-applicable",
];
const NONE: readonly never[] = Object.freeze([]);

/** What scoring needs: the questionnaire, plus pitfalls and countermeasures for symptoms and remediation. */
export interface ScoringContent {
  questionnaire: Questionnaire;
  pitfalls: readonly Pitfall[];
  countermeasures: readonly Countermeasure[];
}

/** Content that points at something that does not exist, or mixes answer types, cannot be scored. */
export class ScoringContentError extends Error {
  override readonly name = "ScoringContentError";
}

export interface CompiledQuestion {
  readonly question: Question;
  readonly id: string;
  /** Position across the whole questionnaire; indexes the per-assessment scratch arrays. */
  readonly index: number;
  readonly sectionIndex: number;
  readonly weight: number;
  readonly accepts: CompiledAnswerRules;
  /** Risk of "don't know" when not knowing is evidence; -1 when it only lowers confidence. */
  readonly dontKnowRisk: number;
  /**
   * Whether it is answered on an agreement scale, whose middle ("neither agree nor disagree", risk
   * 0.5) takes no side and so triggers nothing.
   */
  readonly agreement: boolean;
  /** Context conditions for the question to apply at all; empty when it always applies. */
  readonly appliesWhen: readonly CompiledCondition[];
  /** Context conditions under which "not applicable" is a contradiction; empty when never. */
  readonly applicableWhen: readonly CompiledCondition[];
  /** Lists of context conditions, any of which makes a risky answer no sign on its own. */
  readonly notASignWhen: readonly (readonly CompiledCondition[])[];
}

export interface CompiledContextQuestion {
  readonly question: ContextQuestion;
  readonly id: string;
  readonly index: number;
  readonly accepts: CompiledAnswerRules;
}

export interface CompiledCondition {
  readonly op: "in" | "lt" | "gt" | "dontKnow";
  readonly field: string;
  /** Index into the context scratch arrays, or -1 when the field is a pitfall question. */
  readonly contextIndex: number;
  /** Index into the question scratch arrays, or -1 when the field is a context question. */
  readonly questionIndex: number;
  readonly values: readonly (string | boolean)[];
  readonly threshold: number;
}

export interface CompiledRule {
  readonly rule: ContextRule;
  readonly id: string;
  readonly weight: number;
  /** The rule's precondition; empty when it always applies. */
  readonly appliesWhen: readonly CompiledCondition[];
  /** The answers that, when all hold, rule the finding out (the rule does not hold); often empty. */
  readonly unless: readonly CompiledCondition[];
  readonly conditions: readonly CompiledCondition[];
  /** The lowest score of the floor band when the rule is a high-risk finding, else 0. */
  readonly floorScore: number;
  readonly floor: FloorBand | null;
  /**
   * Whether its finding reads an answer given as a value, not only "don't know": when it holds,
   * something risky is known (see DONT_KNOW_CEILING).
   */
  readonly readsValue: boolean;
  /**
   * The rule's result for each outcome code, built once and frozen: a result carries nothing
   * that depends on the assessment beyond the outcome, so scoring hands out these instead of
   * allocating.
   */
  readonly results: readonly ContextRuleResult[];
}

/**
 * Evidence of a section is numbered locally: its questions first (0..questions.length-1), then its
 * context rules. Symptom, cause and countermeasure links hold those numbers as a bit mask (bit i =
 * evidence i), so "which of its evidence triggered" is one `&` per link while scoring.
 */
export const MAX_EVIDENCE_PER_SECTION = 31;

export interface CompiledSymptomLink {
  readonly symptom: Symptom;
  readonly evidenceMask: number;
}

export interface CompiledCauseLink {
  readonly cause: Cause;
  readonly evidenceMask: number;
}

export interface CompiledCountermeasureLink {
  readonly countermeasure: Countermeasure;
  readonly link: PitfallCountermeasure;
  /** Positions in the pitfall's symptom list of the symptoms it addresses, in `link.addresses` order. */
  readonly addressedSymptoms: readonly number[];
  /** The same positions as a bit mask. */
  readonly addressedSymptomMask: number;
  /** Index into `CompiledQuestionnaire.countermeasures`, shared by every pitfall using it. */
  readonly countermeasureIndex: number;
  /** Local evidence on any addressed symptom. */
  readonly evidenceMask: number;
  /** 0 low, 1 medium, 2 high: the tie-break after risk removed. */
  readonly effortRank: number;
  /** Per cause it removes, the local evidence of that cause (bit i = evidence i). */
  readonly removedCauseEvidence: readonly number[];
  /**
   * The ranking when it would remove nothing, built once and frozen. Removing nothing means no
   * evidence on its symptoms carries risk, so none of them is triggered either: nothing in it
   * depends on the assessment.
   */
  readonly idle: PitfallCountermeasureRanking;
}

export interface CompiledSection {
  readonly pitfallId: PitfallId;
  readonly pitfall: Pitfall;
  readonly questions: readonly CompiledQuestion[];
  readonly rules: readonly CompiledRule[];
  readonly evidenceCount: number;
  /** Bits of the section's questions (the rest of its evidence are context rules). */
  readonly questionMask: number;
  /**
   * Per evidence item, the section's countermeasures (bit i = countermeasures[i]) that remove one
   * of the causes it is evidence of.
   */
  readonly evidenceCauseOwners: Int32Array;
  /** Per evidence item, the section's countermeasures that relieve one of the symptoms it shows. */
  readonly evidenceSymptomOwners: Int32Array;
  /** Whether any rule of the section has a floor. */
  readonly hasFloors: boolean;
  readonly symptoms: readonly CompiledSymptomLink[];
  readonly causes: readonly CompiledCauseLink[];
  readonly countermeasures: readonly CompiledCountermeasureLink[];
  /** Every countermeasure's idle ranking, in content order: the list when nothing would be removed. */
  readonly idleCountermeasures: readonly PitfallCountermeasureRanking[];
  /**
   * Frozen lists of rule results, by combination of rule outcomes (outcome codes read as base-5
   * digits): a section has few rules, so the combinations that occur are few and each list is
   * built once.
   */
  readonly ruleResultLists: Map<number, readonly ContextRuleResult[]>;
}

/** Answer states kept in scratch arrays while scoring one assessment. */
export const UNANSWERED = 0;
export const VALUE = 1;
export const DONT_KNOW = 2;
export const NOT_APPLICABLE = 3;
/** "Not applicable" that the team context contradicts: scored as "don't know". */
export const CONTRADICTION = 4;
/** The team context says the question does not apply: left out like "not applicable". */
export const OUT_OF_CONTEXT = 5;

/**
 * Buffers reused by every scoring call on this compilation. Scoring is synchronous and calls out
 * to nothing, so one set per compiled questionnaire is safe and saves allocating them per
 * assessment; every call resets what it reads before reading it.
 */
export interface ScoringScratch {
  readonly questionState: Uint8Array;
  readonly questionRisk: Float64Array;
  readonly questionValue: AnswerValue[];
  readonly contextState: Uint8Array;
  readonly contextValue: AnswerValue[];
  /** Per-section evidence risk; 0 also for evidence without an answer (blank, N/A, unassessed rule). */
  readonly evidenceRisk: Float64Array;
  /** Per-section answer state of each question (VALUE, DONT_KNOW, CONTRADICTION...). */
  readonly evidenceKind: Uint8Array;
  /** Per-section evidence score points (0..100 scale). */
  readonly evidencePoints: Float64Array;
  /** Per-section contribution object of each evidence item, when it has one. */
  readonly evidenceContribution: (Contribution | undefined)[];
  /** Outcome of each rule of the current section. */
  readonly ruleOutcome: Uint8Array;
  /** Points shared out to each countermeasure of the current section, by position. */
  readonly countermeasureShares: Float64Array;
  /** The part of those points that came from evidence of causes. */
  readonly countermeasureCausePoints: Float64Array;
  /** Assessment-wide risk removed, per countermeasure. */
  readonly countermeasureTotals: Float64Array;
  /** Assessment-wide risk removed weighted by band, per countermeasure. */
  readonly countermeasureUrgency: Float64Array;
  /** How many pitfalls of the assessment each countermeasure removes risk from. */
  readonly countermeasurePitfalls: Uint8Array;
  /** Assessment-wide ranking entry per countermeasure while it is being built. */
  readonly rankedCountermeasures: (RankedCountermeasure | undefined)[];
  /** How many pitfall rankings each entry of `rankedCountermeasures` holds so far. */
  readonly countermeasureFilled: Uint8Array;
  /** A list being ordered: item numbers, and their sort keys (points or totals, pitfall counts). */
  readonly order: Int32Array;
  readonly orderKeys: Float64Array;
  readonly orderCounts: Int32Array;
}

export interface CompiledQuestionnaire {
  readonly kind: "compiled-questionnaire";
  readonly questionnaire: Questionnaire;
  readonly pitfalls: readonly Pitfall[];
  readonly sections: readonly CompiledSection[];
  readonly questions: readonly CompiledQuestion[];
  readonly questionById: ReadonlyMap<string, CompiledQuestion>;
  readonly contextQuestions: readonly CompiledContextQuestion[];
  readonly contextQuestionById: ReadonlyMap<string, CompiledContextQuestion>;
  /** The full countermeasure list this was compiled from (identity is the cache key). */
  readonly sourceCountermeasures: readonly Countermeasure[];
  /** Countermeasures used by at least one section, in the order of the content's list. */
  readonly countermeasures: readonly Countermeasure[];
  readonly scratch: ScoringScratch;
}

const cache = new WeakMap<Questionnaire, CompiledQuestionnaire[]>();

/**
 * Returns the compilation of this exact content, compiling on first use. Keyed by object identity,
 * so callers can keep passing the raw content objects and pay for compilation once.
 */
export function compileQuestionnaire(content: ScoringContent): CompiledQuestionnaire {
  let entries = cache.get(content.questionnaire);
  if (entries) {
    for (const entry of entries) {
      if (entry.pitfalls === content.pitfalls && entry.sourceCountermeasures === content.countermeasures) {
        return entry;
      }
    }
  } else {
    entries = [];
    cache.set(content.questionnaire, entries);
  }
  const compiled = buildCompiledQuestionnaire(content);
  entries.push(compiled);
  return compiled;
}

/** Content as callers pass it (raw or already compiled), compiled. */
export function compiledFrom(content: ScoringContent | CompiledQuestionnaire): CompiledQuestionnaire {
  return "kind" in content && content.kind === "compiled-questionnaire"
    ? content
    : compileQuestionnaire(content);
}

function buildCompiledQuestionnaire(content: ScoringContent): CompiledQuestionnaire {
  const { questionnaire } = content;
  const where = `Questionnaire "${questionnaire.id}"`;

  const pitfallById = new Map<string, Pitfall>();
  for (const pitfall of content.pitfalls) pitfallById.set(pitfall.id, pitfall);
  const countermeasureById = new Map<string, Countermeasure>();
  for (const countermeasure of content.countermeasures)
    countermeasureById.set(countermeasure.id, countermeasure);

  const contextQuestions: CompiledContextQuestion[] = [];
  const contextQuestionById = new Map<string, CompiledContextQuestion>();
  for (const question of questionnaire.context) {
    if (contextQuestionById.has(question.id)) {
      throw new ScoringContentError(`${where}: context question id "${question.id}" is used twice`);
    }
    const compiled: CompiledContextQuestion = {
      question,
      id: question.id,
      index: contextQuestions.length,
      accepts: compileQuestionAnswerRules(question),
    };
    contextQuestions.push(compiled);
    contextQuestionById.set(question.id, compiled);
  }

  const questions: CompiledQuestion[] = [];
  const questionById = new Map<string, CompiledQuestion>();
  const seenPitfalls = new Set<string>();
  questionnaire.sections.forEach((section, sectionIndex) => {
    if (seenPitfalls.has(section.pitfallId)) {
      throw new ScoringContentError(`${where}: pitfall "${section.pitfallId}" has two sections`);
    }
    seenPitfalls.add(section.pitfallId);
    for (const question of section.questions) {
      if (questionById.has(question.id) || contextQuestionById.has(question.id)) {
        throw new ScoringContentError(`${where}: question id "${question.id}" is used twice`);
      }
      const compiled: CompiledQuestion = {
        question,
        id: question.id,
        index: questions.length,
        sectionIndex,
        weight: question.weight,
        accepts: compileQuestionAnswerRules(question),
        dontKnowRisk: question.dontKnowRisk ?? -1,
        agreement: question.answer.type === "agreement",
        appliesWhen: compileConditions(
          question.appliesWhen ?? [],
          `${where}: question "${question.id}" (appliesWhen)`,
          contextQuestionById,
          EMPTY_QUESTIONS,
        ),
        applicableWhen: compileConditions(
          question.applicableWhen ?? [],
          `${where}: question "${question.id}" (applicableWhen)`,
          contextQuestionById,
          EMPTY_QUESTIONS,
        ),
        notASignWhen: (question.notASignWhen ?? []).map((conditions, index) =>
          compileConditions(
            conditions,
            `${where}: question "${question.id}" (notASignWhen ${index})`,
            contextQuestionById,
            EMPTY_QUESTIONS,
          ),
        ),
      };
      questions.push(compiled);
      questionById.set(question.id, compiled);
    }
  });

  const rulesBySection: CompiledRule[][] = questionnaire.sections.map(() => []);
  const sectionIndexByPitfall = new Map<string, number>();
  questionnaire.sections.forEach((section, index) => sectionIndexByPitfall.set(section.pitfallId, index));
  for (const rule of questionnaire.contextRules) {
    const sectionIndex = sectionIndexByPitfall.get(rule.pitfallId);
    if (sectionIndex === undefined) {
      throw new ScoringContentError(
        `${where}: context rule "${rule.id}" is for pitfall "${rule.pitfallId}", which has no section`,
      );
    }
    rulesBySection[sectionIndex]!.push(compileRule(rule, where, contextQuestionById, questionById));
  }

  const usedCountermeasureIds = new Set<string>();
  for (const section of questionnaire.sections) {
    const pitfall = pitfallById.get(section.pitfallId);
    for (const link of pitfall?.countermeasures ?? []) usedCountermeasureIds.add(link.countermeasureId);
  }
  const countermeasures = content.countermeasures.filter((countermeasure) =>
    usedCountermeasureIds.has(countermeasure.id),
  );
  const countermeasureIndexById = new Map<string, number>();
  countermeasures.forEach((countermeasure, index) => countermeasureIndexById.set(countermeasure.id, index));

  const sections = questionnaire.sections.map((section, sectionIndex): CompiledSection => {
    const pitfall = pitfallById.get(section.pitfallId);
    if (!pitfall)
      throw new ScoringContentError(`${where}: no pitfall content for section "${section.pitfallId}"`);
    const sectionQuestions = questions.filter((question) => question.sectionIndex === sectionIndex);
    const rules = rulesBySection[sectionIndex]!;
    const detectors = [
      ...sectionQuestions.map((question) => ({ id: question.id, detects: question.question.detects })),
      ...rules.map((rule) => ({ id: rule.id, detects: rule.rule.detects })),
    ];

    const symptomIds = new Set(pitfall.symptoms.map((symptom) => symptom.id));
    const causeIds = new Set(pitfall.causes.map((cause) => cause.id));
    for (const detector of detectors) {
      for (const symptomId of detector.detects.symptoms) {
        if (!symptomIds.has(symptomId)) {
          throw new ScoringContentError(
            `${where}: "${detector.id}" detects symptom "${symptomId}", which pitfall "${pitfall.id}" does not have`,
          );
        }
      }
      for (const causeId of detector.detects.causes) {
        if (!causeIds.has(causeId)) {
          throw new ScoringContentError(
            `${where}: "${detector.id}" detects cause "${causeId}", which pitfall "${pitfall.id}" does not have`,
          );
        }
      }
    }
    if (detectors.length > MAX_EVIDENCE_PER_SECTION || pitfall.symptoms.length > MAX_EVIDENCE_PER_SECTION) {
      throw new ScoringContentError(
        `${where}: pitfall "${pitfall.id}" has ${detectors.length} questions and context rules and ${pitfall.symptoms.length} symptoms; at most ${MAX_EVIDENCE_PER_SECTION} of each are supported`,
      );
    }
    const evidenceDetecting = (kind: "symptoms" | "causes", id: string): number => {
      let mask = 0;
      detectors.forEach((detector, index) => {
        if (detector.detects[kind].includes(id)) mask |= 1 << index;
      });
      return mask;
    };
    const symptoms = pitfall.symptoms.map((symptom) => ({
      symptom,
      evidenceMask: evidenceDetecting("symptoms", symptom.id),
    }));
    const causes = pitfall.causes.map((cause) => ({
      cause,
      evidenceMask: evidenceDetecting("causes", cause.id),
    }));

    const detectorCauses = detectors.map((detector) => detector.detects.causes);
    const detectorSymptoms = detectors.map((detector) => detector.detects.symptoms);
    const sectionCountermeasures = pitfall.countermeasures.map((link): CompiledCountermeasureLink => {
      const countermeasure = countermeasureById.get(link.countermeasureId);
      if (!countermeasure) {
        throw new ScoringContentError(
          `Pitfall "${pitfall.id}" references countermeasure "${link.countermeasureId}", which does not exist`,
        );
      }
      let evidenceMask = 0;
      let addressedSymptomMask = 0;
      const addressedSymptoms: number[] = [];
      for (const symptomId of link.addresses) {
        const symptomIndex = symptoms.findIndex((candidate) => candidate.symptom.id === symptomId);
        if (symptomIndex < 0) {
          throw new ScoringContentError(
            `Pitfall "${pitfall.id}": countermeasure "${link.countermeasureId}" addresses unknown symptom "${symptomId}"`,
          );
        }
        addressedSymptoms.push(symptomIndex);
        addressedSymptomMask |= 1 << symptomIndex;
        evidenceMask |= symptoms[symptomIndex]!.evidenceMask;
      }
      for (const causeId of link.removesCauses) {
        if (!causeIds.has(causeId)) {
          throw new ScoringContentError(
            `Pitfall "${pitfall.id}": countermeasure "${link.countermeasureId}" removes unknown cause "${causeId}"`,
          );
        }
      }
      return {
        countermeasure,
        link,
        idle: Object.freeze({
          countermeasureId: countermeasure.id,
          pitfallId: pitfall.id,
          action: countermeasure.action,
          rationale: link.rationale,
          addresses: link.addresses,
          removesCauses: link.removesCauses,
          addressesTriggered: NONE,
          riskRemoved: 0,
        }),
        addressedSymptoms,
        addressedSymptomMask,
        countermeasureIndex: countermeasureIndexById.get(countermeasure.id)!,
        evidenceMask,
        effortRank: EFFORT_RANK[countermeasure.effort],
        removedCauseEvidence: link.removesCauses.map(
          (causeId) => causes.find((candidate) => candidate.cause.id === causeId)!.evidenceMask,
        ),
      };
    });
    if (sectionCountermeasures.length > MAX_EVIDENCE_PER_SECTION) {
      throw new ScoringContentError(
        `${where}: pitfall "${pitfall.id}" has ${sectionCountermeasures.length} countermeasures; at most ${MAX_EVIDENCE_PER_SECTION} are supported`,
      );
    }
    const evidenceCauseOwners = new Int32Array(detectors.length);
    const evidenceSymptomOwners = new Int32Array(detectors.length);
    detectors.forEach((_, evidence) => {
      pitfall.countermeasures.forEach((link, position) => {
        if (link.removesCauses.some((causeId) => detectorCauses[evidence]!.includes(causeId)))
          evidenceCauseOwners[evidence]! |= 1 << position;
        if (link.addresses.some((symptomId) => detectorSymptoms[evidence]!.includes(symptomId)))
          evidenceSymptomOwners[evidence]! |= 1 << position;
      });
    });

    return {
      pitfallId: section.pitfallId,
      pitfall,
      // With nothing to remove, the order is the tie-break alone: least effort, then id.
      idleCountermeasures: Object.freeze(
        [...sectionCountermeasures]
          .sort((a, b) => a.effortRank - b.effortRank || (a.countermeasure.id < b.countermeasure.id ? -1 : 1))
          .map((link) => link.idle),
      ),
      ruleResultLists: new Map(),
      questions: sectionQuestions,
      rules,
      evidenceCount: detectors.length,
      questionMask: (1 << sectionQuestions.length) - 1,
      evidenceCauseOwners,
      evidenceSymptomOwners,
      hasFloors: rules.some((rule) => rule.floorScore > 0),
      symptoms,
      causes,
      countermeasures: sectionCountermeasures,
    };
  });

  const maxEvidence = Math.max(0, ...sections.map((section) => section.evidenceCount));
  const maxRules = Math.max(0, ...sections.map((section) => section.rules.length));
  const scratch: ScoringScratch = {
    questionState: new Uint8Array(questions.length),
    questionRisk: new Float64Array(questions.length),
    questionValue: new Array<AnswerValue>(questions.length).fill(0),
    contextState: new Uint8Array(contextQuestions.length),
    contextValue: new Array<AnswerValue>(contextQuestions.length).fill(0),
    evidenceRisk: new Float64Array(maxEvidence),
    evidencePoints: new Float64Array(maxEvidence),
    evidenceKind: new Uint8Array(maxEvidence),
    evidenceContribution: new Array<Contribution | undefined>(maxEvidence).fill(undefined),
    ruleOutcome: new Uint8Array(maxRules),
    countermeasureShares: new Float64Array(
      Math.max(0, ...sections.map((section) => section.countermeasures.length)),
    ),
    countermeasureCausePoints: new Float64Array(
      Math.max(0, ...sections.map((section) => section.countermeasures.length)),
    ),
    countermeasureTotals: new Float64Array(countermeasures.length),
    countermeasureUrgency: new Float64Array(countermeasures.length),
    countermeasurePitfalls: new Uint8Array(countermeasures.length),
    rankedCountermeasures: new Array<RankedCountermeasure | undefined>(countermeasures.length).fill(
      undefined,
    ),
    countermeasureFilled: new Uint8Array(countermeasures.length),
    order: new Int32Array(Math.max(maxEvidence, countermeasures.length)),
    orderKeys: new Float64Array(Math.max(maxEvidence, countermeasures.length)),
    orderCounts: new Int32Array(Math.max(maxEvidence, countermeasures.length)),
  };

  return {
    kind: "compiled-questionnaire",
    questionnaire,
    pitfalls: content.pitfalls,
    sections,
    questions,
    questionById,
    contextQuestions,
    contextQuestionById,
    sourceCountermeasures: content.countermeasures,
    countermeasures,
    scratch,
  };
}

function compileRule(
  rule: ContextRule,
  where: string,
  contextQuestionById: ReadonlyMap<string, CompiledContextQuestion>,
  questionById: ReadonlyMap<string, CompiledQuestion>,
): CompiledRule {
  const label = `${where}: context rule "${rule.id}"`;
  const conditions = compileConditions(rule.when, label, contextQuestionById, questionById);
  const appliesWhen = compileConditions(rule.appliesWhen ?? [], label, contextQuestionById, questionById);
  const unless = compileConditions(rule.unless ?? [], label, contextQuestionById, questionById);
  if (rule.weight === 0 && rule.floor === undefined) {
    throw new ScoringContentError(`${label} has weight 0 and no floor, so it could never count`);
  }
  const floor = rule.floor ?? null;
  const results = RULE_OUTCOME_NAMES.map((outcome) =>
    Object.freeze({ ruleId: rule.id, outcome, weight: rule.weight, explanation: rule.explanation, floor }),
  );
  return {
    rule,
    id: rule.id,
    weight: rule.weight,
    appliesWhen,
    unless,
    conditions,
    floorScore: floor === null ? 0 : FLOOR_SCORE[floor],
    floor,
    readsValue: rule.when.some((condition) => condition.op !== "dontKnow"),
    results,
  };
}

/** The lowest score of each band a finding can hold a pitfall at (see `bands.ts`). */
const FLOOR_SCORE: Readonly<Record<FloorBand, number>> = { medium: 30, high: 60, critical: 80 };
const EFFORT_RANK: Readonly<Record<Countermeasure["effort"], number>> = { low: 0, medium: 1, high: 2 };
const EMPTY_QUESTIONS: ReadonlyMap<string, CompiledQuestion> = new Map();

function compileConditions(
  conditions: readonly Condition[],
  label: string,
  contextQuestionById: ReadonlyMap<string, CompiledContextQuestion>,
  questionById: ReadonlyMap<string, CompiledQuestion>,
): readonly CompiledCondition[] {
  if (conditions.length === 0) return NONE;
  return conditions.map((condition): CompiledCondition => {
    const context = contextQuestionById.get(condition.field);
    const question = context ? undefined : questionById.get(condition.field);
    if (!context && !question) {
      throw new ScoringContentError(
        `${label} tests "${condition.field}", which is ${questionById.size === 0 ? "not a context question" : "neither a context question nor a question"}`,
      );
    }
    const answerType = (context ?? question)!.question.answer;
    const problem = `${label} tests "${condition.field}"`;
    if (condition.op === "in") {
      for (const value of condition.values) {
        const fits =
          answerType.type === "yesNo"
            ? typeof value === "boolean"
            : answerType.type === "choice" &&
              (answerType.options as readonly { value: string }[]).some((option) => option.value === value);
        if (!fits) {
          throw new ScoringContentError(
            `${problem} for "${String(value)}", which it can never be answered with`,
          );
        }
      }
    } else if (condition.op === "dontKnow") {
      if (!(context ?? question)!.question.allowDontKnow) {
        throw new ScoringContentError(`${problem} for "don't know", which it does not allow`);
      }
    } else if (answerType.type !== "number" && answerType.type !== "agreement") {
      throw new ScoringContentError(
        `${problem} with "${condition.op}", but it is not answered with a number`,
      );
    }
    return {
      op: condition.op,
      field: condition.field,
      contextIndex: context ? context.index : -1,
      questionIndex: question ? question.index : -1,
      values: condition.op === "in" ? condition.values : NONE,
      threshold: condition.op === "lt" || condition.op === "gt" ? condition.value : 0,
    };
  });
}
