import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  buildUnitSummary,
  commonCountermeasuresNote,
  SUMMARY_COMMON_LIMIT,
} from "@/domain/plans/unit-summary";
import type { ExportTeamSection } from "@/domain/plans/export-schema";
import { RISK_BANDS } from "@/domain/scoring/bands";
import {
  sampleLastResult,
  samplePlanItem,
  sampleSectionWithoutResult,
  sampleTeamSection,
} from "./sample-export";

function team(
  slug: string,
  name: string,
  section: ExportTeamSection = sampleTeamSection([]),
): ExportTeamSection {
  return { ...section, team: { ...section.team, slug, name } };
}

function withBand(
  section: ExportTeamSection,
  pitfallId: string,
  band: "none" | "low" | "medium" | "high" | "critical",
) {
  return {
    ...section,
    assessment: {
      ...section.assessment!,
      pitfalls: section.assessment!.pitfalls.map((pitfall) =>
        pitfall.pitfallId === pitfallId ? { ...pitfall, band, score: 50 } : pitfall,
      ),
    },
  };
}

describe("buildUnitSummary", () => {
  it("counts the teams in each band of each pitfall, and the teams without results", () => {
    const summary = buildUnitSummary([
      team("checkout", "Checkout"),
      team("refunds", "Команда Ω", withBand(sampleTeamSection([]), "excessive-bau", "critical")),
      team("billing", "決済チーム", sampleSectionWithoutResult()),
    ]);
    expect(summary.teamCount).toBe(3);
    expect(summary.teamsWithoutResult).toEqual(["決済チーム"]);
    expect(summary.bandCounts.map((entry) => entry.pitfallId)).toEqual([
      "linear-run-costs",
      "excessive-bau",
      "embedded-specialists",
    ]);
    const bau = summary.bandCounts.find((entry) => entry.pitfallId === "excessive-bau")!;
    expect(bau.bands).toEqual({ none: 0, low: 0, medium: 1, high: 0, critical: 1 });
    expect(bau.notScored).toBe(0);
    const specialists = summary.bandCounts.find((entry) => entry.pitfallId === "embedded-specialists")!;
    expect(specialists.bands).toEqual({ none: 0, low: 0, medium: 0, high: 0, critical: 0 });
    expect(specialists.notScored).toBe(2);
  });

  it("lists overdue items, longest overdue first, and leaves the others out", () => {
    const summary = buildUnitSummary([
      team(
        "checkout",
        "Checkout",
        sampleTeamSection([
          samplePlanItem({ id: "a", action: "Late one", overdue: true, dueOn: "2026-10-01" }),
          samplePlanItem({ id: "b", action: "On time", overdue: false, dueOn: "2027-10-01" }),
        ]),
      ),
      team(
        "refunds",
        "Refunds",
        sampleTeamSection([
          samplePlanItem({
            id: "c",
            action: "Later one",
            overdue: true,
            dueOn: "2026-11-01",
            ownerName: null,
            ownerEmail: null,
          }),
        ]),
      ),
    ]);
    expect(summary.overdue).toEqual([
      { teamName: "Checkout", action: "Late one", ownerName: "Zoë Müller", dueOn: "2026-10-01" },
      { teamName: "Refunds", action: "Later one", ownerName: null, dueOn: "2026-11-01" },
    ]);
  });

  it("counts a countermeasure once per team, whether planned or recommended, telling same-named teams apart", () => {
    const summary = buildUnitSummary([
      team("checkout", "Checkout", sampleTeamSection([samplePlanItem()])),
      team("checkout-eu", "Checkout", sampleTeamSection([])),
      team("refunds", "Refunds", sampleTeamSection([samplePlanItem({ status: "dropped" })])),
    ]);
    expect(summary.common[0]).toMatchObject({
      countermeasureId: "treat-unplanned-rework-as-planned-work",
      teamsPlanning: 1,
      teamsRecommended: 3,
      teamsTotal: 3,
    });
  });

  it("counts the top countermeasures of a team without a result in the cycle from its last result, as the unit plan page does", () => {
    const summary = buildUnitSummary([
      team("checkout", "Checkout", sampleTeamSection([])),
      team("refunds", "Refunds", sampleSectionWithoutResult()),
      team(
        "billing",
        "Billing",
        sampleSectionWithoutResult([], sampleLastResult({ topRecommendations: [] })),
      ),
      team("payouts", "Payouts", sampleSectionWithoutResult([], null)),
    ]);
    expect(summary.common.map((entry) => [entry.countermeasureId, entry.teamsRecommended])).toEqual([
      ["pre-approve-low-risk-changes", 1],
      ["treat-unplanned-rework-as-planned-work", 1],
    ]);
    expect(summary.teamsRanked).toBe(3);
    expect(summary.teamsRankedEarlier).toBe(2);
    // The note says which teams and which cycle were counted, and that "top" is the top 3.
    expect(commonCountermeasuresNote(summary, "2026 Q3")).toBe(
      "Counted per team: in its plan (and not dropped), or among the top 3 countermeasures of its latest result up to 2026 Q3: 1 team with a 2026 Q3 result, and 2 teams without one, counted with their result from an earlier cycle.",
    );
  });

  it("words the note for units whose teams all have a result in the cycle, or none at all", () => {
    expect(commonCountermeasuresNote({ teamsRanked: 2, teamsRankedEarlier: 0 }, "2026 Q4")).toBe(
      "Counted per team: in its plan (and not dropped), or among the top 3 countermeasures of its latest result up to 2026 Q4: 2 teams, each with a 2026 Q4 result.",
    );
    expect(commonCountermeasuresNote({ teamsRanked: 0, teamsRankedEarlier: 0 }, "2026 Q4")).toBe(
      "Counted per team: in its plan (and not dropped), or among the top 3 countermeasures of its latest result up to 2026 Q4; no team has a result yet.",
    );
  });

  it("is empty for a unit without teams", () => {
    expect(buildUnitSummary([])).toEqual({
      teamCount: 0,
      teamsWithoutResult: [],
      bandCounts: [],
      common: [],
      teamsRanked: 0,
      teamsRankedEarlier: 0,
      overdue: [],
    });
  });

  it("accounts for every team with results once per pitfall, and lists at most the common limit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...RISK_BANDS), { nil: null }), { maxLength: 12 }),
        (bands) => {
          const sections = bands.map((band, index) =>
            band === null
              ? team(`team-${index}`, `Team ${index}`, sampleSectionWithoutResult([], null))
              : team(
                  `team-${index}`,
                  `Team ${index}`,
                  withBand(sampleTeamSection([]), "excessive-bau", band),
                ),
          );
          const summary = buildUnitSummary(sections);
          const withResults = bands.filter((band) => band !== null).length;
          expect(summary.teamsWithoutResult).toHaveLength(bands.length - withResults);
          for (const entry of summary.bandCounts) {
            const counted =
              Object.values(entry.bands).reduce((sum, count) => sum + count, 0) + entry.notScored;
            expect(counted).toBe(withResults);
          }
          expect(summary.common.length).toBeLessThanOrEqual(SUMMARY_COMMON_LIMIT);
        },
      ),
    );
  });
});
