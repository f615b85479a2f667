import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  clearAccountFailures,
  recordFailedSignIn,
  SIGN_IN_LIMITS,
  signInBlockedForMinutes,
  throttleKeys,
} from "@/server/auth/sign-in-throttle";

const START = Date.UTC(2026, 10, 27, 9, 0, 0);
const MINUTE = 60_000;

async function fail(email: string, address: string, times: number, now = START) {
  for (let attempt = 0; attempt < times; attempt++)
    await recordFailedSignIn(db, throttleKeys(email, address), now);
}

describe("sign-in throttling", () => {
  it("blocks an account after 5 failures for the rest of the 15-minute window, saying how many minutes", async () => {
    const keys = throttleKeys("ada@example.com", "10.0.0.1");
    await fail("ada@example.com", "10.0.0.1", 4);
    expect(await signInBlockedForMinutes(db, keys, START)).toBe(0);
    await fail("ada@example.com", "10.0.0.1", 1);
    expect(await signInBlockedForMinutes(db, keys, START)).toBe(15);
    expect(await signInBlockedForMinutes(db, keys, START + 4 * MINUTE + 1)).toBe(11);
    expect(await signInBlockedForMinutes(db, keys, START + 14 * MINUTE + 30_000)).toBe(1);
  });

  it("counts the email as typed, in any case or spacing, whether or not it exists", async () => {
    await fail(" Ghost@Example.com ", "10.0.0.2", 5);
    expect(await signInBlockedForMinutes(db, throttleKeys("ghost@example.com", "10.0.0.99"), START)).toBe(15);
  });

  it("unblocks once the window has passed, and then counts afresh", async () => {
    const keys = throttleKeys("ben@example.com", "10.0.0.3");
    await fail("ben@example.com", "10.0.0.3", 5);
    const later = START + SIGN_IN_LIMITS.windowMs;
    expect(await signInBlockedForMinutes(db, keys, later)).toBe(0);
    await fail("ben@example.com", "10.0.0.3", 1, later);
    expect(await signInBlockedForMinutes(db, keys, later)).toBe(0);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: keys.account } });
    expect(row.count).toBe(1);
  });

  it("blocks an address after 20 failures across different emails, and only then", async () => {
    const address = "192.0.2.7";
    for (let index = 0; index < 19; index++) await fail(`user${index}@example.com`, address, 1);
    const fresh = throttleKeys("someone.else@example.com", address);
    expect(await signInBlockedForMinutes(db, fresh, START)).toBe(0);
    await fail("user19@example.com", address, 1);
    expect(await signInBlockedForMinutes(db, fresh, START)).toBe(15);
    // The same email from another address is not blocked: only this address is.
    expect(
      await signInBlockedForMinutes(db, throttleKeys("someone.else@example.com", "192.0.2.8"), START),
    ).toBe(0);
  });

  it("clears the account's count after a successful sign-in, but not the address's", async () => {
    const keys = throttleKeys("cara@example.com", "10.0.0.4");
    await fail("cara@example.com", "10.0.0.4", 4);
    await clearAccountFailures(db, keys);
    expect(await db.rateLimit.findUnique({ where: { key: keys.account } })).toBeNull();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: keys.address } })).count).toBe(4);
    await fail("cara@example.com", "10.0.0.4", 4);
    expect(await signInBlockedForMinutes(db, keys, START)).toBe(0);
    await fail("cara@example.com", "10.0.0.4", 1);
    expect(await signInBlockedForMinutes(db, keys, START)).toBe(15);
  });
});
