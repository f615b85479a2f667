/**
 * Where a team's individual answers split it, question by question and per pitfall: what submit
 * stores with each pitfall result and what the heatmap marks. See team-answers.ts for the rule.
 */
import type { Answer, PitfallId, Questionnaire } from "../content/schema";
import { summariseTeamAnswers, type TeamAnswerSummary } from "./team-answers";

/**
 * How many answers besides the viewer's own a question needs before anything about its individual
 * answers is shown to that viewer or used for them: counts, the split marker, the suggested team
 * answer, filling from them. A viewer knows their own answer, so with fewer others a respondent
 * could work out who gave which (with two others, "2 · 1" tells the odd one out both answers).
 */
export const OTHER_ANSWERS_NEEDED = 3;

/**
 * Whom a summary is for. A viewer: the questions they answered themselves (their own answer does not
 * count towards the floor). Everyone: what is stored or shown to everyone alike (the split counts
 * kept with a result, the heatmap's marks), which any respondent may read, so every question needs
 * the floor a respondent needs.
 */
export type IndividualAnswersAudience =
  { kind: "viewer"; answeredByViewer: ReadonlySet<string> } | { kind: "everyone" };

export const EVERYONE: IndividualAnswersAudience = { kind: "everyone" };

/** How many individual answers a question needs before `audience` is shown anything about them. */
export function answersNeededToShow(audience: IndividualAnswersAudience, questionId: string): number {
  const viewerAnswered = audience.kind === "everyone" || audience.answeredByViewer.has(questionId);
  return OTHER_ANSWERS_NEEDED + (viewerAnswered ? 1 : 0);
}

/**
 * What the team's individual answers say, per pitfall question with enough answers for `audience`
 * (see answersNeededToShow). Every reader of individual answers goes through here, so a question
 * with too few answers is left out everywhere alike.
 */
export function summariseIndividualAnswers(
  questionnaire: Questionnaire,
  byQuestion: ReadonlyMap<string, readonly Answer[]>,
  audience: IndividualAnswersAudience,
): Map<string, TeamAnswerSummary> {
  const summaries = new Map<string, TeamAnswerSummary>();
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answers = byQuestion.get(question.id);
      if (answers && answers.length >= answersNeededToShow(audience, question.id))
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
