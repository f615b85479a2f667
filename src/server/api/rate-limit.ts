import "server-only";
import { randomUUID } from "node:crypto";
import { API_RATE_LIMIT } from "@/contracts/api/limits";
import type { AppPrismaClient } from "../prisma-client";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Counts one request of a token in a fixed window, in the same `rate_limit` table and with the same
 * single atomic upsert as sign-in throttling, so every app instance shares the count and a burst of
 * parallel requests gets exactly `max` through, however they interleave.
 */
export async function countApiRequest(
  client: AppPrismaClient,
  tokenId: string,
  now = Date.now(),
  limit: { max: number; windowMs: number } = API_RATE_LIMIT,
): Promise<RateLimitDecision> {
  const expired = BigInt(now - limit.windowMs);
  const rows = await client.$queryRaw<{ count: number | bigint; lastRequest: number | bigint }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "lastRequest")
    VALUES (${randomUUID()}, ${rateLimitKey(tokenId)}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit"."lastRequest" <= ${expired} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "lastRequest" = CASE WHEN "rate_limit"."lastRequest" <= ${expired} THEN ${BigInt(now)} ELSE "rate_limit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  const count = Number(rows[0]!.count);
  const windowStart = Number(rows[0]!.lastRequest);
  return {
    allowed: count <= limit.max,
    limit: limit.max,
    remaining: Math.max(0, limit.max - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)),
  };
}

export function rateLimitKey(tokenId: string): string {
  return `api:token:${tokenId}`;
}
