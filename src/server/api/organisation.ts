import "server-only";
import { readsWholeOrganisation, type Actor } from "@/domain/access/policy";
import { decodeCycleStatus } from "@/domain/assessments/statuses";
import { cycleKey } from "@/domain/cycles/cycle-ref";
import { isoDay } from "@/domain/format";
import type { ApiCycle, ApiOrgUnit, ApiPage, ApiTeam, PageQuery } from "@/contracts/api/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeTeamBySlug, readableTeamsWhere } from "../auth/authorize";
import { db } from "../db";
import { cursorKey, pageOfList, pageOfRows } from "./pagination";

const teamColumns = {
  id: true,
  slug: true,
  name: true,
  archivedAt: true,
  orgUnit: { select: { slug: true, name: true } },
} as const;

function toApiTeam(team: {
  id: string;
  slug: string;
  name: string;
  archivedAt: Date | null;
  orgUnit: { slug: string; name: string };
}): ApiTeam {
  return {
    id: team.id,
    slug: team.slug,
    name: team.name,
    orgUnit: { slug: team.orgUnit.slug, name: team.orgUnit.name },
    archived: team.archivedAt !== null,
  };
}

/** The teams the actor may read (the data layer's own filter), by slug, one page at a time. */
export async function listApiTeams(actor: Actor, query: PageQuery): Promise<ApiPage<ApiTeam>> {
  const after = cursorKey("teams", query);
  const rows = await db.team.findMany({
    where: { AND: [readableTeamsWhere(actor), after ? { slug: { gt: after } } : {}] },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: teamColumns,
  });
  return pageOfRows("teams", rows, query, (row) => row.slug, toApiTeam);
}

/** One team, when the actor may read it (else not found, as on its page). */
export async function getApiTeam(actor: Actor, slug: string): Promise<ApiTeam> {
  const team = await authorizeTeamBySlug(actor, "team:read", slug);
  return toApiTeam(await db.team.findUniqueOrThrow({ where: { id: team.id }, select: teamColumns }));
}

/**
 * Org units the actor may read: every unit for the organisation-wide roles; for others the units
 * they coach (with those inside them) and the units of the teams they may read.
 */
function readableOrgUnitsWhere(actor: Actor): Prisma.OrgUnitWhereInput {
  if (readsWholeOrganisation(actor)) return {};
  return { OR: [{ id: { in: [...actor.coachOrgUnitIds] } }, { teams: { some: readableTeamsWhere(actor) } }] };
}

export async function listApiOrgUnits(actor: Actor, query: PageQuery): Promise<ApiPage<ApiOrgUnit>> {
  const after = cursorKey("org-units", query);
  const rows = await db.orgUnit.findMany({
    where: { AND: [readableOrgUnitsWhere(actor), after ? { slug: { gt: after } } : {}] },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: { id: true, slug: true, name: true, archivedAt: true, parent: { select: { slug: true } } },
  });
  return pageOfRows(
    "org-units",
    rows,
    query,
    (row) => row.slug,
    (row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      parentSlug: row.parent?.slug ?? null,
      archived: row.archivedAt !== null,
    }),
  );
}

/** Every cycle, newest first: organisation-wide facts every person with a role sees on their pages. */
export async function listApiCycles(query: PageQuery): Promise<ApiPage<ApiCycle>> {
  const rows = await db.cycle.findMany({
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { name: true, year: true, quarter: true, status: true, opensOn: true, closesOn: true },
  });
  const cycles: ApiCycle[] = rows.map((row) => ({
    key: cycleKey(row),
    name: row.name,
    year: row.year,
    quarter: row.quarter,
    status: decodeCycleStatus(row.status) ?? "planned",
    opensOn: isoDay(row.opensOn),
    dueOn: isoDay(row.closesOn),
  }));
  return pageOfList("cycles", cycles, query, (cycle) => cycle.key);
}
