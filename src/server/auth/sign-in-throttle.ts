import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AppPrismaClient } from "../prisma-client";
import { countInFixedWindow, pruneStaleCounters } from "../throttle/fixed-window-counter";
import { throttleScope } from "@/client-address";

/**
 * Sign-in throttling, kept in the database so every app instance shares the counts.
 *
 * Every attempt is counted *before* its password is checked, by one atomic upsert per counter
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, the same on SQLite and PostgreSQL), all of an
 * attempt's counters in one transaction. The first counter's row stays locked until that
 * transaction ends, so parallel attempts with the same email and address are counted one after
 * another on every counter: a burst gets exactly the allowed number of checks (the sixth request
 * already sees a count of 6 on each counter), however the requests interleave. Counted one
 * statement at a time outside a transaction, a request could be early on one counter and late on
 * another, and a burst then got fewer checks than allowed. A successful sign-in hands its attempt
 * back, so only failures use up the limits.
 *
 * Three counters, so that failures typed by one person cannot lock out another:
 * - account + address: 5 per 15 minutes. Someone guessing from elsewhere does not touch the
 *   owner's counter at the owner's usual address.
 * - address: 20 per 15 minutes, whichever accounts are tried (password spraying from one place).
 *   Many people may share an address (an office, a VPN, a reverse proxy the app does not know
 *   about), so its block does not stop an account at an address it signed in from successfully
 *   in the last 90 days: the attempt still counts there, and the account + address counter still
 *   limits it, but other people's failures cannot keep the account's owner out.
 * - account, from addresses that have not signed in to it lately: 30 per hour, a slower backoff
 *   against guessing spread over many addresses. An address where the account signed in
 *   successfully in the last 90 days is exempt, so its owner keeps getting in.
 * The email counts as typed (trimmed, lower-case), whether or not an account has it, so the
 * throttle reveals nothing about which accounts exist.
 */
export const SIGN_IN_LIMITS = {
  pair: { max: 5, windowMs: 15 * 60 * 1000 },
  address: { max: 20, windowMs: 15 * 60 * 1000 },
  account: { max: 30, windowMs: 60 * 60 * 1000 },
  knownAddressMs: 90 * 24 * 60 * 60 * 1000,
} as const;

type CounterName = "pair" | "address" | "account";

/** Marks of addresses an account signed in from, kept as long as they exempt the address. */
const KNOWN_ADDRESS_PREFIX = "sign-in:known:";

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
  /** Marks an address the account signed in from; never counted. */
  known: string;
}

export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  const address = throttleScope(clientAddress);
  return {
    pair: `sign-in:pair:${account}|${address}`,
    address: `sign-in:address:${address}`,
    account: `sign-in:account:${account}`,
    known: `${KNOWN_ADDRESS_PREFIX}${account}|${address}`,
  };
}

/**
 * Which limit refused an attempt: the address's (everyone's failures from that network together)
 * or the account's own (at this address, or across addresses).
 */
export type SignInBlock = "address" | "account";

export type SignInAttempt =
  | { allowed: true; countedAccount: boolean }
  | { allowed: false; waitMinutes: number; blockedBy: SignInBlock };

async function isKnownAddress(
  client: Prisma.TransactionClient,
  keys: ThrottleKeys,
  now: number,
): Promise<boolean> {
  const row = await client.rateLimit.findUnique({
    where: { key: keys.known },
    select: { lastRequest: true },
  });
  return row !== null && now - Number(row.lastRequest) < SIGN_IN_LIMITS.knownAddressMs;
}

/**
 * Reserves one sign-in attempt, before the password is checked. Refused when any counter that
 * applies is over its limit; the refusal says how many minutes until the longest block ends.
 */
export async function reserveSignInAttempt(
  client: AppPrismaClient,
  keys: ThrottleKeys,
  now = Date.now(),
): Promise<SignInAttempt> {
  const { countAccount, blockedUntil, blockedBy } = await client.$transaction(async (tx) => {
    const knownAddress = await isKnownAddress(tx, keys, now);
    const countAccount = !knownAddress;
    // The address first: once it is over its limit the attempt is refused whatever else, and is
    // not counted against the typed email, so a flood of made-up emails from one address adds no
    // rows after its first few. Except for an account that signed in from this address before:
    // its attempt counts against the address too, but the address's block does not refuse it.
    const counters: CounterName[] = countAccount ? ["address", "pair", "account"] : ["address", "pair"];
    let blockedUntil = 0;
    let blockedBy: SignInBlock = "account";
    for (const name of counters) {
      const limit = SIGN_IN_LIMITS[name];
      const { count, windowStart } = await countInFixedWindow(tx, keys[name], limit.windowMs, now);
      if (count <= limit.max || (name === "address" && knownAddress)) continue;
      const until = windowStart + limit.windowMs;
      if (until > blockedUntil) {
        blockedUntil = until;
        blockedBy = name === "address" ? "address" : "account";
      }
      if (name === "address" && blockedUntil > now) break;
    }
    return { countAccount, blockedUntil, blockedBy };
  });
  // Off the request's path: a failed prune is retried an hour later and changes no decision.
  void pruneStaleCounters(client, now, [
    { prefix: KNOWN_ADDRESS_PREFIX, lifetimeMs: SIGN_IN_LIMITS.knownAddressMs },
  ]).catch(() => undefined);
  if (blockedUntil > now)
    return { allowed: false, waitMinutes: Math.ceil((blockedUntil - now) / 60_000), blockedBy };
  return { allowed: true, countedAccount: countAccount };
}

/**
 * After a successful sign-in: the account + address counter starts afresh, the attempt is handed
 * back to the address (and account) counters, and the address becomes a known one for the account.
 */
export async function recordSuccessfulSignIn(
  client: AppPrismaClient,
  keys: ThrottleKeys,
  attempt: { countedAccount: boolean },
  now = Date.now(),
) {
  await client.rateLimit.deleteMany({ where: { key: keys.pair } });
  const refunded = attempt.countedAccount ? [keys.address, keys.account] : [keys.address];
  await client.rateLimit.updateMany({
    where: { key: { in: refunded }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
  await client.rateLimit.upsert({
    where: { key: keys.known },
    create: { id: randomUUID(), key: keys.known, count: 0, lastRequest: BigInt(now) },
    update: { lastRequest: BigInt(now) },
  });
}

/**
 * Changing one's password, and creating an API token, ask for the current one, which would
 * otherwise let anyone holding a session (a browser left signed in) guess it without the sign-in
 * limits. Attempts are counted per person, together for both, before the password is checked,
 * like sign-in's; a right password starts afresh. (The key keeps its first name, so counts in
 * flight during an upgrade carry over.)
 */
export const CURRENT_PASSWORD_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 } as const;

const currentPasswordKey = (userId: string) => `password-change:${userId}`;

export async function reserveCurrentPasswordAttempt(
  client: AppPrismaClient,
  userId: string,
  now = Date.now(),
): Promise<{ allowed: true } | { allowed: false; waitMinutes: number }> {
  const { count, windowStart } = await countInFixedWindow(
    client,
    currentPasswordKey(userId),
    CURRENT_PASSWORD_LIMIT.windowMs,
    now,
  );
  if (count <= CURRENT_PASSWORD_LIMIT.max) return { allowed: true };
  return {
    allowed: false,
    waitMinutes: Math.ceil((windowStart + CURRENT_PASSWORD_LIMIT.windowMs - now) / 60_000),
  };
}

export async function recordCurrentPasswordConfirmed(client: AppPrismaClient, userId: string): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key: currentPasswordKey(userId) } });
}
