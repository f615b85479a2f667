import "server-only";
import type { Actor } from "@/domain/access/policy";
import { content } from "@/domain/content";
import { compareCycles, cycleKey } from "@/domain/cycles/cycle-ref";
import { toCycleOption } from "@/domain/dashboards/cycles";
import {
  buildHeatmap,
  parseHeatmapQuery,
  type Heatmap,
  type HeatmapQuery,
} from "@/domain/dashboards/heatmap";
import { hasStoredResults } from "@/domain/dashboards/stored-rows";
import { methodChangeBetween, sameMethod } from "@/domain/dashboards/trend";
import { dashboardTeamsWhere } from "./access";
import { dashboardDataFingerprint, FingerprintedCache } from "./dashboard-data-cache";
import { loadOrgDashboardCycles, readCycleRows, readLastResults } from "./cycles";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";

const EMPTY_HEATMAP: Heatmap = {
  groups: [],
  totals: {
    teams: 0,
    shownTeams: 0,
    withLastResult: 0,
    completion: { "not-started": 0, draft: 0, reopened: 0, submitted: 0 },
  },
};

type HeatmapRows = Awaited<ReturnType<typeof readCycleRows>> &
  Pick<Awaited<ReturnType<typeof readLastResults>>, "lastResults">;

/** Room for every head of engineering's view and a few dozen coaches' and unit filters at once. */
const heatmapRows = new FingerprintedCache<HeatmapRows>(64);
/** The heatmaps built from those rows, per sort and filter; shared, so never mutated. */
const builtHeatmaps = new FingerprintedCache<Heatmap>(32);

/**
 * The organisation heatmap for one cycle. Reads only scalar columns in four small queries: cycles,
 * org units, teams, and the assessments and stored results of the selected and previous cycle
 * (never the explanation JSON). Every team query is scoped to what the actor may read; the rows are
 * reused while the dashboard data's fingerprint is unchanged, keyed by that scoped query.
 */
function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export async function getOrgHeatmap(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<OrgHeatmapView> {
  const requested = parseHeatmapQuery(searchParams);
  const { scope, cycles, units, cycle, before } = await loadOrgDashboardCycles(actor, requested.cycle);
  const unit = requested.unit ? units.find((candidate) => candidate.slug === requested.unit) : undefined;
  const query: HeatmapQuery = {
    ...requested,
    cycle: cycle ? cycleKey(cycle) : undefined,
    unit: unit?.slug,
  };

  const view: Omit<OrgHeatmapView, "heatmap" | "methodChange"> = {
    scope: scope.kind,
    cycles: cycles.map(toCycleOption).reverse(),
    cycle: cycle ? toCycleOption(cycle) : null,
    previousCycle: before ? toCycleOption(before) : null,
    units: units.map(({ slug, name }) => ({ slug, name })),
    query,
    unknownUnit: requested.unit !== undefined && unit === undefined,
    unitsInAddress: { units: firstValue(searchParams.units), except: firstValue(searchParams.except) },
    pitfalls: content.pitfalls.map((pitfall) => ({ id: pitfall.id, name: pitfall.name })),
  };
  if (!cycle) return { ...view, heatmap: EMPTY_HEATMAP, methodChange: null };

  // A unit takes its sub-units' teams too, each team shown under its own unit.
  const teamsWhere = dashboardTeamsWhere(actor, unit?.coveredIds);
  const cycleIds = before ? [cycle.id, before.id] : [cycle.id];
  const rowsKey = JSON.stringify({ teamsWhere, cycleIds });
  // Teams without a result in the cycle show their last one from any earlier cycle, so a change to
  // any of those (a late submission or a reopen in a closed cycle) must be noticed too.
  const fingerprint = await dashboardDataFingerprint(
    cycles.filter((candidate) => compareCycles(candidate, cycle) <= 0).map((candidate) => candidate.id),
  );
  const { teams, assessments, results, lastResults } = await heatmapRows.get(
    rowsKey,
    fingerprint,
    async () => {
      const rows = await readCycleRows(teamsWhere, cycleIds, cycle);
      const last = await readLastResults(
        teamsWhere,
        cycle,
        rows.assessments.filter((assessment) => assessment.cycleId === cycle.id),
        rows.teams.map((team) => team.id),
      );
      // A last result from the previous cycle is among the rows already read: counted once.
      const read = new Set(rows.results.map((result) => result.assessmentId));
      const earlier = last.results.filter((result) => !read.has(result.assessmentId));
      return { ...rows, results: [...rows.results, ...earlier], lastResults: last.lastResults };
    },
  );
  const current = assessments.filter((assessment) => assessment.cycleId === cycle.id);
  const previous = before ? assessments.filter((assessment) => assessment.cycleId === before.id) : [];
  const resultMethods = (rows: typeof assessments) =>
    rows.filter(hasStoredResults).map((row) => row.scoringMethodVersion);
  const heatmap = await builtHeatmaps.get(JSON.stringify({ rowsKey, query }), fingerprint, async () => {
    // A change is only a trend between results of the same scoring method, and only a team's own
    // (a unit's change is taken over its teams with results in both cycles), so a previous result
    // counts only beside a current one of the same method.
    const methodOfTeam = new Map(
      current.filter(hasStoredResults).map((row) => [row.teamId, row.scoringMethodVersion]),
    );
    const comparable = previous.filter(
      (assessment) =>
        methodOfTeam.has(assessment.teamId) &&
        sameMethod(methodOfTeam.get(assessment.teamId)!, assessment.scoringMethodVersion),
    );
    return buildHeatmap(
      {
        units: unit ? units.filter((candidate) => unit.coveredIds.includes(candidate.id)) : units,
        teams,
        current,
        previous: comparable,
        results,
        previousCycleName: before?.name ?? null,
        lastResults,
      },
      query,
    );
  });
  return {
    ...view,
    heatmap,
    methodChange: methodChangeBetween(resultMethods(current), resultMethods(previous), before?.name ?? null),
  };
}
