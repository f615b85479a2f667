import "server-only";
import { API_RATE_LIMIT, API_UNKNOWN_TOKEN_LIMIT } from "@/contracts/api/limits";
import type { AppPrismaClient } from "../prisma-client";
import { countInFixedWindow } from "../throttle/fixed-window-counter";
import { throttleScope } from "@/client-address";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

type Limit = { max: number; windowMs: number };

async function countRequest(client: AppPrismaClient, key: string, now: number, limit: Limit) {
  const { count, windowStart } = await countInFixedWindow(client, key, limit.windowMs, now);
  return {
    allowed: count <= limit.max,
    limit: limit.max,
    remaining: Math.max(0, limit.max - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)),
  };
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
  limit: Limit = API_RATE_LIMIT,
): Promise<RateLimitDecision> {
  return countRequest(client, rateLimitKey(tokenId), now, limit);
}

export function rateLimitKey(tokenId: string): string {
  return `api:token:${tokenId}`;
}

/**
 * Counts one request from `address` whose token is well-formed but belongs to no one: the only
 * kind of failure that guessing tokens produces. Revoked and expired tokens are not counted (a
 * forgotten job keeps sending its old token, and that is not guessing), nor are malformed headers
 * (they never reach the database and cannot match a token). Valid tokens are looked up first, so
 * they keep working from an address that is over the limit.
 */
export async function countUnknownToken(
  client: AppPrismaClient,
  address: string,
  now = Date.now(),
  limit: Limit = API_UNKNOWN_TOKEN_LIMIT,
): Promise<RateLimitDecision> {
  return countRequest(client, unknownTokenKey(address), now, limit);
}

/** An IPv6 address counts under its /64 network (see `throttleScope`). */
export function unknownTokenKey(address: string): string {
  return `api:unknown-token:${throttleScope(address)}`;
}
