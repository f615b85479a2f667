/**
 * Forcing an interleaving of concurrent requests, the same way on both databases.
 *
 * `holdTransaction` opens a transaction on the app's own client, runs the given statements in it
 * and keeps it open until `release` commits it. On PostgreSQL it holds the row locks those
 * statements took, on a connection of its own, so a request that needs one of those rows waits for
 * it while everything else goes on. On SQLite, where one write transaction runs at a time, every
 * other request queues behind it. Either way, requests started meanwhile can be made to meet the
 * held transaction's changes exactly at the point a test is about.
 */
import { databaseProvider } from "@/database-url";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

export const onPostgres = () => databaseProvider(process.env.DATABASE_URL!) === "postgresql";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface HeldTransaction {
  /** Commits the held transaction (and fails the test if it could not). */
  release(): Promise<void>;
}

export async function holdTransaction(
  statements: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<HeldTransaction> {
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const committed = db.$transaction(
    async (tx) => {
      await statements(tx);
      holding();
      await released;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  await Promise.race([held, committed]);
  return {
    async release() {
      letGo();
      await committed;
    },
  };
}

/** A request's outcome, kept rather than thrown, with the moment it settled. */
export type Outcome<T> =
  | { ok: true; value: T; settledAt: number }
  | { ok: false; error: { code?: string; message: string }; settledAt: number };

/** Starts following a request: its promise never rejects, and `settled` says whether it is done. */
export function follow<T>(request: Promise<T>): { outcome: Promise<Outcome<T>>; settled: () => boolean } {
  let done = false;
  const outcome = request.then(
    (value): Outcome<T> => ({ ok: true, value, settledAt: performance.now() }),
    (error: { code?: string; message: string }): Outcome<T> => ({
      ok: false,
      error: { code: error.code, message: error.message },
      settledAt: performance.now(),
    }),
  );
  void outcome.then(() => (done = true));
  return { outcome, settled: () => done };
}

/**
 * Waits until `waiting` transactions of this database wait for a lock (PostgreSQL), or until every
 * followed request has settled without waiting. On SQLite the requests are queued behind the held
 * transaction, and asking the database would queue too: a short pause lets them reach the queue.
 */
export async function untilWaitingOrSettled(
  waiting: number,
  requests: readonly { settled: () => boolean }[],
): Promise<void> {
  if (!onPostgres()) {
    await pause(200);
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (requests.every((request) => request.settled())) return;
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (Number(row!.waiting) >= waiting) return;
    await pause(20);
  }
  throw new Error(`Expected ${waiting} transaction(s) to wait for a lock, or the requests to settle.`);
}
