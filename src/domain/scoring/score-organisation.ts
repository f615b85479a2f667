/**
 * Organisation-level signals that only show across teams: how out-of-hours schedules grow with
 * the number of teams (the linear run costs signal), how each pitfall is distributed, and where
 * each team stands against the others.
 */
import { type Answers, PITFALL_IDS, type PitfallId } from "../content/schema";
import { RISK_BANDS, type RiskBand } from "./bands";
import type { AssessmentScore } from "./types";

export interface TeamAssessmentResult {
  teamId: string;
  /** Teams on a shared domain schedule under the same org unit count as one schedule. */
  orgUnitId?: string | null;
  /** The team context the assessment was scored with. */
  context: Answers;
  result: AssessmentScore;
}

/** Which team context answer says how a team covers out-of-hours callouts. */
export interface OnCallSetupMapping {
  contextQuestionId: string;
  /** Values meaning the team runs its own out-of-hours schedule. */
  ownScheduleValues: readonly string[];
  /** Values meaning the team shares a domain schedule with sibling teams. */
  domainScheduleValues: readonly string[];
}

/**
 * The on-call setup question of questionnaire v1. "none" and "central-ops" add no product team
 * schedule: central operations cover is one schedule for everything, the Ops Run It cost shape.
 */
export const DEFAULT_ON_CALL_SETUP: OnCallSetupMapping = {
  contextQuestionId: "out-of-hours-on-call-setup",
  ownScheduleValues: ["own-team-schedule"],
  domainScheduleValues: ["shared-domain-schedule"],
};

export interface RunCostSignal {
  productTeams: number;
  /** Teams whose on-call setup is answered (not blank, not "don't know"): the ratio's denominator. */
  teamsWithKnownSetup: number;
  teamsWithUnknownSetup: number;
  teamsWithOwnSchedule: number;
  teamsOnDomainSchedule: number;
  /** Distinct domain schedules: one per org unit; a team without an org unit counts as its own. */
  domainSchedules: number;
  /** Teams with no product team schedule: nobody out of hours, or central operations cover. */
  teamsWithoutSchedule: number;
  /** Own schedules plus domain schedules. */
  outOfHoursSchedules: number;
  /**
   * Out-of-hours schedules per product team with a known setup, two decimals. Close to 1 means
   * standby cost grows one-for-one with teams: the linear run costs pitfall at organisation level.
   */
  schedulesPerTeam: number | null;
}

export interface PitfallDistribution {
  pitfallId: PitfallId;
  /** Teams whose result includes this pitfall. */
  teams: number;
  scored: number;
  notAssessed: number;
  insufficientEvidence: number;
  /** Scored teams per band. */
  bands: Record<RiskBand, number>;
  /** Mean score of scored teams, one decimal; null when none is scored. */
  averageScore: number | null;
  /** Fraction (0..1, three decimals) of scored teams in the high or critical band. */
  highOrCriticalShare: number | null;
}

export interface TeamStanding {
  teamId: string;
  orgUnitId: string | null;
  /**
   * Per pitfall: the share of the other scored teams with a lower score, ties counted half,
   * 0-100 with one decimal. Higher means riskier than more of the organisation. Null when this
   * team's pitfall is not scored; 50 when it is the only scored team.
   */
  percentiles: Partial<Record<PitfallId, number | null>>;
}

export interface OrgUnitRollUp {
  orgUnitId: string;
  teams: number;
  pitfalls: readonly PitfallDistribution[];
}

export interface OrganisationSignals {
  teams: number;
  runCost: RunCostSignal;
  /** One entry per pitfall seen in any result, in the playbook's pitfall order. */
  pitfalls: readonly PitfallDistribution[];
  /** Ordered by team id, so the output does not depend on input order. */
  standings: readonly TeamStanding[];
  /** Ordered by org unit id; teams without an org unit are only in the organisation totals. */
  orgUnits: readonly OrgUnitRollUp[];
}

const PITFALL_ORDER = new Map<string, number>(PITFALL_IDS.map((id, index) => [id, index]));

export function scoreOrganisation(
  teamResults: readonly TeamAssessmentResult[],
  onCallSetup: OnCallSetupMapping = DEFAULT_ON_CALL_SETUP,
): OrganisationSignals {
  const teams = [...teamResults].sort((a, b) => compareStrings(a.teamId, b.teamId));
  for (let index = 1; index < teams.length; index++) {
    if (teams[index]!.teamId === teams[index - 1]!.teamId) {
      throw new Error(`Team "${teams[index]!.teamId}" appears more than once in the organisation's results`);
    }
  }

  const pitfallIds = pitfallsPresent(teams);
  const standings: TeamStanding[] = teams.map((team) => ({
    teamId: team.teamId,
    orgUnitId: team.orgUnitId ?? null,
    percentiles: {},
  }));
  for (const pitfallId of pitfallIds) assignPercentiles(teams, standings, pitfallId);

  const byUnit = new Map<string, TeamAssessmentResult[]>();
  for (const team of teams) {
    if (team.orgUnitId == null) continue;
    let unitTeams = byUnit.get(team.orgUnitId);
    if (!unitTeams) byUnit.set(team.orgUnitId, (unitTeams = []));
    unitTeams.push(team);
  }
  const orgUnits = [...byUnit.keys()].sort(compareStrings).map((orgUnitId): OrgUnitRollUp => {
    const unitTeams = byUnit.get(orgUnitId)!;
    return {
      orgUnitId,
      teams: unitTeams.length,
      pitfalls: pitfallIds.map((pitfallId) => distribution(unitTeams, pitfallId)),
    };
  });

  return {
    teams: teams.length,
    runCost: runCostSignal(teams, onCallSetup),
    pitfalls: pitfallIds.map((pitfallId) => distribution(teams, pitfallId)),
    standings,
    orgUnits,
  };
}

/**
 * Percentile rank among the other scored teams: (lower + ½·tied) / (n − 1). Sorting once and
 * binary-searching each team's score keeps it O(n log n) per pitfall.
 */
function assignPercentiles(
  teams: readonly TeamAssessmentResult[],
  standings: TeamStanding[],
  pitfallId: PitfallId,
): void {
  const scores = new Float64Array(teams.length);
  let scoredCount = 0;
  for (let index = 0; index < teams.length; index++) {
    const score = scoreOf(teams[index]!, pitfallId);
    scores[index] = score ?? Number.NaN;
    if (score !== null) scoredCount++;
  }
  const sorted = new Float64Array(scoredCount);
  let fill = 0;
  for (let index = 0; index < scores.length; index++) {
    if (!Number.isNaN(scores[index]!)) sorted[fill++] = scores[index]!;
  }
  sorted.sort();

  for (let index = 0; index < teams.length; index++) {
    const score = scores[index]!;
    const percentiles = standings[index]!.percentiles;
    if (Number.isNaN(score)) {
      if (teams[index]!.result.pitfalls.some((pitfall) => pitfall.pitfallId === pitfallId))
        percentiles[pitfallId] = null;
      continue;
    }
    if (scoredCount === 1) {
      percentiles[pitfallId] = 50;
      continue;
    }
    const lower = lowerBound(sorted, score);
    const tiedOthers = upperBound(sorted, score) - lower - 1;
    percentiles[pitfallId] = Math.round((1000 * (lower + tiedOthers / 2)) / (scoredCount - 1)) / 10;
  }
}

function distribution(teams: readonly TeamAssessmentResult[], pitfallId: PitfallId): PitfallDistribution {
  const bands = Object.fromEntries(RISK_BANDS.map((band) => [band, 0])) as Record<RiskBand, number>;
  let present = 0;
  let scored = 0;
  let notAssessed = 0;
  let insufficientEvidence = 0;
  let total = 0;
  let highOrCritical = 0;
  for (const team of teams) {
    const pitfall = team.result.pitfalls.find((candidate) => candidate.pitfallId === pitfallId);
    if (!pitfall) continue;
    present++;
    if (pitfall.status === "not-assessed") notAssessed++;
    else if (pitfall.status === "insufficient-evidence") insufficientEvidence++;
    else if (pitfall.score !== null && pitfall.band !== null) {
      scored++;
      total += pitfall.score;
      bands[pitfall.band]++;
      if (pitfall.band === "high" || pitfall.band === "critical") highOrCritical++;
    }
  }
  return {
    pitfallId,
    teams: present,
    scored,
    notAssessed,
    insufficientEvidence,
    bands,
    averageScore: scored === 0 ? null : Math.round((10 * total) / scored) / 10,
    highOrCriticalShare: scored === 0 ? null : Math.round((1000 * highOrCritical) / scored) / 1000,
  };
}

function runCostSignal(teams: readonly TeamAssessmentResult[], mapping: OnCallSetupMapping): RunCostSignal {
  let known = 0;
  let own = 0;
  let onDomain = 0;
  let domainsWithoutUnit = 0;
  let none = 0;
  const domainUnits = new Set<string>();
  for (const team of teams) {
    const answer = team.context[mapping.contextQuestionId];
    if (answer?.kind !== "value" || typeof answer.value !== "string") continue;
    known++;
    if (mapping.ownScheduleValues.includes(answer.value)) {
      own++;
    } else if (mapping.domainScheduleValues.includes(answer.value)) {
      onDomain++;
      if (team.orgUnitId == null) domainsWithoutUnit++;
      else domainUnits.add(team.orgUnitId);
    } else {
      none++;
    }
  }
  const domainSchedules = domainUnits.size + domainsWithoutUnit;
  const schedules = own + domainSchedules;
  return {
    productTeams: teams.length,
    teamsWithKnownSetup: known,
    teamsWithUnknownSetup: teams.length - known,
    teamsWithOwnSchedule: own,
    teamsOnDomainSchedule: onDomain,
    domainSchedules,
    teamsWithoutSchedule: none,
    outOfHoursSchedules: schedules,
    schedulesPerTeam: known === 0 ? null : Math.round((100 * schedules) / known) / 100,
  };
}

function pitfallsPresent(teams: readonly TeamAssessmentResult[]): PitfallId[] {
  const seen = new Set<PitfallId>();
  for (const team of teams) for (const pitfall of team.result.pitfalls) seen.add(pitfall.pitfallId);
  return [...seen].sort((a, b) => (PITFALL_ORDER.get(a) ?? 0) - (PITFALL_ORDER.get(b) ?? 0));
}

function scoreOf(team: TeamAssessmentResult, pitfallId: PitfallId): number | null {
  const pitfalls = team.result.pitfalls;
  for (let index = 0; index < pitfalls.length; index++) {
    const pitfall = pitfalls[index]!;
    if (pitfall.pitfallId === pitfallId) return pitfall.status === "scored" ? pitfall.score : null;
  }
  return null;
}

/** First index whose value is >= target. */
function lowerBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First index whose value is > target. */
function upperBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Code-unit order: locale-independent, so the same data sorts the same on every server. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
