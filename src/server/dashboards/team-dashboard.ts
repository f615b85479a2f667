import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { latestQuestionnaire, pitfallById, questionnaireById } from "@/domain/content";
import { PITFALL_IDS, type PitfallId } from "@/domain/content/schema";
import { compareCycles, cycleKey, parseCycleKey, previousCycle, sameCycle } from "@/domain/cycles/cycle-ref";
import { toCycleOption, type DashboardCycle } from "@/domain/dashboards/cycles";
import {
  isPitfallId,
  isReopened,
  organisationSignalsFromRows,
  resultsByAssessment,
} from "@/domain/dashboards/stored-rows";
import {
  parseStoredDetail,
  topRemediationSteps,
  type StoredDetail,
} from "@/domain/dashboards/team-dashboard";
import {
  historyMethodNote,
  methodChangeBetween,
  sameMethod,
  scoreTrendWithinMethod,
  type MethodChange,
} from "@/domain/dashboards/trend";
import { headlineTrend } from "@/domain/dashboards/heatmap";
import { planPlacements } from "@/domain/plans/plan-item-rules";
import { showsFindings, teamHeadline, toHeadlineView, type TeamHeadline } from "@/domain/results/headline";
import { decodePitfallStatus, decodeRiskBand } from "@/domain/scoring";
import { contributionWords } from "../assessments/questionnaire-content";
import { getAnsweredPulse } from "../pulse/queries";
import { DISAGREEMENT_ANCHOR, resultPath } from "@/contracts/assessments/paths";
import { authorizeTeamBySlug } from "../auth/authorize";
import type { Prisma } from "@/generated/prisma/client";
import { withStoredResults } from "../assessments/with-stored-results";
import { db } from "../db";
import { dashboardDataFingerprint, FingerprintedCache } from "./dashboard-data-cache";
import { NotFoundError } from "../errors";
import { listStartedCycles } from "./cycles";
import type {
  TeamHeader,
  PitfallSummary,
  TrendPoint,
  TeamDashboardView,
  ExplanationItem,
  PitfallExplanationView,
} from "@/contracts/dashboards/views";

interface TeamContext {
  team: TeamHeader & { id: string; archived: boolean };
  /** Whether the actor may add the team's remediation steps to its plan (not for an archived team). */
  canEditPlan: boolean;
  cycles: DashboardCycle[];
  /**
   * The team's assessments with results (submitted, or reopened with their last submitted results),
   * oldest cycle first.
   */
  submitted: {
    id: string;
    status: string;
    cycle: DashboardCycle & { questionnaireId: string };
    overallScore: number | null;
    overallBand: string | null;
    scoringMethodVersion: number | null;
  }[];
}

async function loadTeamContext(actor: Actor, slug: string): Promise<TeamContext> {
  const team = await authorizeTeamBySlug(actor, "team:read", slug);
  const [unit, cycles, assessments] = await Promise.all([
    db.orgUnit.findUnique({ where: { id: team.orgUnitId }, select: { name: true } }),
    listStartedCycles(),
    db.assessment.findMany({
      where: { teamId: team.id, ...withStoredResults },
      select: {
        id: true,
        status: true,
        overallScore: true,
        overallBand: true,
        scoringMethodVersion: true,
        cycle: {
          select: { id: true, name: true, year: true, quarter: true, status: true, questionnaireId: true },
        },
      },
    }),
  ]);
  const submitted = [...assessments].sort((a, b) => compareCycles(a.cycle, b.cycle));
  return {
    team: {
      id: team.id,
      name: team.name,
      slug: team.slug,
      orgUnitName: unit?.name ?? "",
      archived: team.archived,
    },
    canEditPlan: can(actor, "plan:edit", {
      type: "team",
      teamId: team.id,
      orgUnitId: team.orgUnitId,
      archived: team.archived,
    }),
    cycles,
    submitted,
  };
}

/** The submitted cycle `?cycle=` names (the latest without one); a cycle the team has no result in is not found. */
function selectSubmitted(context: TeamContext, key: string | undefined) {
  if (key === undefined) return context.submitted.at(-1) ?? null;
  const wanted = parseCycleKey(key);
  const match = wanted ? context.submitted.find((entry) => sameCycle(entry.cycle, wanted)) : undefined;
  if (!match) throw new NotFoundError(`This team has no submitted result for ${key}.`);
  return match;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * Every team's standing in one cycle; computed from all of the cycle's results, so worth keeping.
 * The active teams are compared; `archivedTeamId` adds one archived team (whose dashboard is being
 * read) to them, so that it gets a standing among the active teams.
 */
async function readCycleStandings(cycleId: string, archivedTeamId: string | null) {
  const team: Prisma.TeamWhereInput = archivedTeamId
    ? { OR: [{ archivedAt: null }, { id: archivedTeamId }] }
    : { archivedAt: null };
  const [assessments, results] = await Promise.all([
    db.assessment.findMany({
      where: { cycleId, ...withStoredResults, team },
      select: { id: true, teamId: true, cycleId: true, status: true, overallScore: true, overallBand: true },
    }),
    db.pitfallResult.findMany({
      where: { assessment: { cycleId, ...withStoredResults, team } },
      select: {
        assessmentId: true,
        pitfallId: true,
        status: true,
        score: true,
        band: true,
        evidenceFound: true,
      },
    }),
  ]);
  return organisationSignalsFromRows(assessments, resultsByAssessment(results), new Map());
}

/** One entry per recent cycle is plenty: dashboards mostly show the latest one or two. */
const cycleStandings = new FingerprintedCache<Awaited<ReturnType<typeof readCycleStandings>>>(16);

/**
 * Percentiles of one team in one cycle, each against the teams scored on that pitfall in the cycle
 * (scoredTeams, this one included), and how many teams have results in it (comparedTeams). Archived
 * teams are left out of every comparison, as out of every other figure; an archived team's own
 * dashboard is still readable, so it is ranked among the active teams (and counted with them)
 * rather than told that its scored pitfalls were not scored. The standings are reused while the
 * dashboard data's fingerprint is unchanged (see dashboard-data-cache).
 */
async function percentilesFor(team: { id: string; archived: boolean }, cycleId: string) {
  const archivedTeamId = team.archived ? team.id : null;
  const signals = await cycleStandings.get(
    archivedTeamId ? `${cycleId}:${archivedTeamId}` : cycleId,
    await dashboardDataFingerprint([cycleId]),
    () => readCycleStandings(cycleId, archivedTeamId),
  );
  const standing = signals.standings.find((entry) => entry.teamId === team.id);
  const scoredTeams: Partial<Record<PitfallId, number>> = Object.fromEntries(
    signals.pitfalls.map((distribution) => [distribution.pitfallId, distribution.scored]),
  );
  return { percentiles: standing?.percentiles ?? {}, scoredTeams, comparedTeams: signals.teams };
}

/**
 * The team dashboard: the latest (or chosen) submitted cycle's seven scores with bands, confidence
 * and percentiles, the trend over every submitted cycle, triggered symptoms and the top three
 * remediation steps. Only the selected assessment's explanation JSON is read.
 */
export async function getTeamDashboard(
  actor: Actor,
  slug: string,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<TeamDashboardView> {
  const context = await loadTeamContext(actor, slug);
  const selected = selectSubmitted(context, firstValue(searchParams.cycle));
  const cycles = context.submitted.map((entry) => toCycleOption(entry.cycle)).reverse();
  const empty: TeamDashboardView = {
    team: context.team,
    cycles,
    cycle: null,
    reopened: false,
    previousCycle: null,
    overall: { score: null, band: null, headline: null, trend: null },
    confidence: null,
    comparedTeams: 0,
    pitfalls: [],
    history: [],
    methodChange: null,
    historyMethodNote: null,
    remediation: [],
    findOutFirst: null,
    canEditPlan: false,
    pulse: null,
  };
  if (!selected) return empty;

  const before = previousCycle(context.cycles, selected.cycle);
  const previousAssessment = before
    ? context.submitted.find((entry) => entry.cycle.id === before.id)
    : undefined;
  const [results, details, { percentiles, scoredTeams, comparedTeams }, pulse] = await Promise.all([
    db.pitfallResult.findMany({
      where: { assessmentId: { in: context.submitted.map((entry) => entry.id) } },
      select: {
        assessmentId: true,
        pitfallId: true,
        status: true,
        score: true,
        band: true,
        confidence: true,
        splitQuestions: true,
        evidenceFound: true,
      },
    }),
    db.pitfallResult.findMany({
      where: { assessmentId: selected.id },
      select: { pitfallId: true, detail: true },
    }),
    percentilesFor(context.team, selected.cycle.id),
    getAnsweredPulse(actor, context.team.slug, selected.cycle.id),
  ]);
  const byAssessment = resultsByAssessment(results);
  const scoreIn = (assessmentId: string | undefined, pitfallId: PitfallId) => {
    const row = assessmentId
      ? byAssessment.get(assessmentId)?.find((result) => result.pitfallId === pitfallId)
      : undefined;
    return row && row.status === "scored" ? row.score : null;
  };
  const detailByPitfall = new Map<string, StoredDetail>(
    details.map((row) => [row.pitfallId, parseStoredDetail(row.detail)]),
  );
  const selectedRows = results.filter((row) => row.assessmentId === selected.id);

  const pitfalls: PitfallSummary[] = [];
  for (const pitfallId of PITFALL_IDS) {
    const row = selectedRows.find((candidate) => candidate.pitfallId === pitfallId);
    if (!row) continue;
    const status = decodePitfallStatus(row.status);
    const score = status === "scored" ? row.score : null;
    pitfalls.push({
      pitfallId,
      name: pitfallById(pitfallId)?.name ?? pitfallId,
      status,
      score,
      band: score === null ? null : decodeRiskBand(row.band),
      confidence: row.confidence,
      percentile: percentiles[pitfallId] ?? null,
      scoredTeams: scoredTeams[pitfallId] ?? 0,
      trend: scoreTrendWithinMethod(
        { score, method: selected.scoringMethodVersion },
        previousAssessment
          ? {
              score: scoreIn(previousAssessment.id, pitfallId),
              method: previousAssessment.scoringMethodVersion,
            }
          : null,
        before?.name ?? null,
      ),
      // None for a pitfall in band None or not scored, whatever an older stored result lists.
      triggeredSymptoms: showsFindings(row)
        ? (detailByPitfall.get(pitfallId)?.triggeredSymptoms ?? []).map(
            ({ symptomId, title, suspected }) => ({ symptomId, title, suspected }),
          )
        : [],
      splitQuestions: row.splitQuestions,
    });
  }
  const scored = pitfalls.filter((pitfall) => pitfall.score !== null);

  const headlineOf = (assessmentId: string | undefined): TeamHeadline | null =>
    assessmentId
      ? teamHeadline((byAssessment.get(assessmentId) ?? []).filter((row) => isPitfallId(row.pitfallId)))
      : null;
  const history: TrendPoint[] = context.submitted.map((entry) => {
    const headline = headlineOf(entry.id)!;
    return {
      cycleKey: cycleKey(entry.cycle),
      cycleName: entry.cycle.name,
      overall: entry.overallScore,
      headline: { band: headline.worstBand, highOrCriticalCount: headline.highOrCriticalCount },
      scores: Object.fromEntries(PITFALL_IDS.map((pitfallId) => [pitfallId, scoreIn(entry.id, pitfallId)])),
    };
  });

  // Next steps only from pitfalls that show risk.
  const withFindings = new Set(selectedRows.filter((row) => showsFindings(row)).map((row) => row.pitfallId));

  const remediation = topRemediationSteps(
    [...detailByPitfall.entries()]
      .filter(
        (entry): entry is [PitfallId, StoredDetail] => isPitfallId(entry[0]) && withFindings.has(entry[0]),
      )
      .map(([pitfallId, detail]) => {
        const row = selectedRows.find((candidate) => candidate.pitfallId === pitfallId);
        return {
          pitfallId,
          band: decodeRiskBand(row?.band ?? null),
          score: row?.score ?? null,
          dontKnowOnly: detail.dontKnowOnly,
          countermeasures: detail.countermeasures,
        };
      }),
  );
  const planItems = remediation.length
    ? await db.planItem.findMany({
        where: {
          teamId: context.team.id,
          countermeasureId: { in: remediation.map((step) => step.countermeasureId) },
        },
        select: { id: true, countermeasureId: true, status: true },
      })
    : [];
  const placementOf = planPlacements(planItems);
  const worstId = headlineOf(selected.id)?.worstPitfalls[0];
  const findOutFirst =
    remediation.length > 0 &&
    worstId !== undefined &&
    withFindings.has(worstId) &&
    detailByPitfall.get(worstId)?.dontKnowOnly === true
      ? { pitfallName: pitfallById(worstId)?.name ?? worstId }
      : null;

  return {
    ...empty,
    cycle: toCycleOption(selected.cycle),
    reopened: isReopened(selected),
    previousCycle: before ? toCycleOption(before) : null,
    overall: {
      score: selected.overallScore,
      band: decodeRiskBand(selected.overallBand),
      headline: toHeadlineView(headlineOf(selected.id)!, (id) => pitfallById(id)?.name ?? id),
      trend:
        previousAssessment &&
        !sameMethod(selected.scoringMethodVersion, previousAssessment.scoringMethodVersion)
          ? null
          : headlineTrend(headlineOf(selected.id), headlineOf(previousAssessment?.id), before?.name ?? null),
    },
    confidence:
      scored.length === 0
        ? null
        : Math.round((scored.reduce((sum, pitfall) => sum + pitfall.confidence, 0) / scored.length) * 100) /
          100,
    comparedTeams,
    pitfalls,
    history,
    methodChange: methodChangeOf(selected, previousAssessment, before?.name ?? null),
    historyMethodNote: historyMethodNote(
      context.submitted.map((entry) => ({
        cycleName: entry.cycle.name,
        versions: [entry.scoringMethodVersion],
      })),
    ),
    remediation: remediation.map((step) => ({
      ...step,
      pitfallNames: step.pitfallIds.map((id) => pitfallById(id)?.name ?? id),
      ...placementOf(step.countermeasureId),
    })),
    findOutFirst,
    // Plans are made from the latest submitted ranking, so adding is offered on the latest cycle only.
    canEditPlan: context.canEditPlan && selected.id === context.submitted.at(-1)?.id,
    pulse,
  };
}

function methodChangeOf(
  selected: { scoringMethodVersion: number | null },
  previous: { scoringMethodVersion: number | null } | undefined,
  since: string | null,
): MethodChange | null {
  return previous
    ? methodChangeBetween([selected.scoringMethodVersion], [previous.scoringMethodVersion], since)
    : null;
}

const FLOOR_LABEL = { medium: "Medium", high: "High", critical: "Critical" } as const;

/**
 * "Why this score": the answers and context checks behind one pitfall's score, with the share of
 * the score each accounts for, in the words of the questionnaire the team answered.
 */
export async function getPitfallExplanation(
  actor: Actor,
  slug: string,
  pitfallId: string,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<PitfallExplanationView> {
  const pitfall = isPitfallId(pitfallId) ? pitfallById(pitfallId) : undefined;
  if (!pitfall) throw new NotFoundError();
  const context = await loadTeamContext(actor, slug);
  const selected = selectSubmitted(context, firstValue(searchParams.cycle));
  if (!selected) throw new NotFoundError("This team has no submitted assessment yet.");

  const before = previousCycle(context.cycles, selected.cycle);
  const previousAssessment = before
    ? context.submitted.find((entry) => entry.cycle.id === before.id)
    : undefined;
  const [row, previousRow, { percentiles, scoredTeams, comparedTeams }, pulse] = await Promise.all([
    db.pitfallResult.findUnique({
      where: { assessmentId_pitfallId: { assessmentId: selected.id, pitfallId: pitfall.id } },
      select: {
        status: true,
        score: true,
        band: true,
        confidence: true,
        detail: true,
        splitQuestions: true,
      },
    }),
    previousAssessment
      ? db.pitfallResult.findUnique({
          where: { assessmentId_pitfallId: { assessmentId: previousAssessment.id, pitfallId: pitfall.id } },
          select: { status: true, score: true },
        })
      : null,
    percentilesFor(context.team, selected.cycle.id),
    getAnsweredPulse(actor, context.team.slug, selected.cycle.id, pitfall.id),
  ]);
  if (!row) throw new NotFoundError("This pitfall was not part of the team's assessment that quarter.");

  const detail = parseStoredDetail(row.detail);
  const findings = showsFindings(row);
  const questionnaire = questionnaireById(selected.cycle.questionnaireId) ?? latestQuestionnaire();
  const status = decodePitfallStatus(row.status);
  const score = status === "scored" ? row.score : null;
  const contributions: ExplanationItem[] = detail.contributions.map((contribution) => {
    if (contribution.source === "context-rule") {
      return {
        kind: "context-rule",
        ruleId: contribution.ruleId,
        explanation: contribution.explanation,
        points: contribution.points,
        share: contribution.share,
      };
    }
    const words = contributionWords(questionnaire, contribution);
    return {
      kind: "answer",
      questionId: contribution.questionId,
      prompt: words.label,
      answer: words.answer,
      points: contribution.points,
      share: contribution.share,
      signOnItsOwn: contribution.triggers !== false,
    };
  });

  return {
    findings: detail.findings.map((finding) => ({
      explanation: finding.explanation,
      floor: FLOOR_LABEL[finding.floor],
    })),
    averageScore:
      score !== null && detail.averageScore !== null && detail.averageScore < score
        ? detail.averageScore
        : null,
    ceilingAverage:
      score !== null && detail.averageScore !== null && detail.averageScore > score
        ? detail.averageScore
        : null,
    team: context.team,
    cycles: context.submitted.map((entry) => toCycleOption(entry.cycle)).reverse(),
    cycle: toCycleOption(selected.cycle),
    pitfall: { id: pitfall.id, name: pitfall.name, summary: pitfall.summary },
    status,
    score,
    band: score === null ? null : decodeRiskBand(row.band),
    confidence: row.confidence,
    percentile: percentiles[pitfall.id] ?? null,
    scoredTeams: scoredTeams[pitfall.id] ?? 0,
    comparedTeams,
    trend: scoreTrendWithinMethod(
      { score, method: selected.scoringMethodVersion },
      previousAssessment
        ? {
            score: previousRow?.status === "scored" ? previousRow.score : null,
            method: previousAssessment.scoringMethodVersion,
          }
        : null,
      before?.name ?? null,
    ),
    methodChange: methodChangeOf(selected, previousAssessment, before?.name ?? null),
    evidence: detail.evidence,
    splitQuestions: row.splitQuestions,
    pulse,
    resultHref: `${resultPath(context.team.slug, selected.cycle.name)}#${DISAGREEMENT_ANCHOR}`,
    contributions,
    // No symptoms or next steps for a pitfall in band None or not scored (older results list them).
    triggeredSymptoms: findings
      ? detail.triggeredSymptoms.map(({ symptomId, title, suspected }) => ({ symptomId, title, suspected }))
      : [],
    triggeredCauses: findings
      ? detail.triggeredCauses.map(({ causeId, text, suspected }) => ({ causeId, text, suspected }))
      : [],
    countermeasures: detail.countermeasures
      .filter((countermeasure) => findings && countermeasure.riskRemoved > 0)
      .map(({ countermeasureId, action, rationale, riskRemoved }) => ({
        countermeasureId,
        action,
        rationale,
        riskRemoved,
      })),
  };
}
