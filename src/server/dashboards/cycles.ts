import "server-only";
import type { Actor } from "@/domain/access/policy";
import { previousCycle, sortCycles } from "@/domain/cycles/cycle-ref";
import {
  isUnknownCycleRequest,
  selectCycle,
  toCycleOption,
  type DashboardCycle,
} from "@/domain/dashboards/cycles";
import { lastResultsOfTeamsWithout } from "@/domain/dashboards/last-results";
import { hasStoredResults, type AssessmentRow } from "@/domain/dashboards/stored-rows";
import type { Prisma } from "@/generated/prisma/client";
import { withStoredResults } from "../assessments/with-stored-results";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { readableOrgUnits, requireOrgDashboardScope, teamsOfCycleWhere } from "./access";

/** Cycles that have started (open or closed), oldest first; planned cycles hold no assessments yet. */
export async function listStartedCycles(): Promise<(DashboardCycle & { closesOn: Date })[]> {
  const cycles = await db.cycle.findMany({
    where: { status: { in: ["open", "closed"] } },
    select: { id: true, name: true, year: true, quarter: true, status: true, closesOn: true },
  });
  return sortCycles(cycles);
}

/**
 * What every organisation dashboard starts from: the actor's scope (refused when they have none),
 * the started cycles, the org units they may read, the cycle the URL key selects (the open one, else
 * the latest, when it names none) and the cycle before it.
 */
export async function loadOrgDashboardCycles(actor: Actor, requestedCycleKey: string | undefined) {
  const scope = requireOrgDashboardScope(actor);
  const [cycles, units] = await Promise.all([listStartedCycles(), readableOrgUnits(actor)]);
  if (isUnknownCycleRequest(cycles, requestedCycleKey))
    throw new NotFoundError(`There is no started cycle ${requestedCycleKey?.trim()}.`);
  const cycle = selectCycle(cycles, requestedCycleKey);
  const before = cycle ? previousCycle(cycles, cycle) : null;
  return { scope, cycles, units, cycle, before };
}

function firstSearchValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * For the views filtered by `cycle` and `unit` in the URL: what loadOrgDashboardCycles loads, the
 * unit the URL names when the actor may read it (else null: every readable team), and the fields
 * every such view shows (scope, cycle choices, the selected and previous cycle, the units).
 */
export async function loadOrgDashboardFilters(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
) {
  const loaded = await loadOrgDashboardCycles(actor, firstSearchValue(searchParams.cycle));
  const { scope, cycles, units, cycle, before } = loaded;
  const requestedUnit = firstSearchValue(searchParams.unit);
  const unit = units.find((candidate) => candidate.slug === requestedUnit) ?? null;
  const common = {
    scope: scope.kind,
    cycles: cycles.map(toCycleOption).reverse(),
    cycle: cycle ? toCycleOption(cycle) : null,
    previousCycle: before ? toCycleOption(before) : null,
    units: units.map(({ slug, name }) => ({ slug, name })),
  };
  return { ...loaded, unit, common };
}

/** The columns of an assessment the dashboards read (`AssessmentRow`). */
export const assessmentRowSelect = {
  id: true,
  teamId: true,
  cycleId: true,
  status: true,
  overallScore: true,
  overallBand: true,
  scoringMethodVersion: true,
} as const satisfies Prisma.AssessmentSelect;

/**
 * The teams in `teamsWhere` that belong to the `selected` cycle (teamsOfCycleWhere: a team added
 * after it was due is no part of it), their assessments in the given cycles and the stored results
 * of the ones that hold results (submitted, or reopened with their last submitted results): scalar
 * columns only, never the explanation JSON.
 */
export async function readCycleRows(
  teamsWhere: Prisma.TeamWhereInput,
  cycleIds: string[],
  selected: { id: string; closesOn: Date },
) {
  const [teams, assessments, results] = await Promise.all([
    db.team.findMany({
      where: { AND: [teamsWhere, teamsOfCycleWhere(selected)] },
      select: { id: true, name: true, slug: true, orgUnitId: true },
    }),
    db.assessment.findMany({
      where: { cycleId: { in: cycleIds }, team: teamsWhere },
      select: assessmentRowSelect,
    }),
    db.pitfallResult.findMany({
      where: { assessment: { cycleId: { in: cycleIds }, ...withStoredResults, team: teamsWhere } },
      select: {
        assessmentId: true,
        pitfallId: true,
        status: true,
        score: true,
        band: true,
        splitQuestions: true,
        evidenceFound: true,
      },
    }),
  ]);
  return { teams, assessments, results };
}

/** Team ids per query for the last results: well below SQLite's 999 bound values, with room for the filter's own. */
const LAST_RESULT_TEAMS_PER_QUERY = 500;

/**
 * For the teams in `teamsWhere` without results in `cycle`: each one's last assessment with stored
 * results in an earlier started cycle, with those results (scalar columns only). Only the teams
 * that need one are read, and the selected cycle's own rows decide which those are.
 */
export async function readLastResults(
  teamsWhere: Prisma.TeamWhereInput,
  cycle: { year: number; quarter: number },
  current: readonly AssessmentRow[],
  teamIds: readonly string[],
) {
  const withResults = new Set(current.filter(hasStoredResults).map((assessment) => assessment.teamId));
  const without = teamIds.filter((teamId) => !withResults.has(teamId));
  if (without.length === 0) return { lastResults: [], results: [] };
  // The team ids go to the database in batches: early in a quarter most of a large organisation has
  // no result yet, and one list of them all would pass SQLite's limit of 999 bound values (an
  // ordered query is not split up for us). Each team is in one batch, newest cycle first within it.
  const candidates = [];
  for (let start = 0; start < without.length; start += LAST_RESULT_TEAMS_PER_QUERY) {
    candidates.push(
      ...(await db.assessment.findMany({
        where: {
          teamId: { in: without.slice(start, start + LAST_RESULT_TEAMS_PER_QUERY) },
          ...withStoredResults,
          team: teamsWhere,
          cycle: {
            status: { in: ["open", "closed"] },
            OR: [{ year: { lt: cycle.year } }, { year: cycle.year, quarter: { lt: cycle.quarter } }],
          },
        },
        orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
        select: { ...assessmentRowSelect, cycle: { select: { name: true } } },
      })),
    );
  }
  const lastResults = lastResultsOfTeamsWithout(
    current,
    candidates.map(({ cycle: { name }, ...assessment }) => ({ ...assessment, cycleName: name })),
  );
  if (lastResults.length === 0) return { lastResults, results: [] };
  const results = await db.pitfallResult.findMany({
    where: { assessmentId: { in: lastResults.map((assessment) => assessment.id) } },
    select: {
      assessmentId: true,
      pitfallId: true,
      status: true,
      score: true,
      band: true,
      splitQuestions: true,
      evidenceFound: true,
    },
  });
  return { lastResults, results };
}
