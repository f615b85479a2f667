/**
 * The summary an org unit's export opens with: how the unit's teams are spread over the bands of
 * each pitfall, the countermeasures most of them share, and the plan items past their due date.
 * Built from the export sections themselves, so it always agrees with the pages that follow.
 */
import { RISK_BANDS, type RiskBand } from "@/domain/scoring/bands";
import {
  commonCountermeasures,
  TOP_RECOMMENDATIONS_PER_TEAM,
  type CommonCountermeasure,
} from "./common-countermeasures";
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
  ownerName: string | null;
  /** "YYYY-MM-DD". */
  dueOn: string;
}

export interface UnitSummary {
  teamCount: number;
  /** Names of the teams without a submitted result in the cycle, in the unit's order. */
  teamsWithoutResult: string[];
  bandCounts: PitfallBandCounts[];
  /**
   * Counted as on the unit plan page: per team, in its plan (not dropped) or among the top
   * countermeasures of its latest result up to the cycle (`teamsRanked` teams have one).
   */
  common: CommonCountermeasure[];
  /** Teams with a result up to the cycle, whose ranking `common` counts. */
  teamsRanked: number;
  /** Of those, the teams without a result in the cycle, whose ranking is an earlier cycle's. */
  teamsRankedEarlier: number;
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

  // Teams are told apart by slug: two teams of a unit may share a name. A team without a result in
  // the cycle counts with its latest earlier one, as the unit plan page counts every team's latest.
  const common = commonCountermeasures(
    sections.flatMap((section) =>
      section.planItems.map((item) => ({
        teamId: section.team.slug,
        countermeasureId: item.countermeasureId,
        action: item.action,
        status: item.status,
      })),
    ),
    sections.map((section) => ({
      teamId: section.team.slug,
      ranked: section.assessment ? section.recommendations : (section.lastResult?.topRecommendations ?? []),
    })),
    SUMMARY_COMMON_LIMIT,
  );

  const overdue = sections
    .flatMap((section) =>
      section.planItems
        .filter((item) => item.overdue && item.dueOn !== null)
        .map((item) => ({
          teamName: section.team.name,
          action: item.action,
          ownerName: item.ownerName,
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
    teamsRanked: sections.filter((section) => section.assessment !== null || section.lastResult !== null)
      .length,
    teamsRankedEarlier: sections.filter(
      (section) => section.assessment === null && section.lastResult !== null,
    ).length,
    overdue,
  };
}

function teams(count: number): string {
  return `${count} ${count === 1 ? "team" : "teams"}`;
}

/**
 * What the common countermeasures count, in words: which teams, which cycle's results, and that
 * "top" means the first TOP_RECOMMENDATIONS_PER_TEAM of a team's ranking, not only its first.
 */
export function commonCountermeasuresNote(
  summary: Pick<UnitSummary, "teamsRanked" | "teamsRankedEarlier">,
  cycleName: string,
): string {
  const counted = `Counted per team: in its plan (and not dropped), or among the top ${TOP_RECOMMENDATIONS_PER_TEAM} countermeasures of its latest result up to ${cycleName}`;
  if (summary.teamsRanked === 0) return `${counted}; no team has a result yet.`;
  const inCycle = summary.teamsRanked - summary.teamsRankedEarlier;
  if (summary.teamsRankedEarlier === 0)
    return `${counted}: ${teams(inCycle)}, each with a ${cycleName} result.`;
  return `${counted}: ${teams(inCycle)} with a ${cycleName} result, and ${teams(summary.teamsRankedEarlier)} without one, counted with ${summary.teamsRankedEarlier === 1 ? "its" : "their"} result from an earlier cycle.`;
}
