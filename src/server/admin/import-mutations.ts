import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/domain/access/policy";
import { ROLE_LABELS, roleScopeKey } from "@/domain/access/policy";
import {
  checkImportUpload,
  decodeImportText,
  readImportRecords,
  type ImportIssue,
  type ImportOutcome,
  type ImportRecord,
} from "@/domain/import/organisation-csv";
import {
  planOrganisationImport,
  type ExistingOrganisation,
  type ImportTarget,
  type OrganisationImportPlan,
  type PlannedRole,
} from "@/domain/import/plan-organisation-import";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { retryAfterUniqueViolation } from "../db-errors";
import { ConflictError, ExpectedError } from "../errors";
import { serialiseOrgChanges } from "./org-lock";
import type { ImportPreviewDto, ImportCounts } from "@/contracts/admin/views";

type Transaction = Prisma.TransactionClient;

export interface UploadedImportFile {
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** Raised when the file is not valid at import time; `details.issues` lists every problem. */
export class ImportRejectedError extends ExpectedError {
  constructor(issues: ImportIssue[]) {
    super(
      "validation",
      `The file has ${issues.length} problem${issues.length === 1 ? "" : "s"}, so nothing was imported. Fix ${issues.length === 1 ? "it" : "them"} and upload the file again.`,
      {},
      { issues },
    );
  }
}

function authorizeImport(actor: Actor) {
  // An import creates org units, teams and people at once, so it needs both rights.
  authorizeOrganisation(actor, "org:manage");
  authorizeOrganisation(actor, "people:manage");
}

function readRecords(file: UploadedImportFile): ImportOutcome<ImportRecord[]> {
  const upload = checkImportUpload(file);
  if (!upload.ok) return upload;
  const text = decodeImportText(file.bytes);
  if (!text.ok) return text;
  return readImportRecords(text.value);
}

async function snapshot(client: Transaction): Promise<ExistingOrganisation> {
  const [orgUnits, teams, users] = await Promise.all([
    client.orgUnit.findMany({ select: { id: true, name: true, slug: true, archivedAt: true } }),
    client.team.findMany({ select: { id: true, name: true, slug: true, orgUnitId: true, archivedAt: true } }),
    client.user.findMany({ select: { email: true } }),
  ]);
  return {
    orgUnits: orgUnits.map(({ archivedAt, ...unit }) => ({ ...unit, archived: Boolean(archivedAt) })),
    teams: teams.map(({ archivedAt, ...team }) => ({ ...team, archived: Boolean(archivedAt) })),
    emails: users.map((user) => user.email),
  };
}

function countsOf(plan: OrganisationImportPlan): ImportCounts {
  return {
    orgUnits: plan.orgUnits.length,
    teams: plan.teams.length,
    people: plan.people.length,
    roles: plan.people.reduce((sum, person) => sum + person.roles.length, 0),
  };
}

function targetLabel(target: ImportTarget): string {
  return target.kind === "new" ? `${target.name} (new)` : target.name;
}

function roleLabel(role: PlannedRole): string {
  const scope = role.team ?? role.orgUnit;
  return scope ? `${ROLE_LABELS[role.role]} of ${targetLabel(scope)}` : ROLE_LABELS[role.role];
}

/** Reads and checks an upload and lists what importing it would create. Writes nothing. */
export async function previewOrganisationImport(
  actor: Actor,
  file: UploadedImportFile,
): Promise<ImportPreviewDto> {
  authorizeImport(actor);
  const empty: ImportCounts = { orgUnits: 0, teams: 0, people: 0, roles: 0 };
  const records = readRecords(file);
  if (!records.ok)
    return {
      fileName: file.name,
      issues: records.issues,
      orgUnits: [],
      teams: [],
      people: [],
      counts: empty,
    };
  const plan = planOrganisationImport(records.value, await snapshot(db));
  return {
    fileName: file.name,
    issues: plan.issues,
    orgUnits: plan.orgUnits.map((unit) => ({
      line: unit.line,
      name: unit.name,
      slug: unit.slug,
      parent: unit.parent ? targetLabel(unit.parent) : null,
    })),
    teams: plan.teams.map((team) => ({
      line: team.line,
      name: team.name,
      slug: team.slug,
      orgUnit: targetLabel(team.orgUnit),
    })),
    people: plan.people.map((person) => ({
      line: person.line,
      name: person.name,
      email: person.email,
      roles: person.roles.map(roleLabel),
    })),
    counts: countsOf(plan),
  };
}

/**
 * Imports the file in one transaction: it is checked again against the organisation as it is at
 * that moment, and nothing at all is written unless every row is valid.
 */
export async function importOrganisation(actor: Actor, file: UploadedImportFile): Promise<ImportCounts> {
  authorizeImport(actor);
  const records = readRecords(file);
  if (!records.ok) throw new ImportRejectedError(records.issues);
  const importFile = () =>
    db.$transaction(
      async (tx) => {
        // One organisation change at a time (org-lock.ts): the file is checked against the
        // organisation as the change before it left it.
        await serialiseOrgChanges(tx);
        const plan = planOrganisationImport(records.value, await snapshot(tx));
        if (plan.issues.length) throw new ImportRejectedError(plan.issues);
        await writePlan(tx, actor, plan);
        const counts = countsOf(plan);
        await writeAudit(tx, {
          actorId: actor.id,
          action: "import.completed",
          entityType: "import",
          entityId: randomUUID(),
          after: { fileName: file.name, ...counts },
        });
        return counts;
      },
      // Thousands of rows take longer than the default interactive-transaction limit of 5 s.
      { timeout: 120_000, maxWait: 10_000 },
    );
  // A unit, team or person the file creates was created meanwhile by a write outside the org lock
  // (adding a person, say): checked again, the file is refused with that row's problem.
  return retryAfterUniqueViolation(
    importFile,
    () =>
      new ConflictError(
        "The organisation changed while the file was being imported, so nothing was imported. Upload the file again to check it against the organisation as it is now.",
      ),
  );
}

async function writePlan(tx: Transaction, actor: Actor, plan: OrganisationImportPlan) {
  const unitIds = new Map<number, string>();
  const teamIds = new Map<number, string>();
  const unitId = (target: ImportTarget) =>
    target.kind === "existing" ? target.id : unitIds.get(target.line)!;
  const teamId = (target: ImportTarget) =>
    target.kind === "existing" ? target.id : teamIds.get(target.line)!;

  for (const unit of plan.orgUnits) {
    const parentId = unit.parent ? unitId(unit.parent) : null;
    const created = await tx.orgUnit.create({
      data: { name: unit.name, slug: unit.slug, parentId },
      select: { id: true },
    });
    unitIds.set(unit.line, created.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "org_unit.created",
      entityType: "org_unit",
      entityId: created.id,
      after: {
        name: unit.name,
        slug: unit.slug,
        parentId,
        parent: unit.parent?.name ?? null,
        source: "import",
      },
    });
  }

  for (const team of plan.teams) {
    const orgUnitId = unitId(team.orgUnit);
    const created = await tx.team.create({
      data: { name: team.name, slug: team.slug, orgUnitId },
      select: { id: true },
    });
    teamIds.set(team.line, created.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "team.created",
      entityType: "team",
      entityId: created.id,
      teamId: created.id,
      after: { name: team.name, slug: team.slug, orgUnitId, orgUnit: team.orgUnit.name, source: "import" },
    });
  }

  for (const person of plan.people) {
    const userId = randomUUID();
    // No password: an admin sets one on the person's page (imports never carry passwords).
    await tx.user.create({
      data: { id: userId, name: person.name, email: person.email, emailVerified: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "person.created",
      entityType: "user",
      entityId: userId,
      after: { name: person.name, email: person.email, source: "import" },
    });
    for (const role of person.roles) {
      const grant = {
        role: role.role,
        teamId: role.team ? teamId(role.team) : null,
        orgUnitId: role.orgUnit ? unitId(role.orgUnit) : null,
      };
      await tx.roleAssignment.create({ data: { userId, ...grant, scopeKey: roleScopeKey(grant) } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "role.granted",
        entityType: "user",
        entityId: userId,
        teamId: grant.teamId,
        after: { ...grant, scope: (role.team ?? role.orgUnit)?.name ?? null, source: "import" },
      });
    }
  }
}
