import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKnownTimeZone, startOfDayIn, wallClock, zoneOffsetMs } from "@/domain/time-zone";

const HOUR = 3_600_000;
const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "America/Santiago",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

describe("isKnownTimeZone", () => {
  it("knows IANA names and UTC, and nothing else", () => {
    for (const zone of ZONES) expect(isKnownTimeZone(zone)).toBe(true);
    for (const name of ["Mars/Base", "", "CET+1", "Europe/Berlin; DROP TABLE"])
      expect(isKnownTimeZone(name)).toBe(false);
  });
});

describe("zoneOffsetMs and wallClock", () => {
  it("reads the offset in and out of daylight saving time", () => {
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(HOUR);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(2 * HOUR);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "UTC")).toBe(0);
  });

  it("puts a moment on the organisation's day: late evening in New York is the next day in UTC", () => {
    const moment = new Date("2026-12-02T03:30:00Z");
    expect(isoOf(wallClock(moment, "America/New_York"))).toBe("2026-12-01");
    expect(isoOf(wallClock(moment, "UTC"))).toBe("2026-12-02");
    expect(isoOf(wallClock(new Date("2026-12-01T20:00:00Z"), "Australia/Sydney"))).toBe("2026-12-02");
  });

  it("keeps the milliseconds of the moment", () => {
    expect(wallClock(new Date("2026-07-15T12:00:00.123Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-07-15T14:00:00.123Z",
    );
  });
});

describe("startOfDayIn", () => {
  it("is the zone's midnight, on ordinary days and on days with a daylight-saving change", () => {
    expect(startOfDayIn(day("2026-01-15"), "Europe/Berlin").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayIn(day("2026-03-29"), "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn(day("2026-03-30"), "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayIn(day("2026-11-01"), "America/New_York").toISOString()).toBe(
      "2026-11-01T04:00:00.000Z",
    );
    expect(startOfDayIn(day("2026-11-02"), "America/New_York").toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
    expect(startOfDayIn(day("2026-07-15"), "UTC").toISOString()).toBe("2026-07-15T00:00:00.000Z");
  });

  it("begins a day whose midnight is skipped when the clock jumps past it", () => {
    // Chile moved its clocks from 00:00 to 01:00 on 6 September 2026.
    const start = startOfDayIn(day("2026-09-06"), "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(isoOf(wallClock(start, "America/Santiago"))).toBe("2026-09-06");
    expect(isoOf(wallClock(new Date(start.getTime() - 1000), "America/Santiago"))).toBe("2026-09-05");
  });

  it("for any day and zone, is the first second of that day on the zone's wall clock", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2060, 0, 1) / 86_400_000 }),
        fc.constantFrom(...ZONES),
        (dayNumber, zone) => {
          const calendarDay = new Date(dayNumber * 86_400_000);
          const start = startOfDayIn(calendarDay, zone);
          expect(isoOf(wallClock(start, zone))).toBe(isoOf(calendarDay));
          expect(isoOf(wallClock(new Date(start.getTime() - 1000), zone))).not.toBe(isoOf(calendarDay));
        },
      ),
      { numRuns: 500 },
    );
  });
});
