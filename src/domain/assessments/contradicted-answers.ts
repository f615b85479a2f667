/**
 * "Not applicable" that the team's own context rules out, e.g. "we have no on-call rota" from a team
 * whose context says it runs its own out-of-hours schedule. One rule and one sentence for every
 * place that says so: the question itself the moment "Not applicable" is chosen, the save status,
 * the answer autosave returns, the review and the refusal to submit. Pure and free of server
 * imports, so the questionnaire evaluates it in the browser as answers change.
 */
import type { Condition } from "../content/schema";
import type { ContextLookup } from "./asked-questions";

/** What a context question needs to be named in the sentence: its prompt and its options' labels. */
export interface DescribedContextQuestion {
  prompt: string;
  answer: { type: string; options?: readonly { value: string; label: string }[] };
}

/** Met by a value of the context answer it tests; a blank or "don't know" meets nothing. */
function metBy(condition: Condition, answer: { kind: string; value?: unknown } | null | undefined): boolean {
  if (answer?.kind !== "value") return false;
  const value = answer.value;
  switch (condition.op) {
    case "in":
      return condition.values.includes(value as string | boolean);
    case "lt":
      return typeof value === "number" && value < condition.value;
    case "gt":
      return typeof value === "number" && value > condition.value;
    case "dontKnow":
      return false;
  }
}

function describeContextAnswer(question: DescribedContextQuestion | undefined, value: unknown): string {
  if (!question) return String(value);
  const answer = question.answer;
  const label =
    answer.type === "choice"
      ? (answer.options?.find((option) => option.value === value)?.label ?? String(value))
      : answer.type === "yesNo"
        ? value === true
          ? "Yes"
          : "No"
        : String(value);
  return `${question.prompt} ${label}`;
}

/**
 * Why "not applicable" cannot be the answer to a question with these `applicableWhen` conditions,
 * given the team's context: the sentence to show, naming the context answers that make it apply.
 * Null when the context does not rule it out (no conditions, or one not met by a known answer).
 */
export function notApplicableContradiction(
  applicableWhen: readonly Condition[] | undefined,
  context: ContextLookup,
  contextQuestion: (field: string) => DescribedContextQuestion | undefined,
): string | null {
  if (!applicableWhen || applicableWhen.length === 0) return null;
  const reasons: string[] = [];
  for (const condition of applicableWhen) {
    const answer = context(condition.field);
    if (!metBy(condition, answer)) return null;
    reasons.push(describeContextAnswer(contextQuestion(condition.field), answer!.value));
  }
  return `Your team context says this applies to your team (${reasons.join("; ")}), so it cannot be "not applicable". Answer it, or choose "don't know".`;
}
