/**
 * "Where we are at risk, what to do first" for one cycle: the pitfalls with most teams at High or
 * Critical and how that moved for the same teams, the teams with a Critical pitfall, the teams
 * whose results moved most since the cycle before, and the countermeasures that would remove most
 * risk across the organisation.
 *
 * Countermeasures are ranked with the engine's remediation order (scoring/remediation-order), summed
 * over the teams: urgency is each team's risk removed weighted by the band of the pitfall it is
 * removed from, exactly as a team's own ranking (plans/stored-rankings) weighs it, so the first
 * countermeasure here is the one that works most on the organisation's worst pitfalls.
 * Pure: the server reads the rows, this assembles them.
 */
import { countermeasureById } from "../content";
import { PITFALL_IDS, type CountermeasureEffort, type PitfallId } from "../content/schema";
import { asPlanItemStatus, type PlanItemStatus } from "../plans/plan-item-rules";
import { pitfallName, readStoredResults, type StoredResultRow } from "../plans/stored-rankings";
import { teamHeadline, type HeadlinePitfallResult } from "../results/headline";
import { decodeRiskBand } from "../scoring/bands";
import { BAND_URGENCY, compareRemediation } from "../scoring/remediation-order";
import { biggestChanges, type BiggestChanges } from "./biggest-changes";
import type { Coverage } from "./coverage";
import type { EarlierCriticalTeam } from "./last-results";
import type { OrgUnitRow, TeamRow } from "./stored-rows";

/** How many countermeasures the view lists: enough to plan a quarter, few enough to read. */
export const TOP_ORG_COUNTERMEASURES = 5;

export interface OrgPrioritiesInput {
  units: readonly OrgUnitRow[];
  teams: readonly TeamRow[];
  /**
   * Stored results (with their detail JSON) of each team's assessment in the cycle that holds
   * results: submitted, or reopened with its last submitted results.
   */
  current: ReadonlyMap<string, readonly StoredResultRow[]>;
  /** Teams of `current` whose assessment is reopened: its results are being revised. */
  reopenedTeamIds?: ReadonlySet<string>;
  /**
   * Stored results of each team's submitted assessment in the cycle before, only where they are
   * comparable with the team's current one (same scoring method).
   */
  previous: ReadonlyMap<string, readonly HeadlinePitfallResult[]>;
  previousCycleName: string | null;
  /** The teams' plan items. */
  planItems: readonly { teamId: string; countermeasureId: string; status: string }[];
  /**
   * Teams without results in the cycle whose last earlier result has a Critical pitfall
   * (last-results); listed apart, never counted in the cycle's figures.
   */
  earlierCritical?: readonly EarlierCriticalTeam[];
}

export interface SameTeamsChange {
  /** Teams with a comparable result in both cycles: the only ones the change is about. */
  teams: number;
  before: number;
  now: number;
  since: string;
}

export interface PitfallRisk {
  pitfallId: PitfallId;
  name: string;
  highOrCritical: number;
  critical: number;
  /** Teams with a score for the pitfall. */
  scored: number;
  /** High-or-Critical teams among those that submitted in both cycles; null without a cycle before. */
  change: SameTeamsChange | null;
}

export interface PriorityTeamRef {
  teamId: string;
  name: string;
  slug: string;
  unitName: string;
  unitSlug: string;
  /** Its assessment was reopened: these are its last submitted results, being revised. */
  reopened: boolean;
}

export interface CriticalTeam extends PriorityTeamRef {
  /** Its Critical pitfalls, highest score first. */
  pitfalls: { pitfallId: string; name: string; score: number }[];
}

/** A team not yet submitted in the cycle whose last result, from an earlier cycle, was Critical. */
export interface EarlierCriticalTeamRef extends PriorityTeamRef {
  cycleName: string;
  criticalPitfalls: number;
}

export interface CountermeasureTeam extends PriorityTeamRef {
  riskRemoved: number;
  /** The team's plan item for it, or null when it is not in the team's plan. */
  planStatus: PlanItemStatus | null;
}

export interface OrgCountermeasure {
  countermeasureId: string;
  action: string;
  effort: CountermeasureEffort;
  /** Risk points it would remove, summed over the teams. */
  totalRiskRemoved: number;
  /** Risk removed weighted by the band of each pitfall it is removed from, summed over the teams. */
  urgency: number;
  /** Teams it removes risk for, most first. */
  teams: CountermeasureTeam[];
  /** Of those teams, how many already have it in their plan (not dropped). */
  planned: number;
}

export interface OrgPriorities {
  coverage: Coverage;
  /** Pitfalls with at least one team at High or Critical, most such teams first. */
  pitfalls: PitfallRisk[];
  /** Teams with a Critical pitfall: most Critical pitfalls first, then highest score. */
  criticalTeams: CriticalTeam[];
  /** Teams without a result in the cycle whose last earlier one was Critical, the worst first. */
  earlierCriticalTeams: EarlierCriticalTeamRef[];
  /** The countermeasures that would remove most risk, in the engine's remediation order. */
  countermeasures: OrgCountermeasure[];
  /**
   * The teams whose results moved most since the previous cycle, worse and better, like with like
   * (see biggest-changes); null without a previous cycle.
   */
  changes: BiggestChanges<PriorityTeamRef> | null;
}

const roundOne = (value: number) => Math.round(value * 10) / 10;

function isHighOrCritical(result: HeadlinePitfallResult): boolean {
  const band = result.status === "scored" ? decodeRiskBand(result.band) : null;
  return band === "high" || band === "critical";
}

function isScored(result: HeadlinePitfallResult): boolean {
  return result.status === "scored" && result.score !== null && decodeRiskBand(result.band) !== null;
}

function pitfallRisks(input: OrgPrioritiesInput): PitfallRisk[] {
  const since = input.previousCycleName;
  const risks = PITFALL_IDS.map((pitfallId): PitfallRisk => {
    let highOrCritical = 0;
    let critical = 0;
    let scored = 0;
    const change = since === null ? null : { teams: 0, before: 0, now: 0, since };
    for (const [teamId, rows] of input.current) {
      const result = rows.find((row) => row.pitfallId === pitfallId);
      if (!result || !isScored(result)) continue;
      scored++;
      if (isHighOrCritical(result)) highOrCritical++;
      if (decodeRiskBand(result.band) === "critical") critical++;
      const earlier = input.previous.get(teamId)?.find((row) => row.pitfallId === pitfallId);
      if (change && earlier && isScored(earlier)) {
        change.teams++;
        if (isHighOrCritical(earlier)) change.before++;
        if (isHighOrCritical(result)) change.now++;
      }
    }
    return { pitfallId, name: pitfallName(pitfallId), highOrCritical, critical, scored, change };
  });
  return risks
    .filter((risk) => risk.highOrCritical > 0)
    .sort((a, b) => b.highOrCritical - a.highOrCritical || b.critical - a.critical);
}

export function buildOrgPriorities(input: OrgPrioritiesInput): OrgPriorities {
  const unitById = new Map(input.units.map((unit) => [unit.id, unit]));
  const refs = new Map<string, PriorityTeamRef>();
  for (const team of input.teams) {
    const unit = unitById.get(team.orgUnitId);
    refs.set(team.id, {
      teamId: team.id,
      name: team.name,
      slug: team.slug,
      unitName: unit?.name ?? "",
      unitSlug: unit?.slug ?? "",
      reopened: input.reopenedTeamIds?.has(team.id) ?? false,
    });
  }
  const planStatus = new Map<string, PlanItemStatus>(
    input.planItems.map((item) => [`${item.teamId}:${item.countermeasureId}`, asPlanItemStatus(item.status)]),
  );

  const criticalTeams: (CriticalTeam & { worst: number })[] = [];
  const byCountermeasure = new Map<string, OrgCountermeasure>();
  for (const [teamId, rows] of input.current) {
    const ref = refs.get(teamId);
    if (!ref) continue;
    const headline = teamHeadline(rows);
    if (headline.worstBand === "critical") {
      criticalTeams.push({
        ...ref,
        worst: headline.worstScore ?? 0,
        pitfalls: headline.worstPitfalls.map((pitfallId) => ({
          pitfallId,
          name: pitfallName(pitfallId),
          score: rows.find((row) => row.pitfallId === pitfallId)?.score ?? 0,
        })),
      });
    }
    const reading = readStoredResults(rows);
    const bandOf = new Map(reading.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.band ?? "none"]));
    for (const recommendation of reading.recommendations) {
      if (recommendation.totalRiskRemoved <= 0) continue;
      const entry = byCountermeasure.get(recommendation.countermeasureId) ?? {
        countermeasureId: recommendation.countermeasureId,
        action: recommendation.action,
        effort: countermeasureById(recommendation.countermeasureId)?.effort ?? "medium",
        totalRiskRemoved: 0,
        urgency: 0,
        teams: [],
        planned: 0,
      };
      const status = planStatus.get(`${teamId}:${recommendation.countermeasureId}`) ?? null;
      entry.teams.push({ ...ref, riskRemoved: recommendation.totalRiskRemoved, planStatus: status });
      if (status !== null && status !== "dropped") entry.planned++;
      entry.totalRiskRemoved = roundOne(entry.totalRiskRemoved + recommendation.totalRiskRemoved);
      entry.urgency = roundOne(
        entry.urgency +
          recommendation.pitfalls.reduce(
            (sum, pitfall) =>
              sum + pitfall.riskRemoved * BAND_URGENCY[bandOf.get(pitfall.pitfallId) ?? "none"],
            0,
          ),
      );
      byCountermeasure.set(recommendation.countermeasureId, entry);
    }
  }

  const countermeasures = [...byCountermeasure.values()]
    .sort(compareRemediation)
    .slice(0, TOP_ORG_COUNTERMEASURES);
  for (const countermeasure of countermeasures) {
    countermeasure.teams.sort((a, b) => b.riskRemoved - a.riskRemoved || a.name.localeCompare(b.name));
  }
  return {
    coverage: { submitted: input.current.size, teams: input.teams.length },
    pitfalls: pitfallRisks(input),
    criticalTeams: criticalTeams
      .sort(
        (a, b) => b.pitfalls.length - a.pitfalls.length || b.worst - a.worst || a.name.localeCompare(b.name),
      )
      .map(({ worst: _worst, ...team }) => team),
    countermeasures,
    changes:
      input.previousCycleName === null
        ? null
        : biggestChanges({
            teams: refs,
            current: input.current,
            previous: input.previous,
            since: input.previousCycleName,
            nameOf: (team) => team.name,
          }),
    earlierCriticalTeams: (input.earlierCritical ?? []).flatMap((team) => {
      const ref = refs.get(team.teamId);
      return ref ? [{ ...ref, cycleName: team.cycleName, criticalPitfalls: team.criticalPitfalls }] : [];
    }),
  };
}

/**
 * "4 teams not yet submitted had a Critical pitfall in 2026 Q3": the cycles named newest first,
 * as each team's last result may come from a different one.
 */
export function earlierCriticalText(teams: readonly { cycleName: string }[]): string {
  // Cycle names ("2026 Q3") sort by time as text.
  const cycles = [...new Set(teams.map((team) => team.cycleName))].sort().reverse();
  const who = `${teams.length} ${teams.length === 1 ? "team" : "teams"} not yet submitted`;
  const when = cycles.length === 1 ? `in ${cycles[0]}` : `in their last results (${cycles.join(", ")})`;
  return `${who} had a Critical pitfall ${when}`;
}

/** The like-for-like change of High-or-Critical teams on a pitfall, in words. */
export function sameTeamsChangeText(change: SameTeamsChange): string {
  if (change.teams === 0) return `no team submitted in both ${change.since} and this cycle`;
  const among = `among the ${change.teams} ${change.teams === 1 ? "team" : "teams"} that submitted in both`;
  if (change.now === change.before) return `unchanged since ${change.since} (${change.now}, ${among})`;
  return `${change.now > change.before ? "up" : "down"} from ${change.before} in ${change.since} to ${change.now}, ${among}`;
}
