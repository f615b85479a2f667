/**
 * What the playbook pages show, gathered from the validated content so the components only render.
 */
import {
  contextRulesDetectingSymptom,
  countermeasureById,
  getContent,
  latestQuestionnaire,
  pitfallById,
  questionsDetectingSymptom,
} from "@/domain/content";
import type { Countermeasure, Pitfall, PitfallCountermeasure, Symptom } from "@/domain/content/schema";

export interface SymptomView extends Symptom {
  /** Prompts of the latest questionnaire's questions that look for this symptom. */
  detectingQuestions: { id: string; prompt: string }[];
  /** Team-context checks that look for this symptom, as the explanation shown when they fire. */
  detectingContextChecks: { id: string; explanation: string }[];
  /** Countermeasures of this pitfall that address the symptom. */
  addressedBy: { id: string; action: string }[];
}

export interface CountermeasureView extends Countermeasure, Pick<PitfallCountermeasure, "rationale"> {
  addresses: { id: string; title: string }[];
}

export interface PitfallPageView {
  pitfall: Pitfall;
  position: number;
  total: number;
  symptoms: SymptomView[];
  countermeasures: CountermeasureView[];
  related: { id: string; name: string; why: string }[];
  questionnaire: { id: string; title: string };
}

export function pitfallSlugs(): string[] {
  return getContent().pitfalls.map((pitfall) => pitfall.id);
}

export function pitfallPageView(slug: string): PitfallPageView | null {
  const pitfall = pitfallById(slug);
  if (!pitfall) return null;
  const { pitfalls } = getContent();
  const questionnaire = latestQuestionnaire();
  const symptomTitle = new Map(pitfall.symptoms.map((symptom) => [symptom.id, symptom.title]));

  const countermeasures = pitfall.countermeasures.map((ref) => {
    const countermeasure = countermeasureById(ref.countermeasureId)!;
    return {
      ...countermeasure,
      rationale: ref.rationale,
      addresses: ref.addresses.map((id) => ({ id, title: symptomTitle.get(id)! })),
    };
  });

  return {
    pitfall,
    position: pitfalls.indexOf(pitfall) + 1,
    total: pitfalls.length,
    symptoms: pitfall.symptoms.map((symptom) => ({
      ...symptom,
      detectingQuestions: questionsDetectingSymptom(symptom.id, questionnaire).map(({ id, prompt }) => ({
        id,
        prompt,
      })),
      detectingContextChecks: contextRulesDetectingSymptom(symptom.id, questionnaire).map(
        ({ id, explanation }) => ({
          id,
          explanation,
        }),
      ),
      addressedBy: countermeasures
        .filter((countermeasure) => countermeasure.addresses.some((addressed) => addressed.id === symptom.id))
        .map(({ id, action }) => ({ id, action })),
    })),
    countermeasures,
    related: pitfall.related.map((related) => ({
      id: related.pitfallId,
      name: pitfallById(related.pitfallId)!.name,
      why: related.why,
    })),
    questionnaire: { id: questionnaire.id, title: questionnaire.title },
  };
}

export interface PlaybookIndexView {
  pitfalls: {
    id: string;
    name: string;
    summary: string;
    symptomCount: number;
    countermeasureCount: number;
  }[];
  questionnaire: {
    id: string;
    title: string;
    publishedOn: string;
    questionCount: number;
    contextQuestionCount: number;
  };
}

export function playbookIndexView(): PlaybookIndexView {
  const questionnaire = latestQuestionnaire();
  return {
    pitfalls: getContent().pitfalls.map((pitfall) => ({
      id: pitfall.id,
      name: pitfall.name,
      summary: pitfall.summary,
      symptomCount: pitfall.symptoms.length,
      countermeasureCount: pitfall.countermeasures.length,
    })),
    questionnaire: {
      id: questionnaire.id,
      title: questionnaire.title,
      publishedOn: questionnaire.publishedOn,
      questionCount: questionnaire.sections.reduce((count, section) => count + section.questions.length, 0),
      contextQuestionCount: questionnaire.context.length,
    },
  };
}

/** Anchor ids on a pitfall page. Symptoms use their own id so scores can link to `#<symptom-id>`. */
export const anchorFor = {
  symptom: (id: string) => id,
  countermeasure: (id: string) => `countermeasure-${id}`,
  note: (id: string) => `note-${id}`,
};
