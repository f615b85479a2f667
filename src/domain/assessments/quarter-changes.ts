/**
 * "What changed since last quarter" for one team: the answers that differ between the previous
 * submitted assessment and this one (old → new), and how each pitfall's score and band moved.
 * Pure: the server reads both assessments, maps last quarter's answers onto this quarter's
 * questionnaire, and hands them in.
 */
import type { Answer } from "../content/schema";
import type { RiskBand } from "../scoring/bands";
import { roundChange } from "../dashboards/trend";

export interface ComparedQuestion {
  id: string;
  prompt: string;
  sectionTitle: string;
}

export interface AnswerChange {
  questionId: string;
  prompt: string;
  sectionTitle: string;
  /** Last quarter's answer in words; null when it had none. */
  before: string | null;
  /** This quarter's answer in words; null when it has none. */
  after: string | null;
}

/** True when two answers say the same; notes belong to their quarter and are not compared. */
export function sameAnswer(a: Answer | null | undefined, b: Answer | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.kind !== b.kind) return false;
  if (a.kind === "value" && b.kind === "value") return a.value === b.value;
  if (a.kind === "notApplicable" && b.kind === "notApplicable") return a.reason.trim() === b.reason.trim();
  return true;
}

/**
 * The questions whose answer differs, in questionnaire order. `describe` words an answer for its
 * question ("Agree", "12 people", "Not applicable: no budget holder").
 */
export function answerChanges(
  questions: readonly ComparedQuestion[],
  previous: Readonly<Record<string, Answer | undefined>>,
  current: Readonly<Record<string, Answer | undefined>>,
  describe: (questionId: string, answer: Answer) => string,
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const question of questions) {
    const before = previous[question.id];
    const after = current[question.id];
    if (sameAnswer(before, after)) continue;
    changes.push({
      questionId: question.id,
      prompt: question.prompt,
      sectionTitle: question.sectionTitle,
      before: before ? describe(question.id, before) : null,
      after: after ? describe(question.id, after) : null,
    });
  }
  return changes;
}

export interface PitfallStanding {
  pitfallId: string;
  /** Null when the pitfall was not scored (not assessed, or too few answers). */
  score: number | null;
  band: RiskBand | null;
}

export type MovementDirection =
  "up" | "down" | "same" | "newly-scored" | "no-longer-scored" | "unscored" | "awaiting-answers";

export interface PitfallMovement {
  pitfallId: string;
  before: { score: number; band: RiskBand } | null;
  after: { score: number; band: RiskBand } | null;
  /** Change in score points as shown (both rounded to one decimal); null unless scored both times. */
  delta: number | null;
  direction: MovementDirection;
  bandChanged: boolean;
  /** Required questions of this pitfall still without an answer (a draft's preview only). */
  missingRequired: number;
}

const oneDecimal = (score: number) => Math.round(score * 10) / 10;

function scored(standing: PitfallStanding | undefined): { score: number; band: RiskBand } | null {
  return standing && standing.score !== null && standing.band !== null
    ? { score: standing.score, band: standing.band }
    : null;
}

/**
 * How each pitfall moved, in the order of `pitfallIds`. Risk going up is "up" (worse), down is
 * "down"; a change that rounds to 0.0 points is "same".
 */
export function pitfallMovements(
  pitfallIds: readonly string[],
  previous: readonly PitfallStanding[],
  current: readonly PitfallStanding[],
): PitfallMovement[] {
  const before = new Map(previous.map((standing) => [standing.pitfallId, standing]));
  const after = new Map(current.map((standing) => [standing.pitfallId, standing]));
  return pitfallIds.map((pitfallId) => {
    const was = scored(before.get(pitfallId));
    const now = scored(after.get(pitfallId));
    if (was && now) {
      const delta = roundChange(oneDecimal(now.score) - oneDecimal(was.score), 1);
      return {
        pitfallId,
        before: was,
        after: now,
        delta,
        direction: delta > 0 ? "up" : delta < 0 ? "down" : "same",
        bandChanged: was.band !== now.band,
        missingRequired: 0,
      };
    }
    return {
      pitfallId,
      before: was,
      after: now,
      delta: null,
      direction: now ? "newly-scored" : was ? "no-longer-scored" : "unscored",
      bandChanged: (was?.band ?? null) !== (now?.band ?? null),
      missingRequired: 0,
    };
  });
}

/**
 * A draft's "if submitted now" figure for a pitfall with required questions still unanswered
 * says more about the gaps than about the team: an empty answer scores differently from any
 * answer the team will give. Such pitfalls keep last quarter's standing but show no figure for
 * this quarter until their required questions are answered.
 */
export function holdBackIncompletePitfalls(
  movements: readonly PitfallMovement[],
  missingRequiredByPitfall: ReadonlyMap<string, number>,
): PitfallMovement[] {
  return movements.map((movement) => {
    const missingRequired = missingRequiredByPitfall.get(movement.pitfallId) ?? 0;
    if (missingRequired === 0) return movement;
    return {
      ...movement,
      after: null,
      delta: null,
      direction: "awaiting-answers",
      bandChanged: false,
      missingRequired,
    };
  });
}

/** "up 12.5 points", "down 3.0 points", "no change", "newly scored", ... for a movement. */
export function movementWords(movement: PitfallMovement): string {
  switch (movement.direction) {
    case "up":
      return `risk up ${movement.delta!.toFixed(1)} ${Math.abs(movement.delta!) === 1 ? "point" : "points"}`;
    case "down":
      return `risk down ${Math.abs(movement.delta!).toFixed(1)} ${Math.abs(movement.delta!) === 1 ? "point" : "points"}`;
    case "same":
      return "no change";
    case "newly-scored":
      return "scored this quarter, not last";
    case "no-longer-scored":
      return "scored last quarter, not this one";
    case "unscored":
      return "not scored either quarter";
    case "awaiting-answers":
      return `waiting for ${movement.missingRequired} required ${movement.missingRequired === 1 ? "answer" : "answers"}`;
  }
}
