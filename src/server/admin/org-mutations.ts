import "server-only";
import type { Actor } from "@/domain/access/policy";
import { orgUnitArchiveBlocker } from "@/domain/org/archive";
import { nameKey, slugify, uniqueSlug } from "@/domain/org/names";
import { wouldCreateCycle } from "@/domain/org/org-tree";
import type {
  CreateOrgUnitInput,
  CreateTeamInput,
  MoveOrgUnitInput,
  MoveTeamInput,
  OrgUnitIdInput,
  RenameOrgUnitInput,
  RenameTeamInput,
  TeamIdInput,
} from "@/contracts/admin/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { retryAfterUniqueViolation } from "../db-errors";
import { ConflictError, ExpectedError, NotFoundError, ValidationError } from "../errors";
import { serialiseOrgChanges } from "./org-lock";

type Transaction = Prisma.TransactionClient;

function fieldConflict(field: string, message: string): ExpectedError {
  return new ExpectedError("conflict", message, { [field]: [message] });
}

// Names are unique across the organisation (archived ones included), so an import or a person's
// role can name a unit or team without ambiguity.
async function assertUnitNameFree(tx: Transaction, name: string, exceptId?: string) {
  const units = await tx.orgUnit.findMany({ select: { id: true, name: true, archivedAt: true } });
  const clash = units.find((unit) => unit.id !== exceptId && nameKey(unit.name) === nameKey(name));
  if (clash) {
    throw fieldConflict(
      "name",
      `An org unit named ${clash.name} already exists${clash.archivedAt ? " (archived)" : ""}.`,
    );
  }
}

async function assertTeamNameFree(tx: Transaction, name: string, exceptId?: string) {
  const teams = await tx.team.findMany({ select: { id: true, name: true, archivedAt: true } });
  const clash = teams.find((team) => team.id !== exceptId && nameKey(team.name) === nameKey(name));
  if (clash) {
    throw fieldConflict(
      "name",
      `A team named ${clash.name} already exists${clash.archivedAt ? " (archived)" : ""}.`,
    );
  }
}

async function findUnit(tx: Transaction, orgUnitId: string) {
  const unit = await tx.orgUnit.findUnique({
    where: { id: orgUnitId },
    select: {
      id: true,
      name: true,
      slug: true,
      parentId: true,
      archivedAt: true,
      parent: { select: { name: true } },
    },
  });
  if (!unit) throw new NotFoundError("There is no such org unit.");
  return unit;
}

async function findTeam(tx: Transaction, teamId: string) {
  const team = await tx.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      slug: true,
      orgUnitId: true,
      archivedAt: true,
      orgUnit: { select: { name: true } },
    },
  });
  if (!team) throw new NotFoundError("There is no such team.");
  return team;
}

/** A unit that will hold other units or teams: it must exist and be active. */
async function activeUnitFor(tx: Transaction, orgUnitId: string, field: string) {
  const unit = await tx.orgUnit.findUnique({
    where: { id: orgUnitId },
    select: { id: true, name: true, archivedAt: true },
  });
  if (!unit)
    throw new ValidationError("Choose an existing org unit.", { [field]: ["Choose an existing org unit"] });
  if (unit.archivedAt) {
    const message = `${unit.name} is archived; choose an active org unit.`;
    throw new ValidationError(message, { [field]: [message] });
  }
  return unit;
}

export async function createOrgUnit(
  actor: Actor,
  input: CreateOrgUnitInput,
): Promise<{ id: string; slug: string }> {
  authorizeOrganisation(actor, "org:manage");
  // A unit created meanwhile by a write outside the org lock (an instance still on an earlier
  // version during an upgrade, say) can take the slug after the checks: answered as the name taken.
  return retryAfterUniqueViolation(
    () => insertOrgUnit(actor, input),
    () => fieldConflict("name", `An org unit named ${input.name} already exists.`),
  );
}

async function insertOrgUnit(actor: Actor, input: CreateOrgUnitInput): Promise<{ id: string; slug: string }> {
  return db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    await assertUnitNameFree(tx, input.name);
    const parent = input.parentId ? await activeUnitFor(tx, input.parentId, "parentId") : null;
    const taken = await tx.orgUnit.findMany({
      where: { slug: { startsWith: slugify(input.name, "unit") } },
      select: { slug: true },
    });
    const slug = uniqueSlug(input.name, new Set(taken.map((unit) => unit.slug)), "unit");
    const unit = await tx.orgUnit.create({
      data: { name: input.name, slug, parentId: parent?.id ?? null },
      select: { id: true, slug: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.created",
      entityType: "org_unit",
      entityId: unit.id,
      after: { name: input.name, slug, parentId: parent?.id ?? null, parent: parent?.name ?? null },
    });
    return unit;
  });
}

/** Renames a unit; its slug stays, so links to it keep working. */
export async function renameOrgUnit(actor: Actor, input: RenameOrgUnitInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const unit = await findUnit(tx, input.orgUnitId);
    if (unit.name === input.name) return;
    await assertUnitNameFree(tx, input.name, unit.id);
    await tx.orgUnit.update({ where: { id: unit.id }, data: { name: input.name } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.renamed",
      entityType: "org_unit",
      entityId: unit.id,
      before: { name: unit.name },
      after: { name: input.name },
    });
  });
}

/** Moves a unit under another (or to the top level), refusing to put a unit inside itself. */
export async function moveOrgUnit(actor: Actor, input: MoveOrgUnitInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const unit = await findUnit(tx, input.orgUnitId);
    if (unit.parentId === input.parentId) return;
    const parent = input.parentId ? await activeUnitFor(tx, input.parentId, "parentId") : null;
    const links = await tx.orgUnit.findMany({ select: { id: true, parentId: true } });
    if (parent && wouldCreateCycle(links, unit.id, parent.id)) {
      const message =
        parent.id === unit.id
          ? `${unit.name} cannot be placed under itself.`
          : `${unit.name} cannot move under ${parent.name}, because ${parent.name} is inside ${unit.name}.`;
      throw new ValidationError(message, { parentId: [message] });
    }
    await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: parent?.id ?? null } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.moved",
      entityType: "org_unit",
      entityId: unit.id,
      before: { parentId: unit.parentId, parent: unit.parent?.name ?? null },
      after: { parentId: parent?.id ?? null, parent: parent?.name ?? null },
    });
  });
}

/** Archives a unit with no active teams and no active units below it; its history stays. */
export async function archiveOrgUnit(actor: Actor, input: OrgUnitIdInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const unit = await findUnit(tx, input.orgUnitId);
    if (unit.archivedAt) throw new ConflictError(`${unit.name} is already archived.`);
    const blocker = orgUnitArchiveBlocker({
      name: unit.name,
      activeTeams: await tx.team.count({ where: { orgUnitId: unit.id, archivedAt: null } }),
      activeChildren: await tx.orgUnit.count({ where: { parentId: unit.id, archivedAt: null } }),
    });
    if (blocker) throw new ConflictError(blocker);
    const archivedAt = new Date();
    await tx.orgUnit.update({ where: { id: unit.id }, data: { archivedAt } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.archived",
      entityType: "org_unit",
      entityId: unit.id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
    });
  });
}

export async function unarchiveOrgUnit(actor: Actor, input: OrgUnitIdInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const unit = await findUnit(tx, input.orgUnitId);
    if (!unit.archivedAt) throw new ConflictError(`${unit.name} is not archived.`);
    if (unit.parentId) {
      const parent = await tx.orgUnit.findUnique({
        where: { id: unit.parentId },
        select: { name: true, archivedAt: true },
      });
      if (parent?.archivedAt) {
        throw new ConflictError(
          `${unit.name} is inside ${parent.name}, which is archived. Unarchive ${parent.name} first, or move ${unit.name}.`,
        );
      }
    }
    await tx.orgUnit.update({ where: { id: unit.id }, data: { archivedAt: null } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.unarchived",
      entityType: "org_unit",
      entityId: unit.id,
      before: { archivedAt: unit.archivedAt.toISOString() },
      after: { archivedAt: null },
    });
  });
}

export async function createTeam(
  actor: Actor,
  input: CreateTeamInput,
): Promise<{ id: string; slug: string }> {
  authorizeOrganisation(actor, "org:manage");
  // As for units: a slug taken meanwhile by a write outside the org lock is answered as the name taken.
  return retryAfterUniqueViolation(
    () => insertTeam(actor, input),
    () => fieldConflict("name", `A team named ${input.name} already exists.`),
  );
}

async function insertTeam(actor: Actor, input: CreateTeamInput): Promise<{ id: string; slug: string }> {
  return db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    await assertTeamNameFree(tx, input.name);
    const unit = await activeUnitFor(tx, input.orgUnitId, "orgUnitId");
    const taken = await tx.team.findMany({
      where: { slug: { startsWith: slugify(input.name, "team") } },
      select: { slug: true },
    });
    const slug = uniqueSlug(input.name, new Set(taken.map((team) => team.slug)), "team");
    const team = await tx.team.create({
      data: { name: input.name, slug, orgUnitId: unit.id },
      select: { id: true, slug: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.created",
      entityType: "team",
      entityId: team.id,
      teamId: team.id,
      after: { name: input.name, slug, orgUnitId: unit.id, orgUnit: unit.name },
    });
    return team;
  });
}

/** Renames a team; its slug stays, so links to it keep working. */
export async function renameTeam(actor: Actor, input: RenameTeamInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const team = await findTeam(tx, input.teamId);
    if (team.name === input.name) return;
    await assertTeamNameFree(tx, input.name, team.id);
    await tx.team.update({ where: { id: team.id }, data: { name: input.name } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.renamed",
      entityType: "team",
      entityId: team.id,
      teamId: team.id,
      before: { name: team.name },
      after: { name: input.name },
    });
  });
}

export async function moveTeam(actor: Actor, input: MoveTeamInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const team = await findTeam(tx, input.teamId);
    if (team.orgUnitId === input.orgUnitId) return;
    const unit = await activeUnitFor(tx, input.orgUnitId, "orgUnitId");
    await tx.team.update({ where: { id: team.id }, data: { orgUnitId: unit.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.moved",
      entityType: "team",
      entityId: team.id,
      teamId: team.id,
      before: { orgUnitId: team.orgUnitId, orgUnit: team.orgUnit.name },
      after: { orgUnitId: unit.id, orgUnit: unit.name },
    });
  });
}

/** Archives a team: it leaves the heatmap and new cycles; its history and roles stay. */
export async function archiveTeam(actor: Actor, input: TeamIdInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const team = await findTeam(tx, input.teamId);
    if (team.archivedAt) throw new ConflictError(`${team.name} is already archived.`);
    const archivedAt = new Date();
    await tx.team.update({ where: { id: team.id }, data: { archivedAt } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.archived",
      entityType: "team",
      entityId: team.id,
      teamId: team.id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
    });
  });
}

export async function unarchiveTeam(actor: Actor, input: TeamIdInput): Promise<void> {
  authorizeOrganisation(actor, "org:manage");
  await db.$transaction(async (tx) => {
    await serialiseOrgChanges(tx);
    const team = await findTeam(tx, input.teamId);
    if (!team.archivedAt) throw new ConflictError(`${team.name} is not archived.`);
    const unit = await tx.orgUnit.findUnique({ where: { id: team.orgUnitId }, select: { archivedAt: true } });
    if (unit?.archivedAt) {
      throw new ConflictError(
        `${team.name} belongs to ${team.orgUnit.name}, which is archived. Unarchive ${team.orgUnit.name} first, or move the team.`,
      );
    }
    await tx.team.update({ where: { id: team.id }, data: { archivedAt: null } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.unarchived",
      entityType: "team",
      entityId: team.id,
      teamId: team.id,
      before: { archivedAt: team.archivedAt.toISOString() },
      after: { archivedAt: null },
    });
  });
}
