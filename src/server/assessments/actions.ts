"use server";

import { questionnairePath, resultPath, reviewPath, teamPath } from "@/contracts/assessments/paths";
import {
  confirmAnswersSchema,
  confirmRemainingSchema,
  reopenAssessmentSchema,
  saveAnswerSchema,
  startAssessmentSchema,
  submitAssessmentSchema,
} from "@/contracts/assessments/schemas";
import { actorForAutosave } from "../auth/autosave-actor";
import { formAction, valueAction } from "../server-action";
import {
  confirmCarriedOverAnswers,
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "./mutations";

// Autosave and confirmations do not revalidate: every page that shows answers is rendered per
// request, and revalidating here would re-send the whole questionnaire after each keystroke.
export const saveAnswerAction = valueAction({
  actor: actorForAutosave,
  input: saveAnswerSchema,
  handler: (input, { actor }) => saveAnswer(actor, input),
});

export const confirmAnswersAction = valueAction({
  actor: actorForAutosave,
  input: confirmAnswersSchema,
  handler: (input, { actor }) => confirmCarriedOverAnswers(actor, input),
});

/**
 * "Confirm all remaining" on the review page: confirms exactly the carried-over answers the page
 * listed, at the version it showed, so an answer changed meanwhile is never confirmed unseen.
 */
export const confirmRemainingAction = formAction({
  input: confirmRemainingSchema,
  handler: async (input, { actor }) => {
    await confirmCarriedOverAnswers(actor, input);
    return { confirmed: input.questionIds.length };
  },
  // The slug only picks the pages to refresh; the mutation finds the team from the assessment.
  revalidate: (_result, input) =>
    input.teamSlug ? [reviewPath(input.teamSlug), questionnairePath(input.teamSlug)] : [],
});

export const startAssessmentAction = formAction({
  input: startAssessmentSchema,
  handler: (input, { actor }) => startAssessment(actor, input),
  revalidate: (_started, input) => [teamPath(input.teamSlug), "/team"],
  redirectTo: (_started, input) => questionnairePath(input.teamSlug),
});

export const submitAssessmentAction = formAction({
  input: submitAssessmentSchema,
  handler: (input, { actor }) => submitAssessment(actor, input),
  revalidate: (submitted) => [teamPath(submitted.teamSlug), "/team", "/cycles"],
  redirectTo: (submitted) => resultPath(submitted.teamSlug, submitted.cycleName),
});

export const reopenAssessmentAction = formAction({
  input: reopenAssessmentSchema,
  handler: (input, { actor }) => reopenAssessment(actor, input),
  revalidate: (reopened) => [{ layout: teamPath(reopened.teamSlug) }, "/cycles"],
  respond: (reopened) => ({
    message: `The ${reopened.cycleName} assessment is reopened: the team can change answers and submit again.`,
  }),
});
