/**
 * The headline an export carries (see export-schema: the same object the API gives) read back into
 * the wording every page uses, so the Markdown and PDF files say it exactly as the pages do.
 */
import { headlineDetail, headlineSentence, type TeamHeadline } from "../results/headline";
import type { ExportHeadline } from "./export-schema";

function toTeamHeadline(headline: ExportHeadline): TeamHeadline {
  return {
    worstBand: headline.band,
    worstPitfalls: headline.worstPitfalls.map((pitfall) => pitfall.id),
    worstScore: headline.worstScore,
    namedBand: headline.namedBand ?? (headline.worstPitfalls.length > 0 ? headline.band : null),
    // Only for ordering teams, which an export's sentence does not do.
    topScore: headline.worstScore,
    worstSuspected: headline.worstSuspected ?? false,
    highOrCriticalCount: headline.highOrCriticalCount,
    criticalCount: headline.criticalCount,
    scoredCount: headline.scoredCount,
    unscoredCount: headline.unscoredCount,
    averageScore: headline.averageScore,
  };
}

function namesOf(headline: ExportHeadline): (pitfallId: string) => string {
  return (pitfallId) => headline.worstPitfalls.find((pitfall) => pitfall.id === pitfallId)?.name ?? pitfallId;
}

/** "Critical — 2 pitfalls High or Critical (worst: Excessive BAU 89.7) · average 25.0". */
export function exportHeadlineSentence(headline: ExportHeadline): string {
  return headlineSentence(toTeamHeadline(headline), namesOf(headline));
}

/** The part after the band: "2 pitfalls High or Critical (worst: Excessive BAU 89.7) · average 25.0". */
export function exportHeadlineDetail(headline: ExportHeadline): string {
  return headlineDetail(toTeamHeadline(headline), namesOf(headline));
}
