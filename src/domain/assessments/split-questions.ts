/**
 * Where a team's individual answers split it, question by question and per pitfall: what submit
 * stores with each pitfall result and what the heatmap marks. See team-answers.ts for the rule.
 */
import type { Answer, PitfallId, Questionnaire } from "../content/schema";
import { summariseTeamAnswers, type TeamAnswerSummary } from "./team-answers";

/**
 * How many people must have answered a question on their own before anything about their answers
 * is shown or used: counts, the split marker, the suggested team answer, filling from them. With
 * one or two, the lead (or either of the two) could tell who gave which answer, which the product
 * promises nobody can. The pulse keeps the same floor (PULSE_MIN_ANSWERS).
 */
export const INDIVIDUAL_ANSWERS_SHOWN_FROM = 3;

/**
 * What the team's individual answers say, per pitfall question that at least
 * INDIVIDUAL_ANSWERS_SHOWN_FROM people answered. Every reader of individual answers goes through
 * here, so a question fewer people answered is left out everywhere alike.
 */
export function summariseIndividualAnswers(
  questionnaire: Questionnaire,
  byQuestion: ReadonlyMap<string, readonly Answer[]>,
): Map<string, TeamAnswerSummary> {
  const summaries = new Map<string, TeamAnswerSummary>();
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answers = byQuestion.get(question.id);
      if (answers && answers.length >= INDIVIDUAL_ANSWERS_SHOWN_FROM)
        summaries.set(question.id, summariseTeamAnswers(question, answers));
    }
  }
  return summaries;
}

/** How many questions of each pitfall the team is split on (every pitfall of the questionnaire listed). */
export function splitQuestionsByPitfall(
  questionnaire: Questionnaire,
  summaries: ReadonlyMap<string, TeamAnswerSummary>,
): Map<PitfallId, number> {
  const counts = new Map<PitfallId, number>();
  for (const section of questionnaire.sections) {
    let split = 0;
    for (const question of section.questions) if (summaries.get(question.id)?.split) split++;
    counts.set(section.pitfallId, split);
  }
  return counts;
}
