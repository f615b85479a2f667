import { describe, expect, it } from "vitest";
import {
  TEAM_CHANGES,
  buildActor,
  can,
  roleScopeKey,
  type Action,
  type Actor,
  type Resource,
  type RoleGrant,
} from "../../../src/domain/access/policy";

/**
 * The whole access matrix: every action × every kind of actor, against one team ("checkout") in
 * the unit "payments", which sits inside "commerce". "logistics" is an unrelated unit with the
 * team "returns".
 */
const TEAM = "checkout";
const OTHER_TEAM = "returns";
const UNIT = "payments";
const PARENT_UNIT = "commerce";
const OTHER_UNIT = "logistics";

const tree = new Map<string, string[]>([[PARENT_UNIT, [UNIT]]]);

function actorWith(...grants: Partial<RoleGrant>[]): Actor {
  return buildActor(
    { id: "person", email: "person@example.com", name: "Person" },
    grants.map((grant) => ({
      role: grant.role!,
      teamId: grant.teamId ?? null,
      orgUnitId: grant.orgUnitId ?? null,
    })),
    tree,
  );
}

const ACTORS = {
  admin: actorWith({ role: "admin" }),
  headOfEngineering: actorWith({ role: "head_of_engineering" }),
  coachOfTeamsUnit: actorWith({ role: "coach", orgUnitId: UNIT }),
  coachOfOtherUnit: actorWith({ role: "coach", orgUnitId: OTHER_UNIT }),
  coachOfParentUnit: actorWith({ role: "coach", orgUnitId: PARENT_UNIT }),
  leadOfTeam: actorWith({ role: "team_lead", teamId: TEAM }),
  leadOfOtherTeam: actorWith({ role: "team_lead", teamId: OTHER_TEAM }),
  memberOfTeam: actorWith({ role: "member", teamId: TEAM }),
  memberOfOtherTeam: actorWith({ role: "member", teamId: OTHER_TEAM }),
  noRole: actorWith(),
} as const;
type ActorKind = keyof typeof ACTORS;
const ALL_ACTORS = Object.keys(ACTORS) as ActorKind[];

const organisation: Resource = { type: "organisation" };
const unit: Resource = { type: "orgUnit", orgUnitId: UNIT };
const team: Resource = { type: "team", teamId: TEAM, orgUnitId: UNIT };

const coachesOfTheTeam: ActorKind[] = ["coachOfTeamsUnit", "coachOfParentUnit"];

/** An item of the team's plan owned by the person under test (every actor here is "person"). */
const ownedItem: Resource = { type: "planItem", teamId: TEAM, orgUnitId: UNIT, ownerId: "person" };
const someoneElsesItem: Resource = { type: "planItem", teamId: TEAM, orgUnitId: UNIT, ownerId: "riley" };

/** A Record over Action, so adding an action to the policy without a row here fails to compile. */
const MATRIX: Record<Action, { resource: Resource; allowed: ActorKind[] }> = {
  "organisation:read": { resource: organisation, allowed: ["admin", "headOfEngineering"] },
  "orgUnit:read": { resource: unit, allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam] },
  "orgUnit:export": { resource: unit, allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam] },
  "team:read": {
    resource: team,
    allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam, "leadOfTeam", "memberOfTeam"],
  },
  "assessment:answer": { resource: team, allowed: ["admin", "leadOfTeam", "memberOfTeam"] },
  "assessment:submit": { resource: team, allowed: ["admin", "leadOfTeam"] },
  "assessment:reopen": { resource: team, allowed: ["admin", "headOfEngineering"] },
  // Answering for oneself is for the team's own people only: admins neither answer nor stuff a pulse.
  "response:answer": { resource: team, allowed: ["leadOfTeam", "memberOfTeam"] },
  "pulse:answer": { resource: team, allowed: ["leadOfTeam", "memberOfTeam"] },
  "response:summary": {
    resource: team,
    allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam, "leadOfTeam"],
  },
  "plan:read": {
    resource: team,
    allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam, "leadOfTeam", "memberOfTeam"],
  },
  "plan:edit": { resource: team, allowed: ["admin", ...coachesOfTheTeam, "leadOfTeam"] },
  // Owning an item means marking its progress, for the team's own people: an owner who left the
  // team (here: the member and the lead of another team) no longer may.
  "plan:progress": {
    resource: ownedItem,
    allowed: ["admin", ...coachesOfTheTeam, "leadOfTeam", "memberOfTeam"],
  },
  "team:export": {
    resource: team,
    allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam, "leadOfTeam"],
  },
  "cycle:manage": { resource: organisation, allowed: ["admin", "headOfEngineering"] },
  "cycle:remind": { resource: team, allowed: ["admin", "headOfEngineering", ...coachesOfTheTeam] },
  "people:manage": { resource: organisation, allowed: ["admin"] },
  "org:manage": { resource: organisation, allowed: ["admin"] },
  "audit:read": { resource: organisation, allowed: ["admin"] },
};

const cases = (Object.entries(MATRIX) as [Action, (typeof MATRIX)[Action]][]).flatMap(
  ([action, { resource, allowed }]) =>
    ALL_ACTORS.map((kind) => ({ action, kind, resource, expected: allowed.includes(kind) })),
);

describe("can(): the access matrix", () => {
  it.each(cases)("$action by $kind → $expected", ({ action, kind, resource, expected }) => {
    expect(can(ACTORS[kind], action, resource)).toBe(expected);
  });

  it("covers every action for every kind of actor", () => {
    expect(cases).toHaveLength(19 * ALL_ACTORS.length);
  });
});

describe("can(): a plan item's progress", () => {
  it("is not a member's to mark on an item someone else owns, nor on one that owns nobody", () => {
    expect(can(ACTORS.memberOfTeam, "plan:progress", someoneElsesItem)).toBe(false);
    expect(can(ACTORS.memberOfTeam, "plan:progress", { ...ownedItem, ownerId: null })).toBe(false);
    expect(can(ACTORS.leadOfTeam, "plan:progress", someoneElsesItem)).toBe(true);
    expect(can(ACTORS.coachOfTeamsUnit, "plan:progress", someoneElsesItem)).toBe(true);
  });

  it("gives the owner nothing else: not the plan, not another item", () => {
    expect(can(ACTORS.memberOfTeam, "plan:edit", team)).toBe(false);
    expect(can(ACTORS.memberOfTeam, "plan:progress", team)).toBe(false);
  });
});

describe("can(): resources of the wrong kind", () => {
  const nonAdmins = ALL_ACTORS.filter((kind) => kind !== "admin");

  it.each(nonAdmins)("refuses team actions on an org unit or the organisation for %s", (kind) => {
    for (const action of [
      "team:read",
      "assessment:answer",
      "assessment:submit",
      "plan:read",
      "plan:edit",
      "team:export",
    ] as const) {
      expect(can(ACTORS[kind], action, unit)).toBe(false);
      expect(can(ACTORS[kind], action, organisation)).toBe(false);
    }
  });

  it.each(nonAdmins)("refuses org unit actions on a team for %s", (kind) => {
    expect(can(ACTORS[kind], "orgUnit:read", team)).toBe(false);
    expect(can(ACTORS[kind], "orgUnit:export", team)).toBe(false);
  });
});

describe("can(): scope follows the team's real org unit", () => {
  it("a coach covers a team in a unit two levels below their own", () => {
    const deepTree = new Map([
      [PARENT_UNIT, [UNIT]],
      [UNIT, ["cards"]],
    ]);
    const coach = buildActor(
      { id: "c", email: "c@example.com", name: "C" },
      [{ role: "coach", teamId: null, orgUnitId: PARENT_UNIT }],
      deepTree,
    );
    expect(can(coach, "plan:edit", { type: "team", teamId: "card-issuing", orgUnitId: "cards" })).toBe(true);
    expect(can(coach, "orgUnit:read", { type: "orgUnit", orgUnitId: OTHER_UNIT })).toBe(false);
  });

  it("a coach of a child unit does not cover the parent unit", () => {
    expect(can(ACTORS.coachOfTeamsUnit, "orgUnit:read", { type: "orgUnit", orgUnitId: PARENT_UNIT })).toBe(
      false,
    );
  });

  it("a team lead reads no other team, and leads only their own", () => {
    const other: Resource = { type: "team", teamId: OTHER_TEAM, orgUnitId: OTHER_UNIT };
    expect(can(ACTORS.leadOfTeam, "team:read", other)).toBe(false);
    expect(can(ACTORS.leadOfOtherTeam, "assessment:submit", other)).toBe(true);
  });

  it("roles add up: a member of one team who leads another may submit only the led team", () => {
    const both = actorWith({ role: "member", teamId: TEAM }, { role: "team_lead", teamId: OTHER_TEAM });
    expect(can(both, "assessment:submit", team)).toBe(false);
    expect(can(both, "assessment:answer", team)).toBe(true);
    expect(can(both, "assessment:submit", { type: "team", teamId: OTHER_TEAM, orgUnitId: OTHER_UNIT })).toBe(
      true,
    );
  });
});

describe("archived teams", () => {
  const archived: Resource = { type: "team", teamId: TEAM, orgUnitId: UNIT, archived: true };

  it("are read-only: nobody, admins included, answers, submits, reopens or edits the plan", () => {
    expect([...TEAM_CHANGES].sort()).toEqual([
      "assessment:answer",
      "assessment:reopen",
      "assessment:submit",
      "plan:edit",
      "plan:progress",
      "pulse:answer",
      "response:answer",
    ]);
    for (const kind of ALL_ACTORS) {
      for (const action of TEAM_CHANGES)
        expect(can(ACTORS[kind], action, archived), `${kind} ${action}`).toBe(false);
      expect(can(ACTORS[kind], "plan:progress", { ...ownedItem, archived: true }), kind).toBe(false);
    }
  });

  it("can still be read and exported by whoever could before", () => {
    for (const action of ["team:read", "plan:read", "team:export"] as const) {
      for (const kind of ALL_ACTORS)
        expect(can(ACTORS[kind], action, archived)).toBe(can(ACTORS[kind], action, team));
    }
  });
});

describe("roleScopeKey", () => {
  it("is the team, else the org unit, else empty for a role without a scope", () => {
    expect(roleScopeKey({ teamId: "checkout", orgUnitId: null })).toBe("checkout");
    expect(roleScopeKey({ teamId: null, orgUnitId: "payments" })).toBe("payments");
    expect(roleScopeKey({ teamId: null, orgUnitId: null })).toBe("");
    expect(roleScopeKey({})).toBe("");
  });
});
