import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/domain/access/policy";
import { authorizeTeamBySlug } from "../auth/authorize";
import { requireActor } from "../auth/session";
import { orNotFound } from "../errors";
import { orgDashboardScope, ownTeamDashboardPath } from "./access";

/**
 * For the organisation pages: the signed-in actor when they may see an organisation view. Team
 * leads and members are sent to their own team's dashboard; anyone else gets not found.
 */
export async function requireOrgDashboardActor(): Promise<Actor> {
  const actor = await requireActor();
  if (orgDashboardScope(actor)) return actor;
  const ownDashboard = await ownTeamDashboardPath(actor);
  if (ownDashboard) redirect(ownDashboard);
  notFound();
}

/** For the team dashboard layout: a team the actor may not read is not found. */
export async function requireReadableTeam(actor: Actor, slug: string): Promise<void> {
  await orNotFound(authorizeTeamBySlug(actor, "team:read", slug));
}
