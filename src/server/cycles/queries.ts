import "server-only";
import type { Actor } from "@/domain/access/policy";
import { content, latestQuestionnaire, pitfallById } from "@/domain/content";
import { teamHeadline, toHeadlineView } from "@/domain/results/headline";
import { decodeRiskBand } from "@/domain/scoring";
import { decodeAssessmentStatus, decodeCycleStatus } from "@/domain/assessments/statuses";
import { hasStoredResults } from "@/domain/dashboards/stored-rows";
import { cycleTeamCutoff, defaultCycleDates, quarterAfter, quarterOf } from "@/domain/cycles/cycle-ref";
import { daysBeforeOpensOn } from "@/domain/cycles/opening";
import { resultPath, teamPath } from "@/contracts/assessments/paths";
import type { TeamCycleStatus } from "@/contracts/assessments/types";
import type { CycleSummary, CyclesPageData } from "@/contracts/cycles/types";
import { authorizeOrganisation } from "../auth/authorize";
import { teamsOfCycleWhere } from "../dashboards/access";
import { db } from "../db";
import { orgTimeZone, orgWallClock } from "../org-calendar";

function asTeamStatus(status: string | undefined): TeamCycleStatus {
  if (status === undefined) return "not-started";
  return decodeAssessmentStatus(status) ?? "draft";
}

/**
 * The Cycles page: every cycle with completion counts, for admins and the head of engineering.
 * `now` is when the page is read: it says how early opening a planned cycle would be.
 */
export async function getCyclesPage(actor: Actor, now: Date = new Date()): Promise<CyclesPageData> {
  authorizeOrganisation(actor, "cycle:manage");
  const cycles = await db.cycle.findMany({ orderBy: [{ year: "desc" }, { quarter: "desc" }] });
  const today = orgWallClock(now);
  const [counts, allAssessments, notStartedCounts, reopened] = await Promise.all([
    db.assessment.groupBy({
      by: ["cycleId", "status"],
      where: { team: { archivedAt: null } },
      _count: { _all: true },
    }),
    // Archived teams' assessments too: they keep a cycle from going back to planned.
    db.assessment.groupBy({ by: ["cycleId"], _count: { _all: true } }),
    // Per cycle, the teams that belonged to it (created by its due date) without an assessment:
    // a team added later is not counted against a cycle it could never have taken part in.
    Promise.all(
      cycles.map((cycle) =>
        db.team.count({
          where: {
            archivedAt: null,
            createdAt: { lt: cycleTeamCutoff(cycle.closesOn, orgTimeZone()) },
            assessments: { none: { cycleId: cycle.id } },
          },
        }),
      ),
    ),
    db.assessment.findMany({
      where: { status: "reopened", team: { archivedAt: null } },
      orderBy: { team: { name: "asc" } },
      select: { cycleId: true, team: { select: { name: true } } },
    }),
  ]);
  const countOf = (cycleId: string, statuses: string[]) =>
    counts
      .filter((row) => row.cycleId === cycleId && statuses.includes(row.status))
      .reduce((sum, row) => sum + row._count._all, 0);

  const summaries: CycleSummary[] = cycles.map((cycle, index) => {
    const submitted = countOf(cycle.id, ["submitted"]);
    const inProgress = countOf(cycle.id, ["draft"]);
    const reopenedTeams = reopened.filter((row) => row.cycleId === cycle.id).map((row) => row.team.name);
    return {
      id: cycle.id,
      name: cycle.name,
      status: decodeCycleStatus(cycle.status) ?? "planned",
      opensOn: cycle.opensOn.toISOString(),
      closesOn: cycle.closesOn.toISOString(),
      questionnaireId: cycle.questionnaireId,
      questionnaireInstalled: content.questionnaires.some(
        (questionnaire) => questionnaire.id === cycle.questionnaireId,
      ),
      submitted,
      inProgress,
      reopened: reopenedTeams.length,
      reopenedTeams,
      notStarted: notStartedCounts[index]!,
      assessments: allAssessments.find((row) => row.cycleId === cycle.id)?._count._all ?? 0,
      daysBeforeOpensOn: daysBeforeOpensOn(today, cycle.opensOn),
    };
  });

  const latest = cycles[0];
  const next = latest ? quarterAfter(latest) : quarterOf(orgWallClock());
  const focusCycle = cycles.find((cycle) => cycle.status === "open") ?? latest;

  let focus: CyclesPageData["focus"] = null;
  if (focusCycle) {
    const teams = await db.team.findMany({
      where: { archivedAt: null, ...teamsOfCycleWhere(focusCycle) },
      orderBy: [{ orgUnit: { name: "asc" } }, { name: "asc" }],
      select: {
        name: true,
        slug: true,
        orgUnit: { select: { name: true } },
        assessments: {
          where: { cycleId: focusCycle.id },
          select: {
            status: true,
            overallScore: true,
            overallBand: true,
            submittedAt: true,
            results: {
              select: { pitfallId: true, status: true, score: true, band: true, evidenceFound: true },
            },
          },
        },
      },
    });
    focus = {
      cycleName: focusCycle.name,
      teams: teams.map((team) => {
        const assessment = team.assessments[0];
        // A reopened assessment's last submitted results stay its results until it is submitted again.
        const withResults = assessment !== undefined && hasStoredResults(assessment);
        return {
          teamName: team.name,
          teamHref: teamPath(team.slug),
          orgUnitName: team.orgUnit.name,
          status: asTeamStatus(assessment?.status),
          overallScore: withResults ? assessment.overallScore : null,
          overallBand: withResults ? decodeRiskBand(assessment.overallBand) : null,
          headline: withResults
            ? toHeadlineView(teamHeadline(assessment.results), (id) => pitfallById(id)?.name ?? id)
            : null,
          resultHref: assessment?.submittedAt ? resultPath(team.slug, focusCycle.name) : null,
        };
      }),
    };
  }

  return {
    cycles: summaries,
    questionnaires: content.questionnaires.map(({ id, title, publishedOn }) => ({ id, title, publishedOn })),
    next: {
      ...next,
      ...defaultCycleDates(next.year, next.quarter),
      questionnaireId: latestQuestionnaire().id,
    },
    focus,
  };
}
