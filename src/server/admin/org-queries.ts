import "server-only";
import type { Actor } from "@/domain/access/policy";
import { buildTree, descendantIds, unitPath } from "@/domain/org/org-tree";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type {
  OrgUnitSummaryDto,
  UnitOptionDto,
  OrgStructureDto,
  OrgUnitDetailDto,
  TeamDetailDto,
} from "@/contracts/admin/views";

async function loadUnitSummaries(): Promise<OrgUnitSummaryDto[]> {
  const [units, teamCounts] = await Promise.all([
    db.orgUnit.findMany({ select: { id: true, name: true, slug: true, parentId: true, archivedAt: true } }),
    db.team.groupBy({ by: ["orgUnitId", "archivedAt"], _count: { _all: true } }),
  ]);
  return units.map((unit) => {
    const counts = teamCounts.filter((row) => row.orgUnitId === unit.id);
    return {
      id: unit.id,
      name: unit.name,
      slug: unit.slug,
      parentId: unit.parentId,
      archived: Boolean(unit.archivedAt),
      activeTeams: counts.filter((row) => !row.archivedAt).reduce((sum, row) => sum + row._count._all, 0),
      archivedTeams: counts.filter((row) => row.archivedAt).reduce((sum, row) => sum + row._count._all, 0),
    };
  });
}

function activeUnitOptions(
  units: readonly OrgUnitSummaryDto[],
  exclude: ReadonlySet<string> = new Set(),
): UnitOptionDto[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return units
    .filter((unit) => !unit.archived && !exclude.has(unit.id))
    .map((unit) => ({ id: unit.id, label: unitPath(byId, unit.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Every org unit as a tree, with team counts, and the units new units or teams can go in. */
export async function getOrgStructure(actor: Actor): Promise<OrgStructureDto> {
  authorizeOrganisation(actor, "org:manage");
  const units = await loadUnitSummaries();
  return { tree: buildTree(units), unitOptions: activeUnitOptions(units), unitCount: units.length };
}

export async function getOrgUnitForAdmin(actor: Actor, orgUnitId: string): Promise<OrgUnitDetailDto> {
  authorizeOrganisation(actor, "org:manage");
  const units = await loadUnitSummaries();
  const unit = units.find((candidate) => candidate.id === orgUnitId);
  if (!unit) throw new NotFoundError("There is no such org unit.");
  const byId = new Map(units.map((candidate) => [candidate.id, candidate]));
  const teams = await db.team.findMany({
    where: { orgUnitId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, archivedAt: true, _count: { select: { roles: true } } },
  });
  const subtree = descendantIds(units, unit.id).add(unit.id);
  return {
    unit: {
      ...unit,
      path: unitPath(byId, unit.id),
      parentName: unit.parentId ? (byId.get(unit.parentId)?.name ?? null) : null,
    },
    children: units
      .filter((candidate) => candidate.parentId === unit.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((child) => ({ id: child.id, name: child.name, archived: child.archived })),
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      slug: team.slug,
      archived: Boolean(team.archivedAt),
      people: team._count.roles,
    })),
    parentOptions: activeUnitOptions(units, subtree),
  };
}

export async function getTeamForAdmin(actor: Actor, teamId: string): Promise<TeamDetailDto> {
  authorizeOrganisation(actor, "org:manage");
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      slug: true,
      archivedAt: true,
      orgUnitId: true,
      roles: {
        select: { role: true, user: { select: { id: true, name: true, email: true, deactivatedAt: true } } },
        orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      },
    },
  });
  if (!team) throw new NotFoundError("There is no such team.");
  const units = await loadUnitSummaries();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return {
    team: {
      id: team.id,
      name: team.name,
      slug: team.slug,
      archived: Boolean(team.archivedAt),
      orgUnitId: team.orgUnitId,
      orgUnitPath: unitPath(byId, team.orgUnitId),
      orgUnitArchived: Boolean(byId.get(team.orgUnitId)?.archived),
    },
    people: team.roles.map((grant) => ({
      userId: grant.user.id,
      name: grant.user.name,
      email: grant.user.email,
      role: grant.role,
      deactivated: Boolean(grant.user.deactivatedAt),
    })),
    unitOptions: activeUnitOptions(units),
  };
}
