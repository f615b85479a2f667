import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/domain/access/policy";
import type { PlansIndexView, TeamPlanView, UnitPlanView } from "@/contracts/plans/types";
import { requireActor } from "../auth/session";
import { ExpectedError } from "../errors";
import { getTeamPlan, getUnitPlan, listPlanUnits } from "./queries";

/**
 * For the plan pages: a team or unit the person may not read renders the plain "not found" page,
 * so its existence is not revealed. The queries check access themselves.
 */
async function orNotFound<T>(load: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await requireActor();
  try {
    return await load(actor);
  } catch (error) {
    if (error instanceof ExpectedError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export function loadTeamPlanPage(teamSlug: string): Promise<TeamPlanView> {
  return orNotFound((actor) => getTeamPlan(actor, teamSlug));
}

export function loadPlansIndexPage(): Promise<PlansIndexView> {
  return orNotFound((actor) => listPlanUnits(actor));
}

export function loadUnitPlanPage(unitSlug: string): Promise<UnitPlanView> {
  return orNotFound((actor) => getUnitPlan(actor, unitSlug));
}
