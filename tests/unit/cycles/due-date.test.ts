import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDateWithDistance, dueInWords } from "@/domain/cycles/due-date";

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
