import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { cycleKey } from "@/domain/cycles/cycle-ref";
import {
  DEFAULT_SORT,
  defaultDirection,
  heatmapSearch,
  type HeatmapQuery,
} from "@/domain/dashboards/heatmap";
import { earlierCriticalTeams } from "@/domain/dashboards/last-results";
import { daysUntil } from "@/domain/notifications/schedule";
import type { Prisma } from "@/generated/prisma/client";
import { withStoredResults } from "../assessments/with-stored-results";
import {
  dashboardTeamsWhere,
  orgDashboardScope,
  readableOrgUnits,
  teamsOfCycleWhere,
} from "../dashboards/access";
import { assessmentRowSelect, readLastResults } from "../dashboards/cycles";
import { db } from "../db";
import { orgTimeZone, orgWallClock } from "../org-calendar";
import type { OrganisationOverview, OverviewLinks, OverviewScope } from "@/contracts/overview/views";

function overviewLinks(cycle: { year: number; quarter: number } | null): OverviewLinks {
  const heatmap = (filters: Partial<HeatmapQuery>) =>
    `/org${heatmapSearch({
      cycle: cycle ? cycleKey(cycle) : undefined,
      unit: undefined,
      band: "any",
      completion: "any",
      sort: DEFAULT_SORT,
      dir: defaultDirection(DEFAULT_SORT),
      ...filters,
    })}`;
  return {
    rollups: "/org/rollups",
    heatmap: heatmap({}),
    priorities: cycle ? `/org/priorities?cycle=${cycleKey(cycle)}` : "/org/priorities",
    submitted: heatmap({ completion: "submitted" }),
    draft: heatmap({ completion: "draft" }),
    reopened: heatmap({ completion: "reopened" }),
    notStarted: heatmap({ completion: "not-started" }),
    critical: heatmap({ band: "critical" }),
    earlierCritical: `${cycle ? `/org/priorities?cycle=${cycleKey(cycle)}` : "/org/priorities"}#earlier-critical-heading`,
    changes: `${cycle ? `/org/priorities?cycle=${cycleKey(cycle)}` : "/org/priorities"}#changes-heading`,
  };
}

/** Active teams of `teamsWhere` without results in the cycle whose last earlier result had a Critical pitfall. */
async function readEarlierCriticalTeams(
  scopedTeams: Prisma.TeamWhereInput,
  cycle: { id: string; year: number; quarter: number; closesOn: Date },
) {
  const teamsWhere = { AND: [scopedTeams, teamsOfCycleWhere(cycle)] };
  const [teams, current] = await Promise.all([
    db.team.findMany({ where: teamsWhere, select: { id: true } }),
    db.assessment.findMany({
      where: { cycleId: cycle.id, team: teamsWhere },
      select: assessmentRowSelect,
    }),
  ]);
  const last = await readLastResults(
    teamsWhere,
    cycle,
    current,
    teams.map((team) => team.id),
  );
  return earlierCriticalTeams(last.lastResults, last.results).map(({ cycleName }) => ({ cycleName }));
}

/**
 * What the home page's figures cover, and who may follow them into the organisation views. Heads
 * of engineering and admins: the whole organisation. Coaches: the teams they may read, the units
 * they coach (as on their own heatmap), so the first screen agrees with every other one they use.
 * Anyone else sees plain counts of the whole organisation: they carry no team names or results,
 * and there is no organisation view behind them for that person to open.
 */
async function overviewScope(actor: Actor): Promise<{
  scope: OverviewScope;
  teamsWhere: Prisma.TeamWhereInput;
  unitCount: () => Promise<number>;
  linked: boolean;
}> {
  const dashboards = orgDashboardScope(actor);
  if (dashboards?.kind === "org-units") {
    const units = await readableOrgUnits(actor);
    return {
      scope: { kind: "your-units", unitNames: units.map((unit) => unit.name) },
      teamsWhere: dashboardTeamsWhere(actor),
      unitCount: async () => units.length,
      linked: true,
    };
  }
  return {
    scope: { kind: "organisation" },
    teamsWhere: { archivedAt: null },
    unitCount: () => db.orgUnit.count({ where: { archivedAt: null } }),
    linked: dashboards?.kind === "organisation",
  };
}

/**
 * The home page's counts: org units, teams and the current cycle's completion, over the teams the
 * viewer's scope covers (see overviewScope). Those who may open the organisation views (heads of
 * engineering, admins, coaches) also get the count of Critical teams and links from each figure
 * to the view that lists what it counts, which shows them the same teams.
 */
export async function getOrganisationOverview(actor: Actor, now = new Date()): Promise<OrganisationOverview> {
  const { scope, teamsWhere, unitCount, linked } = await overviewScope(actor);
  const [orgUnitCount, teamCount, cycle] = await Promise.all([
    unitCount(),
    db.team.count({ where: teamsWhere }),
    db.cycle.findFirst({
      where: { status: { in: ["open", "closed"] } },
      orderBy: [{ status: "desc" }, { year: "desc" }, { quarter: "desc" }],
      select: { id: true, name: true, status: true, closesOn: true, year: true, quarter: true },
    }),
  ]);
  const links = linked ? overviewLinks(cycle) : null;
  const timeZone = orgTimeZone();
  const canManageCycles = can(actor, "cycle:manage", { type: "organisation" });
  if (!cycle)
    return {
      scope,
      orgUnitCount,
      teamCount,
      currentCycle: null,
      criticalTeams: null,
      earlierCriticalTeams: null,
      previousCycleName: null,
      links,
      canManageCycles,
      timeZone,
    };

  const [byStatus, criticalTeams, earlierCritical, cycleTeamCount, closing, previous] = await Promise.all([
    db.assessment.groupBy({
      by: ["status"],
      where: { cycleId: cycle.id, team: teamsWhere },
      _count: { _all: true },
    }),
    linked
      ? db.assessment.count({
          where: {
            cycleId: cycle.id,
            ...withStoredResults,
            team: teamsWhere,
            results: { some: { status: "scored", band: "critical" } },
          },
        })
      : null,
    linked ? readEarlierCriticalTeams(teamsWhere, cycle) : null,
    // A team added after the cycle was due is not one of its teams (see teamsOfCycleWhere).
    db.team.count({ where: { AND: [teamsWhere, teamsOfCycleWhere(cycle)] } }),
    // Closing is recorded only as its audit event; cycles closed before that was kept have none.
    cycle.status === "closed"
      ? db.auditEvent.findFirst({
          where: { entityType: "cycle", entityId: cycle.id, action: "cycle.closed" },
          orderBy: { at: "desc" },
          select: { at: true },
        })
      : null,
    // The started cycle before it: what At risk's biggest changes compare with.
    linked
      ? db.cycle.findFirst({
          where: {
            status: { in: ["open", "closed"] },
            OR: [{ year: { lt: cycle.year } }, { year: cycle.year, quarter: { lt: cycle.quarter } }],
          },
          orderBy: [{ year: "desc" }, { quarter: "desc" }],
          select: { name: true },
        })
      : null,
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const draft = count("draft");
  const reopened = count("reopened");
  const submitted = count("submitted");
  return {
    scope,
    orgUnitCount,
    teamCount,
    criticalTeams,
    earlierCriticalTeams: earlierCritical,
    previousCycleName: previous?.name ?? null,
    links,
    canManageCycles,
    timeZone,
    currentCycle: {
      name: cycle.name,
      status: cycle.status,
      closesOn: cycle.closesOn,
      daysLeft: daysUntil(orgWallClock(now), cycle.closesOn),
      closedAt: closing?.at ?? null,
      draft,
      reopened,
      submitted,
      notStarted: Math.max(0, cycleTeamCount - draft - reopened - submitted),
    },
  };
}
