import "server-only";
import { db } from "../db";
import type { OrganisationOverview } from "@/contracts/overview/views";

/**
 * Organisation-wide counts for the home page. Only aggregates are returned: no team names or
 * results, so it is safe to show to anyone signed in.
 */
export async function getOrganisationOverview(): Promise<OrganisationOverview> {
  const [orgUnitCount, teamCount, cycle] = await Promise.all([
    db.orgUnit.count({ where: { archivedAt: null } }),
    db.team.count({ where: { archivedAt: null } }),
    db.cycle.findFirst({
      where: { status: { in: ["open", "closed"] } },
      orderBy: [{ status: "desc" }, { year: "desc" }, { quarter: "desc" }],
      select: { id: true, name: true, status: true, closesOn: true },
    }),
  ]);
  if (!cycle) return { orgUnitCount, teamCount, currentCycle: null };

  const byStatus = await db.assessment.groupBy({
    by: ["status"],
    where: { cycleId: cycle.id, team: { archivedAt: null } },
    _count: { _all: true },
  });
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const draft = count("draft") + count("reopened");
  const submitted = count("submitted");
  return {
    orgUnitCount,
    teamCount,
    currentCycle: {
      name: cycle.name,
      status: cycle.status,
      closesOn: cycle.closesOn,
      draft,
      submitted,
      notStarted: Math.max(0, teamCount - draft - submitted),
    },
  };
}
