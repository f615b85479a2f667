import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isUnknownCycleRequest } from "@/domain/dashboards/cycles";

const cycles = [
  { id: "a", name: "2026 Q3", year: 2026, quarter: 3, status: "closed" },
  { id: "b", name: "2026 Q4", year: 2026, quarter: 4, status: "open" },
];

describe("a ?cycle= the pages do not know", () => {
  it("is unknown when it names a cycle that does not exist, or is no cycle at all", () => {
    expect(isUnknownCycleRequest(cycles, "2099-q1")).toBe(true);
    expect(isUnknownCycleRequest(cycles, "next year")).toBe(true);
    expect(isUnknownCycleRequest([], "2026-q4")).toBe(true);
  });

  it("is known when it names a listed cycle, and absent means the latest (not unknown)", () => {
    expect(isUnknownCycleRequest(cycles, "2026-q3")).toBe(false);
    expect(isUnknownCycleRequest(cycles, " 2026-q4 ")).toBe(false);
    expect(isUnknownCycleRequest(cycles, undefined)).toBe(false);
    expect(isUnknownCycleRequest(cycles, "")).toBe(false);
  });

  it("agrees with the listed cycles for every year and quarter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), (year, quarter) => {
        const listed = cycles.some((cycle) => cycle.year === year && cycle.quarter === quarter);
        expect(isUnknownCycleRequest(cycles, `${year}-q${quarter}`)).toBe(!listed);
      }),
    );
  });
});
