import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareCycles,
  cycleKey,
  cycleTeamCutoff,
  cycleName,
  cycleSlug,
  defaultCycleDates,
  parseCycleKey,
  parseCycleRef,
  previousCycle,
  quarterAfter,
  quarterOf,
  sameCycle,
  shortCycleName,
  sortCycles,
} from "@/domain/cycles/cycle-ref";

const quarterArb = fc.record({
  year: fc.integer({ min: 1000, max: 9999 }),
  quarter: fc.integer({ min: 1, max: 4 }),
});

describe("cycle references", () => {
  it("names, keys and slugs a quarter the way pages and links show it", () => {
    expect(cycleName({ year: 2026, quarter: 3 })).toBe("2026 Q3");
    expect(cycleKey({ year: 2026, quarter: 3 })).toBe("2026-q3");
    expect(cycleSlug("2026 Q3")).toBe("2026-q3");
    expect(cycleSlug("  Spring  Review ")).toBe("spring-review");
  });

  it("reads back every form it writes, and the slug of a name is the key", () => {
    fc.assert(
      fc.property(quarterArb, (quarter) => {
        expect(parseCycleRef(cycleName(quarter))).toEqual(quarter);
        expect(parseCycleRef(cycleKey(quarter))).toEqual(quarter);
        expect(parseCycleKey(cycleKey(quarter))).toEqual(quarter);
        expect(parseCycleKey(cycleKey(quarter).toUpperCase())).toEqual(quarter);
        expect(cycleSlug(cycleName(quarter))).toBe(cycleKey(quarter));
      }),
    );
  });

  it("accepts the written forms people use, and refuses the rest", () => {
    expect(parseCycleRef("2026q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseCycleRef(" 2026 - Q1 ")).toEqual({ year: 2026, quarter: 1 });
    for (const bad of ["2026 Q5", "2026 Q0", "Q3 2026", "26 Q3", "2026", "", "2026 Q3 extra"]) {
      expect(parseCycleRef(bad)).toBeNull();
    }
  });

  it("takes only the URL key form as a dashboard key", () => {
    expect(parseCycleKey("2026-Q1")).toEqual({ year: 2026, quarter: 1 });
    for (const bad of ["2026 Q1", "2026q1", "2026-q5", "", undefined, null, 20261, ["2026-q1"]]) {
      expect(parseCycleKey(bad)).toBeNull();
    }
  });

  it("orders quarters by year, then quarter, and steps to the next one", () => {
    fc.assert(
      fc.property(quarterArb, quarterArb, (a, b) => {
        // `|| 0`: for equal quarters -Math.sign(0) is -0, which toBe tells apart from 0.
        expect(Math.sign(compareCycles(a, b))).toBe(-Math.sign(compareCycles(b, a)) || 0);
        expect(compareCycles(a, b) === 0).toBe(sameCycle(a, b));
        expect(compareCycles(quarterAfter(a), a)).toBeGreaterThan(0);
        expect(compareCycles(a, b) < 0).toBe(cycleKey(a).localeCompare(cycleKey(b)) < 0);
      }),
    );
    // Equal quarters are rare among random pairs, so checked on their own too.
    fc.assert(
      fc.property(quarterArb, (a) => {
        expect(compareCycles(a, { ...a }) === 0).toBe(true);
      }),
    );
    expect(quarterAfter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
    expect(quarterAfter({ year: 2026, quarter: 2 })).toEqual({ year: 2026, quarter: 3 });
  });

  it("finds the cycle just before another among a list, whether or not it is in the list", () => {
    const cycles = sortCycles([
      { id: "c3", year: 2026, quarter: 1 },
      { id: "c1", year: 2025, quarter: 3 },
      { id: "c2", year: 2025, quarter: 4 },
    ]);
    expect(cycles.map((cycle) => cycle.id)).toEqual(["c1", "c2", "c3"]);
    expect(previousCycle(cycles, cycles[2]!)?.id).toBe("c2");
    expect(previousCycle(cycles, { year: 2026, quarter: 3 })?.id).toBe("c3");
    expect(previousCycle(cycles, cycles[0]!)).toBeNull();
  });

  it("places a day in its UTC quarter and dates a new cycle from the quarter's first day to the 15th of its last month", () => {
    expect(quarterOf(new Date("2026-03-31T23:59:59Z"))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date("2026-10-01T00:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(defaultCycleDates(2026, 4)).toEqual({ opensOn: "2026-10-01", closesOn: "2026-12-15" });
    expect(defaultCycleDates(2027, 1)).toEqual({ opensOn: "2027-01-01", closesOn: "2027-03-15" });
  });
});

describe("a cycle's short name, for a chart's axis", () => {
  it("writes the quarter first and the year in two digits", () => {
    expect(shortCycleName("2026 Q3")).toBe("Q3 ’26");
    expect(shortCycleName("2031 Q1")).toBe("Q1 ’31");
    expect(shortCycleName("2105 Q4")).toBe("Q4 ’05");
  });

  it("tells every quarter of a century apart", () => {
    const century = fc.record({
      year: fc.integer({ min: 2000, max: 2099 }),
      quarter: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(century, century, (a, b) => {
        fc.pre(!sameCycle(a, b));
        expect(shortCycleName(cycleName(a))).not.toBe(shortCycleName(cycleName(b)));
      }),
    );
  });

  it("leaves a name it does not know as it is", () => {
    expect(shortCycleName("Pilot")).toBe("Pilot");
  });
});

describe("the teams of a cycle", () => {
  it("are those added by the end of its due day", () => {
    expect(cycleTeamCutoff(new Date("2026-09-15T00:00:00Z"), "UTC").toISOString()).toBe(
      "2026-09-16T00:00:00.000Z",
    );
  });

  it("end with the due day in the organisation's time zone", () => {
    const due = new Date("2026-09-15T00:00:00Z");
    // New York is four hours behind UTC in September: its 16 September begins at 04:00 UTC, so a
    // team added at 20:00 there on the due day (00:00 UTC on the 16th) is still one of the cycle's.
    expect(cycleTeamCutoff(due, "America/New_York").toISOString()).toBe("2026-09-16T04:00:00.000Z");
    // Tokyo is nine hours ahead: a team added at 08:00 there on the 16th (23:00 UTC on the 15th) is not.
    expect(cycleTeamCutoff(due, "Asia/Tokyo").toISOString()).toBe("2026-09-15T15:00:00.000Z");
    // A due day just before the clocks change: the day after begins on the new offset.
    expect(cycleTeamCutoff(new Date("2026-03-28T00:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(cycleTeamCutoff(new Date("2026-03-29T00:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });
});
