"use server";

import { questionnairePath, reviewPath } from "@/contracts/assessments/paths";
import { myAnswersPath } from "@/contracts/responses/paths";
import {
  confirmMyAnswersSchema,
  fillFromIndividualAnswersSchema,
  saveMyAnswerSchema,
  startMyAnswersSchema,
} from "@/contracts/responses/schemas";
import { actorForAutosave } from "../auth/autosave-actor";
import { formAction, valueAction } from "../server-action";
import {
  confirmMyCarriedOverAnswers,
  fillTeamAnswersFromIndividual,
  saveMyAnswer,
  startMyAnswers,
} from "./mutations";

// As for the team's answers, autosave does not revalidate: the pages that show answers are
// rendered per request.
export const saveMyAnswerAction = valueAction({
  actor: actorForAutosave,
  input: saveMyAnswerSchema,
  handler: (input, { actor }) => saveMyAnswer(actor, input),
});

export const confirmMyAnswersAction = valueAction({
  actor: actorForAutosave,
  input: confirmMyAnswersSchema,
  handler: (input, { actor }) => confirmMyCarriedOverAnswers(actor, input),
});

export const startMyAnswersAction = formAction({
  input: startMyAnswersSchema,
  handler: (input, { actor }) => startMyAnswers(actor, input),
  revalidate: (started) => [{ layout: `/team/${encodeURIComponent(started.teamSlug)}` }, "/team"],
  redirectTo: (started) => myAnswersPath(started.teamSlug),
});

/** "Fill N unanswered questions from the team's answers" on the review page. */
export const fillFromIndividualAnswersAction = formAction({
  input: fillFromIndividualAnswersSchema,
  handler: (input, { actor }) => fillTeamAnswersFromIndividual(actor, input),
  // The slug only picks the pages to refresh; the mutation finds the team from the assessment.
  revalidate: (_result, input) =>
    input.teamSlug ? [reviewPath(input.teamSlug), questionnairePath(input.teamSlug)] : [],
  respond: (result) => ({ filled: result.filled }),
});
