/**
 * Roll-ups per org unit and per pitfall: band distribution, average score, share of teams at high
 * or critical risk, and how those moved across cycles.
 *
 * The selected cycle (and the one before, for the change) comes from the scoring engine's
 * organisation signals over the stored rows. The longer history only needs per-cycle counts and
 * sums, so the database aggregates it and `historyPoints` turns the aggregates into the same
 * figures; the history's last two points are taken from the engine's figures so the trend and the
 * tables on one page never disagree by a rounding step.
 */
import { PITFALL_IDS, type PitfallId } from "../content/schema";
import { decodeRiskBand, RISK_BANDS, type RiskBand } from "../scoring/bands";
import type { OrganisationSignals, PitfallDistribution } from "../scoring/score-organisation";
import type { DashboardCycle } from "./cycles";
import {
  hasStoredResults,
  isReopened,
  isSubmitted,
  organisationSignalsFromRows,
  resultsByAssessment,
  type AssessmentRow,
  type CycleComparisonRows,
  type PitfallResultRow,
} from "./stored-rows";
import { scoreTrend, shareTrend, type Trend } from "./trend";

export interface PitfallRollup {
  pitfallId: PitfallId;
  bands: Record<RiskBand, number>;
  scored: number;
  notAssessed: number;
  insufficientEvidence: number;
  averageScore: number | null;
  highOrCriticalShare: number | null;
  /**
   * The same figures for the previous cycle over every team scored then (the trend's point for that
   * cycle); null without one.
   */
  previous: { scored: number; averageScore: number | null; highOrCriticalShare: number | null } | null;
  /**
   * Against the previous cycle, over the teams scored on the pitfall in both cycles only (the text
   * says how many): comparing this cycle's teams so far with every team of the last one would
   * report a move that is only a change in who submitted. Null without a previous cycle or without
   * such a team.
   */
  averageTrend: Trend | null;
  shareTrend: Trend | null;
  /** Teams scored on the pitfall in both cycles: what the trends are taken over. */
  comparedTeams: number;
}

export interface RollupScope {
  /** Null for the whole organisation (as far as the viewer may read it). */
  orgUnitId: string | null;
  name: string;
  slug: string | null;
  teams: number;
  /** Teams whose assessment is submitted. */
  submitted: number;
  /**
   * Teams whose assessment was reopened after a submission: not counted as submitted, but their
   * last submitted results are in the figures until they submit again.
   */
  reopened: number;
  pitfalls: PitfallRollup[];
}

export interface Rollups {
  organisation: RollupScope;
  units: RollupScope[];
}

/** The roll-ups read the same rows of the selected and previous cycle as the heatmap. */
export type RollupInput = CycleComparisonRows;

function emptyBands(): Record<RiskBand, number> {
  return Object.fromEntries(RISK_BANDS.map((band) => [band, 0])) as Record<RiskBand, number>;
}

function emptyDistribution(pitfallId: PitfallId): PitfallDistribution {
  return {
    pitfallId,
    teams: 0,
    scored: 0,
    notAssessed: 0,
    insufficientEvidence: 0,
    bands: emptyBands(),
    averageScore: null,
    highOrCriticalShare: null,
  };
}

function byPitfall(
  distributions: readonly PitfallDistribution[] | undefined,
): Map<PitfallId, PitfallDistribution> {
  return new Map((distributions ?? []).map((distribution) => [distribution.pitfallId, distribution]));
}

/** A team's stored results in the selected and the previous cycle. */
interface TeamPair {
  now: readonly PitfallResultRow[];
  before: readonly PitfallResultRow[];
}

interface PairedFigures {
  teams: number;
  now: { averageScore: number | null; highOrCriticalShare: number | null };
  before: { averageScore: number | null; highOrCriticalShare: number | null };
}

function scoredBand(row: PitfallResultRow | undefined): RiskBand | null {
  if (!row || row.status !== "scored" || row.score === null) return null;
  return decodeRiskBand(row.band);
}

/**
 * A pitfall's average and High-or-Critical share in both cycles over the teams scored on it in
 * both, rounded as the engine rounds its distributions.
 */
function pairedFigures(pairs: readonly TeamPair[], pitfallId: PitfallId): PairedFigures {
  let teams = 0;
  const sums = { now: 0, before: 0 };
  const highOrCritical = { now: 0, before: 0 };
  for (const pair of pairs) {
    const now = pair.now.find((row) => row.pitfallId === pitfallId);
    const before = pair.before.find((row) => row.pitfallId === pitfallId);
    const nowBand = scoredBand(now);
    const beforeBand = scoredBand(before);
    if (nowBand === null || beforeBand === null) continue;
    teams++;
    sums.now += now!.score!;
    sums.before += before!.score!;
    if (nowBand === "high" || nowBand === "critical") highOrCritical.now++;
    if (beforeBand === "high" || beforeBand === "critical") highOrCritical.before++;
  }
  const figures = (when: "now" | "before") => ({
    averageScore: teams === 0 ? null : Math.round((10 * sums[when]) / teams) / 10,
    highOrCriticalShare: teams === 0 ? null : Math.round((1000 * highOrCritical[when]) / teams) / 1000,
  });
  return { teams, now: figures("now"), before: figures("before") };
}

/** "…, among the 8 teams with a result in both cycles": the population a change covers. */
function amongBoth(trend: Trend | null, teams: number): Trend | null {
  if (!trend) return null;
  return {
    ...trend,
    text: `${trend.text}, among the ${teams} ${teams === 1 ? "team" : "teams"} with a result in both cycles`,
  };
}

function scopePitfalls(
  now: Map<PitfallId, PitfallDistribution>,
  before: Map<PitfallId, PitfallDistribution> | null,
  pairs: readonly TeamPair[],
  since: string | null,
): PitfallRollup[] {
  return PITFALL_IDS.map((pitfallId) => {
    const current = now.get(pitfallId) ?? emptyDistribution(pitfallId);
    const earlier = before?.get(pitfallId);
    const paired = pairedFigures(pairs, pitfallId);
    const compared = before ? paired.teams : 0;
    return {
      pitfallId,
      bands: { ...current.bands },
      scored: current.scored,
      notAssessed: current.notAssessed,
      insufficientEvidence: current.insufficientEvidence,
      averageScore: current.averageScore,
      highOrCriticalShare: current.highOrCriticalShare,
      previous: before
        ? {
            scored: earlier?.scored ?? 0,
            averageScore: earlier?.averageScore ?? null,
            highOrCriticalShare: earlier?.highOrCriticalShare ?? null,
          }
        : null,
      averageTrend: before
        ? amongBoth(scoreTrend(paired.now.averageScore, paired.before.averageScore, since), compared)
        : null,
      shareTrend: before
        ? amongBoth(
            shareTrend(paired.now.highOrCriticalShare, paired.before.highOrCriticalShare, since),
            compared,
          )
        : null,
      comparedTeams: compared,
    };
  });
}

export function buildRollups(input: RollupInput): Rollups {
  const orgUnitOfTeam = new Map(input.teams.map((team) => [team.id, team.orgUnitId]));
  const results = resultsByAssessment(input.results);
  const readable = (assessments: readonly AssessmentRow[]) =>
    assessments.filter((assessment) => orgUnitOfTeam.has(assessment.teamId));
  const current = readable(input.current);
  const now: OrganisationSignals = organisationSignalsFromRows(current, results, orgUnitOfTeam);
  const before: OrganisationSignals | null =
    input.previousCycleName === null
      ? null
      : organisationSignalsFromRows(readable(input.previous), results, orgUnitOfTeam);
  const since = input.previousCycleName;

  // Teams with results in both cycles, by unit: the changes are taken over them alone.
  const previousByTeam = new Map(
    readable(input.previous)
      .filter(hasStoredResults)
      .map((assessment) => [assessment.teamId, assessment]),
  );
  const pairsByUnit = new Map<string, TeamPair[]>();
  const allPairs: TeamPair[] = [];
  for (const assessment of current) {
    const earlier = previousByTeam.get(assessment.teamId);
    if (!earlier || !hasStoredResults(assessment)) continue;
    const pair = { now: results.get(assessment.id) ?? [], before: results.get(earlier.id) ?? [] };
    allPairs.push(pair);
    const unitId = orgUnitOfTeam.get(assessment.teamId)!;
    let list = pairsByUnit.get(unitId);
    if (!list) pairsByUnit.set(unitId, (list = []));
    list.push(pair);
  }

  const teamsPerUnit = new Map<string, number>();
  for (const team of input.teams)
    teamsPerUnit.set(team.orgUnitId, (teamsPerUnit.get(team.orgUnitId) ?? 0) + 1);
  const submittedPerUnit = new Map<string, number>();
  const reopenedPerUnit = new Map<string, number>();
  for (const assessment of current) {
    const counts = isSubmitted(assessment)
      ? submittedPerUnit
      : isReopened(assessment)
        ? reopenedPerUnit
        : null;
    if (!counts) continue;
    const unitId = orgUnitOfTeam.get(assessment.teamId)!;
    counts.set(unitId, (counts.get(unitId) ?? 0) + 1);
  }

  const organisation: RollupScope = {
    orgUnitId: null,
    name: "Organisation",
    slug: null,
    teams: input.teams.length,
    submitted: current.filter(isSubmitted).length,
    reopened: current.filter(isReopened).length,
    pitfalls: scopePitfalls(
      byPitfall(now.pitfalls),
      before ? byPitfall(before.pitfalls) : null,
      allPairs,
      since,
    ),
  };

  const units: RollupScope[] = [];
  for (const unit of input.units) {
    const teams = teamsPerUnit.get(unit.id) ?? 0;
    if (teams === 0) continue;
    const unitNow = now.orgUnits.find((rollUp) => rollUp.orgUnitId === unit.id);
    const unitBefore = before?.orgUnits.find((rollUp) => rollUp.orgUnitId === unit.id);
    units.push({
      orgUnitId: unit.id,
      name: unit.name,
      slug: unit.slug,
      teams,
      submitted: submittedPerUnit.get(unit.id) ?? 0,
      reopened: reopenedPerUnit.get(unit.id) ?? 0,
      pitfalls: scopePitfalls(
        byPitfall(unitNow?.pitfalls),
        before ? byPitfall(unitBefore?.pitfalls) : null,
        pairsByUnit.get(unit.id) ?? [],
        since,
      ),
    });
  }
  return { organisation, units };
}

/**
 * The roll-up of one unit together with every unit below it (`coveredIds`, the unit included): the
 * teams a unit filter takes, as the unit's plan does. The same figures as the organisation's, over
 * those teams only; the per-unit roll-ups count each unit's own teams.
 */
export function unitTreeRollup(
  input: RollupInput,
  unit: { id: string; name: string; slug: string },
  coveredIds: readonly string[],
): RollupScope {
  const covered = new Set(coveredIds);
  const { organisation } = buildRollups({
    ...input,
    units: [],
    teams: input.teams.filter((team) => covered.has(team.orgUnitId)),
  });
  return { ...organisation, orgUnitId: unit.id, name: unit.name, slug: unit.slug };
}

/** One group of a cycle's stored results, counted and summed by the database. */
export interface ResultAggregate {
  pitfallId: string;
  status: string;
  band: string | null;
  count: number;
  scoreSum: number | null;
}

export interface HistoryPoint {
  cycleId: string;
  cycleName: string;
  /** Teams with a score for this pitfall in the cycle. */
  scored: number;
  averageScore: number | null;
  highOrCriticalShare: number | null;
}

export type RollupHistory = Record<PitfallId, HistoryPoint[]>;

/**
 * Per pitfall, one point per cycle (oldest first) from aggregated results. Scores carry one
 * decimal, so sums are taken in whole tenths: the result does not depend on the order the database
 * added them in. When `selected` (the roll-up of the same scope for the last cycle) is given, the
 * last point and the one before it are the engine's own figures.
 */
export function historyPoints(
  cycles: readonly DashboardCycle[],
  aggregates: readonly (readonly ResultAggregate[])[],
  selected?: RollupScope,
): RollupHistory {
  const history = Object.fromEntries(
    PITFALL_IDS.map((pitfallId) => [pitfallId, [] as HistoryPoint[]]),
  ) as RollupHistory;
  cycles.forEach((cycle, index) => {
    const totals = new Map<string, { scored: number; tenths: number; highOrCritical: number }>();
    for (const group of aggregates[index] ?? []) {
      const band = decodeRiskBand(group.band);
      if (group.status !== "scored" || band === null || group.scoreSum === null) continue;
      let total = totals.get(group.pitfallId);
      if (!total) totals.set(group.pitfallId, (total = { scored: 0, tenths: 0, highOrCritical: 0 }));
      total.scored += group.count;
      total.tenths += Math.round(group.scoreSum * 10);
      if (band === "high" || band === "critical") total.highOrCritical += group.count;
    }
    for (const pitfallId of PITFALL_IDS) {
      const total = totals.get(pitfallId);
      const scored = total?.scored ?? 0;
      history[pitfallId].push({
        cycleId: cycle.id,
        cycleName: cycle.name,
        scored,
        averageScore: scored === 0 ? null : Math.round(total!.tenths / scored) / 10,
        highOrCriticalShare: scored === 0 ? null : Math.round((1000 * total!.highOrCritical) / scored) / 1000,
      });
    }
  });
  if (selected) {
    for (const pitfall of selected.pitfalls) {
      const points = history[pitfall.pitfallId];
      const last = points.at(-1);
      if (last)
        Object.assign(last, {
          scored: pitfall.scored,
          averageScore: pitfall.averageScore,
          highOrCriticalShare: pitfall.highOrCriticalShare,
        });
      const beforeLast = points.at(-2);
      if (beforeLast && pitfall.previous) Object.assign(beforeLast, pitfall.previous);
    }
  }
  return history;
}
