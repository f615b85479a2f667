import { verifyPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { createPersonSchema } from "@/contracts/admin/schemas";
import {
  createPerson,
  deactivatePerson,
  grantRole,
  reactivatePerson,
  revokeRole,
  setPersonPassword,
} from "@/server/admin/people-mutations";
import { loadActor } from "@/server/auth/session";
import { db } from "@/server/db";
import { actorFor, auditCount, createSession, createTeamIn, createUnit, createUser } from "./fixtures";

let admin: Actor;
let adminId: string;
let unitId: string;
let teamId: string;
let archivedTeamId: string;

beforeAll(async () => {
  adminId = await createUser("admin@example.com", [{ role: "admin" }], "Morgan Admin");
  admin = await actorFor(adminId);
  unitId = await createUnit("Payments");
  teamId = await createTeamIn(unitId, "Checkout");
  archivedTeamId = await createTeamIn(unitId, "Legacy Billing");
  await db.team.update({ where: { id: archivedTeamId }, data: { archivedAt: new Date() } });
});

const newPerson = (email: string, extra: Record<string, string> = {}) =>
  createPersonSchema.parse({ name: "Ada Lee", email, password: "correct-horse-battery", ...extra });

describe("createPerson", () => {
  it("creates the person, a password they can sign in with, their roles and the audit events, together", async () => {
    const input = newPerson("Ada.Lee@Example.com", {
      headOfEngineering: "on",
      memberTeamId: teamId,
      coachOrgUnitId: unitId,
    });
    const { id } = await createPerson(admin, input);

    const user = await db.user.findUniqueOrThrow({
      where: { id },
      include: { accounts: true, roles: { orderBy: { role: "asc" } } },
    });
    expect(user).toMatchObject({ name: "Ada Lee", email: "ada.lee@example.com", deactivatedAt: null });
    // The admin chose this password: the person must replace it at their first sign-in.
    expect(user.mustChangePassword).toBe(true);
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]!.providerId).toBe("credential");
    expect(
      await verifyPassword({ hash: user.accounts[0]!.password!, password: "correct-horse-battery" }),
    ).toBe(true);
    expect(user.roles.map((role) => [role.role, role.teamId, role.orgUnitId])).toEqual([
      ["coach", null, unitId],
      ["head_of_engineering", null, null],
      ["member", teamId, null],
    ]);

    const events = await db.auditEvent.findMany({
      where: { entityId: id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(events.map((event) => event.action).sort()).toEqual([
      "person.created",
      "role.granted",
      "role.granted",
      "role.granted",
    ]);
    expect(events.every((event) => event.actorId === adminId)).toBe(true);
    const memberGrant = events.find((event) => event.after?.includes('"member"'));
    expect(memberGrant?.teamId).toBe(teamId);
    expect(JSON.parse(memberGrant!.after!)).toEqual({
      role: "member",
      teamId,
      orgUnitId: null,
      scope: "Checkout",
    });
  });

  it("refuses an email that is already taken, with a field message, and writes nothing", async () => {
    const before = await auditCount();
    const people = await db.user.count();
    await expect(createPerson(admin, newPerson("ADMIN@example.com"))).rejects.toMatchObject({
      code: "conflict",
      message: "Someone already has the email admin@example.com. Each person needs their own email address.",
      fieldErrors: {
        email: [
          "Someone already has the email admin@example.com. Each person needs their own email address.",
        ],
      },
    });
    expect(await db.user.count()).toBe(people);
    expect(await auditCount()).toBe(before);
  });

  it("rolls everything back, audit events included, when a role cannot be given", async () => {
    const before = await auditCount();
    await expect(
      createPerson(admin, newPerson("rollback@example.com", { leadTeamId: archivedTeamId })),
    ).rejects.toMatchObject({
      code: "validation",
      message: "Legacy Billing is archived; choose an active team.",
      fieldErrors: { leadTeamId: ["Legacy Billing is archived; choose an active team."] },
    });
    expect(await db.user.findUnique({ where: { email: "rollback@example.com" } })).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("refuses a password shorter than 10 characters in the shared schema", () => {
    const result = createPersonSchema.safeParse({ name: "A", email: "a@example.com", password: "short" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["password"]);
  });
});

describe("grantRole and revokeRole", () => {
  it("grants a team role with an audit event, and refuses the same role twice", async () => {
    const userId = await createUser("grant@example.com");
    await grantRole(admin, { userId, role: "team_lead", teamId, orgUnitId: null });
    expect(await db.roleAssignment.count({ where: { userId, role: "team_lead", teamId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: userId, action: "role.granted", teamId } })).toBe(
      1,
    );

    const before = await auditCount();
    await expect(
      grantRole(admin, { userId, role: "team_lead", teamId, orgUnitId: null }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "This person already has that role.",
    });
    expect(await auditCount()).toBe(before);
  });

  it("refuses a role for someone who does not exist", async () => {
    await expect(
      grantRole(admin, { userId: "nobody", role: "admin", teamId: null, orgUnitId: null }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("revokes a role, recording what it was", async () => {
    const userId = await createUser("revoke@example.com", [{ role: "member", teamId }]);
    const assignment = await db.roleAssignment.findFirstOrThrow({ where: { userId } });
    await revokeRole(admin, { userId, roleAssignmentId: assignment.id });
    expect(await db.roleAssignment.count({ where: { userId } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: userId, action: "role.revoked" },
    });
    expect(JSON.parse(event.before!)).toEqual({ role: "member", teamId, orgUnitId: null, scope: "Checkout" });
    expect(event.teamId).toBe(teamId);
  });

  it("does not revoke a role through another person's id", async () => {
    const ownerId = await createUser("owner@example.com", [{ role: "member", teamId }]);
    const otherId = await createUser("other@example.com");
    const assignment = await db.roleAssignment.findFirstOrThrow({ where: { userId: ownerId } });
    await expect(
      revokeRole(admin, { userId: otherId, roleAssignmentId: assignment.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.roleAssignment.count({ where: { id: assignment.id } })).toBe(1);
  });

  it("does not let an admin remove their own admin role, but lets them remove another admin's", async () => {
    const own = await db.roleAssignment.findFirstOrThrow({ where: { userId: adminId, role: "admin" } });
    const before = await auditCount();
    await expect(revokeRole(admin, { userId: adminId, roleAssignmentId: own.id })).rejects.toMatchObject({
      code: "forbidden",
      message:
        "You cannot remove your own admin role: ask another admin to do it, so someone can always administer the organisation.",
    });
    expect(await db.roleAssignment.count({ where: { id: own.id } })).toBe(1);
    expect(await auditCount()).toBe(before);

    const otherAdminId = await createUser("second.admin@example.com", [{ role: "admin" }]);
    const theirs = await db.roleAssignment.findFirstOrThrow({
      where: { userId: otherAdminId, role: "admin" },
    });
    await revokeRole(admin, { userId: otherAdminId, roleAssignmentId: theirs.id });
    expect((await loadActor(otherAdminId))?.isAdmin).toBe(false);
  });
});

describe("grantRole and revokeRole at the same moment", () => {
  const rounds = 5;
  const grantsAtOnce = 3;

  it("stores a role granted several times at once only once; the others are told it is already there", async () => {
    for (let round = 0; round < rounds; round++) {
      const userId = await createUser(`granted-at-once-${round}@example.com`);
      const outcomes = await Promise.allSettled(
        Array.from({ length: grantsAtOnce }, () =>
          grantRole(admin, { userId, role: "team_lead", teamId, orgUnitId: null }),
        ),
      );
      expect(await db.roleAssignment.count({ where: { userId, role: "team_lead", teamId } })).toBe(1);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes.filter((outcome) => outcome.status === "rejected")) {
        expect(outcome.reason).toMatchObject({
          code: "conflict",
          message: "This person already has that role.",
        });
      }
      expect(await db.auditEvent.count({ where: { entityId: userId, action: "role.granted" } })).toBe(1);
    }
  });

  it("keeps an admin grant given twice at once single, so one revoke takes the admin role away", async () => {
    for (let round = 0; round < rounds; round++) {
      const userId = await createUser(`admin-at-once-${round}@example.com`);
      await Promise.allSettled([
        grantRole(admin, { userId, role: "admin", teamId: null, orgUnitId: null }),
        grantRole(admin, { userId, role: "admin", teamId: null, orgUnitId: null }),
      ]);
      const grants = await db.roleAssignment.findMany({ where: { userId, role: "admin" } });
      expect(grants).toHaveLength(1);
      await revokeRole(admin, { userId, roleAssignmentId: grants[0]!.id });
      expect((await loadActor(userId))?.isAdmin).toBe(false);
    }
  });

  it("still stores the same role for different teams and org units, and several roles without a scope", async () => {
    const userId = await createUser("many-roles@example.com");
    const otherTeamId = await createTeamIn(unitId, "Payouts");
    const otherUnitId = await createUnit("Logistics");
    await Promise.all([
      grantRole(admin, { userId, role: "member", teamId, orgUnitId: null }),
      grantRole(admin, { userId, role: "member", teamId: otherTeamId, orgUnitId: null }),
      grantRole(admin, { userId, role: "coach", teamId: null, orgUnitId: unitId }),
      grantRole(admin, { userId, role: "coach", teamId: null, orgUnitId: otherUnitId }),
      grantRole(admin, { userId, role: "admin", teamId: null, orgUnitId: null }),
      grantRole(admin, { userId, role: "head_of_engineering", teamId: null, orgUnitId: null }),
    ]);
    expect(await db.roleAssignment.count({ where: { userId } })).toBe(6);
  });
});

describe("deactivatePerson and reactivatePerson", () => {
  it("deactivates and deletes every session in the same transaction, so the person is signed out at once", async () => {
    const userId = await createUser("leaver@example.com", [{ role: "member", teamId }]);
    await createSession(userId);
    await createSession(userId);
    const bystander = await createUser("stays@example.com");
    await createSession(bystander);

    expect(await deactivatePerson(admin, { userId })).toEqual({ sessionsRevoked: 2 });

    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: bystander } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toBeInstanceOf(Date);
    expect(await loadActor(userId)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: userId, action: "person.deactivated" },
    });
    expect(JSON.parse(event.after!)).toMatchObject({ sessionsRevoked: 2 });

    await expect(deactivatePerson(admin, { userId })).rejects.toMatchObject({
      code: "conflict",
      message: "This person is already deactivated.",
    });

    await reactivatePerson(admin, { userId });
    expect((await loadActor(userId))?.memberTeamIds.has(teamId)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: userId, action: "person.reactivated" } })).toBe(1);
    await expect(reactivatePerson(admin, { userId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("revokes the person's API tokens with their sessions, and reactivating does not bring them back", async () => {
    const userId = await createUser("token-holder@example.com", [{ role: "member", teamId }]);
    const token = (name: string, owner = userId) =>
      db.apiToken.create({
        data: {
          userId: owner,
          name,
          tokenHash: `hash-${name}-${owner}`,
          prefix: "prt_test00",
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
        },
        select: { id: true },
      });
    const own = await token("Dashboard");
    const bystander = await token("Someone else's", await createUser("keeps-token@example.com"));

    await deactivatePerson(admin, { userId });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).toBeInstanceOf(Date);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: bystander.id } })).revokedAt).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: userId, action: "person.deactivated" },
    });
    expect(JSON.parse(event.after!)).toMatchObject({ apiTokensRevoked: 1 });

    await reactivatePerson(admin, { userId });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).toBeInstanceOf(Date);

    // An admin setting the password takes the account back the same way.
    const later = await token("Script");
    await setPersonPassword(admin, { userId, password: "a-new-password-3" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: later.id } })).revokedAt).toBeInstanceOf(Date);
  });

  it("does not let an admin deactivate themselves", async () => {
    await createSession(adminId);
    const before = await auditCount();
    await expect(deactivatePerson(admin, { userId: adminId })).rejects.toMatchObject({
      code: "forbidden",
      message: "You cannot deactivate yourself. Ask another admin if you are leaving.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).deactivatedAt).toBeNull();
    expect(await db.session.count({ where: { userId: adminId } })).toBe(1);
    expect(await auditCount()).toBe(before);
  });
});

describe("setPersonPassword", () => {
  it("gives an imported person (no account yet) a password and signs them out elsewhere", async () => {
    const userId = await createUser("imported@example.com");
    await createSession(userId);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).mustChangePassword).toBe(false);
    await setPersonPassword(admin, { userId, password: "a-new-password-1" });
    // Whoever relayed it knows it too: the person must choose their own at the next sign-in.
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).mustChangePassword).toBe(true);
    const account = await db.account.findFirstOrThrow({ where: { userId, providerId: "credential" } });
    expect(await verifyPassword({ hash: account.password!, password: "a-new-password-1" })).toBe(true);
    expect(await db.session.count({ where: { userId } })).toBe(0);

    await setPersonPassword(admin, { userId, password: "another-password-2" });
    const accounts = await db.account.findMany({ where: { userId } });
    expect(accounts).toHaveLength(1);
    expect(await verifyPassword({ hash: accounts[0]!.password!, password: "another-password-2" })).toBe(true);
    const events = await db.auditEvent.findMany({
      where: { entityId: userId, action: "person.password_set" },
    });
    expect(events).toHaveLength(2);
    expect(events.every((event) => !event.after?.includes("password-"))).toBe(true);
  });

  it("sends admins to their account page for their own password", async () => {
    await expect(
      setPersonPassword(admin, { userId: adminId, password: "whatever-password" }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "Change your own password on your account page.",
    });
  });
});
