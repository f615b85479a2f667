import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AppPrismaClient } from "../prisma-client";

/** A counter of the `rate_limit` table: how many events in its window, and when the window began. */
export interface WindowCount {
  count: number;
  windowStart: number;
}

interface CounterRow {
  count: number | bigint;
  lastRequest: number | bigint;
}

/**
 * Counts one event against the counter `key` in a fixed window of `windowMs` and returns the count
 * including it; a counter whose window has passed starts again at 1. One atomic upsert
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, the same on SQLite and PostgreSQL), so concurrent
 * events each get their own number and every app instance shares the count.
 */
export async function countInFixedWindow(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  key: string,
  windowMs: number,
  now: number,
): Promise<WindowCount> {
  const expired = BigInt(now - windowMs);
  const rows = await client.$queryRaw<CounterRow[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest")
    VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit"."lastRequest" <= ${expired} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = CASE WHEN "rate_limit"."lastRequest" <= ${expired} THEN ${BigInt(now)} ELSE "rate_limit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  const row = rows[0]!;
  return { count: Number(row.count), windowStart: Number(row.lastRequest) };
}

/** Counters untouched this long are past every window in use (the longest is an hour). */
export const STALE_COUNTER_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let nextPruneAt = 0;

/**
 * Deletes counters whose window passed long ago, at most once an hour per process. Counters are
 * keyed by what requests bring (typed emails, addresses), so without this the table would only
 * grow. A deleted counter would have started again at 1 anyway, so nothing a limit decides changes.
 * `keep` names key prefixes with a lifetime of their own (and that lifetime).
 */
export async function pruneStaleCounters(
  client: Pick<AppPrismaClient, "rateLimit">,
  now: number,
  keep: readonly { prefix: string; lifetimeMs: number }[] = [],
): Promise<void> {
  if (now < nextPruneAt) return;
  nextPruneAt = now + PRUNE_EVERY_MS;
  await client.rateLimit.deleteMany({
    where: {
      lastRequest: { lt: BigInt(now - STALE_COUNTER_MS) },
      NOT: keep.map(({ prefix }) => ({ key: { startsWith: prefix } })),
    },
  });
  for (const { prefix, lifetimeMs } of keep) {
    await client.rateLimit.deleteMany({
      where: { key: { startsWith: prefix }, lastRequest: { lt: BigInt(now - lifetimeMs) } },
    });
  }
}

/** For tests: the next call to pruneStaleCounters prunes whatever the time. */
export function allowPruneNow(): void {
  nextPruneAt = 0;
}
