"use server";

import { questionnairePath, resultPath, reviewPath, teamPath } from "@/contracts/assessments/paths";
import {
  confirmRemainingSchema,
  reopenAssessmentSchema,
  startAssessmentSchema,
  submitAssessmentSchema,
} from "@/contracts/assessments/schemas";
import { formAction } from "../server-action";
import { confirmCarriedOverAnswers, reopenAssessment, startAssessment, submitAssessment } from "./mutations";

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
