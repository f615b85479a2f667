import { describe, expect, it } from "vitest";
import { leadingCountermeasureIds } from "@/domain/scoring/remediation-order";

describe("the leading steps", () => {
  it("start with a confirmed pitfall's step before one resting on 'don't know' alone in the same band", () => {
    const suspected = {
      band: "high" as const,
      score: 79.9,
      dontKnowOnly: true,
      countermeasures: [{ countermeasureId: "treat-unplanned-rework-as-planned-work", riskRemoved: 79.9 }],
    };
    const confirmed = {
      band: "high" as const,
      score: 75.4,
      countermeasures: [{ countermeasureId: "pre-approve-low-risk-changes", riskRemoved: 60 }],
    };
    expect(leadingCountermeasureIds([suspected, confirmed])).toEqual(["pre-approve-low-risk-changes"]);
    // Without that mark the higher score leads, as before.
    expect(leadingCountermeasureIds([{ ...suspected, dontKnowOnly: false }, confirmed])).toEqual([
      "treat-unplanned-rework-as-planned-work",
    ]);
    // A worse band still leads whatever it rests on.
    expect(leadingCountermeasureIds([suspected, { ...confirmed, band: "medium", score: 55 }])).toEqual([
      "treat-unplanned-rework-as-planned-work",
    ]);
  });
});
