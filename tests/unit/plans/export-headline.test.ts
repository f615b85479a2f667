import { describe, expect, it } from "vitest";
import { exportHeadlineSentence } from "@/domain/plans/export-headline";
import type { ExportHeadline } from "@/domain/plans/export-schema";

const base: ExportHeadline = {
  band: "low",
  highOrCriticalCount: 0,
  criticalCount: 0,
  worstPitfalls: [],
  worstScore: null,
  averageScore: 12.4,
  scoredCount: 7,
  unscoredCount: 0,
};

describe("an export's headline sentence", () => {
  it("says that no pitfall shows symptoms when it names none", () => {
    expect(exportHeadlineSentence({ ...base, namedBand: null })).toBe(
      "Low — no pitfall shows symptoms · average 12.4",
    );
  });

  it("names the worst pitfall with symptoms below the worst band as such", () => {
    expect(
      exportHeadlineSentence({
        ...base,
        band: "medium",
        worstPitfalls: [{ id: "excessive-bau", name: "Excessive BAU" }],
        worstScore: 22,
        namedBand: "low",
        averageScore: 36,
      }),
    ).toBe("Medium — no pitfall High or Critical (worst with symptoms: Excessive BAU 22.0) · average 36.0");
  });

  it("reads a file written before the named band as naming at the worst band", () => {
    expect(
      exportHeadlineSentence({
        ...base,
        band: "high",
        highOrCriticalCount: 1,
        worstPitfalls: [{ id: "linear-run-costs", name: "Linear run costs" }],
        worstScore: 71.5,
        averageScore: 38.4,
      }),
    ).toBe("High — 1 pitfall High or Critical (worst: Linear run costs 71.5) · average 38.4");
  });
});
