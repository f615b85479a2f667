import "server-only";
import { compareCycles, type CycleQuarter } from "@/domain/cycles/cycle-ref";
import { compareClosedLoop, type ClosedLoop } from "@/domain/plans/closed-loop";
import { asPlanItemStatus } from "@/domain/plans/plan-item-rules";
import {
  pitfallName,
  readStoredResults,
  scoreOfPitfall,
  symptomTitle,
  type StoredAssessmentReading,
} from "@/domain/plans/stored-rankings";
import { countermeasureById } from "@/domain/content";
import type { PlanItemView } from "@/contracts/plans/types";
import type { Prisma } from "@/generated/prisma/client";
import { withStoredResults } from "../assessments/with-stored-results";
import { db } from "../db";

/**
 * Reads shared by the plan pages, the plan mutations and the exports. They take ids that the
 * caller has already authorised; nothing here is reachable from a request without that check.
 */

/** Assessments that carry stored results: submitted, or reopened after a submission. */
export const withResults: Prisma.AssessmentWhereInput = withStoredResults;

export const newestCycleFirst: Prisma.AssessmentOrderByWithRelationInput[] = [
  { cycle: { year: "desc" } },
  { cycle: { quarter: "desc" } },
];

export const cycleColumns = {
  id: true,
  name: true,
  year: true,
  quarter: true,
  opensOn: true,
  closesOn: true,
  status: true,
} as const;

export interface CycleRow {
  id: string;
  name: string;
  year: number;
  quarter: number;
  opensOn: Date;
  closesOn: Date;
  status: string;
}

const resultAssessmentColumns = {
  id: true,
  status: true,
  submittedAt: true,
  overallScore: true,
  overallBand: true,
  scoringMethodVersion: true,
  cycle: { select: cycleColumns },
  results: {
    select: {
      pitfallId: true,
      status: true,
      score: true,
      band: true,
      confidence: true,
      evidenceFound: true,
      detail: true,
    },
  },
} as const;

export interface ResultAssessment {
  id: string;
  status: string;
  submittedAt: Date | null;
  overallScore: number | null;
  overallBand: string | null;
  /** The scoring method the stored results were computed with. */
  scoringMethodVersion: number | null;
  cycle: CycleRow;
  reading: StoredAssessmentReading;
}

type ResultAssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof resultAssessmentColumns }>;

function toResultAssessment(row: ResultAssessmentRow): ResultAssessment {
  return {
    id: row.id,
    status: row.status,
    submittedAt: row.submittedAt,
    overallScore: row.overallScore,
    overallBand: row.overallBand,
    scoringMethodVersion: row.scoringMethodVersion,
    cycle: row.cycle,
    reading: readStoredResults(row.results),
  };
}

/** Cycles up to and including `cycle`, as a filter on an assessment's cycle. */
function upToCycle(cycle: { year: number; quarter: number }): Prisma.CycleWhereInput {
  return { OR: [{ year: { lt: cycle.year } }, { year: cycle.year, quarter: { lte: cycle.quarter } }] };
}

/** The team's latest assessment with stored results, optionally no later than a cycle. */
export async function latestResultAssessment(
  teamId: string,
  notAfter?: { year: number; quarter: number },
): Promise<ResultAssessment | null> {
  const row = await db.assessment.findFirst({
    where: { teamId, ...withResults, ...(notAfter ? { cycle: upToCycle(notAfter) } : {}) },
    orderBy: newestCycleFirst,
    select: resultAssessmentColumns,
  });
  return row ? toResultAssessment(row) : null;
}

/** The team's assessment with stored results in one cycle, or null. */
export async function resultAssessmentInCycle(
  teamId: string,
  cycleId: string,
): Promise<ResultAssessment | null> {
  const row = await db.assessment.findFirst({
    where: { teamId, cycleId, ...withResults },
    select: resultAssessmentColumns,
  });
  return row ? toResultAssessment(row) : null;
}

/** A stored plan item with what the plan page shows of it as is; dates stay Dates until a view formats them. */
export interface PlanItemRecord extends Pick<
  PlanItemView,
  | "id"
  | "version"
  | "countermeasureId"
  | "action"
  | "pitfallId"
  | "pitfallName"
  | "rationale"
  | "addresses"
  | "status"
  | "droppedReason"
  | "notes"
  | "addedInCycle"
> {
  teamId: string;
  owner: { id: string; name: string; email: string } | null;
  dueOn: Date | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  sourceAssessmentId: string;
  scoreWhenAdded: number | null;
  /** The scoring method scoreWhenAdded was computed with; null when not recorded. */
  scoreMethodVersion: number | null;
  addedInQuarter: CycleQuarter | null;
}

export const planItemColumns = {
  id: true,
  teamId: true,
  version: true,
  countermeasureId: true,
  pitfallId: true,
  rationale: true,
  addresses: true,
  status: true,
  droppedReason: true,
  notes: true,
  dueOn: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
  sourceAssessmentId: true,
  scoreWhenAdded: true,
  scoreMethodVersion: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

type PlanItemRow = Prisma.PlanItemGetPayload<{ select: typeof planItemColumns }>;

function parseAddresses(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

interface SourceCycle {
  name: string;
  /** Orders cycles without comparing names. */
  quarter: CycleQuarter;
}

function toPlanItemRecord(row: PlanItemRow, sourceCycles: ReadonlyMap<string, SourceCycle>): PlanItemRecord {
  const source = sourceCycles.get(row.sourceAssessmentId);
  return {
    id: row.id,
    teamId: row.teamId,
    version: row.version,
    countermeasureId: row.countermeasureId,
    action: countermeasureById(row.countermeasureId)?.action ?? row.countermeasureId,
    pitfallId: row.pitfallId,
    pitfallName: pitfallName(row.pitfallId),
    rationale: row.rationale,
    addresses: parseAddresses(row.addresses).map((symptomId) => ({
      symptomId,
      title: symptomTitle(symptomId),
    })),
    status: asPlanItemStatus(row.status),
    droppedReason: row.droppedReason,
    notes: row.notes,
    owner: row.owner,
    dueOn: row.dueOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    sourceAssessmentId: row.sourceAssessmentId,
    scoreWhenAdded: row.scoreWhenAdded,
    scoreMethodVersion: row.scoreMethodVersion,
    addedInCycle: source?.name ?? null,
    addedInQuarter: source?.quarter ?? null,
  };
}

/** The cycles of the assessments plan items were added from, in one query. */
async function cyclesOfAssessments(assessmentIds: readonly string[]): Promise<Map<string, SourceCycle>> {
  const unique = [...new Set(assessmentIds)];
  if (unique.length === 0) return new Map();
  const rows = await db.assessment.findMany({
    where: { id: { in: unique } },
    select: { id: true, cycle: { select: { name: true, year: true, quarter: true } } },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      { name: row.cycle.name, quarter: { year: row.cycle.year, quarter: row.cycle.quarter } },
    ]),
  );
}

/** Plan items of the given teams, oldest first (the order they were added in). */
export async function loadPlanItems(teamIds: readonly string[]): Promise<PlanItemRecord[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.planItem.findMany({
    where: { teamId: { in: [...teamIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: planItemColumns,
  });
  const sourceCycles = await cyclesOfAssessments(rows.map((row) => row.sourceAssessmentId));
  return rows.map((row) => toPlanItemRecord(row, sourceCycles));
}

/** How the item's pitfall moved between the assessment it was added from and `latest`. */
export function closedLoopOf(item: PlanItemRecord, latest: ResultAssessment | null): ClosedLoop {
  const relation =
    latest?.id === item.sourceAssessmentId
      ? "same"
      : latest !== null &&
          item.addedInQuarter !== null &&
          compareCycles(latest.cycle, item.addedInQuarter) < 0
        ? "earlier"
        : "later";
  return compareClosedLoop({
    pitfallName: item.pitfallName,
    scoreWhenAdded: item.scoreWhenAdded,
    methodWhenAdded: item.scoreMethodVersion,
    addedInCycle: item.addedInCycle,
    latestScore: latest ? scoreOfPitfall(latest.reading.pitfalls, item.pitfallId) : null,
    latestCycle: latest?.cycle.name ?? null,
    latestMethod: latest?.scoringMethodVersion ?? null,
    latestRelation: relation,
  });
}

/** People with a role on the team (lead or member), the only ones an item can be assigned to. */
export async function possibleOwners(
  teamId: string,
): Promise<{ id: string; name: string; email: string; role: string }[]> {
  const grants = await db.roleAssignment.findMany({
    where: { teamId, role: { in: ["team_lead", "member"] }, user: { deactivatedAt: null } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  const byUser = new Map<string, { id: string; name: string; email: string; role: string }>();
  for (const grant of grants) {
    const existing = byUser.get(grant.user.id);
    // A person who is both lead and member is listed once, as lead.
    if (!existing || grant.role === "team_lead")
      byUser.set(grant.user.id, { ...grant.user, role: grant.role });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}
