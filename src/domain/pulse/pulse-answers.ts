/**
 * What one person may send to their team's anonymous pulse. Pure: the server calls it inside the
 * transaction that counts the answers, and the rules are unit-tested here.
 *
 * A person says which audiences describe them this quarter (on the rota, a specialist serving the
 * team); questions for everyone need no declaration. They may answer any question meant for them,
 * one option each, and skip the rest. Anything else is refused as a whole, so a mistaken or forged
 * form never counts part of an answer.
 */
import type { PulseAudience, PulseQuestion } from "../content/schema";

export interface PulseChoice {
  questionId: string;
  option: string;
}

export interface PulseAnswerIssue {
  /** The question the issue is about; null when it is about the answer as a whole. */
  questionId: string | null;
  kind: "unknown-question" | "unknown-option" | "undeclared-audience" | "answered-twice" | "nothing-answered";
}

export type PulseAnswerCheck =
  { ok: true; choices: PulseChoice[] } | { ok: false; issues: PulseAnswerIssue[] };

/** Whether a question is asked of someone who declared `audiences`. */
export function isAskedOf(question: PulseQuestion, audiences: ReadonlySet<PulseAudience>): boolean {
  return question.audience === "everyone" || audiences.has(question.audience);
}

export function checkPulseAnswers(
  questions: readonly PulseQuestion[],
  audiences: readonly PulseAudience[],
  choices: readonly PulseChoice[],
): PulseAnswerCheck {
  const declared = new Set(audiences);
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const issues: PulseAnswerIssue[] = [];
  for (const choice of choices) {
    const question = byId.get(choice.questionId);
    if (!question) {
      issues.push({ questionId: null, kind: "unknown-question" });
      continue;
    }
    if (seen.has(question.id)) {
      issues.push({ questionId: question.id, kind: "answered-twice" });
      continue;
    }
    seen.add(question.id);
    if (!question.options.some((option) => option.value === choice.option)) {
      issues.push({ questionId: question.id, kind: "unknown-option" });
    } else if (!isAskedOf(question, declared)) {
      issues.push({ questionId: question.id, kind: "undeclared-audience" });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (choices.length === 0) return { ok: false, issues: [{ questionId: null, kind: "nothing-answered" }] };
  return { ok: true, choices: choices.map(({ questionId, option }) => ({ questionId, option })) };
}
