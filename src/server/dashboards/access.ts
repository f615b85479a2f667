import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { cycleTeamCutoff } from "@/domain/cycles/cycle-ref";
import type { Prisma } from "@/generated/prisma/client";
import { readableTeamsWhere } from "../auth/authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";

/**
 * Who sees the organisation dashboards, and how much of the organisation: heads of engineering
 * and admins read every team; coaches read the teams of the units they coach (and units below).
 */
export type OrgDashboardScope =
  { kind: "organisation" } | { kind: "org-units"; orgUnitIds: readonly string[] };

export function orgDashboardScope(actor: Actor): OrgDashboardScope | null {
  if (can(actor, "organisation:read", { type: "organisation" })) return { kind: "organisation" };
  const orgUnitIds = [...actor.coachOrgUnitIds].filter((orgUnitId) =>
    can(actor, "orgUnit:read", { type: "orgUnit", orgUnitId }),
  );
  return orgUnitIds.length > 0 ? { kind: "org-units", orgUnitIds } : null;
}

/** For the organisation dashboards' queries: the actor's scope, or not found for anyone without one. */
export function requireOrgDashboardScope(actor: Actor): OrgDashboardScope {
  const scope = orgDashboardScope(actor);
  if (!scope) throw new NotFoundError();
  return scope;
}

/**
 * The team filter every organisation dashboard query uses. The scope decides who may be here at
 * all; readableTeamsWhere keeps the rows to the teams the actor may read, in the query itself.
 */
export function dashboardTeamsWhere(actor: Actor, orgUnitId?: string): Prisma.TeamWhereInput {
  return {
    archivedAt: null,
    AND: [readableTeamsWhere(actor), orgUnitId ? { orgUnitId } : {}],
  };
}

/** Org units with at least one team the actor may read, by name. */
export async function readableOrgUnits(actor: Actor) {
  return db.orgUnit.findMany({
    where: { archivedAt: null, teams: { some: dashboardTeamsWhere(actor) } },
    select: { id: true, name: true, slug: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Where to send someone who opened an organisation dashboard without an organisation view: their
 * own team's dashboard (the team they lead first), or null when they belong to no team.
 */
export async function ownTeamDashboardPath(actor: Actor): Promise<string | null> {
  const teamIds = [...actor.leadTeamIds, ...actor.memberTeamIds];
  if (teamIds.length === 0) return null;
  const teams = await db.team.findMany({
    where: { id: { in: teamIds }, archivedAt: null },
    select: { id: true, slug: true },
  });
  const first = teamIds.map((id) => teams.find((team) => team.id === id)).find((team) => team !== undefined);
  return first ? `/team/${first.slug}/dashboard` : null;
}

/**
 * The teams that belong to a cycle: those created by its due date (see cycleTeamCutoff) and those
 * with an assessment in it. Combined with the actor's team filter by the callers.
 */
export function teamsOfCycleWhere(cycle: { id: string; closesOn: Date }): Prisma.TeamWhereInput {
  return {
    OR: [
      { createdAt: { lt: cycleTeamCutoff(cycle.closesOn) } },
      { assessments: { some: { cycleId: cycle.id } } },
    ],
  };
}
