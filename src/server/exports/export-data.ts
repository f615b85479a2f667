import "server-only";
import type {
  ExportAssessment,
  ExportCycle,
  ExportHeadline,
  ExportLastResult,
  ExportPlanItem,
  ExportRecommendation,
  ExportTeamSection,
} from "@/domain/plans/export-schema";
import { isoDay } from "@/domain/format";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { formatDueDate, isOverdue, PLAN_ITEM_STATUS_LABELS } from "@/domain/plans/plan-item-rules";
import { teamHeadline } from "@/domain/results/headline";
import type { Prisma } from "@/generated/prisma/client";
import { toApiHeadline } from "../api/headline";
import { db } from "../db";
import { orgWallClock } from "../org-calendar";
import { NotFoundError } from "../errors";
import {
  closedLoopOf,
  cycleColumns,
  latestResultAssessment,
  loadPlanItems,
  resultAssessmentInCycle,
  withResults,
  type CycleRow,
  type PlanItemRecord,
  type ResultAssessment,
} from "../plans/plan-data";

/**
 * Builds the export objects (the JSON export's shape, see src/domain/plans/export-schema.ts) that
 * every format is rendered from. Callers authorise first; these functions take trusted ids.
 */

export interface ExportTeam {
  id: string;
  slug: string;
  name: string;
  orgUnit: { slug: string; name: string };
}

export function toExportCycle(cycle: CycleRow): ExportCycle {
  return {
    name: cycle.name,
    year: cycle.year,
    quarter: cycle.quarter,
    opensOn: isoDay(cycle.opensOn),
    closesOn: isoDay(cycle.closesOn),
  };
}

/**
 * The cycle an export is for: the one asked for, else the latest in which one of `teamIds` (or any
 * team, when null) has submitted results, else the latest that has opened.
 */
export async function resolveExportCycle(
  requested: { year: number; quarter: number } | null,
  teamIds: readonly string[] | null,
  now: Date,
): Promise<CycleRow> {
  if (requested) {
    const cycle = await db.cycle.findUnique({
      where: { year_quarter: { year: requested.year, quarter: requested.quarter } },
      select: cycleColumns,
    });
    if (!cycle) throw new NotFoundError(`There is no ${requested.year} Q${requested.quarter} cycle.`);
    return cycle;
  }
  const newestFirst: Prisma.CycleOrderByWithRelationInput[] = [{ year: "desc" }, { quarter: "desc" }];
  const scope: Prisma.AssessmentWhereInput = {
    ...withResults,
    ...(teamIds ? { teamId: { in: [...teamIds] } } : {}),
  };
  const cycle =
    (await db.cycle.findFirst({
      where: { assessments: { some: scope } },
      orderBy: newestFirst,
      select: cycleColumns,
    })) ??
    (await db.cycle.findFirst({
      where: { opensOn: { lte: orgWallClock(now) } },
      orderBy: newestFirst,
      select: cycleColumns,
    }));
  if (!cycle) throw new NotFoundError("There are no assessment cycles yet, so there is nothing to export.");
  return cycle;
}

/**
 * The headline of stored results, computed from their per-pitfall rows (never the stored average),
 * in the very shape the API gives it, plus whether the pitfall it names is only suspected (read from
 * the stored detail, which the export reads anyway).
 */
function headlineOf(assessment: ResultAssessment): ExportHeadline {
  const headline = teamHeadline(assessment.reading.pitfalls);
  return { ...toApiHeadline(headline), worstSuspected: headline.worstSuspected };
}

function resultStatus(assessment: ResultAssessment): "submitted" | "reopened" {
  return assessment.status === "reopened" ? "reopened" : "submitted";
}

function toExportAssessment(assessment: ResultAssessment): ExportAssessment {
  return {
    status: resultStatus(assessment),
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    headline: headlineOf(assessment),
    pitfalls: assessment.reading.pitfalls.map((pitfall) => ({
      pitfallId: pitfall.pitfallId,
      pitfallName: pitfall.pitfallName,
      status: pitfall.status,
      score: pitfall.score,
      band: pitfall.band,
      confidence: pitfall.confidence,
      dontKnowOnly: pitfall.dontKnowOnly,
      triggeredSymptoms: pitfall.triggeredSymptoms.map((symptom) => ({
        symptomId: symptom.symptomId,
        title: symptom.title,
        points: symptom.points,
        suspected: symptom.suspected,
      })),
    })),
  };
}

/** Countermeasures that would remove risk, most first. */
function rankingOf(assessment: ResultAssessment | null) {
  return (assessment?.reading.recommendations ?? []).filter(
    (recommendation) => recommendation.totalRiskRemoved > 0,
  );
}

function toExportRecommendations(assessment: ResultAssessment | null): ExportRecommendation[] {
  return rankingOf(assessment).map((recommendation) => ({
    countermeasureId: recommendation.countermeasureId,
    action: recommendation.action,
    totalRiskRemoved: recommendation.totalRiskRemoved,
    pitfalls: recommendation.pitfalls.map((pitfall) => ({
      pitfallId: pitfall.pitfallId,
      pitfallName: pitfall.pitfallName,
      rationale: pitfall.rationale,
      riskRemoved: pitfall.riskRemoved,
      addresses: pitfall.addresses,
    })),
  }));
}

/**
 * A team's last result from an earlier cycle, for a team without one in the exported cycle: the
 * one its plan items' closed loop compares with and the heatmap shows in its place.
 */
function toExportLastResult(assessment: ResultAssessment): ExportLastResult {
  return {
    cycle: assessment.cycle.name,
    status: resultStatus(assessment),
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    headline: headlineOf(assessment),
    topRecommendations: rankingOf(assessment)
      .slice(0, TOP_RECOMMENDATIONS_PER_TEAM)
      .map(({ countermeasureId, action, totalRiskRemoved }) => ({
        countermeasureId,
        action,
        totalRiskRemoved,
      })),
  };
}

/** Owners are the only people an export names: by name for people, by email for tools. */
function toExportPlanItem(
  item: PlanItemRecord,
  compareWith: ResultAssessment | null,
  now: Date,
): ExportPlanItem {
  const loop = closedLoopOf(item, compareWith);
  return {
    id: item.id,
    countermeasureId: item.countermeasureId,
    action: item.action,
    pitfallId: item.pitfallId,
    pitfallName: item.pitfallName,
    rationale: item.rationale,
    addresses: item.addresses,
    status: item.status,
    statusLabel: PLAN_ITEM_STATUS_LABELS[item.status],
    droppedReason: item.droppedReason,
    ownerName: item.owner?.name ?? null,
    ownerEmail: item.owner?.email ?? null,
    dueOn: item.dueOn ? formatDueDate(item.dueOn) : null,
    overdue: isOverdue(item, orgWallClock(now)),
    notes: item.notes,
    addedAt: item.createdAt.toISOString(),
    completedAt: item.completedAt?.toISOString() ?? null,
    closedLoop: {
      scoreWhenAdded: loop.scoreWhenAdded,
      addedInCycle: loop.addedInCycle,
      latestScore: loop.latestScore,
      latestCycle: loop.latestCycle,
      difference: loop.kind === "compared" ? loop.difference : null,
      direction: loop.kind === "compared" ? loop.direction : null,
      summary: loop.text,
    },
  };
}

/**
 * One team's part of an export for `cycle`: that cycle's scores, the ranking they produced, and
 * the plan as it stands now, its closed loop measured against the latest results up to the cycle.
 * A team without results in the cycle carries those latest results as its `lastResult`.
 */
export async function buildTeamSection(
  team: ExportTeam,
  cycle: CycleRow,
  now: Date,
): Promise<ExportTeamSection> {
  const [inCycle, items] = await Promise.all([
    resultAssessmentInCycle(team.id, cycle.id),
    loadPlanItems([team.id]),
  ]);
  const compareWith = inCycle ?? (await latestResultAssessment(team.id, cycle));
  return {
    team: { slug: team.slug, name: team.name, orgUnit: team.orgUnit },
    assessment: inCycle ? toExportAssessment(inCycle) : null,
    lastResult: !inCycle && compareWith ? toExportLastResult(compareWith) : null,
    recommendations: toExportRecommendations(inCycle),
    planItems: items.map((item) => toExportPlanItem(item, compareWith, now)),
  };
}
