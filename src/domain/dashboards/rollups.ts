/**
 * Roll-ups per org unit and per pitfall: band distribution, average score, share of teams at high
 * or critical risk, and how those moved across cycles. The per-cycle figures come from the scoring
 * engine's organisation signals; this module lines them up over time.
 */
import { PITFALL_IDS, type PitfallId } from "../content/schema";
import { RISK_BANDS, type RiskBand } from "../scoring/bands";
import type { OrganisationSignals, PitfallDistribution } from "../scoring/score-organisation";
import type { DashboardCycle } from "./cycles";
import {
  isSubmitted,
  organisationSignalsFromRows,
  resultsByAssessment,
  type AssessmentRow,
  type OrgUnitRow,
  type PitfallResultRow,
  type TeamRow,
} from "./stored-rows";
import { scoreTrend, shareTrend, type Trend } from "./trend";

export interface RollupPoint {
  cycleId: string;
  cycleName: string;
  /** Submitted teams with a score for this pitfall. */
  scored: number;
  averageScore: number | null;
  highOrCriticalShare: number | null;
}

export interface PitfallRollup {
  pitfallId: PitfallId;
  /** The selected cycle. */
  bands: Record<RiskBand, number>;
  scored: number;
  notAssessed: number;
  insufficientEvidence: number;
  averageScore: number | null;
  highOrCriticalShare: number | null;
  averageTrend: Trend | null;
  shareTrend: Trend | null;
  /** Oldest first, up to and including the selected cycle. */
  history: RollupPoint[];
}

export interface RollupScope {
  /** Null for the whole organisation (as far as the viewer may read it). */
  orgUnitId: string | null;
  name: string;
  slug: string | null;
  teams: number;
  submitted: number;
  pitfalls: PitfallRollup[];
}

export interface Rollups {
  organisation: RollupScope;
  units: RollupScope[];
}

export interface RollupInput {
  /** Oldest first, ending with the selected cycle. */
  cycles: readonly DashboardCycle[];
  units: readonly OrgUnitRow[];
  teams: readonly TeamRow[];
  /** Assessments of every listed cycle. */
  assessments: readonly AssessmentRow[];
  /** Stored results of the submitted ones (scalar columns only). */
  results: readonly PitfallResultRow[];
}

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

function distributionsOf(distributions: readonly PitfallDistribution[] | undefined): Map<PitfallId, PitfallDistribution> {
  return new Map((distributions ?? []).map((distribution) => [distribution.pitfallId, distribution]));
}

function scopeRollup(
  cycles: readonly DashboardCycle[],
  perCycle: readonly Map<PitfallId, PitfallDistribution>[],
): PitfallRollup[] {
  const selectedIndex = cycles.length - 1;
  return PITFALL_IDS.map((pitfallId) => {
    const history: RollupPoint[] = cycles.map((cycle, index) => {
      const distribution = perCycle[index]!.get(pitfallId) ?? emptyDistribution(pitfallId);
      return {
        cycleId: cycle.id,
        cycleName: cycle.name,
        scored: distribution.scored,
        averageScore: distribution.averageScore,
        highOrCriticalShare: distribution.highOrCriticalShare,
      };
    });
    const selected = perCycle[selectedIndex]?.get(pitfallId) ?? emptyDistribution(pitfallId);
    const before = selectedIndex > 0 ? history[selectedIndex - 1]! : null;
    const since = before ? cycles[selectedIndex - 1]!.name : null;
    return {
      pitfallId,
      bands: { ...selected.bands },
      scored: selected.scored,
      notAssessed: selected.notAssessed,
      insufficientEvidence: selected.insufficientEvidence,
      averageScore: selected.averageScore,
      highOrCriticalShare: selected.highOrCriticalShare,
      averageTrend: scoreTrend(selected.averageScore, before?.averageScore ?? null, since),
      shareTrend: shareTrend(selected.highOrCriticalShare, before?.highOrCriticalShare ?? null, since),
      history,
    };
  });
}

export function buildRollups(input: RollupInput): Rollups {
  const orgUnitOfTeam = new Map(input.teams.map((team) => [team.id, team.orgUnitId]));
  const results = resultsByAssessment(input.results);
  const assessmentsByCycle = new Map<string, AssessmentRow[]>();
  for (const assessment of input.assessments) {
    if (!orgUnitOfTeam.has(assessment.teamId)) continue;
    let list = assessmentsByCycle.get(assessment.cycleId);
    if (!list) assessmentsByCycle.set(assessment.cycleId, (list = []));
    list.push(assessment);
  }

  const signals: OrganisationSignals[] = input.cycles.map((cycle) =>
    organisationSignalsFromRows(assessmentsByCycle.get(cycle.id) ?? [], results, orgUnitOfTeam),
  );
  const selected = input.cycles.at(-1);
  const selectedAssessments = selected ? (assessmentsByCycle.get(selected.id) ?? []) : [];
  const teamsPerUnit = new Map<string, number>();
  for (const team of input.teams) teamsPerUnit.set(team.orgUnitId, (teamsPerUnit.get(team.orgUnitId) ?? 0) + 1);
  const submittedPerUnit = new Map<string, number>();
  for (const assessment of selectedAssessments) {
    if (!isSubmitted(assessment)) continue;
    const unitId = orgUnitOfTeam.get(assessment.teamId)!;
    submittedPerUnit.set(unitId, (submittedPerUnit.get(unitId) ?? 0) + 1);
  }

  const organisation: RollupScope = {
    orgUnitId: null,
    name: "Organisation",
    slug: null,
    teams: input.teams.length,
    submitted: selectedAssessments.filter(isSubmitted).length,
    pitfalls: scopeRollup(
      input.cycles,
      signals.map((cycleSignals) => distributionsOf(cycleSignals.pitfalls)),
    ),
  };

  const units: RollupScope[] = [];
  for (const unit of input.units) {
    const teams = teamsPerUnit.get(unit.id) ?? 0;
    if (teams === 0) continue;
    const perCycle = signals.map((cycleSignals) =>
      distributionsOf(cycleSignals.orgUnits.find((rollUp) => rollUp.orgUnitId === unit.id)?.pitfalls),
    );
    units.push({
      orgUnitId: unit.id,
      name: unit.name,
      slug: unit.slug,
      teams,
      submitted: submittedPerUnit.get(unit.id) ?? 0,
      pitfalls: scopeRollup(input.cycles, perCycle),
    });
  }
  return { organisation, units };
}
