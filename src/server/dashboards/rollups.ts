import "server-only";
import type { Actor } from "@/domain/access/policy";
import { content } from "@/domain/content";
import { compareCycles } from "@/domain/cycles/cycle-ref";
import { toCycleOption } from "@/domain/dashboards/cycles";
import { buildRollups, historyPoints, unitTreeRollup } from "@/domain/dashboards/rollups";
import { historyMethodNote, methodChangeBetween } from "@/domain/dashboards/trend";
import { hasStoredResults } from "@/domain/dashboards/stored-rows";
import { withStoredResults } from "../assessments/with-stored-results";
import { db } from "../db";
import { dashboardTeamsWhere } from "./access";
import { loadOrgDashboardFilters, readCycleRows } from "./cycles";
import type { OrgRollupsView } from "@/contracts/dashboards/views";

/** How many quarters of history the trends show: two years is enough to see a direction. */
export const ROLLUP_HISTORY_CYCLES = 8;

/**
 * Roll-ups per org unit and per pitfall for a cycle, the change since the cycle before, and the
 * trend over up to eight quarters for the organisation or one unit.
 *
 * The selected and previous cycles are read as scalar rows (as the heatmap reads them). The
 * trend reads per-cycle counts and sums that the database aggregates, so thousands of result rows
 * never cross into the app just to be added up.
 */
export async function getOrgRollups(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<OrgRollupsView> {
  const {
    cycles,
    units,
    cycle,
    before,
    unit: focusUnit,
    common,
  } = await loadOrgDashboardFilters(actor, searchParams);
  const base = {
    ...common,
    focusUnit: focusUnit ? { slug: focusUnit.slug, name: focusUnit.name } : null,
    pitfalls: content.pitfalls.map((pitfall) => ({ id: pitfall.id, name: pitfall.name })),
  };
  if (!cycle)
    return {
      ...base,
      history: [],
      rollups: null,
      focusRollup: null,
      trend: null,
      methodChange: null,
      historyMethodNote: null,
    };

  const upToSelected = cycles.filter((candidate) => compareCycles(candidate, cycle) <= 0);
  const history = upToSelected.slice(-ROLLUP_HISTORY_CYCLES);
  const teamsWhere = dashboardTeamsWhere(actor);
  // A unit's trend takes its sub-units' teams too, as its plan does.
  const focusTeamsWhere = dashboardTeamsWhere(actor, focusUnit?.coveredIds);
  const cycleIds = before ? [cycle.id, before.id] : [cycle.id];
  const [{ teams, assessments, results }, methodsByCycle, ...aggregates] = await Promise.all([
    readCycleRows(teamsWhere, cycleIds, cycle),
    db.assessment.groupBy({
      by: ["cycleId", "scoringMethodVersion"],
      where: {
        cycleId: { in: history.map((entry) => entry.id) },
        ...withStoredResults,
        team: focusTeamsWhere,
      },
      _count: { _all: true },
    }),
    ...history.map((entry) =>
      db.pitfallResult.groupBy({
        by: ["pitfallId", "status", "band"],
        where: { assessment: { cycleId: entry.id, ...withStoredResults, team: focusTeamsWhere } },
        _count: { _all: true },
        _sum: { score: true },
      }),
    ),
  ]);

  const rows = {
    units,
    teams,
    current: assessments.filter((assessment) => assessment.cycleId === cycle.id),
    previous: before ? assessments.filter((assessment) => assessment.cycleId === before.id) : [],
    results,
    previousCycleName: before?.name ?? null,
  };
  const rollups = buildRollups(rows);
  const focusRollup = focusUnit ? unitTreeRollup(rows, focusUnit, focusUnit.coveredIds) : null;
  const resultMethods = (cycleId: string) =>
    assessments
      .filter((assessment) => assessment.cycleId === cycleId && hasStoredResults(assessment))
      .map((assessment) => assessment.scoringMethodVersion);
  return {
    ...base,
    methodChange: before
      ? methodChangeBetween(resultMethods(cycle.id), resultMethods(before.id), before.name)
      : null,
    historyMethodNote: historyMethodNote(
      history.map((entry) => ({
        cycleName: entry.name,
        versions: methodsByCycle
          .filter((group) => group.cycleId === entry.id)
          .map((group) => group.scoringMethodVersion),
      })),
    ),
    history: history.map(toCycleOption),
    rollups,
    trend: historyPoints(
      history,
      aggregates.map((groups) =>
        groups.map((group) => ({
          pitfallId: group.pitfallId,
          status: group.status,
          band: group.band,
          count: group._count._all,
          scoreSum: group._sum.score,
        })),
      ),
      focusRollup ?? rollups.organisation,
    ),
    focusRollup,
  };
}
