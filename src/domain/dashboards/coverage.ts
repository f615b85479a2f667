/**
 * Honest comparisons while a cycle fills up: how many teams a figure covers, and how many a
 * percentile ranks against. While a cycle is open both may still change as more teams submit.
 */

/** How many teams submitted out of how many are in view: the population behind every figure. */
export interface Coverage {
  submitted: number;
  teams: number;
}

/** "3 of 5 teams so far" while the cycle is open, "3 of 5 teams submitted" once it closed. */
export function coverageText(coverage: Coverage, cycleOpen: boolean): string {
  const teams = `${coverage.submitted} of ${coverage.teams} ${coverage.teams === 1 ? "team" : "teams"}`;
  return cycleOpen ? `${teams} so far` : `${teams} submitted`;
}

/** Whether a figure covers only part of the teams in view. */
export function isPartial(coverage: Coverage): boolean {
  return coverage.submitted < coverage.teams;
}

/**
 * The population a pitfall's percentile ranks against (the teams scored on that pitfall in the
 * cycle, this one included), and whether it may still change.
 */
export function percentileBasis(scoredTeams: number, cycleOpen: boolean): string {
  const ranked = `ranked against ${scoredTeams} ${scoredTeams === 1 ? "team" : "teams"} scored on this pitfall`;
  return cycleOpen ? `${ranked}, provisional while the cycle is open` : ranked;
}

/** The percentile column's heading note: each pitfall has its own comparison group. */
export function percentilesBasis(cycleOpen: boolean): string {
  const ranked = "ranked against the teams scored on each pitfall";
  return cycleOpen ? `${ranked}, provisional while the cycle is open` : ranked;
}
