"use server";

import { revalidatePath } from "next/cache";
import { teamPlanPath } from "@/features/plans/paths";
import { addPlanItemSchema, removePlanItemSchema, updatePlanItemSchema } from "@/features/plans/schemas";
import type { ActionResult } from "@/features/shared/action-result";
import { requireActor } from "../auth/session";
import { formFields, parseInput, runAction } from "../errors";
import { addPlanItem, removePlanItem, updatePlanItem } from "./mutations";

// Every plan change re-renders the plan page (the form's hidden teamSlug only picks which page to
// refresh; the mutations find the team from the item itself).
function refreshPlan(teamSlug: string | undefined): void {
  if (teamSlug && /^[a-z0-9-]{1,100}$/.test(teamSlug)) revalidatePath(teamPlanPath(teamSlug));
}

export async function addPlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ itemId: string }>> {
  const fields = formFields(formData);
  const result = await runAction(async () => addPlanItem(await requireActor(), parseInput(addPlanItemSchema, fields)));
  if (result.ok) refreshPlan(fields.teamSlug);
  return result;
}

export async function updatePlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const fields = formFields(formData);
  const result = await runAction(async () => updatePlanItem(await requireActor(), parseInput(updatePlanItemSchema, fields)));
  if (result.ok) refreshPlan(fields.teamSlug);
  return result;
}

export async function removePlanItemAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const fields = formFields(formData);
  const result = await runAction(async () => removePlanItem(await requireActor(), parseInput(removePlanItemSchema, fields)));
  if (result.ok) refreshPlan(fields.teamSlug);
  return result;
}
