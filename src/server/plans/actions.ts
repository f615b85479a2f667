"use server";

import { revalidatePath } from "next/cache";
import { teamPlanPath } from "@/contracts/plans/paths";
import { addPlanItemSchema, removePlanItemSchema, updatePlanItemSchema } from "@/contracts/plans/schemas";
import type { ActionResult } from "@/contracts/action-result";
import { requireActor } from "../auth/session";
import { formFields, parseInput, runAction } from "../errors";
import { addPlanItem, removePlanItem, updatePlanItem } from "./mutations";

// Every plan change re-renders the plan page (the form's hidden teamSlug only picks which page to
// refresh; the mutations find the team from the item itself).
function refreshPlan(teamSlug: string | undefined): void {
  if (teamSlug && /^[a-z0-9-]{1,100}$/.test(teamSlug)) revalidatePath(teamPlanPath(teamSlug));
}

/**
 * Reads the form, runs the change and refreshes the plan page, all inside runAction: a forged call
 * (not a form, or signed out) ends as a refusal like any other, never as an unhandled error.
 */
async function runPlanAction<T>(
  formData: unknown,
  change: (fields: Record<string, string>) => Promise<T>,
): Promise<ActionResult<T>> {
  let teamSlug: string | undefined;
  const result = await runAction(async () => {
    const fields = formFields(formData);
    teamSlug = fields.teamSlug;
    return change(fields);
  });
  if (result.ok) refreshPlan(teamSlug);
  return result;
}

export async function addPlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ itemId: string }>> {
  return runPlanAction(formData, async (fields) => addPlanItem(await requireActor(), parseInput(addPlanItemSchema, fields)));
}

export async function updatePlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  return runPlanAction(formData, async (fields) => updatePlanItem(await requireActor(), parseInput(updatePlanItemSchema, fields)));
}

export async function removePlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  return runPlanAction(formData, async (fields) => removePlanItem(await requireActor(), parseInput(removePlanItemSchema, fields)));
}
