"use server";

import { questionnairePath, reviewPath } from "@/contracts/assessments/paths";
import { myAnswersPath } from "@/contracts/responses/paths";
import { fillFromIndividualAnswersSchema, startMyAnswersSchema } from "@/contracts/responses/schemas";
import { formAction } from "../server-action";
import { fillTeamAnswersFromIndividual, startMyAnswers } from "./mutations";

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
