import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { cycleTeamCutoff } from "@/domain/cycles/cycle-ref";
import type { Prisma } from "@/generated/prisma/client";
import { readableTeamsWhere } from "../auth/authorize";
import { db } from "../db";
import { orgTimeZone } from "../org-calendar";
import { activeUnits, descendantsOf } from "../plans/org-units";
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
 * `orgUnitIds` narrows it to the teams of a unit filter: the unit and every unit below it (see
 * DashboardUnit), as a unit's plan and export take them.
 */
export function dashboardTeamsWhere(actor: Actor, orgUnitIds?: readonly string[]): Prisma.TeamWhereInput {
  return {
    archivedAt: null,
    AND: [readableTeamsWhere(actor), orgUnitIds ? { orgUnitId: { in: [...orgUnitIds] } } : {}],
  };
}

/** An org unit the dashboards offer as a filter. */
export interface DashboardUnit {
  id: string;
  name: string;
  slug: string;
  /** The unit and every active unit below it: the units whose teams the filter takes. */
  coveredIds: string[];
}

/**
 * The org units the dashboards offer as filters, by name: each unit with a team the actor may read
 * in it or in a unit below it. A unit covers its sub-units (a coach of a unit coaches them; its plan
 * and export include their teams), so a unit whose teams all sit in sub-units is offered too. Above
 * the units someone coaches, only a unit with one of their own teams in it is offered: a coach of a
 * sub-unit is not shown its parent.
 */
export async function readableOrgUnits(actor: Actor): Promise<DashboardUnit[]> {
  const [units, withTeams] = await Promise.all([
    activeUnits(),
    db.team.groupBy({ by: ["orgUnitId"], where: dashboardTeamsWhere(actor) }),
  ]);
  const hasTeams = new Set(withTeams.map((row) => row.orgUnitId));
  const covered = descendantsOf(units);
  return units.flatMap((unit) => {
    const coveredIds = covered.get(unit.id) ?? [unit.id];
    if (!coveredIds.some((id) => hasTeams.has(id))) return [];
    const offered =
      hasTeams.has(unit.id) || can(actor, "orgUnit:read", { type: "orgUnit", orgUnitId: unit.id });
    return offered ? [{ id: unit.id, name: unit.name, slug: unit.slug, coveredIds }] : [];
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
 * The teams that belong to a cycle: those created by the end of its due day in the organisation's
 * time zone (see cycleTeamCutoff) and those with an assessment in it. Combined with the actor's
 * team filter by the callers.
 */
export function teamsOfCycleWhere(cycle: { id: string; closesOn: Date }): Prisma.TeamWhereInput {
  return {
    OR: [
      { createdAt: { lt: cycleTeamCutoff(cycle.closesOn, orgTimeZone()) } },
      { assessments: { some: { cycleId: cycle.id } } },
    ],
  };
}
