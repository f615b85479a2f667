/**
 * The one answer to "may this person do this to this resource?". Pure: the caller loads the
 * actor (with roles) and the resource (with the org unit it really belongs to, read from the
 * database — never taken from client input), and this decides.
 */
import { storedValueCodec } from "../stored-values";

export const ROLES = ["admin", "head_of_engineering", "coach", "team_lead", "member"] as const;
export type Role = (typeof ROLES)[number];
/** A stored role grant read back; a role this version does not know grants nothing. */
export const decodeRole = storedValueCodec(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  head_of_engineering: "Head of engineering",
  coach: "Coach",
  team_lead: "Team lead",
  member: "Team member",
};

export interface RoleGrant {
  role: Role;
  teamId: string | null;
  orgUnitId: string | null;
}

/**
 * What a stored grant records as its scope key: the team or org unit it applies to, or "" for a
 * role without one. The database keeps one grant per person, role and scope key; the key is never
 * null because both databases let NULLs repeat in a unique index, which let a role granted twice
 * at once be stored twice (and survive being removed once).
 */
export function roleScopeKey(scope: { teamId?: string | null; orgUnitId?: string | null }): string {
  return scope.teamId ?? scope.orgUnitId ?? "";
}

export interface Actor {
  id: string;
  email: string;
  name: string;
  grants: readonly RoleGrant[];
  isAdmin: boolean;
  isHeadOfEngineering: boolean;
  leadTeamIds: ReadonlySet<string>;
  memberTeamIds: ReadonlySet<string>;
  /** Org units a coach is assigned to, including every unit below them. */
  coachOrgUnitIds: ReadonlySet<string>;
}

export type Resource =
  | { type: "organisation" }
  | { type: "orgUnit"; orgUnitId: string }
  /** `archived`: the team was archived; it is then read-only (see TEAM_CHANGES). */
  | { type: "team"; teamId: string; orgUnitId: string; archived?: boolean }
  /** One item of a team's plan, with the person who owns it (if anyone). */
  | { type: "planItem"; teamId: string; orgUnitId: string; archived?: boolean; ownerId: string | null };

/** Changes to a team's assessments and plan. An archived team is read-only: nobody makes them. */
export const TEAM_CHANGES: ReadonlySet<Action> = new Set<Action>([
  "assessment:answer",
  "response:answer",
  "pulse:answer",
  "assessment:submit",
  "assessment:reopen",
  "plan:edit",
  "plan:progress",
]);

export type Action =
  /** Everything across the organisation: heatmap, roll-ups, run-cost view. */
  | "organisation:read"
  | "orgUnit:read"
  | "orgUnit:export"
  | "team:read"
  /** Answer the team's questionnaire (the consolidated answers). */
  | "assessment:answer"
  | "assessment:submit"
  | "assessment:reopen"
  /** Answer the questionnaire on one's own (individual answers): the team's own people only. */
  | "response:answer"
  /** See how the team's individual answers spread, and the team answer they suggest. */
  | "response:summary"
  /** Answer the team's anonymous pulse: the team's own people only, admins included in that rule. */
  | "pulse:answer"
  | "plan:read"
  | "plan:edit"
  /**
   * Update one plan item's status and notes (not its owner or due date, not remove it): whoever
   * edits the plan, and the item's owner while they are on the team, since owning an item means
   * marking its progress.
   */
  | "plan:progress"
  | "team:export"
  | "cycle:manage"
  /** Remind the leads of a team that has not submitted in the open cycle. */
  | "cycle:remind"
  | "people:manage"
  | "org:manage"
  | "audit:read";

function coachesUnit(actor: Actor, orgUnitId: string): boolean {
  return actor.coachOrgUnitIds.has(orgUnitId);
}

function belongsToTeam(actor: Actor, teamId: string): boolean {
  return actor.leadTeamIds.has(teamId) || actor.memberTeamIds.has(teamId);
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (
    (resource.type === "team" || resource.type === "planItem") &&
    resource.archived &&
    TEAM_CHANGES.has(action)
  )
    return false;
  // Answering for oneself is only for the team's own people: an admin who could add answers to any
  // team's pulse could also outvote it, or tell who answered what by answering around them.
  if (action === "response:answer" || action === "pulse:answer")
    return resource.type === "team" && belongsToTeam(actor, resource.teamId);
  if (actor.isAdmin) return true;
  const hoe = actor.isHeadOfEngineering;

  switch (action) {
    case "organisation:read":
      return hoe;
    case "cycle:manage":
    case "assessment:reopen":
      return hoe;
    case "people:manage":
    case "org:manage":
    case "audit:read":
      return false;
    case "orgUnit:read":
    case "orgUnit:export":
      return resource.type === "orgUnit" && (hoe || coachesUnit(actor, resource.orgUnitId));
    case "cycle:remind":
      return resource.type === "team" && (hoe || coachesUnit(actor, resource.orgUnitId));
    case "team:read":
    case "plan:read":
      return (
        resource.type === "team" &&
        (hoe || coachesUnit(actor, resource.orgUnitId) || belongsToTeam(actor, resource.teamId))
      );
    case "team:export":
      return (
        resource.type === "team" &&
        (hoe || coachesUnit(actor, resource.orgUnitId) || actor.leadTeamIds.has(resource.teamId))
      );
    case "assessment:answer":
      return resource.type === "team" && belongsToTeam(actor, resource.teamId);
    case "assessment:submit":
      return resource.type === "team" && actor.leadTeamIds.has(resource.teamId);
    case "response:summary":
      return (
        resource.type === "team" &&
        (hoe || coachesUnit(actor, resource.orgUnitId) || actor.leadTeamIds.has(resource.teamId))
      );
    case "plan:edit":
      return (
        resource.type === "team" &&
        (actor.leadTeamIds.has(resource.teamId) || coachesUnit(actor, resource.orgUnitId))
      );
    case "plan:progress":
      return (
        resource.type === "planItem" &&
        (actor.leadTeamIds.has(resource.teamId) ||
          coachesUnit(actor, resource.orgUnitId) ||
          (resource.ownerId === actor.id && belongsToTeam(actor, resource.teamId)))
      );
  }
}

/**
 * Builds an actor from role grants. `orgUnitChildren` maps a unit to its direct children, so a
 * coach of a parent unit also covers every unit below it.
 */
export function buildActor(
  person: { id: string; email: string; name: string },
  grants: readonly RoleGrant[],
  orgUnitChildren: ReadonlyMap<string, readonly string[]>,
): Actor {
  const leadTeamIds = new Set<string>();
  const memberTeamIds = new Set<string>();
  const coachOrgUnitIds = new Set<string>();
  const addUnitAndDescendants = (unitId: string) => {
    if (coachOrgUnitIds.has(unitId)) return;
    coachOrgUnitIds.add(unitId);
    for (const child of orgUnitChildren.get(unitId) ?? []) addUnitAndDescendants(child);
  };
  for (const grant of grants) {
    if (grant.role === "team_lead" && grant.teamId) leadTeamIds.add(grant.teamId);
    if (grant.role === "member" && grant.teamId) memberTeamIds.add(grant.teamId);
    if (grant.role === "coach" && grant.orgUnitId) addUnitAndDescendants(grant.orgUnitId);
  }
  return {
    ...person,
    grants,
    isAdmin: grants.some((grant) => grant.role === "admin"),
    isHeadOfEngineering: grants.some((grant) => grant.role === "head_of_engineering"),
    leadTeamIds,
    memberTeamIds,
    coachOrgUnitIds,
  };
}

/** True when the actor may read every team (no per-team scoping needed). */
export function readsWholeOrganisation(actor: Actor): boolean {
  return actor.isAdmin || actor.isHeadOfEngineering;
}
