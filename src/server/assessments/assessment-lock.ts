import "server-only";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";

type Transaction = Prisma.TransactionClient;

/*
 * Submitting an assessment and writing what its result is scored from are decided one after the
 * other.
 *
 * A submission scores the team's answers together with what the team's people sent on their own:
 * their individual answers and the anonymous pulse. Those writes check inside their transaction
 * that the assessment is not submitted. On PostgreSQL, under READ COMMITTED, a plain read of the
 * status would not do: a write past its check could commit after a submission had read the
 * evidence, and land next to a result that does not count it (or count it only at the next
 * re-scoring). So those writes read the assessment's row FOR KEY SHARE, and a submission takes the
 * row FOR UPDATE before it reads anything it scores: a submission waits for the writes already past
 * their check, and sees them; a write arriving during a submission waits for it and then reads
 * "submitted", and is refused as every write into a submitted assessment is.
 *
 * FOR KEY SHARE conflicts with FOR UPDATE only: writers do not wait for each other, nor for the
 * team's autosave, whose conditional update of the version takes a weaker lock. Each locking read
 * replaces the plain read the write made anyway, so the autosave path runs no more statements.
 * The cycle's row is taken before the assessment's by a submission (cycle-lock.ts), and a close
 * takes no assessment lock, so a close and a submission cannot deadlock.
 *
 * SQLite runs one write transaction at a time (BEGIN IMMEDIATE), so there the plain read is always
 * current.
 */

function onPostgres(): boolean {
  return databaseProvider(getEnv().DATABASE_URL) === "postgresql";
}

/** What a write that depends on an assessment's status reads of it. */
export interface AssessmentForWrite {
  id: string;
  teamId: string;
  cycleId: string;
  status: string;
  version: number;
  carriedFromId: string | null;
}

const columns = {
  id: true,
  teamId: true,
  cycleId: true,
  status: true,
  version: true,
  carriedFromId: true,
} as const satisfies Prisma.AssessmentSelect;

/** Reads an assessment for a write into it; a submission waits until the transaction ends. */
export async function readAssessmentForWrite(
  tx: Transaction,
  assessmentId: string,
): Promise<AssessmentForWrite | null> {
  if (!onPostgres()) return tx.assessment.findUnique({ where: { id: assessmentId }, select: columns });
  const rows = await tx.$queryRaw<AssessmentForWrite[]>`
    SELECT "id", "teamId", "cycleId", "status", "version", "carriedFromId"
    FROM "assessment" WHERE "id" = ${assessmentId} FOR KEY SHARE`;
  return rows[0] ?? null;
}

/** The same, found by team and cycle (the pulse names the cycle, not the assessment). */
export async function readTeamAssessmentForWrite(
  tx: Transaction,
  teamId: string,
  cycleId: string,
): Promise<AssessmentForWrite | null> {
  if (!onPostgres()) {
    return tx.assessment.findUnique({ where: { teamId_cycleId: { teamId, cycleId } }, select: columns });
  }
  const rows = await tx.$queryRaw<AssessmentForWrite[]>`
    SELECT "id", "teamId", "cycleId", "status", "version", "carriedFromId"
    FROM "assessment" WHERE "teamId" = ${teamId} AND "cycleId" = ${cycleId} FOR KEY SHARE`;
  return rows[0] ?? null;
}

/**
 * Takes the assessment for its submission: waits for the writes holding it, and keeps new ones out
 * until the submission commits. Returns the status and version as they are once it holds the row.
 */
export async function lockAssessmentForSubmit(
  tx: Transaction,
  assessmentId: string,
): Promise<{ status: string; version: number } | null> {
  if (!onPostgres()) return null;
  const rows = await tx.$queryRaw<{ status: string; version: number }[]>`
    SELECT "status", "version" FROM "assessment" WHERE "id" = ${assessmentId} FOR UPDATE`;
  return rows[0] ?? null;
}
