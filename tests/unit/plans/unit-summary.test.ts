import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildUnitSummary, SUMMARY_COMMON_LIMIT } from "@/domain/plans/unit-summary";
import type { ExportTeamSection } from "@/domain/plans/export-schema";
import { RISK_BANDS } from "@/domain/scoring/bands";
import { samplePlanItem, sampleTeamSection } from "./sample-export";

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
      team("billing", "決済チーム", { ...sampleTeamSection([]), assessment: null, recommendations: [] }),
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
            ownerEmail: null,
          }),
        ]),
      ),
    ]);
    expect(summary.overdue).toEqual([
      { teamName: "Checkout", action: "Late one", ownerEmail: "zoe.muller@example.com", dueOn: "2026-10-01" },
      { teamName: "Refunds", action: "Later one", ownerEmail: null, dueOn: "2026-11-01" },
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

  it("is empty for a unit without teams", () => {
    expect(buildUnitSummary([])).toEqual({
      teamCount: 0,
      teamsWithoutResult: [],
      bandCounts: [],
      common: [],
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
              ? team(`team-${index}`, `Team ${index}`, { ...sampleTeamSection([]), assessment: null })
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
