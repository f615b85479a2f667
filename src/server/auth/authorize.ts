import "server-only";
import { can, readsWholeOrganisation, type Action, type Actor, type Resource } from "@/domain/access/policy";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";

export interface TeamRef {
  id: string;
  name: string;
  slug: string;
  orgUnitId: string;
  /** Archived teams are read-only; the policy refuses changes to them (see authorizeTeamChange). */
  archived: boolean;
}

/**
 * The policy's resource for a loaded team, archived state included: every `can()` about a team's
 * assessments or plan needs it, or a page offers changes to an archived team that are then refused.
 */
export function teamResource(team: TeamRef): Resource & { type: "team" } {
  return { type: "team", teamId: team.id, orgUnitId: team.orgUnitId, archived: team.archived };
}

/**
 * A team by its id or, in one statement all the same, by its URL slug or by one of its
 * assessments (a mutation given an assessment id authorises against that assessment's team).
 */
type TeamKey = { id: string } | { slug: string } | { assessmentId: string };

/**
 * Loads a team and checks the actor may perform `action` on it. A team the actor cannot even
 * read is reported as not found, so ids of other teams reveal nothing.
 */
export async function authorizeTeam(actor: Actor, action: Action, key: string | TeamKey): Promise<TeamRef> {
  const { archivedAt, ...team } = await loadAuthorizedTeam(actor, action, key);
  return { ...team, archived: archivedAt !== null };
}

async function loadAuthorizedTeam(actor: Actor, action: Action, key: string | TeamKey) {
  const select = { id: true, name: true, slug: true, orgUnitId: true, archivedAt: true } as const;
  // By id or slug through findUnique, which the client batches: a page that authorises the same
  // team in several places at once sends one statement for all of them.
  const team =
    typeof key === "string"
      ? await db.team.findUnique({ where: { id: key }, select })
      : "assessmentId" in key
        ? await db.team.findFirst({ where: { assessments: { some: { id: key.assessmentId } } }, select })
        : await db.team.findUnique({ where: key, select });
  if (!team) throw new NotFoundError();
  const resource = { type: "team" as const, teamId: team.id, orgUnitId: team.orgUnitId };
  if (!can(actor, "team:read", resource)) throw new NotFoundError();
  if (!can(actor, action, resource)) throw new ForbiddenError();
  return team;
}

export const ARCHIVED_TEAM_MESSAGE =
  "This team is archived, so its assessments and remediation plan are read-only. An admin can restore the team to change them.";

/**
 * For changes to a team's assessments and plan: authorizeTeam, and then refused with a clear
 * message when the team is archived (read-only), whoever asks.
 */
export async function authorizeTeamChange(
  actor: Actor,
  action: Action,
  key: string | TeamKey,
): Promise<TeamRef> {
  const { archivedAt, ...team } = await loadAuthorizedTeam(actor, action, key);
  const archived = archivedAt !== null;
  const resource = { type: "team" as const, teamId: team.id, orgUnitId: team.orgUnitId, archived };
  if (!can(actor, action, resource)) throw new ForbiddenError(ARCHIVED_TEAM_MESSAGE);
  return { ...team, archived };
}

/** authorizeTeamChange, by the team's URL slug. */
export async function authorizeTeamChangeBySlug(
  actor: Actor,
  action: Action,
  slug: string,
): Promise<TeamRef> {
  return authorizeTeamChange(actor, action, { slug });
}

/** Same as authorizeTeam, by the team's URL slug. */
export async function authorizeTeamBySlug(actor: Actor, action: Action, slug: string): Promise<TeamRef> {
  return authorizeTeam(actor, action, { slug });
}

export async function authorizeOrgUnit(actor: Actor, action: Action, orgUnitId: string) {
  const unit = await db.orgUnit.findUnique({
    where: { id: orgUnitId },
    select: { id: true, name: true, slug: true },
  });
  if (!unit) throw new NotFoundError();
  const resource = { type: "orgUnit" as const, orgUnitId: unit.id };
  if (!can(actor, "orgUnit:read", resource)) throw new NotFoundError();
  if (!can(actor, action, resource)) throw new ForbiddenError();
  return unit;
}

/** For organisation-wide actions (cycles, people, audit): no resource beyond the organisation. */
export function authorizeOrganisation(actor: Actor, action: Action): void {
  if (!can(actor, action, { type: "organisation" })) throw new ForbiddenError();
}

/**
 * The teams an actor may read, as a query filter. Every list query includes it, so a forgotten
 * check cannot leak another team's data.
 */
export function readableTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
  if (readsWholeOrganisation(actor)) return {};
  const teamIds = [...actor.leadTeamIds, ...actor.memberTeamIds];
  const orgUnitIds = [...actor.coachOrgUnitIds];
  return { OR: [{ id: { in: teamIds } }, { orgUnitId: { in: orgUnitIds } }] };
}
