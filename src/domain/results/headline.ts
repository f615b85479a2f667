/**
 * A team's headline: how a team's standing is read at a glance, on every page that shows one.
 *
 * An average of seven pitfalls hides the one that hurts: Excessive BAU at 89.7 (Critical) with six
 * quiet pitfalls averages 25.0, which reads as Low. So the headline leads with the worst pitfall's
 * band and the number of pitfalls at High or Critical; the average stays as a secondary figure and
 * never decides the band. The same rule orders teams "riskier first".
 *
 * The headline names only pitfalls with evidence: a symptom or cause found, a finding that holds,
 * or a next step offered. Healthy-side and middle answers add a little to a score but find nothing
 * (see docs/scoring.md, principle 4), and a coach would not name a pitfall for which nothing was
 * found: when no pitfall has evidence, the headline says so plainly. High and Critical are never
 * hidden: a pitfall at either band is always named (it cannot get there without evidence anyway).
 *
 * Pure: computed from the stored per-pitfall results (status, score, band, whether evidence was
 * found), never re-scored.
 */
import { bandName, decodeRiskBand, RISK_BANDS, type RiskBand } from "../scoring/bands";

/** One stored pitfall result, as the result rows hold it. */
export interface HeadlinePitfallResult {
  pitfallId: string;
  status: string;
  score: number | null;
  band: string | null;
  /**
   * Whether anything was found for the pitfall (see `hasEvidence` in stored-results.ts). Absent
   * reads as found: results stored before the flag existed named their pitfalls as before.
   */
  evidenceFound?: boolean;
  /**
   * Every sign of the pitfall is a "don't know" (stored in the result's detail). Within a band, a
   * pitfall with confirmed evidence is named before one resting on "don't know" alone.
   */
  dontKnowOnly?: boolean;
}

export interface TeamHeadline {
  /** The riskiest band among the scored pitfalls; null when nothing is scored. */
  worstBand: RiskBand | null;
  /**
   * The pitfalls the headline names, highest score first: those with evidence at the riskiest band
   * any pitfall with evidence reaches (the worst band, unless nothing was found at it). Empty when
   * no pitfall has evidence.
   */
  worstPitfalls: string[];
  /** The score of the first of `worstPitfalls`; null when none is named. */
  worstScore: number | null;
  /** The band of `worstPitfalls`: the worst band, or lower when nothing was found at it. */
  namedBand: RiskBand | null;
  /** The highest score at the worst band, named or not: orders teams; null when nothing is scored. */
  topScore: number | null;
  /** The pitfall the headline names rests on "don't know" alone: suspected, not seen. */
  worstSuspected: boolean;
  highOrCriticalCount: number;
  criticalCount: number;
  scoredCount: number;
  /** Results not assessed or without enough evidence. */
  unscoredCount: number;
  /** Mean of the scored pitfalls, one decimal: a secondary figure only. Null when nothing is scored. */
  averageScore: number | null;
}

const BAND_RANK = new Map<string, number>(RISK_BANDS.map((band, index) => [band, index]));

export function bandRank(band: RiskBand): number {
  return BAND_RANK.get(band)!;
}

/** A result counts as scored only with the scored status, a score and a band this version knows. */
function scoredBand(result: HeadlinePitfallResult): RiskBand | null {
  if (result.status !== "scored" || result.score === null) return null;
  return decodeRiskBand(result.band);
}

/**
 * Symptoms and next steps belong to pitfalls that show risk: never to a pitfall in band None, nor to
 * one that was not scored, whatever an older stored result still lists for it.
 */
export function showsFindings(result: {
  status: string;
  score: number | null;
  band: string | null;
}): boolean {
  const band = scoredBand({ pitfallId: "", ...result });
  return band !== null && band !== "none";
}

export const NO_HEADLINE: TeamHeadline = {
  worstBand: null,
  worstPitfalls: [],
  worstScore: null,
  namedBand: null,
  topScore: null,
  worstSuspected: false,
  highOrCriticalCount: 0,
  criticalCount: 0,
  scoredCount: 0,
  unscoredCount: 0,
  averageScore: null,
};

/**
 * Whether the headline may name this scored pitfall: it has evidence, or it is High or Critical
 * (never hidden), and it is above band None (which shows no findings).
 */
function namable(band: RiskBand, result: HeadlinePitfallResult): boolean {
  if (band === "critical" || band === "high") return true;
  return band !== "none" && result.evidenceFound !== false;
}

export function teamHeadline(results: readonly HeadlinePitfallResult[]): TeamHeadline {
  let worstRank = -1;
  let topScore = 0;
  let namedRank = -1;
  let named: { pitfallId: string; score: number; suspected: boolean }[] = [];
  let highOrCriticalCount = 0;
  let criticalCount = 0;
  let scoredCount = 0;
  let unscoredCount = 0;
  let sum = 0;
  for (const result of results) {
    const band = scoredBand(result);
    if (band === null) {
      unscoredCount++;
      continue;
    }
    const score = result.score!;
    scoredCount++;
    sum += score;
    if (band === "critical") criticalCount++;
    if (band === "critical" || band === "high") highOrCriticalCount++;
    const rank = BAND_RANK.get(band)!;
    const suspected = result.dontKnowOnly === true;
    if (rank > worstRank) {
      worstRank = rank;
      topScore = score;
    } else if (rank === worstRank && score > topScore) topScore = score;
    if (!namable(band, result)) continue;
    if (rank > namedRank) {
      namedRank = rank;
      named = [{ pitfallId: result.pitfallId, score, suspected }];
    } else if (rank === namedRank) {
      named.push({ pitfallId: result.pitfallId, score, suspected });
    }
  }
  if (scoredCount === 0) return { ...NO_HEADLINE, unscoredCount };
  // Confirmed before suspected, then highest score. Stable: pitfalls with the same score keep the
  // order they came in (content order).
  named.sort((a, b) => Number(a.suspected) - Number(b.suspected) || b.score - a.score);
  return {
    worstBand: RISK_BANDS[worstRank]!,
    worstPitfalls: named.map((entry) => entry.pitfallId),
    worstScore: named[0]?.score ?? null,
    namedBand: namedRank < 0 ? null : RISK_BANDS[namedRank]!,
    topScore,
    worstSuspected: named[0]?.suspected ?? false,
    highOrCriticalCount,
    criticalCount,
    scoredCount,
    unscoredCount,
    averageScore: Math.round((sum / scoredCount) * 10) / 10,
  };
}

/**
 * "Riskier first" as numbers: worst band, then the number of High-or-Critical pitfalls, then the
 * worst pitfall's score, then the average. Null when nothing is scored.
 */
export function headlineRiskKey(
  headline: TeamHeadline,
): readonly [band: number, highOrCritical: number, worstScore: number, average: number] | null {
  if (headline.worstBand === null || headline.topScore === null || headline.averageScore === null)
    return null;
  return [
    bandRank(headline.worstBand),
    headline.highOrCriticalCount,
    headline.topScore,
    headline.averageScore,
  ];
}

/**
 * Comparator for "riskier first": negative when `a` is riskier than `b`. Teams with nothing scored
 * come last. Equal headlines compare 0, so callers break ties (by name, say).
 */
export function compareHeadlineRisk(a: TeamHeadline, b: TeamHeadline): number {
  const keyA = headlineRiskKey(a);
  const keyB = headlineRiskKey(b);
  if (keyA === null || keyB === null) return keyA === keyB ? 0 : keyA === null ? 1 : -1;
  for (let index = 0; index < keyA.length; index++) {
    const difference = keyB[index]! - keyA[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Sorts items riskier first by their headline; ties keep their order. */
export function sortRiskierFirst<T>(items: readonly T[], headlineOf: (item: T) => TeamHeadline): T[] {
  return [...items].sort((a, b) => compareHeadlineRisk(headlineOf(a), headlineOf(b)));
}

export function headlineBandLabel(band: RiskBand | null): string {
  if (band === null) return "Not scored";
  return bandName(band);
}

function oneDecimal(score: number): string {
  return score.toFixed(1);
}

/** "2 pitfalls High or Critical", "no pitfall High or Critical". */
export function highOrCriticalPhrase(count: number): string {
  if (count === 0) return "no pitfall High or Critical";
  return `${count} ${count === 1 ? "pitfall" : "pitfalls"} High or Critical`;
}

/** Said in place of the named pitfall when no pitfall has evidence. */
export const NO_PITFALL_SHOWS_SYMPTOMS = "no pitfall shows symptoms";

/**
 * How the named pitfall is introduced: "worst" at the worst band, "worst with symptoms" when the
 * worst band holds only pitfalls for which nothing was found, so the name is read at its own band.
 */
export function worstLabel(headline: Pick<TeamHeadline, "worstBand" | "namedBand">): string {
  return headline.namedBand !== null && headline.namedBand !== headline.worstBand
    ? "worst with symptoms"
    : "worst";
}

/**
 * The headline after its band, e.g. "2 pitfalls High or Critical (worst: Excessive BAU 89.7) ·
 * average 25.0", "(worst: No major incident management 79.9, suspected)" when every sign of the
 * pitfall it names is a "don't know", or "no pitfall shows symptoms · average 12.4" when nothing was
 * found; empty when nothing is scored. `nameOf` turns a pitfall id into its name.
 */
export function headlineDetail(headline: TeamHeadline, nameOf: (pitfallId: string) => string): string {
  if (headline.worstBand === null || headline.averageScore === null) return "";
  const average = `average ${oneDecimal(headline.averageScore)}`;
  const worstId = headline.worstPitfalls[0];
  if (worstId === undefined || headline.worstScore === null)
    return `${NO_PITFALL_SHOWS_SYMPTOMS} · ${average}`;
  const suspected = headline.worstSuspected ? ", suspected" : "";
  return `${highOrCriticalPhrase(headline.highOrCriticalCount)} (${worstLabel(headline)}: ${nameOf(worstId)} ${oneDecimal(headline.worstScore)}${suspected}) · ${average}`;
}

/**
 * The headline in one line, e.g. "Critical — 2 pitfalls High or Critical (worst: Excessive BAU 89.7)
 * · average 25.0".
 */
export function headlineSentence(headline: TeamHeadline, nameOf: (pitfallId: string) => string): string {
  if (headline.worstBand === null) return "Not scored: no pitfall had enough answers to score";
  return `${headlineBandLabel(headline.worstBand)} — ${headlineDetail(headline, nameOf)}`;
}

/** A headline with the worst pitfalls' names, as the pages and exports show it. */
export interface HeadlineView extends TeamHeadline {
  /** Names of `worstPitfalls`, in the same order. */
  worstPitfallNames: string[];
}

export function toHeadlineView(headline: TeamHeadline, nameOf: (pitfallId: string) => string): HeadlineView {
  return { ...headline, worstPitfallNames: headline.worstPitfalls.map(nameOf) };
}
