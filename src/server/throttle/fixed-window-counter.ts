import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

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
