import "server-only";
import { storedAssessmentColumns } from "@/domain/results/stored-results";
import { SCORING_METHOD_VERSION, scoreAssessment, type AssessmentScore } from "@/domain/scoring";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { ExpectedError } from "../errors";
import type { AppPrismaClient } from "../prisma-client";
import { compiledQuestionnaire, questionnaireOfCycle } from "./questionnaire-content";
import { scorableAnswers } from "./stored-answers";
import { staleResultsWhere } from "./stale-results";
import { replaceStoredPitfallResults } from "./stored-results";
import { readTeamEvidence } from "./team-evidence";

/**
 * Re-scoring: brings results stored under an older scoring method up to the current one, so
 * dashboards, trends and the closed loop compare like with like.
 *
 * Each cycle is re-scored in one transaction: its assessments' pitfall results, overall figures
 * and method version, and the scores of plan items added from them, change together or not at
 * all, with one audit event. Assessments already on the current method are left alone, so a
 * second run finds nothing to do and writes nothing.
 */

type Transaction = Prisma.TransactionClient;
type RescoreClient = Pick<AppPrismaClient, "$transaction" | "cycle" | "assessment">;

export const RESCORE_AUDIT_ACTION = "cycle.rescored";

/** Large organisations re-score thousands of assessments in one cycle's transaction. */
const CYCLE_TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export interface RescoredCycle {
  cycleId: string;
  cycleName: string;
  assessments: number;
  planItems: number;
  /** The method versions the re-scored results had before, oldest first (null: not recorded). */
  fromVersions: (number | null)[];
  toVersion: number;
}

export interface FailedCycle {
  cycleId: string;
  cycleName: string;
  /** Why the cycle could not be re-scored; nothing of it was changed. */
  reason: string;
}

export interface RescoreReport {
  methodVersion: number;
  rescored: RescoredCycle[];
  failed: FailedCycle[];
}

/** A refusal that names what is wrong in words an operator can act on. */
export class RescoreRefusal extends Error {}

function scoreOf(score: AssessmentScore, pitfallId: string): number | null {
  const pitfall = score.pitfalls.find((entry) => entry.pitfallId === pitfallId);
  return pitfall && pitfall.status === "scored" ? pitfall.score : null;
}

function versionsOf(values: readonly (number | null)[]): (number | null)[] {
  return [...new Set(values)].sort((a, b) => (a ?? -1) - (b ?? -1));
}

async function rescoreCycle(
  tx: Transaction,
  cycle: { id: string; name: string; questionnaireId: string },
): Promise<RescoredCycle | null> {
  const methodVersion = SCORING_METHOD_VERSION;
  // Read inside the transaction, so what is re-scored is what the conditional updates below guard.
  const assessments = await tx.assessment.findMany({
    where: staleResultsWhere(cycle.id),
    orderBy: [{ team: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      teamId: true,
      version: true,
      scoringMethodVersion: true,
      cycleId: true,
      overallScore: true,
      overallBand: true,
      team: { select: { name: true } },
      answers: { select: { questionId: true, kind: true, value: true, reason: true } },
    },
  });
  if (assessments.length === 0) return null;

  const questionnaire = questionnaireOfCycle(cycle);
  const scores = new Map<string, AssessmentScore>();

  for (const assessment of assessments) {
    // As on submit: the same answers are scored, and one the current content refuses stops the run.
    const { answers, teamContext } = scorableAnswers(assessment.answers, questionnaire, (row, message) => {
      throw new RescoreRefusal(
        `${assessment.team.name}: the answer to "${row.questionId}" is refused by the current content (${message ?? "the stored answer cannot be read"}).`,
      );
    });
    // Pulse evidence and the team's split questions are read again, exactly as on submit.
    const evidence = await readTeamEvidence(tx, assessment, questionnaire, answers);
    let score: AssessmentScore;
    try {
      score = scoreAssessment(
        compiledQuestionnaire(evidence.scoring.questionnaire),
        evidence.scoring.answers,
        teamContext,
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : "the scoring engine refused the answers";
      throw new RescoreRefusal(`${assessment.team.name}: ${detail}`);
    }

    // Bumping the optimistic-lock version makes a page opened before the re-score (a reopened
    // assessment's review, say) reload rather than act on results it has not seen; the condition
    // refuses the write if anything changed the assessment since it was read above.
    const claimed = await tx.assessment.updateMany({
      where: {
        id: assessment.id,
        version: assessment.version,
        scoringMethodVersion: assessment.scoringMethodVersion,
      },
      data: { version: { increment: 1 }, ...storedAssessmentColumns(score) },
    });
    if (claimed.count === 0) {
      throw new RescoreRefusal(
        `${assessment.team.name}: the assessment changed while it was being re-scored; run the command again.`,
      );
    }
    await replaceStoredPitfallResults(tx, assessment.id, score, evidence.splitByPitfall);
    scores.set(assessment.id, score);
  }

  // Plan items keep the score their pitfall had in the assessment they were added from; re-scored
  // with it, so the closed loop compares two results of the same method. Their own `version`
  // guards the fields people edit (owner, due date, status, notes), none of which changes here,
  // so it is not bumped: an editor open on the plan can still save.
  const items = await tx.planItem.findMany({
    where: { sourceAssessmentId: { in: [...scores.keys()] } },
    select: { id: true, pitfallId: true, sourceAssessmentId: true },
  });
  for (const item of items) {
    const score = scores.get(item.sourceAssessmentId)!;
    await tx.planItem.update({
      where: { id: item.id },
      data: { scoreWhenAdded: scoreOf(score, item.pitfallId), scoreMethodVersion: score.methodVersion },
    });
  }

  const fromVersions = versionsOf(assessments.map((assessment) => assessment.scoringMethodVersion));
  const byVersion: Record<string, number> = {};
  for (const assessment of assessments) {
    const key = String(assessment.scoringMethodVersion ?? "not recorded");
    byVersion[key] = (byVersion[key] ?? 0) + 1;
  }
  await writeAudit(tx, {
    actorId: null,
    action: RESCORE_AUDIT_ACTION,
    entityType: "cycle",
    entityId: cycle.id,
    before: {
      cycle: cycle.name,
      assessments: assessments.length,
      methodVersions: fromVersions,
      assessmentsByMethodVersion: byVersion,
      planItems: items.length,
    },
    after: {
      cycle: cycle.name,
      assessments: assessments.length,
      methodVersion,
      planItems: items.length,
    },
  });
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    assessments: assessments.length,
    planItems: items.length,
    fromVersions,
    toVersion: methodVersion,
  };
}

function failureReason(error: unknown): string {
  if (error instanceof RescoreRefusal) return error.message;
  // Expected errors (a questionnaire no longer installed) carry a message meant to be read.
  if (error instanceof ExpectedError) return error.message;
  // The command is run by an operator on the server, so a database error is shown as it is.
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return "unexpected error";
}

/**
 * Re-scores, cycle by cycle (oldest first), every assessment whose stored results were computed
 * with another scoring method than the current one. A cycle that cannot be re-scored is rolled
 * back and reported; the other cycles still run.
 */
export async function rescoreStoredResults(client: RescoreClient): Promise<RescoreReport> {
  const cycles = await client.cycle.findMany({
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
    select: { id: true, name: true, questionnaireId: true },
  });
  const report: RescoreReport = { methodVersion: SCORING_METHOD_VERSION, rescored: [], failed: [] };
  for (const cycle of cycles) {
    // Cheap check first, so cycles already up to date never open a write transaction.
    const stale = await client.assessment.count({ where: staleResultsWhere(cycle.id) });
    if (stale === 0) continue;
    try {
      const outcome = await client.$transaction((tx) => rescoreCycle(tx, cycle), {
        timeout: CYCLE_TRANSACTION_TIMEOUT_MS,
        maxWait: 60_000,
      });
      if (outcome) report.rescored.push(outcome);
    } catch (error) {
      report.failed.push({ cycleId: cycle.id, cycleName: cycle.name, reason: failureReason(error) });
    }
  }
  return report;
}

function methodList(versions: readonly (number | null)[]): string {
  return versions.map((version) => (version === null ? "not recorded" : String(version))).join(", ");
}

/** The lines the command prints, one per cycle re-scored or failed. */
export function describeRescoreReport(report: RescoreReport): string[] {
  const lines: string[] = [];
  for (const cycle of report.rescored) {
    const items =
      cycle.planItems > 0
        ? `, ${cycle.planItems} plan item score${cycle.planItems === 1 ? "" : "s"} updated`
        : "";
    lines.push(
      `${cycle.cycleName}: ${cycle.assessments} assessment${cycle.assessments === 1 ? "" : "s"} re-scored (method ${methodList(cycle.fromVersions)} → ${cycle.toVersion})${items}`,
    );
  }
  for (const failure of report.failed) {
    lines.push(`${failure.cycleName}: not re-scored, nothing in it was changed. ${failure.reason}`);
  }
  if (report.rescored.length === 0 && report.failed.length === 0) {
    lines.push(`Nothing to re-score: every stored result uses scoring method ${report.methodVersion}.`);
  }
  return lines;
}
