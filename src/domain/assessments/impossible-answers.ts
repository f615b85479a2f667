/**
 * Answers of one team that cannot all be true, e.g. a team of 3 people running its own on-call
 * schedule with 6 people on the rota. Only combinations that are impossible are listed, never ones
 * that are merely unusual (a team of 3 on a shared domain rota of 6 is ordinary: the help text
 * asks for everyone on the rota, sibling teams included).
 *
 * One rule and one sentence for every place that says so: the questions concerned on the
 * questionnaire, the review, the refusal to submit, and scoring, which draws no conclusion from
 * either answer of an impossible pair (it reads both as unanswered). Pure and free of server
 * imports, so the questionnaire evaluates it in the browser as answers are saved.
 */
import type { ContextAnswerLike, ContextLookup } from "./asked-questions";

export interface ImpossibleAnswers {
  /** Which combination holds. */
  id: "own-rota-larger-than-team" | "empty-own-rota-with-engineers-on-it";
  /** The answers concerned, each of which shows the message; context questions first. */
  questionIds: readonly string[];
  message: string;
}

/** The questions the combinations read: ids of the team context and of Limited on-call schedule. */
export const IMPOSSIBLE_ANSWER_FIELDS = {
  setup: "out-of-hours-on-call-setup",
  teamSize: "team-size",
  rotaSize: "on-call-rota-size",
  shareOfTeamOnCall: "locs-share-of-team-on-call",
} as const;

function numberOf(answer: ContextAnswerLike | null | undefined): number | null {
  return answer?.kind === "value" && typeof answer.value === "number" ? answer.value : null;
}

function people(count: number): string {
  return `${count} ${count === 1 ? "person" : "people"}`;
}

/**
 * The impossible combinations among the answers `lookup` gives (team context and pitfall answers
 * by question id). A blank, "don't know" or "not applicable" answer makes no combination.
 */
export function impossibleAnswers(lookup: ContextLookup): ImpossibleAnswers[] {
  const setup = lookup(IMPOSSIBLE_ANSWER_FIELDS.setup);
  // Both combinations are about the team's own rota, drawn from the team alone.
  if (setup?.kind !== "value" || setup.value !== "own-team-schedule") return [];
  const found: ImpossibleAnswers[] = [];
  const rota = numberOf(lookup(IMPOSSIBLE_ANSWER_FIELDS.rotaSize));
  const team = numberOf(lookup(IMPOSSIBLE_ANSWER_FIELDS.teamSize));
  if (rota !== null && team !== null && rota > team) {
    found.push({
      id: "own-rota-larger-than-team",
      questionIds: [IMPOSSIBLE_ANSWER_FIELDS.teamSize, IMPOSSIBLE_ANSWER_FIELDS.rotaSize],
      message: `Your team context says your team runs its own on-call schedule with ${people(rota)} on the rota, but has ${people(team)} in the team. A team's own rota cannot be larger than the team: correct one of the two, or choose the schedule shared with sibling teams if they take turns on it too.`,
    });
  }
  const share = numberOf(lookup(IMPOSSIBLE_ANSWER_FIELDS.shareOfTeamOnCall));
  if (rota === 0 && share !== null && share > 0) {
    found.push({
      id: "empty-own-rota-with-engineers-on-it",
      questionIds: [IMPOSSIBLE_ANSWER_FIELDS.rotaSize, IMPOSSIBLE_ANSWER_FIELDS.shareOfTeamOnCall],
      message: `Your team context says nobody takes turns on your team's own out-of-hours rota, yet ${share}% of your team's engineers take part in it. Both cannot be true: correct one of the two.`,
    });
  }
  return found;
}

/** The message for each question concerned, the first combination's when one is in two. */
export function impossibleAnswerMessages(lookup: ContextLookup): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const combination of impossibleAnswers(lookup)) {
    for (const questionId of combination.questionIds) messages[questionId] ??= combination.message;
  }
  return messages;
}
