import "server-only";
import type { Actor } from "@/domain/access/policy";
import { previousCycle, sortCycles } from "@/domain/cycles/cycle-ref";
import { selectCycle, type DashboardCycle } from "@/domain/dashboards/cycles";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { readableOrgUnits, requireOrgDashboardScope } from "./access";

/** Cycles that have started (open or closed), oldest first; planned cycles hold no assessments yet. */
export async function listStartedCycles(): Promise<DashboardCycle[]> {
  const cycles = await db.cycle.findMany({
    where: { status: { in: ["open", "closed"] } },
    select: { id: true, name: true, year: true, quarter: true, status: true },
  });
  return sortCycles(cycles);
}

/**
 * What every organisation dashboard starts from: the actor's scope (refused when they have none),
 * the started cycles, the org units they may read, the cycle the URL key selects (the latest when it
 * names none) and the cycle before it.
 */
export async function loadOrgDashboardCycles(actor: Actor, requestedCycleKey: string | undefined) {
  const scope = requireOrgDashboardScope(actor);
  const [cycles, units] = await Promise.all([listStartedCycles(), readableOrgUnits(actor)]);
  const cycle = selectCycle(cycles, requestedCycleKey);
  const before = cycle ? previousCycle(cycles, cycle) : null;
  return { scope, cycles, units, cycle, before };
}

/**
 * The teams in `teamsWhere`, their assessments in the given cycles and the stored results of the
 * submitted ones: scalar columns only, never the explanation JSON.
 */
export async function readCycleRows(teamsWhere: Prisma.TeamWhereInput, cycleIds: string[]) {
  const [teams, assessments, results] = await Promise.all([
    db.team.findMany({ where: teamsWhere, select: { id: true, name: true, slug: true, orgUnitId: true } }),
    db.assessment.findMany({
      where: { cycleId: { in: cycleIds }, team: teamsWhere },
      select: {
        id: true,
        teamId: true,
        cycleId: true,
        status: true,
        overallScore: true,
        overallBand: true,
        scoringMethodVersion: true,
      },
    }),
    db.pitfallResult.findMany({
      where: { assessment: { cycleId: { in: cycleIds }, status: "submitted", team: teamsWhere } },
      select: { assessmentId: true, pitfallId: true, status: true, score: true, band: true },
    }),
  ]);
  return { teams, assessments, results };
}
