import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { roleScopeKey, type Actor } from "@/domain/access/policy";
import type {
  CreatePersonInput,
  GrantRoleInput,
  PersonIdInput,
  RevokeRoleInput,
  RoleGrantInput,
  SetPasswordInput,
} from "@/contracts/admin/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import { writeAudit } from "../audit/audit";
import { authorizeOrganisation } from "../auth/authorize";
import { revokeAllApiTokens } from "../api/token-mutations";
import { createPasswordAccount } from "../auth/password-account";
import { db } from "../db";
import { isUniqueConstraintViolation } from "../db-errors";
import { ConflictError, ExpectedError, NotFoundError, ValidationError } from "../errors";

type Transaction = Prisma.TransactionClient;

function duplicateEmail(email: string): ExpectedError {
  const message = `Someone already has the email ${email}. Each person needs their own email address.`;
  return new ExpectedError("conflict", message, { email: [message] });
}

/**
 * How many active people would still hold the admin role without the given grant or person.
 * Someone must always be able to administer the organisation, and two admins removing each
 * other's admin role (or deactivating each other) at the same moment would each still count the
 * other. So on PostgreSQL the admin grants are locked first, in one order: the second request
 * waits for the first to commit and then counts what it left. SQLite runs one write transaction
 * at a time (BEGIN IMMEDIATE), so there the count is already up to date.
 */
async function adminsLeftWithout(
  tx: Transaction,
  removed: { assignmentId: string } | { userId: string },
): Promise<number> {
  if (databaseProvider(getEnv().DATABASE_URL) === "postgresql") {
    await tx.$queryRaw`SELECT "id" FROM "role_assignment" WHERE "role" = 'admin' ORDER BY "id" FOR UPDATE`;
  }
  return tx.roleAssignment.count({
    where: {
      role: "admin",
      user: { deactivatedAt: null },
      ...("assignmentId" in removed
        ? { id: { not: removed.assignmentId } }
        : { userId: { not: removed.userId } }),
    },
  });
}

function lastAdmin(): ExpectedError {
  return new ExpectedError(
    "forbidden",
    "Nobody else would be left to administer the organisation: make someone else an admin first.",
  );
}

function alreadyHasRole(): ExpectedError {
  return new ConflictError("This person already has that role.");
}

interface CheckedScope {
  /** The team the role applies to, recorded on the audit event so the log can be filtered by team. */
  teamId: string | null;
  orgUnitId: string | null;
  scopeName: string | null;
}

/** The org unit or team of a grant must exist and be active; read here, never trusted from the form. */
async function checkScope(tx: Transaction, grant: RoleGrantInput): Promise<CheckedScope> {
  if (grant.role === "coach") {
    const unit = grant.orgUnitId
      ? await tx.orgUnit.findUnique({
          where: { id: grant.orgUnitId },
          select: { id: true, name: true, archivedAt: true },
        })
      : null;
    if (!unit) {
      const message = "Choose an existing org unit.";
      throw new ValidationError(message, { orgUnitId: [message], coachOrgUnitId: [message] });
    }
    if (unit.archivedAt) {
      const message = `${unit.name} is archived; choose an active org unit.`;
      throw new ValidationError(message, { orgUnitId: [message], coachOrgUnitId: [message] });
    }
    return { teamId: null, orgUnitId: unit.id, scopeName: unit.name };
  }
  if (grant.role === "team_lead" || grant.role === "member") {
    const team = grant.teamId
      ? await tx.team.findUnique({
          where: { id: grant.teamId },
          select: { id: true, name: true, archivedAt: true },
        })
      : null;
    const field = grant.role === "team_lead" ? "leadTeamId" : "memberTeamId";
    if (!team) {
      const message = "Choose an existing team.";
      throw new ValidationError(message, { teamId: [message], [field]: [message] });
    }
    if (team.archivedAt) {
      const message = `${team.name} is archived; choose an active team.`;
      throw new ValidationError(message, { teamId: [message], [field]: [message] });
    }
    return { teamId: team.id, orgUnitId: null, scopeName: team.name };
  }
  return { teamId: null, orgUnitId: null, scopeName: null };
}

async function grantInTransaction(tx: Transaction, actor: Actor, userId: string, grant: RoleGrantInput) {
  const scope = await checkScope(tx, grant);
  const existing = await tx.roleAssignment.findFirst({
    where: { userId, role: grant.role, teamId: scope.teamId, orgUnitId: scope.orgUnitId },
    select: { id: true },
  });
  if (existing) throw alreadyHasRole();
  const assignment = await tx.roleAssignment
    .create({
      data: {
        userId,
        role: grant.role,
        teamId: scope.teamId,
        orgUnitId: scope.orgUnitId,
        scopeKey: roleScopeKey(scope),
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      // The same grant made at the same moment by another request: the unique index decides.
      if (isUniqueConstraintViolation(error)) throw alreadyHasRole();
      throw error;
    });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "role.granted",
    entityType: "user",
    entityId: userId,
    teamId: scope.teamId,
    after: { role: grant.role, teamId: scope.teamId, orgUnitId: scope.orgUnitId, scope: scope.scopeName },
  });
  return assignment;
}

/**
 * Creates a person who signs in with the given initial password, with their first roles, all in
 * one transaction. At their first sign-in they must choose their own password before anything else.
 */
export async function createPerson(actor: Actor, input: CreatePersonInput): Promise<{ id: string }> {
  authorizeOrganisation(actor, "people:manage");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw duplicateEmail(input.email);
      const userId = await createPasswordAccount(tx, {
        name: input.name,
        email: input.email,
        passwordHash,
        mustChangePassword: true,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "person.created",
        entityType: "user",
        entityId: userId,
        after: { name: input.name, email: input.email },
      });
      for (const grant of input.roles) await grantInTransaction(tx, actor, userId, grant);
      return { id: userId };
    });
  } catch (error) {
    // Two admins adding the same email at once: the unique index decides.
    if (isUniqueConstraintViolation(error)) throw duplicateEmail(input.email);
    throw error;
  }
}

export async function grantRole(actor: Actor, input: GrantRoleInput): Promise<{ id: string }> {
  authorizeOrganisation(actor, "people:manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFoundError("There is no such person.");
    return grantInTransaction(tx, actor, user.id, input);
  });
}

export async function revokeRole(actor: Actor, input: RevokeRoleInput): Promise<void> {
  authorizeOrganisation(actor, "people:manage");
  await db.$transaction(async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({
      where: { id: input.roleAssignmentId, userId: input.userId },
      select: {
        id: true,
        role: true,
        teamId: true,
        orgUnitId: true,
        team: { select: { name: true } },
        orgUnit: { select: { name: true } },
      },
    });
    if (!assignment) throw new NotFoundError("That role has already been removed.");
    if (assignment.role === "admin" && input.userId === actor.id) {
      const otherAdminGrants = await tx.roleAssignment.count({
        where: { userId: actor.id, role: "admin", id: { not: assignment.id } },
      });
      if (otherAdminGrants === 0) {
        throw new ExpectedError(
          "forbidden",
          "You cannot remove your own admin role: ask another admin to do it, so someone can always administer the organisation.",
        );
      }
    }
    if (assignment.role === "admin" && (await adminsLeftWithout(tx, { assignmentId: assignment.id })) === 0) {
      throw lastAdmin();
    }
    // Conditional, so a removal that another request made meanwhile is reported, not repeated.
    const deleted = await tx.roleAssignment.deleteMany({ where: { id: assignment.id } });
    if (deleted.count === 0) throw new NotFoundError("That role has already been removed.");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "role.revoked",
      entityType: "user",
      entityId: input.userId,
      teamId: assignment.teamId,
      before: {
        role: assignment.role,
        teamId: assignment.teamId,
        orgUnitId: assignment.orgUnitId,
        scope: assignment.team?.name ?? assignment.orgUnit?.name ?? null,
      },
    });
  });
}

/**
 * Deactivates a person and deletes their sessions in the same transaction: every request checks
 * its session row, so they are signed out on their very next request. Deactivating a person, or
 * an admin setting their password, is how an account someone else may hold is taken back, so it
 * ends every way in: sessions and API tokens alike. A token revoked here stays revoked if the
 * person is reactivated; they create a new one.
 */
export async function deactivatePerson(
  actor: Actor,
  input: PersonIdInput,
): Promise<{ sessionsRevoked: number }> {
  authorizeOrganisation(actor, "people:manage");
  if (input.userId === actor.id) {
    throw new ExpectedError(
      "forbidden",
      "You cannot deactivate yourself. Ask another admin if you are leaving.",
    );
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, roles: { where: { role: "admin" }, select: { id: true } } },
    });
    if (!user) throw new NotFoundError("There is no such person.");
    if (user.roles.length > 0 && (await adminsLeftWithout(tx, { userId: user.id })) === 0) {
      throw lastAdmin();
    }
    const deactivatedAt = new Date();
    // Conditional, so two admins deactivating at once record it only once.
    const updated = await tx.user.updateMany({
      where: { id: user.id, deactivatedAt: null },
      data: { deactivatedAt },
    });
    if (updated.count === 0) throw new ConflictError("This person is already deactivated.");
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    const tokens = await revokeAllApiTokens(tx, user.id, deactivatedAt);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "person.deactivated",
      entityType: "user",
      entityId: user.id,
      before: { deactivatedAt: null },
      after: {
        deactivatedAt: deactivatedAt.toISOString(),
        sessionsRevoked: sessions.count,
        apiTokensRevoked: tokens,
      },
    });
    return { sessionsRevoked: sessions.count };
  });
}

export async function reactivatePerson(actor: Actor, input: PersonIdInput): Promise<void> {
  authorizeOrganisation(actor, "people:manage");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, deactivatedAt: true },
    });
    if (!user) throw new NotFoundError("There is no such person.");
    const updated = await tx.user.updateMany({
      where: { id: user.id, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (updated.count === 0) throw new ConflictError("This person is already active.");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "person.reactivated",
      entityType: "user",
      entityId: user.id,
      before: { deactivatedAt: user.deactivatedAt?.toISOString() ?? null },
      after: { deactivatedAt: null },
    });
  });
}

/**
 * Gives a person a new password (for people added by an import, or who forgot theirs), signs them
 * out everywhere and revokes their API tokens; at their next sign-in they must choose their own
 * password before anything else. Admins change their own password on their account page, which
 * asks for the current one.
 */
export async function setPersonPassword(actor: Actor, input: SetPasswordInput): Promise<void> {
  authorizeOrganisation(actor, "people:manage");
  if (input.userId === actor.id) {
    throw new ExpectedError("forbidden", "Change your own password on your account page.");
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFoundError("There is no such person.");
    // The admin (and whoever passed the password on) knows it: the person replaces it at once.
    await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const account = await tx.account.findFirst({
      where: { userId: user.id, providerId: "credential" },
      select: { id: true },
    });
    if (account) {
      await tx.account.update({ where: { id: account.id }, data: { password: passwordHash } });
    } else {
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: passwordHash,
        },
      });
    }
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    const tokens = await revokeAllApiTokens(tx, user.id, new Date());
    await writeAudit(tx, {
      actorId: actor.id,
      action: "person.password_set",
      entityType: "user",
      entityId: user.id,
      after: { sessionsRevoked: sessions.count, apiTokensRevoked: tokens },
    });
  });
}
