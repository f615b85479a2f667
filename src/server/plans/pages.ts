import "server-only";
import type { PlansIndexView, TeamPlanView, UnitPlanView } from "@/contracts/plans/types";
import { requireActor } from "../auth/session";
import { orNotFound } from "../errors";
import { getTeamPlan, getUnitPlan, listPlanUnits } from "./queries";

// For the plan pages: a team or unit the person may not read renders the plain "not found" page,
// so its existence is not revealed. The queries check access themselves.

export async function loadTeamPlanPage(teamSlug: string): Promise<TeamPlanView> {
  return orNotFound(getTeamPlan(await requireActor(), teamSlug));
}

export async function loadPlansIndexPage(): Promise<PlansIndexView> {
  return orNotFound(listPlanUnits(await requireActor()));
}

export async function loadUnitPlanPage(unitSlug: string): Promise<UnitPlanView> {
  return orNotFound(getUnitPlan(await requireActor(), unitSlug));
}
