import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysUntil, isoWeek, notificationKey, reminderStage } from "@/domain/notifications/schedule";

describe("daysUntil", () => {
  it("counts whole UTC calendar days, whatever the time of day", () => {
    const due = new Date("2026-12-15T00:00:00Z");
    expect(daysUntil(new Date("2026-12-08T23:59:59Z"), due)).toBe(7);
    expect(daysUntil(new Date("2026-12-15T12:00:00Z"), due)).toBe(0);
    expect(daysUntil(new Date("2026-12-16T00:00:00Z"), due)).toBe(-1);
  });
});

describe("reminderStage", () => {
  it("is the nearest configured day not below the days left, and nothing after the due date", () => {
    expect(reminderStage(10, [7, 1])).toBeNull();
    expect(reminderStage(7, [7, 1])).toBe(7);
    expect(reminderStage(5, [7, 1])).toBe(7);
    expect(reminderStage(1, [7, 1])).toBe(1);
    expect(reminderStage(0, [7, 1])).toBe(1);
    expect(reminderStage(0, [7, 0])).toBe(0);
    expect(reminderStage(-1, [7, 1])).toBeNull();
    expect(reminderStage(3, [])).toBeNull();
  });

  it("only ever moves to a later reminder as the due date comes closer, so each is sent at most once", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 5 }), (days) => {
        let previous: number | null = null;
        for (let left = 100; left >= 0; left -= 1) {
          const stage = reminderStage(left, days);
          if (stage !== null) {
            expect(days).toContain(stage);
            expect(stage).toBeGreaterThanOrEqual(left);
            if (previous !== null) expect(stage).toBeLessThanOrEqual(previous);
            previous = stage;
          }
        }
        expect(previous).toBe(Math.min(...days));
      }),
    );
  });
});

describe("isoWeek", () => {
  it("follows ISO 8601: weeks start on Monday and belong to the year of their Thursday", () => {
    expect(isoWeek(new Date("2026-12-07T00:00:00Z"))).toBe("2026-W50");
    expect(isoWeek(new Date("2026-12-13T23:59:59Z"))).toBe("2026-W50");
    expect(isoWeek(new Date("2026-12-14T00:00:00Z"))).toBe("2026-W51");
    expect(isoWeek(new Date("2027-01-01T00:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2025-12-29T00:00:00Z"))).toBe("2026-W01");
  });

  it("gives the seven days from a Monday one week, and the next Monday another", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (weeks) => {
        const monday = Date.UTC(2020, 0, 6) + weeks * 7 * 86_400_000;
        const week = isoWeek(new Date(monday));
        for (let day = 1; day < 7; day += 1) expect(isoWeek(new Date(monday + day * 86_400_000))).toBe(week);
        expect(isoWeek(new Date(monday + 7 * 86_400_000))).not.toBe(week);
      }),
    );
  });
});

describe("notificationKey", () => {
  it("tells kinds, people and subjects apart", () => {
    expect(notificationKey("plan_digest", "u1", "2026-W50")).not.toBe(
      notificationKey("cycle_reminder", "u1", "2026-W50"),
    );
    expect(notificationKey("plan_digest", "u1", "2026-W50")).not.toBe(
      notificationKey("plan_digest", "u2", "2026-W50"),
    );
  });
});
