import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { auditFilterSchema, peopleFilterSchema } from "@/contracts/admin/schemas";
import { listAuditEvents } from "@/server/admin/audit-queries";
import { importOrganisation, previewOrganisationImport } from "@/server/admin/import-mutations";
import {
  archiveOrgUnit,
  archiveTeam,
  createOrgUnit,
  createTeam,
  moveOrgUnit,
  moveTeam,
  renameOrgUnit,
  renameTeam,
  unarchiveOrgUnit,
  unarchiveTeam,
} from "@/server/admin/org-mutations";
import { getOrgStructure, getOrgUnitForAdmin, getTeamForAdmin } from "@/server/admin/org-queries";
import { getAdminOverview } from "@/server/admin/overview-queries";
import {
  createPerson,
  deactivatePerson,
  grantRole,
  reactivatePerson,
  revokeRole,
  setPersonPassword,
} from "@/server/admin/people-mutations";
import { getPersonForAdmin, listPeople, listRoleScopeOptions } from "@/server/admin/people-queries";
import { db } from "@/server/db";
import { actorFor, auditCount, createTeamIn, createUnit, createUser } from "./fixtures";

let unitId: string;
let otherUnitId: string;
let teamId: string;
let targetId: string;
let roleAssignmentId: string;
const nonAdmins: Record<string, Actor> = {};

const csv = new TextEncoder().encode(
  "type,name,email,org_unit,parent_org_unit,team,role\norg_unit,Sneaky,,,,,\nperson,Mallory,mallory@example.com,,,,admin\n",
);
const upload = { name: "org.csv", type: "text/csv", size: csv.length, bytes: csv };

beforeAll(async () => {
  unitId = await createUnit("Payments");
  otherUnitId = await createUnit("Logistics");
  teamId = await createTeamIn(unitId, "Checkout");
  targetId = await createUser("target@example.com", [{ role: "member", teamId }]);
  roleAssignmentId = (await db.roleAssignment.findFirstOrThrow({ where: { userId: targetId } })).id;
  const people = {
    "head of engineering": await createUser("head@example.com", [{ role: "head_of_engineering" }]),
    "coach of the unit": await createUser("coach@example.com", [{ role: "coach", orgUnitId: unitId }]),
    "team lead": await createUser("lead@example.com", [{ role: "team_lead", teamId }]),
    "team member": await createUser("member@example.com", [{ role: "member", teamId }]),
    "person without a role": await createUser("nobody@example.com"),
  };
  for (const [kind, id] of Object.entries(people)) nonAdmins[kind] = await actorFor(id);
});

/** Every administration entry point, called the way its action would call it. */
const entryPoints: [string, (actor: Actor) => Promise<unknown>][] = [
  [
    "createPerson",
    (actor) =>
      createPerson(actor, {
        name: "X",
        email: "x@example.com",
        password: "long-enough-password",
        roles: [{ role: "admin", teamId: null, orgUnitId: null }],
      }),
  ],
  [
    "grantRole",
    (actor) => grantRole(actor, { userId: actor.id, role: "admin", teamId: null, orgUnitId: null }),
  ],
  ["revokeRole", (actor) => revokeRole(actor, { userId: targetId, roleAssignmentId })],
  ["deactivatePerson", (actor) => deactivatePerson(actor, { userId: targetId })],
  ["reactivatePerson", (actor) => reactivatePerson(actor, { userId: targetId })],
  [
    "setPersonPassword",
    (actor) => setPersonPassword(actor, { userId: targetId, password: "taken-over-account" }),
  ],
  ["createOrgUnit", (actor) => createOrgUnit(actor, { name: "New unit", parentId: null })],
  ["renameOrgUnit", (actor) => renameOrgUnit(actor, { orgUnitId: unitId, name: "Renamed" })],
  ["moveOrgUnit", (actor) => moveOrgUnit(actor, { orgUnitId: unitId, parentId: otherUnitId })],
  ["archiveOrgUnit", (actor) => archiveOrgUnit(actor, { orgUnitId: otherUnitId })],
  ["unarchiveOrgUnit", (actor) => unarchiveOrgUnit(actor, { orgUnitId: otherUnitId })],
  ["createTeam", (actor) => createTeam(actor, { name: "New team", orgUnitId: unitId })],
  ["renameTeam", (actor) => renameTeam(actor, { teamId, name: "Renamed" })],
  ["moveTeam", (actor) => moveTeam(actor, { teamId, orgUnitId: otherUnitId })],
  ["archiveTeam", (actor) => archiveTeam(actor, { teamId })],
  ["unarchiveTeam", (actor) => unarchiveTeam(actor, { teamId })],
  ["importOrganisation", (actor) => importOrganisation(actor, upload)],
  ["previewOrganisationImport", (actor) => previewOrganisationImport(actor, upload)],
  ["listPeople", (actor) => listPeople(actor, peopleFilterSchema.parse({}))],
  ["getPersonForAdmin", (actor) => getPersonForAdmin(actor, targetId)],
  ["listRoleScopeOptions", (actor) => listRoleScopeOptions(actor)],
  ["getOrgStructure", (actor) => getOrgStructure(actor)],
  ["getOrgUnitForAdmin", (actor) => getOrgUnitForAdmin(actor, unitId)],
  ["getTeamForAdmin", (actor) => getTeamForAdmin(actor, teamId)],
  ["listAuditEvents", (actor) => listAuditEvents(actor, auditFilterSchema.parse({}))],
  ["getAdminOverview", (actor) => getAdminOverview(actor)],
];

const kinds = [
  "head of engineering",
  "coach of the unit",
  "team lead",
  "team member",
  "person without a role",
];

describe("administration is refused to everyone but admins", () => {
  it.each(entryPoints.flatMap(([name, call]) => kinds.map((kind) => ({ name, kind, call }))))(
    "$name by a $kind",
    async ({ kind, call }) => {
      await expect(call(nonAdmins[kind]!)).rejects.toMatchObject({ code: "forbidden" });
    },
  );

  it("changed nothing and wrote no audit event", async () => {
    expect(await auditCount()).toBe(0);
    expect(await db.user.count()).toBe(6);
    expect(
      await db.orgUnit.findMany({
        orderBy: { name: "asc" },
        select: { name: true, parentId: true, archivedAt: true },
      }),
    ).toEqual([
      { name: "Logistics", parentId: null, archivedAt: null },
      { name: "Payments", parentId: null, archivedAt: null },
    ]);
    expect(await db.team.findUniqueOrThrow({ where: { id: teamId } })).toMatchObject({
      name: "Checkout",
      orgUnitId: unitId,
      archivedAt: null,
    });
    expect(await db.roleAssignment.count({ where: { role: "admin" } })).toBe(0);
    expect(await db.roleAssignment.count({ where: { id: roleAssignmentId } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: targetId } })).deactivatedAt).toBeNull();
    expect(await db.account.count()).toBe(0);
  });
});
