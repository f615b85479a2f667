"use server";

import { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import { teamPlanPath, unitPlanPath } from "@/contracts/plans/paths";
import {
  addCampaignSchema,
  addPlanItemSchema,
  removePlanItemSchema,
  updatePlanItemProgressSchema,
  updatePlanItemSchema,
} from "@/contracts/plans/schemas";
import { parseInput } from "../errors";
import { formAction, type Revalidation } from "../server-action";
import {
  addCampaign,
  addPlanItem,
  removePlanItem,
  updatePlanItem,
  updatePlanItemProgress,
} from "./mutations";

/**
 * Every plan change re-renders the plan page. The form's hidden teamSlug only picks which page to
 * refresh (the mutations find the team from the item itself), so one that is missing or does not
 * look like a slug refreshes nothing rather than refusing the change.
 */
const planForm = z.looseObject({ teamSlug: z.string().optional().catch(undefined) });

function planPage(teamSlug: string | undefined): Revalidation[] {
  return teamSlug && /^[a-z0-9-]{1,100}$/.test(teamSlug) ? [teamPlanPath(teamSlug)] : [];
}

function planChange<Schema extends z.ZodType, Result>(
  schema: Schema,
  change: (actor: Actor, input: z.output<Schema>) => Promise<Result>,
) {
  return formAction({
    input: planForm,
    handler: (fields, { actor }) => change(actor, parseInput(schema, fields)),
    revalidate: (_result, fields) => planPage(fields.teamSlug),
  });
}

export const addPlanItemAction = planChange(addPlanItemSchema, addPlanItem);

export const updatePlanItemAction = planChange(updatePlanItemSchema, updatePlanItem);

/** An item's status and notes, by its owner (or anyone who edits the plan). */
export const updatePlanItemProgressAction = planChange(updatePlanItemProgressSchema, updatePlanItemProgress);

export const removePlanItemAction = planChange(removePlanItemSchema, removePlanItem);

/** A countermeasure added to several teams of a unit at once; the unit page and each team's plan refresh. */
export const addCampaignAction = formAction({
  input: addCampaignSchema,
  handler: (input, { actor }) => addCampaign(actor, input),
  revalidate: (result, input) => [
    unitPlanPath(input.unitSlug),
    ...result.added.map((team) => teamPlanPath(team.teamSlug)),
  ],
});
