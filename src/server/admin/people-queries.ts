import "server-only";
import { decodeRole, ROLE_LABELS, ROLES, type Actor, type Role } from "@/domain/access/policy";
import { unitPath } from "@/domain/org/org-tree";
import { PAGE_SIZE, type PeopleFilter } from "@/contracts/admin/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { usersContaining } from "./text-search";
import type {
  PersonRoleDto,
  PeoplePageDto,
  PersonDetailDto,
  RoleScopeOptions,
} from "@/contracts/admin/views";
import { orgTimeZone } from "../org-calendar";

const roleSelect = {
  id: true,
  role: true,
  teamId: true,
  orgUnitId: true,
  team: { select: { name: true, archivedAt: true } },
  orgUnit: { select: { name: true, archivedAt: true } },
} satisfies Prisma.RoleAssignmentSelect;

type RoleRow = Prisma.RoleAssignmentGetPayload<{ select: typeof roleSelect }>;

export function describeRole(role: Role, scopeName: string | null): string {
  if (!scopeName) return ROLE_LABELS[role];
  return `${ROLE_LABELS[role]} of ${scopeName}`;
}

function toRoleDtos(rows: readonly RoleRow[]): PersonRoleDto[] {
  return rows
    .flatMap((row) => {
      const role = decodeRole(row.role);
      if (!role) return [];
      const scope = row.team ?? row.orgUnit;
      return [
        {
          id: row.id,
          role,
          label: describeRole(role, scope?.name ?? null),
          teamId: row.teamId,
          orgUnitId: row.orgUnitId,
          scopeArchived: Boolean(scope?.archivedAt),
        },
      ];
    })
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.label.localeCompare(b.label));
}

/** People matching the filters, by name, 50 a page. */
export async function listPeople(actor: Actor, filter: PeopleFilter): Promise<PeoplePageDto> {
  authorizeOrganisation(actor, "people:manage");
  const where: Prisma.UserWhereInput = {
    ...(filter.q ? await usersContaining(filter.q, ["name", "email"]) : {}),
    ...(filter.role ? { roles: { some: { role: filter.role } } } : {}),
    ...(filter.status === "active" ? { deactivatedAt: null } : {}),
    ...(filter.status === "deactivated" ? { deactivatedAt: { not: null } } : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { id: true, name: true, email: true, deactivatedAt: true, roles: { select: roleSelect } },
  });
  return {
    timeZone: orgTimeZone(),
    people: users.map((user) => ({ ...user, roles: toRoleDtos(user.roles) })),
    total,
    page,
    pageCount,
  };
}

export async function getPersonForAdmin(actor: Actor, userId: string): Promise<PersonDetailDto> {
  authorizeOrganisation(actor, "people:manage");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      deactivatedAt: true,
      roles: { select: roleSelect },
      accounts: { where: { providerId: "credential" }, select: { password: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) throw new NotFoundError("There is no such person.");
  return {
    timeZone: orgTimeZone(),
    id: user.id,
    name: user.name,
    email: user.email,
    createdAt: user.createdAt,
    deactivatedAt: user.deactivatedAt,
    roles: toRoleDtos(user.roles),
    hasPassword: user.accounts.some((account) => Boolean(account.password)),
    activeSessions: user._count.sessions,
    isYou: user.id === actor.id,
  };
}

/** Active org units (with their path) and active teams grouped by unit, for role and team pickers. */
export async function listRoleScopeOptions(actor: Actor): Promise<RoleScopeOptions> {
  authorizeOrganisation(actor, "people:manage");
  const [units, teams] = await Promise.all([
    db.orgUnit.findMany({ select: { id: true, name: true, parentId: true, archivedAt: true } }),
    db.team.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, orgUnitId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  const orgUnits = units
    .filter((unit) => !unit.archivedAt)
    .map((unit) => ({ id: unit.id, label: unitPath(unitsById, unit.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const teamGroups = orgUnits
    .map((unit) => ({
      orgUnit: unit.label,
      teams: teams
        .filter((team) => team.orgUnitId === unit.id)
        .map((team) => ({ id: team.id, label: team.name })),
    }))
    .filter((group) => group.teams.length > 0);
  return { orgUnits, teamGroups };
}
