/**
 * The countermeasures that come up most across an org unit's teams: those in the teams' plans and
 * those at the top of their latest results. A coach uses it to spot work worth doing once, for
 * several teams together.
 */

/** How many of a team's ranked countermeasures count as its "top" recommendations. */
export const TOP_RECOMMENDATIONS_PER_TEAM = 3;

export interface TeamPlanEntry {
  teamId: string;
  countermeasureId: string;
  action: string;
  status: string;
}

export interface TeamTopRecommendations {
  teamId: string;
  /** Most risk removed first; only the first TOP_RECOMMENDATIONS_PER_TEAM count. */
  ranked: readonly { countermeasureId: string; action: string; totalRiskRemoved: number }[];
}

export interface CommonCountermeasure {
  countermeasureId: string;
  action: string;
  /** Teams with it in their plan and not dropped. */
  teamsPlanning: number;
  /** Teams whose latest results rank it among their top recommendations. */
  teamsRecommended: number;
  /** Teams counted by either measure, each once. */
  teamsTotal: number;
}

export function commonCountermeasures(
  planEntries: readonly TeamPlanEntry[],
  recommendations: readonly TeamTopRecommendations[],
  limit = 10,
): CommonCountermeasure[] {
  const byId = new Map<string, { action: string; planning: Set<string>; recommended: Set<string> }>();
  const entryFor = (countermeasureId: string, action: string) => {
    let entry = byId.get(countermeasureId);
    if (!entry) {
      entry = { action, planning: new Set(), recommended: new Set() };
      byId.set(countermeasureId, entry);
    }
    return entry;
  };
  for (const item of planEntries) {
    if (item.status === "dropped") continue;
    entryFor(item.countermeasureId, item.action).planning.add(item.teamId);
  }
  for (const team of recommendations) {
    for (const ranked of team.ranked.filter((entry) => entry.totalRiskRemoved > 0).slice(0, TOP_RECOMMENDATIONS_PER_TEAM)) {
      entryFor(ranked.countermeasureId, ranked.action).recommended.add(team.teamId);
    }
  }
  return [...byId.entries()]
    .map(([countermeasureId, entry]) => ({
      countermeasureId,
      action: entry.action,
      teamsPlanning: entry.planning.size,
      teamsRecommended: entry.recommended.size,
      teamsTotal: new Set([...entry.planning, ...entry.recommended]).size,
    }))
    .sort(
      (a, b) =>
        b.teamsTotal - a.teamsTotal || b.teamsPlanning - a.teamsPlanning || a.action.localeCompare(b.action),
    )
    .slice(0, limit);
}
