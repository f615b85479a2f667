/**
 * The one order of remediation steps across an assessment, used by the engine and by every view
 * that reads stored rankings back (team dashboard, plans, exports): first the leading steps (the
 * worst pitfall's own first step, then each other Critical pitfall's, `leadingCountermeasureIds`),
 * then most urgent first, where urgency is the risk a countermeasure removes from each pitfall
 * weighted by that pitfall's band; then most risk removed; then least effort; then id. Never the
 * order of the content.
 */
import type { CountermeasureEffort } from "../content/schema";
import type { RiskBand } from "./bands";

/** How much a point of risk removed counts, by the band of the pitfall it is removed from. */
export const BAND_URGENCY: Readonly<Record<RiskBand, number>> = {
  none: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export const EFFORT_ORDER: Readonly<Record<CountermeasureEffort, number>> = { low: 0, medium: 1, high: 2 };

export interface RemediationOrderKey {
  countermeasureId: string;
  urgency: number;
  totalRiskRemoved: number;
  effort: CountermeasureEffort;
}

/** Negative when `a` comes first. */
export function compareRemediation(a: RemediationOrderKey, b: RemediationOrderKey): number {
  if (a.urgency !== b.urgency) return b.urgency - a.urgency;
  if (a.totalRiskRemoved !== b.totalRiskRemoved) return b.totalRiskRemoved - a.totalRiskRemoved;
  const effort = EFFORT_ORDER[a.effort] - EFFORT_ORDER[b.effort];
  if (effort !== 0) return effort;
  return a.countermeasureId < b.countermeasureId ? -1 : a.countermeasureId > b.countermeasureId ? 1 : 0;
}

/** A pitfall's standing and its own countermeasure ranking, as the engine or a stored result has it. */
export interface LeadingStepPitfall {
  band: RiskBand | null;
  score: number | null;
  /** Every sign of the pitfall is a "don't know": within a band it comes after confirmed ones. */
  dontKnowOnly?: boolean;
  /** The pitfall's countermeasures in its own order: most risk removed from it first. */
  countermeasures: readonly { countermeasureId: string; riskRemoved: number }[];
}

/**
 * The countermeasures that open the remediation list, in order: the first step of the team's worst
 * pitfall that offers one (worst band, then confirmed before resting on "don't know" alone, then
 * highest score: the pitfall the headline names, which passes over pitfalls for which nothing was
 * found), then the first step of each other Critical pitfall, highest score first.
 *
 * Urgency alone does not guarantee this. A Critical pitfall whose risk is split between four
 * countermeasures can lose to a High pitfall whose risk sits on one: 93 points of Excessive BAU
 * shared out rank below 46 points of a High pitfall on a single step. A coach starts with the
 * pitfall that dominates, so its own first step goes first whatever the weights say.
 */
export function leadingCountermeasureIds(pitfalls: readonly LeadingStepPitfall[]): string[] {
  const atRisk = pitfalls
    .map((pitfall, order) => ({ pitfall, order }))
    .filter(({ pitfall }) => pitfall.score !== null && pitfall.band !== null && pitfall.band !== "none")
    // A pitfall that offers no step has nothing found: it neither leads nor keeps another from it.
    .filter(({ pitfall }) => firstStepOf(pitfall) !== null)
    .sort(
      (a, b) =>
        BAND_URGENCY[b.pitfall.band!] - BAND_URGENCY[a.pitfall.band!] ||
        Number(a.pitfall.dontKnowOnly === true) - Number(b.pitfall.dontKnowOnly === true) ||
        b.pitfall.score! - a.pitfall.score! ||
        a.order - b.order,
    );
  const leading: string[] = [];
  atRisk.forEach(({ pitfall }, index) => {
    if (index > 0 && pitfall.band !== "critical") return;
    const first = firstStepOf(pitfall);
    if (first !== null && !leading.includes(first)) leading.push(first);
  });
  return leading;
}

/** The countermeasure removing most risk from the pitfall; on a tie, the one its own order puts first. */
function firstStepOf(pitfall: LeadingStepPitfall): string | null {
  let first: { countermeasureId: string; riskRemoved: number } | null = null;
  for (const countermeasure of pitfall.countermeasures) {
    if (
      countermeasure.riskRemoved > 0 &&
      (first === null || countermeasure.riskRemoved > first.riskRemoved)
    ) {
      first = countermeasure;
    }
  }
  return first?.countermeasureId ?? null;
}

/** `ranked` with the leading countermeasures moved to the front, in their order; the rest keep theirs. */
export function withLeadingStepsFirst<Step extends { countermeasureId: string }>(
  ranked: readonly Step[],
  leading: readonly string[],
): Step[] {
  if (leading.length === 0) return [...ranked];
  const front: Step[] = [];
  for (const id of leading) {
    const step = ranked.find((candidate) => candidate.countermeasureId === id);
    if (step !== undefined) front.push(step);
  }
  return [...front, ...ranked.filter((step) => !leading.includes(step.countermeasureId))];
}
