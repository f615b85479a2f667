/**
 * The summary an org unit's export opens with: how the unit's teams are spread over the bands of
 * each pitfall, the countermeasures most of them share, and the plan items past their due date.
 * Built from the export sections themselves, so it always agrees with the pages that follow.
 */
import { RISK_BANDS, type RiskBand } from "@/domain/scoring/bands";
import { commonCountermeasures, type CommonCountermeasure } from "./common-countermeasures";
import type { ExportTeamSection } from "./export-schema";

export interface PitfallBandCounts {
  pitfallId: string;
  pitfallName: string;
  /** Teams of the unit in each band of this pitfall, this cycle. */
  bands: Record<RiskBand, number>;
  /** Teams with results this cycle whose score for this pitfall is missing (not assessed, too little evidence). */
  notScored: number;
}

export interface OverdueSummaryItem {
  teamName: string;
  action: string;
  ownerEmail: string | null;
  /** "YYYY-MM-DD". */
  dueOn: string;
}

export interface UnitSummary {
  teamCount: number;
  /** Names of the teams without a submitted result in the cycle, in the unit's order. */
  teamsWithoutResult: string[];
  bandCounts: PitfallBandCounts[];
  common: CommonCountermeasure[];
  /** Longest overdue first. */
  overdue: OverdueSummaryItem[];
}

/** How many common countermeasures the summary lists. */
export const SUMMARY_COMMON_LIMIT = 5;

function emptyBands(): Record<RiskBand, number> {
  return Object.fromEntries(RISK_BANDS.map((band) => [band, 0])) as Record<RiskBand, number>;
}

export function buildUnitSummary(sections: readonly ExportTeamSection[]): UnitSummary {
  const byPitfall = new Map<string, PitfallBandCounts>();
  for (const section of sections) {
    for (const pitfall of section.assessment?.pitfalls ?? []) {
      let counts = byPitfall.get(pitfall.pitfallId);
      if (!counts) {
        counts = {
          pitfallId: pitfall.pitfallId,
          pitfallName: pitfall.pitfallName,
          bands: emptyBands(),
          notScored: 0,
        };
        byPitfall.set(pitfall.pitfallId, counts);
      }
      if (pitfall.status === "scored" && pitfall.band) counts.bands[pitfall.band]++;
      else counts.notScored++;
    }
  }

  // Teams are told apart by slug: two teams of a unit may share a name.
  const common = commonCountermeasures(
    sections.flatMap((section) =>
      section.planItems.map((item) => ({
        teamId: section.team.slug,
        countermeasureId: item.countermeasureId,
        action: item.action,
        status: item.status,
      })),
    ),
    sections.map((section) => ({ teamId: section.team.slug, ranked: section.recommendations })),
    SUMMARY_COMMON_LIMIT,
  );

  const overdue = sections
    .flatMap((section) =>
      section.planItems
        .filter((item) => item.overdue && item.dueOn !== null)
        .map((item) => ({
          teamName: section.team.name,
          action: item.action,
          ownerEmail: item.ownerEmail,
          dueOn: item.dueOn!,
        })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.teamName.localeCompare(b.teamName));

  return {
    teamCount: sections.length,
    teamsWithoutResult: sections
      .filter((section) => section.assessment === null)
      .map((section) => section.team.name),
    bandCounts: [...byPitfall.values()],
    common,
    overdue,
  };
}
