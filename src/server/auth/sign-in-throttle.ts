import "server-only";
import { randomUUID } from "node:crypto";
import type { AppPrismaClient } from "../prisma-client";

/**
 * Failed sign-ins are counted per account (the email as typed, whether or not it exists, so the
 * throttle reveals nothing) and per client address, in the database so every app instance
 * shares the counts. A success clears the account's count.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `sign-in:account:${email.trim().toLowerCase()}`, address: `sign-in:address:${address}` };
}

/** Minutes until sign-in is allowed again, or 0 when it is allowed now. */
export async function signInBlockedForMinutes(client: AppPrismaClient, keys: ThrottleKeys, now = Date.now()) {
  const rows = await client.rateLimit.findMany({ where: { key: { in: [keys.account, keys.address] } } });
  let blockedUntil = 0;
  for (const row of rows) {
    const windowStart = Number(row.lastRequest);
    if (now - windowStart >= SIGN_IN_LIMITS.windowMs) continue;
    const max = row.key === keys.account ? SIGN_IN_LIMITS.maxFailuresPerAccount : SIGN_IN_LIMITS.maxFailuresPerAddress;
    if (row.count >= max) blockedUntil = Math.max(blockedUntil, windowStart + SIGN_IN_LIMITS.windowMs);
  }
  return blockedUntil > now ? Math.ceil((blockedUntil - now) / 60_000) : 0;
}

/** Counts one failed attempt against both keys; a key whose window has passed starts afresh. */
export async function recordFailedSignIn(client: AppPrismaClient, keys: ThrottleKeys, now = Date.now()) {
  await client.$transaction(async (tx) => {
    for (const key of [keys.account, keys.address]) {
      const row = await tx.rateLimit.findUnique({ where: { key } });
      if (!row) {
        await tx.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } });
      } else if (now - Number(row.lastRequest) >= SIGN_IN_LIMITS.windowMs) {
        await tx.rateLimit.update({ where: { key }, data: { count: 1, lastRequest: BigInt(now) } });
      } else {
        await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
      }
    }
  });
}

export async function clearAccountFailures(client: AppPrismaClient, keys: ThrottleKeys) {
  await client.rateLimit.deleteMany({ where: { key: keys.account } });
}
