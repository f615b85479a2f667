/**
 * The rows dashboards read from the database, and their translation into the scoring engine's
 * organisation input. Only scalar columns are read (never the explanation JSON), so turning them into
 * the engine's shape fills the explanation fields with empty values the organisation signals ignore.
 */
import { PITFALL_IDS, type Answers, type PitfallId } from "../content/schema";
import { decodeRiskBand } from "../scoring/bands";
import {
  scoreOrganisation,
  type OrganisationSignals,
  type TeamAssessmentResult,
} from "../scoring/score-organisation";
import {
  SCORING_METHOD_VERSION,
  type AssessmentScore,
  decodePitfallStatus,
  type PitfallScore,
} from "../scoring/types";

export interface TeamRow {
  id: string;
  name: string;
  slug: string;
  orgUnitId: string;
}

export interface OrgUnitRow {
  id: string;
  name: string;
  slug: string;
}

export interface AssessmentRow {
  id: string;
  teamId: string;
  cycleId: string;
  status: string;
  overallScore: number | null;
  overallBand: string | null;
}

export interface PitfallResultRow {
  assessmentId: string;
  pitfallId: string;
  status: string;
  score: number | null;
  band: string | null;
  /** Questions of the pitfall the team's individual answers were split on; absent reads as 0. */
  splitQuestions?: number;
  /** Whether anything was found for the pitfall; absent reads as found (see results/headline). */
  evidenceFound?: boolean;
}

/** The rows of a selected cycle and the one before it, as the heatmap and the roll-ups compare them. */
export interface CycleComparisonRows {
  units: readonly OrgUnitRow[];
  teams: readonly TeamRow[];
  /** Assessments of the selected cycle. */
  current: readonly AssessmentRow[];
  /** Assessments of the cycle before it (empty when there is none). */
  previous: readonly AssessmentRow[];
  /** Stored results of the assessments of both cycles that hold results (scalar columns only). */
  results: readonly PitfallResultRow[];
  previousCycleName: string | null;
  /**
   * For teams without results in the selected cycle: their last assessment with stored results in
   * an earlier cycle (its results are in `results`), to show in their place, labelled and apart from
   * the selected cycle's figures. Absent or empty when there is no such fallback to show.
   */
  lastResults?: readonly LastResultRow[];
}

/** A team's last assessment with stored results before the selected cycle, with that cycle's name. */
export interface LastResultRow extends AssessmentRow {
  cycleName: string;
}

const PITFALL_SET = new Set<string>(PITFALL_IDS);

export function isPitfallId(value: string): value is PitfallId {
  return PITFALL_SET.has(value);
}

/** Submitted and not reopened since: what completion figures count as done. */
export function isSubmitted(assessment: { status: string }): boolean {
  return assessment.status === "submitted";
}

/** Reopened after a submission: being revised, its last submitted results still stored. */
export function isReopened(assessment: { status: string }): boolean {
  return assessment.status === "reopened";
}

/**
 * Whether an assessment's stored results are the team's results for its cycle: a submitted one's,
 * and a reopened one's, whose last submitted results stay until the team submits again (a reopen
 * starts only from a submitted assessment, so a reopened one always has them). A draft has none.
 */
export function hasStoredResults(assessment: { status: string }): boolean {
  return isSubmitted(assessment) || isReopened(assessment);
}

/** Groups result rows by assessment id. */
export function resultsByAssessment(results: readonly PitfallResultRow[]): Map<string, PitfallResultRow[]> {
  const grouped = new Map<string, PitfallResultRow[]>();
  for (const result of results) {
    let list = grouped.get(result.assessmentId);
    if (!list) grouped.set(result.assessmentId, (list = []));
    list.push(result);
  }
  return grouped;
}

const EMPTY_EVIDENCE: PitfallScore["evidence"] = {
  questions: 0,
  answered: 0,
  dontKnow: 0,
  notApplicable: 0,
  unanswered: 0,
  dontKnowAsEvidence: 0,
  contradictions: 0,
  outOfContext: 0,
  answeredWeight: 0,
  applicableWeight: 0,
};

/** Stored scalar results in the engine's AssessmentScore shape (explanations left empty). */
export function scoreFromStoredRows(results: readonly PitfallResultRow[]): AssessmentScore {
  const pitfalls: PitfallScore[] = [];
  for (const row of results) {
    const status = decodePitfallStatus(row.status);
    if (!isPitfallId(row.pitfallId) || status === null) continue;
    const scored = status === "scored" && row.score !== null && decodeRiskBand(row.band) !== null;
    pitfalls.push({
      pitfallId: row.pitfallId,
      pitfallName: row.pitfallId,
      status: scored ? "scored" : status === "scored" ? "insufficient-evidence" : status,
      score: scored ? row.score : null,
      band: scored ? decodeRiskBand(row.band) : null,
      averageScore: scored ? row.score : null,
      // The scalar rows do not say what the score rests on; nothing reads this here.
      dontKnowOnly: false,
      confidence: 0,
      findings: [],
      contradictions: [],
      evidence: EMPTY_EVIDENCE,
      contributions: [],
      triggeredSymptoms: [],
      triggeredCauses: [],
      contextRules: [],
      countermeasures: [],
    });
  }
  return { methodVersion: SCORING_METHOD_VERSION, questionnaireId: "", pitfalls, countermeasures: [] };
}

/**
 * Organisation signals (distributions, roll-ups per unit, percentiles) for one cycle's assessments
 * with stored results (submitted, or reopened with their last submitted results), computed by the
 * scoring engine from stored rows.
 */
export function organisationSignalsFromRows(
  assessments: readonly AssessmentRow[],
  results: ReadonlyMap<string, readonly PitfallResultRow[]>,
  orgUnitOfTeam: ReadonlyMap<string, string>,
  contextByTeam: ReadonlyMap<string, Answers> = new Map(),
): OrganisationSignals {
  const teams: TeamAssessmentResult[] = [];
  for (const assessment of assessments) {
    if (!hasStoredResults(assessment)) continue;
    teams.push({
      teamId: assessment.teamId,
      orgUnitId: orgUnitOfTeam.get(assessment.teamId) ?? null,
      context: contextByTeam.get(assessment.teamId) ?? {},
      result: scoreFromStoredRows(results.get(assessment.id) ?? []),
    });
  }
  return scoreOrganisation(teams);
}
