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
import { withStoredResults } from "../assessments/with-stored-results";
import { teamsOfCycleWhere } from "../dashboards/access";
import { assessmentRowSelect, readLastResults } from "../dashboards/cycles";
import { db } from "../db";
import { orgTimeZone } from "../org-calendar";
import type { OrganisationOverview, OverviewLinks } from "@/contracts/overview/views";

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
  };
}

/** Active teams without results in the cycle whose last earlier result had a Critical pitfall. */
async function readEarlierCriticalTeams(cycle: {
  id: string;
  year: number;
  quarter: number;
  closesOn: Date;
}) {
  const teamsWhere = { archivedAt: null, ...teamsOfCycleWhere(cycle) };
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
 * Organisation-wide counts for the home page. The counts carry no team names or results, so they
 * are shown to anyone signed in; the count of Critical teams and the links into the organisation
 * views only to those who may read the whole organisation (heads of engineering, administrators),
 * since the views behind them would show a coach only their own units.
 */
export async function getOrganisationOverview(actor: Actor): Promise<OrganisationOverview> {
  const seesOrganisation = can(actor, "organisation:read", { type: "organisation" });
  const [orgUnitCount, teamCount, cycle] = await Promise.all([
    db.orgUnit.count({ where: { archivedAt: null } }),
    db.team.count({ where: { archivedAt: null } }),
    db.cycle.findFirst({
      where: { status: { in: ["open", "closed"] } },
      orderBy: [{ status: "desc" }, { year: "desc" }, { quarter: "desc" }],
      select: { id: true, name: true, status: true, closesOn: true, year: true, quarter: true },
    }),
  ]);
  const links = seesOrganisation ? overviewLinks(cycle) : null;
  const timeZone = orgTimeZone();
  if (!cycle)
    return {
      orgUnitCount,
      teamCount,
      currentCycle: null,
      criticalTeams: null,
      earlierCriticalTeams: null,
      links,
      timeZone,
    };

  const [byStatus, criticalTeams, earlierCritical, cycleTeamCount, closing] = await Promise.all([
    db.assessment.groupBy({
      by: ["status"],
      where: { cycleId: cycle.id, team: { archivedAt: null } },
      _count: { _all: true },
    }),
    seesOrganisation
      ? db.assessment.count({
          where: {
            cycleId: cycle.id,
            ...withStoredResults,
            team: { archivedAt: null },
            results: { some: { status: "scored", band: "critical" } },
          },
        })
      : null,
    seesOrganisation ? readEarlierCriticalTeams(cycle) : null,
    // A team added after the cycle was due is not one of its teams (see teamsOfCycleWhere).
    db.team.count({ where: { archivedAt: null, ...teamsOfCycleWhere(cycle) } }),
    // Closing is recorded only as its audit event; cycles closed before that was kept have none.
    cycle.status === "closed"
      ? db.auditEvent.findFirst({
          where: { entityType: "cycle", entityId: cycle.id, action: "cycle.closed" },
          orderBy: { at: "desc" },
          select: { at: true },
        })
      : null,
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const draft = count("draft");
  const reopened = count("reopened");
  const submitted = count("submitted");
  return {
    orgUnitCount,
    teamCount,
    criticalTeams,
    earlierCriticalTeams: earlierCritical,
    links,
    timeZone,
    currentCycle: {
      name: cycle.name,
      status: cycle.status,
      closesOn: cycle.closesOn,
      closedAt: closing?.at ?? null,
      draft,
      reopened,
      submitted,
      notStarted: Math.max(0, cycleTeamCount - draft - reopened - submitted),
    },
  };
}
