import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleDeadlineInWords, dueDateWithDistance, dueInWords } from "@/domain/cycles/due-date";

describe("how far a due date is", () => {
  it("says it as a person would", () => {
    expect(dueInWords(16)).toBe("in 16 days");
    expect(dueInWords(2)).toBe("in 2 days");
    expect(dueInWords(1)).toBe("tomorrow");
    expect(dueInWords(0)).toBe("today");
    expect(dueInWords(-1)).toBe("yesterday");
    expect(dueInWords(-3)).toBe("3 days ago");
  });

  it("never reads the same for two different distances", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (a, b) => {
        if (a !== b) expect(dueInWords(a)).not.toBe(dueInWords(b));
      }),
    );
  });

  it("follows the date it belongs to", () => {
    expect(dueDateWithDistance({ closesOn: "2026-12-15T00:00:00.000Z", daysLeft: 16 })).toBe(
      "15 December 2026 (in 16 days)",
    );
  });
});

describe("a cycle's deadline beside its name", () => {
  const cycle = { closesOn: new Date("2026-12-15T00:00:00Z"), closedAt: null };

  it("is the due date while the cycle is open, not a closing date", () => {
    expect(cycleDeadlineInWords({ ...cycle, status: "open" }, "UTC")).toBe("due 15 December 2026");
  });

  it("is the day it was closed, on the organisation's calendar, once closed early", () => {
    const closedAt = new Date("2026-11-29T23:30:00Z");
    expect(cycleDeadlineInWords({ ...cycle, status: "closed", closedAt }, "UTC")).toBe(
      "closed 29 November 2026",
    );
    expect(cycleDeadlineInWords({ ...cycle, status: "closed", closedAt }, "Europe/Berlin")).toBe(
      "closed 30 November 2026",
    );
  });

  it("names no date for a closed cycle whose closing was not recorded, rather than the due date", () => {
    expect(cycleDeadlineInWords({ ...cycle, status: "closed" }, "UTC")).toBe("closed");
  });
});
