/**
 * While a cycle is open most teams have not submitted yet, and for weeks the selected cycle's
 * results alone would hide what the app already knows: a team Critical last quarter is still the
 * place to look. These helpers pick each such team's last result from an earlier cycle, so the
 * dashboards can show it labelled with its cycle and kept out of the selected cycle's figures.
 * Pure: the server reads the rows.
 */
import { teamHeadline } from "../results/headline";
import {
  hasStoredResults,
  isPitfallId,
  resultsByAssessment,
  type AssessmentRow,
  type LastResultRow,
  type PitfallResultRow,
} from "./stored-rows";

/**
 * The last assessment with stored results of each team that has none in the selected cycle, from
 * candidates listed newest cycle first (as the server reads them). A team with results in the
 * selected cycle needs no fallback, so it gets none.
 */
export function lastResultsOfTeamsWithout(
  current: readonly AssessmentRow[],
  newestFirst: readonly LastResultRow[],
): LastResultRow[] {
  const withResults = new Set(current.filter(hasStoredResults).map((assessment) => assessment.teamId));
  const picked = new Map<string, LastResultRow>();
  for (const candidate of newestFirst) {
    if (withResults.has(candidate.teamId) || picked.has(candidate.teamId)) continue;
    if (hasStoredResults(candidate)) picked.set(candidate.teamId, candidate);
  }
  return [...picked.values()];
}

export interface EarlierCriticalTeam {
  teamId: string;
  /** The cycle the result comes from, e.g. "2026 Q3". */
  cycleName: string;
  /** Its Critical pitfalls in that result. */
  criticalPitfalls: number;
  /** The highest Critical score, to list the worst first. */
  worstScore: number;
}

/** The teams whose last earlier result (see lastResultsOfTeamsWithout) has a Critical pitfall. */
export function earlierCriticalTeams(
  lastResults: readonly LastResultRow[],
  results: readonly PitfallResultRow[],
): EarlierCriticalTeam[] {
  const byAssessment = resultsByAssessment(results);
  const teams: EarlierCriticalTeam[] = [];
  for (const assessment of lastResults) {
    const rows = (byAssessment.get(assessment.id) ?? []).filter((row) => isPitfallId(row.pitfallId));
    const headline = teamHeadline(rows);
    if (headline.worstBand !== "critical") continue;
    teams.push({
      teamId: assessment.teamId,
      cycleName: assessment.cycleName,
      criticalPitfalls: headline.criticalCount,
      worstScore: headline.worstScore ?? 0,
    });
  }
  return teams.sort((a, b) => b.criticalPitfalls - a.criticalPitfalls || b.worstScore - a.worstScore);
}
