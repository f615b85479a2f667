import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  CURRENT_PASSWORD_LIMIT,
  recordCurrentPasswordConfirmed,
  recordSuccessfulSignIn,
  reserveCurrentPasswordAttempt,
  reserveSignInAttempt,
  SIGN_IN_LIMITS,
  throttleKeys,
} from "@/server/auth/sign-in-throttle";
import { allowPruneNow } from "@/server/throttle/fixed-window-counter";

const START = Date.UTC(2026, 10, 27, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function attempts(email: string, address: string, times: number, now = START) {
  const results = [];
  for (let attempt = 0; attempt < times; attempt++)
    results.push(await reserveSignInAttempt(db, throttleKeys(email, address), now));
  return results;
}

describe("sign-in throttling", () => {
  it("allows 5 attempts per account and address, then blocks for the rest of the 15-minute window, saying how many minutes", async () => {
    expect((await attempts("ada@example.com", "10.0.0.1", 5)).every((result) => result.allowed)).toBe(true);
    const keys = throttleKeys("ada@example.com", "10.0.0.1");
    expect(await reserveSignInAttempt(db, keys, START)).toEqual({
      allowed: false,
      waitMinutes: 15,
      blockedBy: "account",
    });
    expect(await reserveSignInAttempt(db, keys, START + 4 * MINUTE + 1)).toEqual({
      allowed: false,
      waitMinutes: 11,
      blockedBy: "account",
    });
    expect(await reserveSignInAttempt(db, keys, START + 14 * MINUTE + 30_000)).toEqual({
      allowed: false,
      waitMinutes: 1,
      blockedBy: "account",
    });
  });

  it("counts the email as typed, in any case or spacing, whether or not it exists", async () => {
    await attempts(" Ghost@Example.com ", "10.0.0.2", 5);
    expect(
      (await reserveSignInAttempt(db, throttleKeys("ghost@example.com", "10.0.0.2"), START)).allowed,
    ).toBe(false);
  });

  it("counts a burst of parallel attempts exactly: 30 at once get 5 through", async () => {
    const keys = throttleKeys("burst@example.com", "10.0.0.9");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => reserveSignInAttempt(db, keys, START)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(SIGN_IN_LIMITS.pair.max);
  });

  it("unblocks once the window has passed, and then counts afresh", async () => {
    const keys = throttleKeys("ben@example.com", "10.0.0.3");
    await attempts("ben@example.com", "10.0.0.3", 6);
    const later = START + SIGN_IN_LIMITS.pair.windowMs;
    expect((await reserveSignInAttempt(db, keys, later)).allowed).toBe(true);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: keys.pair } });
    expect(row.count).toBe(1);
  });

  it("blocks an address after 20 attempts across different emails, and only that address", async () => {
    const address = "192.0.2.7";
    for (let index = 0; index < 20; index++) await attempts(`user${index}@example.com`, address, 1);
    expect(
      (await reserveSignInAttempt(db, throttleKeys("someone.else@example.com", address), START)).allowed,
    ).toBe(false);
    expect(
      (await reserveSignInAttempt(db, throttleKeys("someone.else@example.com", "192.0.2.8"), START)).allowed,
    ).toBe(true);
  });

  it("lets an account through an address's block at an address it signed in from, still counting it there", async () => {
    const address = "192.0.2.50";
    const owner = throttleKeys("fay@example.com", address);
    const first = await reserveSignInAttempt(db, owner, START - DAY);
    if (!first.allowed) throw new Error("the first attempt is allowed");
    await recordSuccessfulSignIn(db, owner, first, START - DAY);
    // Twenty failures with made-up emails from the same address (an office, a proxy).
    for (let index = 0; index < 20; index++) await attempts(`sprayed${index}@example.com`, address, 1);
    expect(await reserveSignInAttempt(db, throttleKeys("new.here@example.com", address), START)).toEqual({
      allowed: false,
      waitMinutes: 15,
      blockedBy: "address",
    });
    const addressCount = async () =>
      (await db.rateLimit.findUniqueOrThrow({ where: { key: owner.address } })).count;
    const before = await addressCount();
    expect((await reserveSignInAttempt(db, owner, START)).allowed).toBe(true);
    expect(await addressCount()).toBe(before + 1);
    // Its own limit at the address still holds: five attempts in the window, then blocked.
    expect((await attempts("fay@example.com", address, 4)).every((result) => result.allowed)).toBe(true);
    expect(await reserveSignInAttempt(db, owner, START)).toEqual({
      allowed: false,
      waitMinutes: 15,
      blockedBy: "account",
    });
  });

  it("counts IPv6 addresses by their /64 network, so taking a new address in it gets nobody past the limit", async () => {
    // Twenty addresses of one /64, one attempt each, as someone rotating through their network's.
    for (let index = 0; index < 20; index++) {
      await attempts(`v6user${index}@example.com`, `2001:db8:7:7::${(index + 1).toString(16)}`, 1);
    }
    expect(
      (await reserveSignInAttempt(db, throttleKeys("v6.someone@example.com", "2001:db8:7:7:abcd::42"), START))
        .allowed,
    ).toBe(false);
    // The next /64 has its own count.
    expect(
      (await reserveSignInAttempt(db, throttleKeys("v6.someone@example.com", "2001:db8:7:8::1"), START))
        .allowed,
    ).toBe(true);
  });

  it("does not lock the account out at another address: failures elsewhere leave the owner's address alone", async () => {
    await attempts("cara@example.com", "203.0.113.1", 10);
    expect(
      (await reserveSignInAttempt(db, throttleKeys("cara@example.com", "203.0.113.1"), START)).allowed,
    ).toBe(false);
    expect(
      (await reserveSignInAttempt(db, throttleKeys("cara@example.com", "10.0.0.4"), START)).allowed,
    ).toBe(true);
  });

  it("slows guessing spread over many addresses to 30 an hour, except at addresses the account signed in from", async () => {
    const email = "dan@example.com";
    const home = throttleKeys(email, "10.0.0.5");
    const homeAttempt = await reserveSignInAttempt(db, home, START);
    if (!homeAttempt.allowed) throw new Error("the first attempt is allowed");
    await recordSuccessfulSignIn(db, home, homeAttempt, START);
    for (let index = 0; index < 30; index++) {
      expect(
        (await reserveSignInAttempt(db, throttleKeys(email, `198.51.100.${index}`), START)).allowed,
      ).toBe(true);
    }
    expect(await reserveSignInAttempt(db, throttleKeys(email, "198.51.100.200"), START + MINUTE)).toEqual({
      allowed: false,
      waitMinutes: 59,
      blockedBy: "account",
    });
    // The owner's usual address is not affected.
    expect((await reserveSignInAttempt(db, home, START + MINUTE)).allowed).toBe(true);
    // After the hour, new addresses may try again.
    expect(
      (await reserveSignInAttempt(db, throttleKeys(email, "198.51.100.201"), START + 60 * MINUTE)).allowed,
    ).toBe(true);
  });

  it("a success starts the account and address counter afresh and hands the attempt back to the address", async () => {
    const keys = throttleKeys("erin@example.com", "10.0.0.6");
    await attempts("erin@example.com", "10.0.0.6", 4);
    const attempt = await reserveSignInAttempt(db, keys, START);
    if (!attempt.allowed) throw new Error("the fifth attempt is allowed");
    await recordSuccessfulSignIn(db, keys, attempt, START);
    expect(await db.rateLimit.findUnique({ where: { key: keys.pair } })).toBeNull();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: keys.address } })).count).toBe(4);
    expect((await attempts("erin@example.com", "10.0.0.6", 5)).every((result) => result.allowed)).toBe(true);
    expect((await reserveSignInAttempt(db, keys, START)).allowed).toBe(false);
  });

  it("stops counting made-up emails against an address that is over its limit, so a flood adds no rows", async () => {
    const address = "10.9.9.9";
    for (let attempt = 0; attempt < 30; attempt++)
      await reserveSignInAttempt(db, throttleKeys(`made-up-${attempt}@example.com`, address), START);
    const pairs = await db.rateLimit.count({ where: { key: { startsWith: "sign-in:pair:made-up-" } } });
    const accounts = await db.rateLimit.count({ where: { key: { startsWith: "sign-in:account:made-up-" } } });
    expect([pairs, accounts]).toEqual([SIGN_IN_LIMITS.address.max, SIGN_IN_LIMITS.address.max]);
  });

  it("prunes counters past every window and known addresses past their lifetime, and nothing younger", async () => {
    const now = START + 400 * DAY;
    const row = (key: string, lastRequest: number) =>
      db.rateLimit.create({ data: { id: `prune-${key}`, key, count: 3, lastRequest: BigInt(lastRequest) } });
    await row("sign-in:pair:stale@example.com|10.1.1.1", now - 2 * DAY);
    await row("sign-in:pair:fresh@example.com|10.1.1.1", now - 10 * MINUTE);
    await row("sign-in:known:old@example.com|10.1.1.1", now - SIGN_IN_LIMITS.knownAddressMs - DAY);
    await row("sign-in:known:recent@example.com|10.1.1.1", now - 30 * DAY);
    allowPruneNow();
    await reserveSignInAttempt(db, throttleKeys("prune@example.com", "10.1.1.2"), now);
    await expect
      .poll(async () =>
        (await db.rateLimit.findMany({ where: { id: { startsWith: "prune-" } }, select: { key: true } }))
          .map((kept) => kept.key)
          .sort(),
      )
      .toEqual(["sign-in:known:recent@example.com|10.1.1.1", "sign-in:pair:fresh@example.com|10.1.1.1"]);
  });

  it("limits attempts at the current password to 5 in 15 minutes per person, and a change starts afresh", async () => {
    const userId = "password-change-person";
    for (let attempt = 0; attempt < CURRENT_PASSWORD_LIMIT.max; attempt++)
      expect((await reserveCurrentPasswordAttempt(db, userId, START)).allowed).toBe(true);
    expect(await reserveCurrentPasswordAttempt(db, userId, START + 5 * MINUTE)).toEqual({
      allowed: false,
      waitMinutes: 10,
    });
    // Another person is not affected; a fresh window allows again.
    expect((await reserveCurrentPasswordAttempt(db, "someone-else", START)).allowed).toBe(true);
    expect((await reserveCurrentPasswordAttempt(db, userId, START + 15 * MINUTE)).allowed).toBe(true);
    await recordCurrentPasswordConfirmed(db, userId);
    for (let attempt = 0; attempt < CURRENT_PASSWORD_LIMIT.max; attempt++)
      expect((await reserveCurrentPasswordAttempt(db, userId, START + 16 * MINUTE)).allowed).toBe(true);
  });
});
