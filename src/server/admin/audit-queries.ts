import "server-only";
import type { Actor } from "@/domain/access/policy";
import { PAGE_SIZE, type AuditFilter } from "@/contracts/admin/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { actionsStartingWith, usersContaining } from "./text-search";
import { countermeasureById } from "@/domain/content";
import { describeAuditEvent, isNameKind, type AuditNameLookup } from "@/domain/audit/describe-event";
import type { AuditPageDto } from "@/contracts/admin/views";
import { orgTimeZone } from "../org-calendar";
import { startOfDayIn } from "@/domain/time-zone";

const DAY_MS = 86_400_000;

/** The filter's days are days of the organisation's calendar, from its first to its last instant. */
async function whereFor(filter: AuditFilter, timeZone: string): Promise<Prisma.AuditEventWhereInput> {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = startOfDayIn(new Date(`${filter.from}T00:00:00.000Z`), timeZone);
  if (filter.to) {
    at.lt = startOfDayIn(new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS), timeZone);
  }
  return {
    ...(filter.actor ? { actor: await usersContaining(filter.actor, ["email"]) } : {}),
    ...(filter.action ? { action: await actionsStartingWith(filter.action) } : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.team ? { teamId: filter.team } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

type AuditRowRefs = {
  entityType: string;
  entityId: string;
  teamId: string | null;
  before: string | null;
  after: string | null;
};

/** Ids a sentence may name: the entity, its team, and people (plan item owners) named in the change. */
function referencedIds(rows: readonly AuditRowRefs[]) {
  const ids = (type: string) => rows.filter((row) => row.entityType === type).map((row) => row.entityId);
  const ownerIds = rows.flatMap((row) =>
    [row.before, row.after].flatMap((json) => {
      const match = json ? /"ownerId":"([^"]+)"/.exec(json) : null;
      return match ? [match[1]!] : [];
    }),
  );
  const unique = (values: string[]) => [...new Set(values)];
  return {
    users: unique([...ids("user"), ...ownerIds]),
    teams: unique([...ids("team"), ...rows.flatMap((row) => (row.teamId ? [row.teamId] : []))]),
    units: unique(ids("org_unit")),
    planItems: unique(ids("plan_item")),
    cycles: unique(ids("cycle")),
    assessments: unique(ids("assessment")),
  };
}

/**
 * Names of everything the page's events refer to, read in one round of queries. An entity that
 * was deleted is simply absent, and the sentence falls back to what the event itself kept.
 */
async function resolveNames(rows: readonly AuditRowRefs[]): Promise<AuditNameLookup> {
  const ids = referencedIds(rows);
  const [users, teams, units, planItems, cycles, assessments] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids.users } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: ids.teams } }, select: { id: true, name: true } }),
    db.orgUnit.findMany({ where: { id: { in: ids.units } }, select: { id: true, name: true } }),
    db.planItem.findMany({
      where: { id: { in: ids.planItems } },
      select: { id: true, countermeasureId: true },
    }),
    db.cycle.findMany({ where: { id: { in: ids.cycles } }, select: { id: true, name: true } }),
    db.assessment.findMany({
      where: { id: { in: ids.assessments } },
      select: { id: true, cycle: { select: { name: true } } },
    }),
  ]);
  const names = new Map<string, string>([
    ...users.map((user) => [`user:${user.id}`, user.name] as const),
    ...teams.map((team) => [`team:${team.id}`, team.name] as const),
    ...units.map((unit) => [`org_unit:${unit.id}`, unit.name] as const),
    ...planItems.map(
      (item) =>
        [
          `plan_item:${item.id}`,
          countermeasureById(item.countermeasureId)?.action ?? item.countermeasureId,
        ] as const,
    ),
    ...cycles.map((cycle) => [`cycle:${cycle.id}`, cycle.name] as const),
    ...assessments.map((assessment) => [`assessment:${assessment.id}`, assessment.cycle.name] as const),
  ]);
  return (kind, id) => names.get(`${kind}:${id}`) ?? null;
}

/** The audit log, newest first, 50 events a page, with the filters from the URL. */
export async function listAuditEvents(
  actor: Actor,
  filter: AuditFilter,
  timeZone = orgTimeZone(),
): Promise<AuditPageDto> {
  authorizeOrganisation(actor, "audit:read");
  const where = await whereFor(filter, timeZone);
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
  const nameOf = await resolveNames(rows);
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return {
    timeZone,
    events: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityName: isNameKind(row.entityType) ? nameOf(row.entityType, row.entityId) : null,
      description: describeAuditEvent({ ...row, actorName: row.actor?.name ?? null }, nameOf),
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
