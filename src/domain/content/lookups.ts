/**
 * Read-only lookups over a validated ContentBundle. Built once per bundle so page renders and
 * scoring do map lookups instead of scanning arrays.
 */
import type {
  ContentBundle,
  ContextRule,
  Countermeasure,
  Pitfall,
  Question,
  QuestionSection,
  Questionnaire,
} from "./schema";

export interface ContentLookups {
  pitfallById(id: string): Pitfall | undefined;
  countermeasureById(id: string): Countermeasure | undefined;
  questionnaireById(id: string): Questionnaire | undefined;
  /** The most recently published questionnaire: the one new assessments use. */
  latestQuestionnaire(): Questionnaire;
  /** The pitfall a symptom belongs to (symptom ids are unique across pitfalls). */
  pitfallOfSymptom(symptomId: string): Pitfall | undefined;
  /** The questionnaire section that assesses a pitfall. Defaults to the latest questionnaire. */
  sectionForPitfall(pitfallId: string, questionnaire?: Questionnaire): QuestionSection | undefined;
  /** Questions that look for a symptom, in questionnaire order. Defaults to the latest questionnaire. */
  questionsDetectingSymptom(symptomId: string, questionnaire?: Questionnaire): Question[];
  /** Context rules that look for a symptom. Defaults to the latest questionnaire. */
  contextRulesDetectingSymptom(symptomId: string, questionnaire?: Questionnaire): ContextRule[];
}

export function createContentLookups(content: ContentBundle): ContentLookups {
  const latest = content.questionnaires.at(-1);
  if (!latest) throw new Error("The content bundle has no questionnaire");

  const pitfalls = new Map<string, Pitfall>(content.pitfalls.map((pitfall) => [pitfall.id, pitfall]));
  const countermeasures = new Map(
    content.countermeasures.map((countermeasure) => [countermeasure.id, countermeasure]),
  );
  const questionnaires = new Map(
    content.questionnaires.map((questionnaire) => [questionnaire.id, questionnaire]),
  );
  const pitfallBySymptom = new Map(
    content.pitfalls.flatMap((pitfall) => pitfall.symptoms.map((symptom) => [symptom.id, pitfall] as const)),
  );

  return {
    pitfallById: (id) => pitfalls.get(id),
    countermeasureById: (id) => countermeasures.get(id),
    questionnaireById: (id) => questionnaires.get(id),
    latestQuestionnaire: () => latest,
    pitfallOfSymptom: (symptomId) => pitfallBySymptom.get(symptomId),
    sectionForPitfall: (pitfallId, questionnaire = latest) =>
      questionnaire.sections.find((section) => section.pitfallId === pitfallId),
    questionsDetectingSymptom: (symptomId, questionnaire = latest) =>
      questionnaire.sections.flatMap((section) =>
        section.questions.filter((question) => question.detects.symptoms.includes(symptomId)),
      ),
    contextRulesDetectingSymptom: (symptomId, questionnaire = latest) =>
      questionnaire.contextRules.filter((rule) => rule.detects.symptoms.includes(symptomId)),
  };
}
