import "server-only";
import type { Actor } from "@/domain/access/policy";
import { content } from "@/domain/content";
import type { PitfallId } from "@/domain/content/schema";
import { cycleKey, selectCycle, toCycleOption, type CycleOption } from "@/domain/dashboards/cycles";
import { buildRollups, type Rollups } from "@/domain/dashboards/rollups";
import { db } from "../db";
import { dashboardTeamsWhere, readableOrgUnits, requireOrgDashboardScope } from "./access";
import { listStartedCycles } from "./cycles";

/** How many quarters of history the trends show: two years is enough to see a direction. */
export const ROLLUP_HISTORY_CYCLES = 8;

export interface OrgRollupsView {
  scope: "organisation" | "org-units";
  cycles: CycleOption[];
  cycle: CycleOption | null;
  /** Oldest first, ending with the selected cycle. */
  history: CycleOption[];
  units: { slug: string; name: string }[];
  /** The unit whose trends the charts show; null for the whole organisation. */
  focusUnit: string | null;
  pitfalls: { id: PitfallId; name: string }[];
  rollups: Rollups | null;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * Roll-ups per org unit and per pitfall for a cycle, with their trend over the quarters before it.
 * Reads the scalar columns of the assessments and stored results of those quarters only.
 */
export async function getOrgRollups(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<OrgRollupsView> {
  const scope = requireOrgDashboardScope(actor);
  const [cycles, units] = await Promise.all([listStartedCycles(), readableOrgUnits(actor)]);
  const cycle = selectCycle(cycles, firstValue(searchParams.cycle));
  const requestedUnit = firstValue(searchParams.unit);
  const focusUnit = units.find((unit) => unit.slug === requestedUnit)?.slug ?? null;
  const base = {
    scope: scope.kind,
    cycles: cycles.map(toCycleOption).reverse(),
    cycle: cycle ? toCycleOption(cycle) : null,
    units: units.map(({ slug, name }) => ({ slug, name })),
    focusUnit,
    pitfalls: content.pitfalls.map((pitfall) => ({ id: pitfall.id, name: pitfall.name })),
  };
  if (!cycle) return { ...base, history: [], rollups: null };

  const selectedIndex = cycles.findIndex((candidate) => cycleKey(candidate) === cycleKey(cycle));
  const history = cycles.slice(Math.max(0, selectedIndex + 1 - ROLLUP_HISTORY_CYCLES), selectedIndex + 1);
  const cycleIds = history.map((entry) => entry.id);
  const teamsWhere = dashboardTeamsWhere(actor);
  const [teams, assessments, results] = await Promise.all([
    db.team.findMany({ where: teamsWhere, select: { id: true, name: true, slug: true, orgUnitId: true } }),
    db.assessment.findMany({
      where: { cycleId: { in: cycleIds }, team: teamsWhere },
      select: { id: true, teamId: true, cycleId: true, status: true, overallScore: true, overallBand: true },
    }),
    db.pitfallResult.findMany({
      where: { assessment: { cycleId: { in: cycleIds }, status: "submitted", team: teamsWhere } },
      select: { assessmentId: true, pitfallId: true, status: true, score: true, band: true },
    }),
  ]);

  return {
    ...base,
    history: history.map(toCycleOption),
    rollups: buildRollups({ cycles: history, units, teams, assessments, results }),
  };
}
