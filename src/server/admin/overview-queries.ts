import "server-only";
import type { Actor } from "@/domain/access/policy";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";

export interface AdminOverviewDto {
  people: number;
  orgUnits: number;
  teams: number;
}

export async function getAdminOverview(actor: Actor): Promise<AdminOverviewDto> {
  authorizeOrganisation(actor, "people:manage");
  const [people, orgUnits, teams] = await Promise.all([
    db.user.count({ where: { deactivatedAt: null } }),
    db.orgUnit.count({ where: { archivedAt: null } }),
    db.team.count({ where: { archivedAt: null } }),
  ]);
  return { people, orgUnits, teams };
}
