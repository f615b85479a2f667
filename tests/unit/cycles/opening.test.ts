import { describe, expect, it } from "vitest";
import { daysBeforeOpensOn, earlyOpeningText } from "@/domain/cycles/opening";
import { wallClock } from "@/domain/time-zone";

const opensOn = new Date("2027-01-01T00:00:00Z");

describe("opening a planned cycle before its planned date", () => {
  it("counts the whole days from today to the Opens on date, and none on or after it", () => {
    expect(daysBeforeOpensOn(new Date("2026-12-29T09:00:00Z"), opensOn)).toBe(3);
    expect(daysBeforeOpensOn(new Date("2026-12-31T23:59:00Z"), opensOn)).toBe(1);
    expect(daysBeforeOpensOn(new Date("2027-01-01T00:00:00Z"), opensOn)).toBe(0);
    expect(daysBeforeOpensOn(new Date("2027-01-20T12:00:00Z"), opensOn)).toBe(0);
  });

  it("reads today in the organisation's time zone, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo: the cycle opens on its day there.
    const lateEvening = new Date("2026-12-31T23:30:00Z");
    expect(daysBeforeOpensOn(wallClock(lateEvening, "Europe/Oslo"), opensOn)).toBe(0);
    expect(daysBeforeOpensOn(wallClock(lateEvening, "UTC"), opensOn)).toBe(1);
    // 22:00 on 28 December in New York is 29 December in UTC: four days early there, not three.
    const newYorkEvening = new Date("2026-12-29T03:00:00Z");
    expect(daysBeforeOpensOn(wallClock(newYorkEvening, "America/New_York"), opensOn)).toBe(4);
  });

  it("says how early, with the planned date, and nothing when it is not early", () => {
    const cycle = { name: "2027 Q1", opensOn: "2027-01-01T00:00:00.000Z" };
    expect(earlyOpeningText(cycle, 3)).toBe("2027 Q1 opens 3 days before its planned date, 1 January 2027.");
    expect(earlyOpeningText(cycle, 1)).toBe("2027 Q1 opens 1 day before its planned date, 1 January 2027.");
    expect(earlyOpeningText(cycle, 0)).toBe("");
  });
});
