/**
 * Which questions the team is asked, given its team context so far. A question, or a context
 * question, with `appliesWhen` is not asked once one of those conditions is known not to hold: the
 * context answer it tests has a value that fails it ("the service's target is 99.9%" for a question
 * about a 99.99% target). While the answer it tests is blank or "don't know", it is asked.
 *
 * For pitfall questions this is exactly when scoring leaves a question out of the score (out of
 * context), so the questionnaire never asks what would not count and never hides what would; the
 * property test in tests/unit/assessments/asked-questions.test.ts holds the two together. Pure and
 * free of server imports: the questionnaire evaluates it in the browser as answers change.
 */
import type { Condition, Questionnaire } from "../content/schema";

/** What a condition needs of an answer: its kind, and its value when it has one. */
export interface ContextAnswerLike {
  kind: string;
  value?: unknown;
}

export type ContextLookup = (field: string) => ContextAnswerLike | null | undefined;

/** Known not to hold: the answer it tests has a value, and the value fails it. */
function knownNotToHold(condition: Condition, answer: ContextAnswerLike | null | undefined): boolean {
  if (answer?.kind !== "value") return false;
  const value = answer.value;
  switch (condition.op) {
    case "in":
      return !condition.values.includes(value as string | boolean);
    case "lt":
      return !(typeof value === "number" && value < condition.value);
    case "gt":
      return !(typeof value === "number" && value > condition.value);
    case "dontKnow":
      return true;
  }
}

/** Whether a question with these conditions is asked; one without conditions always is. */
export function isAsked(appliesWhen: readonly Condition[] | undefined, context: ContextLookup): boolean {
  return !appliesWhen?.some((condition) => knownNotToHold(condition, context(condition.field)));
}

/** A question as far as asking goes: its id and the conditions it is asked under. */
export interface ConditionalQuestion {
  id: string;
  appliesWhen?: readonly Condition[];
}

/**
 * Ids of the questions the team is not asked, given its team context: context questions first, in
 * order, each tested against the answers of the context questions still asked (so a question that
 * depends on one that is not asked is not asked either), then the pitfall questions.
 */
export function questionsNotAsked(
  questions: { context: readonly ConditionalQuestion[]; pitfall: readonly ConditionalQuestion[] },
  context: ContextLookup,
): Set<string> {
  const notAsked = new Set<string>();
  const askedContext: ContextLookup = (field) => (notAsked.has(field) ? undefined : context(field));
  for (const question of [...questions.context, ...questions.pitfall]) {
    if (!isAsked(question.appliesWhen, askedContext)) notAsked.add(question.id);
  }
  return notAsked;
}

/** The same for a questionnaire as its content defines it. */
export function questionnaireQuestionsNotAsked(
  questionnaire: Pick<Questionnaire, "context" | "sections">,
  context: ContextLookup,
): Set<string> {
  return questionsNotAsked(
    {
      context: questionnaire.context,
      pitfall: questionnaire.sections.flatMap((section) => section.questions),
    },
    context,
  );
}
