import "server-only";
import type { Actor } from "@/domain/access/policy";
import { compareCycles, cycleKey } from "@/domain/cycles/cycle-ref";
import { toCycleOption } from "@/domain/dashboards/cycles";
import {
  asAvailabilityTarget,
  asOnCallSetup,
  AVAILABILITY_TARGET_QUESTION,
  ON_CALL_SETUP_QUESTION,
  parseRunCostQuery,
  runCostWhatIf,
  type RunCostTeam,
} from "@/domain/dashboards/run-cost";
import { teamsOffRule } from "@/domain/dashboards/run-cost-off-rule";
import { db } from "../db";
import { withStoredResults } from "../assessments/with-stored-results";
import { dashboardTeamsWhere, teamsOfCycleWhere } from "./access";
import { loadOrgDashboardCycles } from "./cycles";
import type { RunCostView } from "@/contracts/dashboards/views";

function parseStoredValue(kind: string, value: string | null): unknown {
  if (kind !== "value" || value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/**
 * The run-cost picture as of a cycle, over the cycle's teams (teamsOfCycleWhere: a team added after
 * the cycle was due is no part of it, as on the heatmap). Each team counts with the context of its
 * latest assessment with results up to that cycle, so a team that has not submitted this quarter
 * yet still counts with the setup it last reported.
 *
 * A reopened assessment keeps its last submitted results on every view, but the team context is
 * not part of those results: it is stored in the assessment's answers, which the team is revising.
 * The page could fall back to an older quarter's context, which the team has already replaced, or
 * leave the team out; both would change the figures without saying so. So a reopened assessment
 * counts with its context as it stands now, and the page names the teams counted that way as being
 * revised (teamsBeingRevised), as the other views mark a reopened assessment. Resubmitting ends it.
 */
export async function getRunCostView(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<RunCostView> {
  const query = parseRunCostQuery(searchParams);
  const { scope, cycles, units, cycle } = await loadOrgDashboardCycles(actor, query.cycle);
  const base = {
    scope: scope.kind,
    cycles: cycles.map(toCycleOption).reverse(),
    cycle: cycle ? toCycleOption(cycle) : null,
    query: { ...query, cycle: cycle ? cycleKey(cycle) : undefined },
    units: units.map(({ id, slug, name }) => ({ id, slug, name })),
  };
  if (!cycle)
    return {
      ...base,
      teamsReporting: 0,
      teamsNotReporting: 0,
      teamsBeingRevised: [],
      whatIf: null,
      teamsOffRule: [],
    };

  const upToCycle = cycles.filter((candidate) => compareCycles(candidate, cycle) <= 0);
  const order = new Map(upToCycle.map((candidate, index) => [candidate.id, index]));
  const teamsWhere = dashboardTeamsWhere(actor);
  const [teams, withResults] = await Promise.all([
    db.team.findMany({
      where: { AND: [teamsWhere, teamsOfCycleWhere(cycle)] },
      select: { id: true, name: true, slug: true, orgUnitId: true },
      orderBy: { name: "asc" },
    }),
    db.assessment.findMany({
      where: { ...withStoredResults, cycleId: { in: [...order.keys()] }, team: teamsWhere },
      select: { id: true, teamId: true, cycleId: true, status: true },
    }),
  ]);

  const latestByTeam = new Map<
    string,
    { id: string; position: number; cycleId: string; reopened: boolean }
  >();
  for (const assessment of withResults) {
    const position = order.get(assessment.cycleId) ?? -1;
    const current = latestByTeam.get(assessment.teamId);
    if (!current || position > current.position)
      latestByTeam.set(assessment.teamId, {
        id: assessment.id,
        position,
        cycleId: assessment.cycleId,
        reopened: assessment.status === "reopened",
      });
  }
  const answers = await db.answer.findMany({
    where: {
      assessmentId: { in: [...latestByTeam.values()].map((latest) => latest.id) },
      questionId: { in: [AVAILABILITY_TARGET_QUESTION, ON_CALL_SETUP_QUESTION] },
    },
    select: { assessmentId: true, questionId: true, kind: true, value: true },
  });
  const contextByAssessment = new Map<string, Map<string, unknown>>();
  for (const answer of answers) {
    let values = contextByAssessment.get(answer.assessmentId);
    if (!values) contextByAssessment.set(answer.assessmentId, (values = new Map()));
    values.set(answer.questionId, parseStoredValue(answer.kind, answer.value));
  }

  const reporting: RunCostTeam[] = [];
  const cycleNames = new Map(upToCycle.map((candidate) => [candidate.id, candidate.name]));
  const beingRevised: RunCostView["teamsBeingRevised"] = [];
  for (const team of teams) {
    const latest = latestByTeam.get(team.id);
    if (!latest) continue;
    const values = contextByAssessment.get(latest.id);
    reporting.push({
      teamId: team.id,
      orgUnitId: team.orgUnitId,
      availabilityTarget: asAvailabilityTarget(values?.get(AVAILABILITY_TARGET_QUESTION)),
      onCallSetup: asOnCallSetup(values?.get(ON_CALL_SETUP_QUESTION)),
    });
    if (latest.reopened)
      beingRevised.push({
        name: team.name,
        slug: team.slug,
        cycleName: cycleNames.get(latest.cycleId) ?? "",
      });
  }

  const teamById = new Map(teams.map((team) => [team.id, team]));
  const reopenedTeamIds = new Set(
    [...latestByTeam].filter(([, latest]) => latest.reopened).map(([teamId]) => teamId),
  );
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return {
    ...base,
    teamsReporting: reporting.length,
    teamsNotReporting: teams.length - reporting.length,
    teamsBeingRevised: beingRevised,
    whatIf: runCostWhatIf(reporting, query.ratePerScheduleWeek),
    teamsOffRule: teamsOffRule(reporting, query.ratePerScheduleWeek).map((entry) => ({
      ...entry,
      name: teamById.get(entry.teamId)!.name,
      slug: teamById.get(entry.teamId)!.slug,
      unitName: unitNames.get(entry.orgUnitId) ?? "",
      reopened: reopenedTeamIds.has(entry.teamId),
    })),
  };
}
