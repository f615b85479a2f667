import "server-only";
import { databaseProvider } from "@/database-url";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";

type Transaction = Prisma.TransactionClient;

/*
 * Closing a cycle and writing into it are decided one after the other.
 *
 * Every write into a cycle (an answer, a confirmation, one's own answer, the pulse, a submission, a
 * reopen, a start) checks inside its transaction that the cycle is open. On PostgreSQL, under READ
 * COMMITTED, a plain read of the status would not do: a close committing between a write's check
 * and the write's commit would let the write land in the closed cycle, after the close's audit
 * event. So the writes read the cycle's row FOR SHARE: writers never wait for each other, but a
 * close (which takes the row FOR UPDATE) waits for the writes already past their check, and a write
 * arriving during a close waits for it and then reads "closed". A close holds no other lock a write
 * waits for, so the two cannot deadlock. The locking read replaces the plain read of the cycle the
 * write made anyway, so the autosave path runs no more statements than before.
 *
 * SQLite runs one write transaction at a time (BEGIN IMMEDIATE), so there the plain read is always
 * current.
 */

function onPostgres(): boolean {
  return databaseProvider(getEnv().DATABASE_URL) === "postgresql";
}

/** What a write into a cycle reads of it. */
export interface CycleForWrite {
  id: string;
  name: string;
  status: string;
  questionnaireId: string;
}

/** Reads a cycle for a write into it; it stays as read until the transaction ends. */
export async function readCycleForWrite(tx: Transaction, cycleId: string): Promise<CycleForWrite | null> {
  if (!onPostgres()) {
    return tx.cycle.findUnique({
      where: { id: cycleId },
      select: { id: true, name: true, status: true, questionnaireId: true },
    });
  }
  const rows = await tx.$queryRaw<CycleForWrite[]>`
    SELECT "id", "name", "status", "questionnaireId" FROM "cycle" WHERE "id" = ${cycleId} FOR SHARE`;
  return rows[0] ?? null;
}

/**
 * Holds the open cycle, if one is open, until the transaction ends; a cycle being closed meanwhile
 * is waited for, and is then no longer open. Read the open cycle after this.
 */
export async function holdOpenCycle(tx: Transaction): Promise<void> {
  if (!onPostgres()) return;
  await tx.$executeRaw`SELECT "id" FROM "cycle" WHERE "status" = 'open' FOR SHARE`;
}

/** Takes the cycle for a change of its status: waits for the writes holding it, and keeps new ones out. */
export async function lockCycleForStatusChange(tx: Transaction, cycleId: string): Promise<void> {
  if (!onPostgres()) return;
  await tx.$executeRaw`SELECT "id" FROM "cycle" WHERE "id" = ${cycleId} FOR UPDATE`;
}
