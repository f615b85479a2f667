/**
 * The closed loop: did the pitfall a plan item targets move after the item was added? Compares the
 * pitfall's score when the item was added with its score in a later submitted cycle. Scores are
 * risk, so a lower score is an improvement.
 *
 * Both scores must come from the same scoring method: a difference across a method change would
 * mix an improvement with a change of yardstick. `npm run db:rescore` re-scores stored results
 * and the items' scores together; until then such a pair is labelled, not compared.
 */
import { roundChange } from "../dashboards/trend";
import { formatScore } from "../format";

export type ScoreDirection = "down" | "up" | "unchanged";

export interface ClosedLoopInput {
  pitfallName: string;
  /** The pitfall's score in the assessment the item was added from (null when not scored then). */
  scoreWhenAdded: number | null;
  /** The scoring method version scoreWhenAdded was computed with; null when not recorded. */
  methodWhenAdded: number | null;
  /** The cycle of that assessment, e.g. "2026 Q2"; null when the assessment is gone. */
  addedInCycle: string | null;
  /** The pitfall's score in the latest submitted cycle being compared (null when not scored). */
  latestScore: number | null;
  latestCycle: string | null;
  /** The scoring method version of the compared results; null when not recorded. */
  latestMethod: number | null;
  /**
   * Where the compared assessment sits relative to the one the item was added from: a later cycle
   * (the only case with something to compare), the same assessment, or an earlier cycle (an export
   * of a past cycle, from before the item existed).
   */
  latestRelation: "later" | "same" | "earlier";
}

export type ClosedLoop =
  | {
      kind: "compared";
      scoreWhenAdded: number;
      latestScore: number;
      /** latest − when added, one decimal: negative means the risk went down. */
      difference: number;
      direction: ScoreDirection;
      addedInCycle: string | null;
      latestCycle: string | null;
      text: string;
    }
  | {
      /** Both scores exist, but were computed with different scoring methods (or one is unknown). */
      kind: "method-change";
      scoreWhenAdded: number;
      latestScore: number;
      methodWhenAdded: number | null;
      latestMethod: number | null;
      addedInCycle: string | null;
      latestCycle: string | null;
      text: string;
    }
  | {
      /** No later submitted cycle yet, or one of the two scores is missing. */
      kind: "not-compared";
      scoreWhenAdded: number | null;
      latestScore: number | null;
      addedInCycle: string | null;
      latestCycle: string | null;
      text: string;
    };

/**
 * The difference with one decimal, free of floating-point noise such as 20.999999, rounded the
 * same way up and down (see roundChange).
 */
export function scoreDifference(from: number, to: number): number {
  return roundChange(to - from, 1);
}

export function directionOf(difference: number): ScoreDirection {
  if (difference < 0) return "down";
  if (difference > 0) return "up";
  return "unchanged";
}

function methodName(version: number | null): string {
  return version === null ? "scoring method not recorded" : `scoring method ${version}`;
}

/**
 * E.g. "Excessive BAU: 62.0 → 41.0 (down 21.0) since 2026 Q2". The direction is spelt out in words so
 * it reads the same without colour or arrows.
 */
export function compareClosedLoop(input: ClosedLoopInput): ClosedLoop {
  const { pitfallName, scoreWhenAdded, latestScore, addedInCycle, latestCycle } = input;
  const since = addedInCycle ? ` in ${addedInCycle}` : "";
  const notCompared = (text: string): ClosedLoop => ({
    kind: "not-compared",
    scoreWhenAdded,
    latestScore,
    addedInCycle,
    latestCycle,
    text,
  });
  if (scoreWhenAdded === null) {
    return notCompared(`${pitfallName}: not scored when the item was added${since}`);
  }
  if (input.latestRelation === "earlier" && latestCycle !== null) {
    return notCompared(
      `${pitfallName}: ${formatScore(scoreWhenAdded)} when added${since}, after ${latestCycle}`,
    );
  }
  if (input.latestRelation === "same" || latestCycle === null) {
    return notCompared(
      `${pitfallName}: ${formatScore(scoreWhenAdded)} when added${since}; no later result yet`,
    );
  }
  if (latestScore === null) {
    return notCompared(
      `${pitfallName}: ${formatScore(scoreWhenAdded)} when added${since}; not scored in ${latestCycle}`,
    );
  }
  if (input.methodWhenAdded !== input.latestMethod) {
    return {
      kind: "method-change",
      scoreWhenAdded,
      latestScore,
      methodWhenAdded: input.methodWhenAdded,
      latestMethod: input.latestMethod,
      addedInCycle,
      latestCycle,
      text: `${pitfallName}: ${formatScore(scoreWhenAdded)} when added${since} (${methodName(input.methodWhenAdded)}), ${formatScore(latestScore)} in ${latestCycle} (${methodName(input.latestMethod)}); not compared across a scoring method change`,
    };
  }
  const difference = scoreDifference(scoreWhenAdded, latestScore);
  const direction = directionOf(difference);
  const change =
    direction === "unchanged" ? "unchanged" : `${direction} ${formatScore(Math.abs(difference))}`;
  const sinceCycle = addedInCycle ? ` since ${addedInCycle}` : "";
  return {
    kind: "compared",
    scoreWhenAdded,
    latestScore,
    difference,
    direction,
    addedInCycle,
    latestCycle,
    text: `${pitfallName}: ${formatScore(scoreWhenAdded)} → ${formatScore(latestScore)} (${change})${sinceCycle}`,
  };
}

/** Plain words for what the change means, for a badge next to the figures. */
export function closedLoopOutcome(
  loop: ClosedLoop,
): "improved" | "worsened" | "unchanged" | "awaiting" | "method-changed" {
  if (loop.kind === "method-change") return "method-changed";
  if (loop.kind !== "compared") return "awaiting";
  if (loop.direction === "down") return "improved";
  if (loop.direction === "up") return "worsened";
  return "unchanged";
}
