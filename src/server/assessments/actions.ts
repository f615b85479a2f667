"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/domain/access/policy";
import { questionnairePath, resultPath, teamPath } from "@/contracts/assessments/paths";
import {
  confirmAnswersSchema,
  reopenAssessmentSchema,
  saveAnswerSchema,
  startAssessmentSchema,
  submitAssessmentSchema,
} from "@/contracts/assessments/schemas";
import type { ConfirmAnswersResult, SaveAnswerResult } from "@/contracts/assessments/types";
import type { ActionResult } from "@/contracts/action-result";
import { getCurrentActor, requireActor } from "../auth/session";
import { ExpectedError, formFields, parseInput, runAction } from "../errors";
import {
  confirmCarriedOverAnswers,
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "./mutations";

/**
 * Autosave runs in the background of the questionnaire: an ended session is reported instead of
 * redirecting, so the unsaved answers stay on the page until the person signs in again.
 */
async function actorForAutosave(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    throw new ExpectedError(
      "forbidden",
      "You have been signed out, so this answer was not saved. Sign in again in another tab, then choose Retry.",
    );
  }
  return actor;
}

// Autosave and confirmations do not revalidate: every page that shows answers is rendered per
// request, and revalidating here would re-send the whole questionnaire after each keystroke.
export async function saveAnswerAction(input: unknown): Promise<ActionResult<SaveAnswerResult>> {
  return runAction(async () => saveAnswer(await actorForAutosave(), parseInput(saveAnswerSchema, input)));
}

export async function confirmAnswersAction(input: unknown): Promise<ActionResult<ConfirmAnswersResult>> {
  return runAction(async () =>
    confirmCarriedOverAnswers(await actorForAutosave(), parseInput(confirmAnswersSchema, input)),
  );
}

export async function startAssessmentAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  let teamSlug = "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(startAssessmentSchema, formFields(formData));
    teamSlug = input.teamSlug;
    await startAssessment(actor, input);
    return null;
  });
  if (!result.ok) return result;
  revalidatePath(teamPath(teamSlug));
  revalidatePath("/team");
  redirect(questionnairePath(teamSlug));
}

export async function submitAssessmentAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  let destination = "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    const submitted = await submitAssessment(actor, parseInput(submitAssessmentSchema, formFields(formData)));
    destination = resultPath(submitted.teamSlug, submitted.cycleName);
    revalidatePath(teamPath(submitted.teamSlug));
    revalidatePath("/team");
    revalidatePath("/cycles");
    return null;
  });
  if (!result.ok) return result;
  redirect(destination);
}

export async function reopenAssessmentAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const reopened = await reopenAssessment(actor, parseInput(reopenAssessmentSchema, formFields(formData)));
    revalidatePath(teamPath(reopened.teamSlug), "layout");
    revalidatePath("/cycles");
    return {
      message: `The ${reopened.cycleName} assessment is reopened: the team can change answers and submit again.`,
    };
  });
}
