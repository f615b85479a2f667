import "server-only";
import type { Actor } from "@/domain/access/policy";
import { earlierCriticalTeams } from "@/domain/dashboards/last-results";
import { buildOrgPriorities } from "@/domain/dashboards/org-priorities";
import { hasStoredResults, isReopened, resultsByAssessment } from "@/domain/dashboards/stored-rows";
import { sameMethod } from "@/domain/dashboards/trend";
import type { StoredResultRow } from "@/domain/plans/stored-rankings";
import type { HeadlinePitfallResult } from "@/domain/results/headline";
import { withStoredResults } from "../assessments/with-stored-results";
import { db } from "../db";
import { dashboardTeamsWhere } from "./access";
import { loadOrgDashboardFilters, readCycleRows, readLastResults } from "./cycles";
import type { OrgPrioritiesView } from "@/contracts/dashboards/views";

/**
 * Where the organisation is at risk and what to do first, for one cycle and optionally one org
 * unit. Every query is scoped to the teams the actor may read: a head of engineering sees the whole
 * organisation, a coach the units they coach. The countermeasure ranking needs each team's stored
 * ranking, so only the selected cycle's detail JSON is read; the cycle before is read as scalars.
 */
export async function getOrgPriorities(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<OrgPrioritiesView> {
  const { units, cycle, before, unit, common } = await loadOrgDashboardFilters(actor, searchParams);
  const base = { ...common, focusUnit: unit ? { slug: unit.slug, name: unit.name } : null };
  if (!cycle) return { ...base, priorities: null };

  // A unit takes its sub-units' teams too, as its plan does.
  const teamsWhere = dashboardTeamsWhere(actor, unit?.coveredIds);
  const [{ teams, assessments, results }, detailed, planItems] = await Promise.all([
    readCycleRows(teamsWhere, before ? [cycle.id, before.id] : [cycle.id], cycle),
    // Every column but the id: the countermeasure ranking is in the detail JSON.
    db.pitfallResult.findMany({
      where: { assessment: { cycleId: cycle.id, ...withStoredResults, team: teamsWhere } },
      omit: { id: true },
    }),
    db.planItem.findMany({
      where: { team: teamsWhere },
      select: { teamId: true, countermeasureId: true, status: true },
    }),
  ]);

  const last = await readLastResults(
    teamsWhere,
    cycle,
    assessments.filter((assessment) => assessment.cycleId === cycle.id),
    teams.map((team) => team.id),
  );

  // A reopened assessment's last submitted results count until the team submits again.
  const withResults = assessments.filter(hasStoredResults);
  const currentByTeam = new Map(
    withResults.filter((assessment) => assessment.cycleId === cycle.id).map((row) => [row.teamId, row]),
  );
  const detailsByAssessment = new Map<string, StoredResultRow[]>();
  for (const { assessmentId, ...row } of detailed) {
    let rows = detailsByAssessment.get(assessmentId);
    if (!rows) detailsByAssessment.set(assessmentId, (rows = []));
    rows.push(row);
  }
  const current = new Map(
    [...currentByTeam].map(([teamId, assessment]) => [teamId, detailsByAssessment.get(assessment.id) ?? []]),
  );
  // Like with like: a team's earlier result counts only when it was scored with the same method.
  const scalarResults = resultsByAssessment(results);
  const previous = new Map<string, HeadlinePitfallResult[]>();
  for (const assessment of withResults) {
    const now = currentByTeam.get(assessment.teamId);
    if (assessment.cycleId !== before?.id || !now) continue;
    if (!sameMethod(now.scoringMethodVersion, assessment.scoringMethodVersion)) continue;
    previous.set(assessment.teamId, scalarResults.get(assessment.id) ?? []);
  }

  return {
    ...base,
    priorities: buildOrgPriorities({
      units,
      teams,
      current,
      reopenedTeamIds: new Set(
        [...currentByTeam.values()].filter(isReopened).map((assessment) => assessment.teamId),
      ),
      previous,
      previousCycleName: before?.name ?? null,
      planItems,
      earlierCritical: earlierCriticalTeams(last.lastResults, last.results),
    }),
  };
}
