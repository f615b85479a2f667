import "server-only";
import type { Actor } from "@/domain/access/policy";
import { PAGE_SIZE, type AuditFilter } from "@/contracts/admin/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { containsIgnoringCase } from "./text-search";
import type { AuditPageDto } from "@/contracts/admin/views";

const DAY_MS = 86_400_000;

function whereFor(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS);
  return {
    ...(filter.actor ? { actor: { email: containsIgnoringCase(filter.actor) } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.team ? { teamId: filter.team } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

async function entityNames(
  events: readonly { entityType: string; entityId: string }[],
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId)),
  ];
  const [users, teams, units] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: idsOf("team") } }, select: { id: true, name: true } }),
    db.orgUnit.findMany({ where: { id: { in: idsOf("org_unit") } }, select: { id: true, name: true } }),
  ]);
  return new Map([
    ...users.map((user) => [`user:${user.id}`, user.name] as const),
    ...teams.map((team) => [`team:${team.id}`, team.name] as const),
    ...units.map((unit) => [`org_unit:${unit.id}`, unit.name] as const),
  ]);
}

/** The audit log, newest first, 50 events a page, with the filters from the URL. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter): Promise<AuditPageDto> {
  authorizeOrganisation(actor, "audit:read");
  const where = whereFor(filter);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const [rows, entityTypeRows, teams] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        entityType: true,
        entityId: true,
        teamId: true,
        before: true,
        after: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    db.auditEvent.findMany({
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const names = await entityNames(rows);
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return {
    events: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityName: names.get(`${row.entityType}:${row.entityId}`) ?? null,
      actor: row.actor,
      team: row.teamId ? { id: row.teamId, name: teamNames.get(row.teamId) ?? "(deleted team)" } : null,
      before: row.before,
      after: row.after,
    })),
    total,
    page,
    pageCount,
    entityTypes: entityTypeRows.map((row) => row.entityType),
    teams,
  };
}
