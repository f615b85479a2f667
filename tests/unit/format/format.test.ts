import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatDay,
  formatDayLong,
  formatExportDay,
  formatExportMomentDay,
  formatMomentDay,
  formatMomentDayLong,
  formatPercent,
  formatScore,
  isoDay,
  isoMomentDay,
} from "@/domain/format";

describe("scores", () => {
  it("shows one decimal on pages, and a dash for no score", () => {
    expect(formatScore(null)).toBe("–");
    expect(formatScore(60)).toBe("60.0");
    expect(formatScore(59.64)).toBe("59.6");
    expect(formatScore(41.25)).toBe("41.3");
    expect(formatScore(0)).toBe("0.0");
  });

  it("keeps the trailing .0 of a whole score, so two scores side by side read alike", () => {
    expect(formatScore(41)).toBe("41.0");
    expect(formatScore(40.96)).toBe("41.0");
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        expect(formatScore(score)).toMatch(/^\d{1,3}\.\d$/);
      }),
    );
  });

  it("shows shares as whole percentages", () => {
    expect(formatPercent(0.456)).toBe("46%");
    expect(formatPercent(1)).toBe("100%");
  });
});

describe("dates", () => {
  const evening = new Date("2026-09-15T23:30:00Z");

  it("writes the UTC day whatever the input form", () => {
    expect(formatDay(evening)).toBe("15 Sept 2026");
    expect(formatDay("2026-09-15")).toBe("15 Sept 2026");
    expect(formatDay("2026-09-15T23:30:00.000Z")).toBe("15 Sept 2026");
    expect(formatDayLong(evening)).toBe("15 September 2026");
    expect(formatDayLong("2026-01-05")).toBe("5 January 2026");
  });

  it("writes nothing for a missing day on long-form pages", () => {
    expect(formatDayLong(null)).toBe("");
    expect(formatDayLong("")).toBe("");
  });

  it("writes a moment with its time on the organisation's clock, and names the zone", () => {
    expect(formatDateTime(evening, "UTC")).toBe("15 Sept 2026, 23:30 UTC");
    expect(formatDateTime("2026-09-15T23:30:00.000Z", "UTC")).toBe("15 Sept 2026, 23:30 UTC");
    expect(formatDateTime(evening, "Europe/Berlin")).toBe("16 Sept 2026, 01:30 CEST");
    expect(formatDateTime(evening, "Europe/London")).toBe("16 Sept 2026, 00:30 BST");
    expect(formatDateTime(new Date("2026-01-15T23:30:00Z"), "Europe/London")).toBe("15 Jan 2026, 23:30 GMT");
    expect(formatDateTime(evening, "America/New_York")).toBe("15 Sept 2026, 19:30 GMT-4");
  });

  it("writes the day a moment fell on in the organisation's time zone", () => {
    expect(formatMomentDay(evening, "UTC")).toBe("15 Sept 2026");
    expect(formatMomentDay(evening, "Asia/Tokyo")).toBe("16 Sept 2026");
    expect(formatMomentDayLong("2026-09-15T23:30:00.000Z", "Europe/Berlin")).toBe("16 September 2026");
    expect(formatMomentDayLong(null, "Europe/Berlin")).toBe("");
    expect(formatExportMomentDay("2026-09-15T23:30:00.000Z", "Europe/Berlin")).toBe("16 Sep 2026");
    expect(isoMomentDay(evening, "Europe/Berlin")).toBe("2026-09-16");
    expect(isoMomentDay(evening, "America/Los_Angeles")).toBe("2026-09-15");
  });

  it("writes export days without locale data and ISO days for forms", () => {
    expect(formatExportDay("2026-09-15")).toBe("15 Sep 2026");
    expect(formatExportDay("2026-09-15T23:30:00.000Z")).toBe("15 Sep 2026");
    expect(isoDay(evening)).toBe("2026-09-15");
  });
});
