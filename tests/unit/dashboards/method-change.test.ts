import { describe, expect, it } from "vitest";
import {
  historyMethodNote,
  methodChangeBetween,
  sameMethod,
  scoreTrend,
  scoreTrendWithinMethod,
} from "@/domain/dashboards/trend";

describe("trends across a scoring method change", () => {
  it("compares two scores of the same method as an ordinary trend", () => {
    expect(scoreTrendWithinMethod({ score: 48, method: 2 }, { score: 60, method: 2 }, "2026 Q3")).toEqual(
      scoreTrend(48, 60, "2026 Q3"),
    );
  });

  it("withholds the trend between scores of different methods", () => {
    expect(scoreTrendWithinMethod({ score: 48, method: 2 }, { score: 60, method: 1 }, "2026 Q3")).toBeNull();
    expect(
      scoreTrendWithinMethod({ score: 48, method: 2 }, { score: 60, method: null }, "2026 Q3"),
    ).toBeNull();
  });

  it("has no trend without a previous result", () => {
    expect(scoreTrendWithinMethod({ score: 48, method: 2 }, null, "2026 Q3")).toBeNull();
  });

  it("treats only equal versions as the same method", () => {
    expect(sameMethod(2, 2)).toBe(true);
    expect(sameMethod(1, 2)).toBe(false);
    expect(sameMethod(null, 2)).toBe(false);
  });

  it("labels a comparison between cycles scored with different methods", () => {
    expect(methodChangeBetween([2, 2], [1, 1, 1], "2026 Q3")).toEqual({
      since: "2026 Q3",
      earlier: [1],
      later: [2],
      text: "2026 Q3 was scored with scoring method 1 and this cycle with method 2, so changes since 2026 Q3 are not shown.",
    });
  });

  it("labels a cycle whose own results mix methods", () => {
    const change = methodChangeBetween([1, 2], [1], "2026 Q3");
    expect(change?.later).toEqual([1, 2]);
    expect(change?.text).toBe(
      "Results compared with 2026 Q3 were scored with different scoring methods (2026 Q3: method 1, this cycle: methods 1 and 2), so changes across the method change are not shown.",
    );
  });

  it("says nothing once every compared result uses one method (after a re-score)", () => {
    expect(methodChangeBetween([2, 2], [2], "2026 Q3")).toBeNull();
    expect(methodChangeBetween([2], [], "2026 Q3")).toBeNull();
    expect(methodChangeBetween([2], [1], null)).toBeNull();
  });

  it("names which cycles of a history used which method", () => {
    expect(
      historyMethodNote([
        { cycleName: "2026 Q1", versions: [1] },
        { cycleName: "2026 Q2", versions: [1, 1] },
        { cycleName: "2026 Q3", versions: [] },
        { cycleName: "2026 Q4", versions: [2] },
      ]),
    ).toBe(
      "These cycles were scored with different scoring methods (2026 Q1 to 2026 Q2: method 1; 2026 Q4: method 2), so a step between them may come from the method rather than the team.",
    );
    expect(
      historyMethodNote([
        { cycleName: "2026 Q3", versions: [2] },
        { cycleName: "2026 Q4", versions: [2, 2] },
      ]),
    ).toBeNull();
  });
});
