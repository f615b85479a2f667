/**
 * What a team still has to do in its assessment, counted once so the questionnaire and the review
 * page always agree. Every question is in exactly one state:
 *
 * - answered: it has an answer someone gave or confirmed this quarter;
 * - to confirm: it holds last quarter's answer, carried over and not confirmed or changed yet;
 * - missing: no answer, and the question is required (submitting waits for it);
 * - open: no answer, and the question is optional (it may stay blank).
 *
 * So answered + to confirm + missing + open = total, and the assessment is ready to submit (as far as
 * counting goes) when nothing is to confirm and nothing required is missing.
 */

export interface ProgressQuestion {
  id: string;
  required: boolean;
}

/** What progress needs of a stored answer: that it exists, and whether it still awaits confirmation. */
export interface ProgressAnswer {
  carriedOver: boolean;
}

export type QuestionProgressState = "answered" | "toConfirm" | "missing" | "open";

export interface AssessmentProgress {
  total: number;
  answered: number;
  toConfirm: number;
  /** Required questions without an answer. */
  missingRequired: number;
  /** Optional questions without an answer. */
  openOptional: number;
  /** Nothing left to confirm and no required question without an answer. */
  complete: boolean;
}

export function questionProgressState(
  question: ProgressQuestion,
  answer: ProgressAnswer | null | undefined,
): QuestionProgressState {
  if (answer) return answer.carriedOver ? "toConfirm" : "answered";
  return question.required ? "missing" : "open";
}

/** Counts the four states over `questions`; answers to questions not listed are ignored. */
export function assessmentProgress(
  questions: readonly ProgressQuestion[],
  answers: Readonly<Record<string, ProgressAnswer | undefined>>,
): AssessmentProgress {
  const counts: Record<QuestionProgressState, number> = { answered: 0, toConfirm: 0, missing: 0, open: 0 };
  for (const question of questions) counts[questionProgressState(question, answers[question.id])]++;
  return {
    total: questions.length,
    answered: counts.answered,
    toConfirm: counts.toConfirm,
    missingRequired: counts.missing,
    openOptional: counts.open,
    complete: counts.toConfirm === 0 && counts.missing === 0,
  };
}

/**
 * Where to open a questionnaire: the first section with work left (an answer to confirm or a
 * required one missing), so someone coming back carries on where they stopped; the first section
 * when nothing is left.
 */
export function firstSectionWithWorkLeft(
  sections: readonly { questions: readonly ProgressQuestion[] }[],
  answers: Readonly<Record<string, ProgressAnswer | undefined>>,
): number {
  const open = sections.findIndex((section) => !assessmentProgress(section.questions, answers).complete);
  return open < 0 ? 0 : open;
}

function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The progress in words, the same on every page: "40 of 53 answered · 10 carried over, still to
 * confirm · 3 required without an answer". Parts that are zero are left out, except the first.
 */
export function progressParts(progress: AssessmentProgress): string[] {
  const parts = [`${progress.answered} of ${progress.total} answered`];
  if (progress.toConfirm > 0) parts.push(`${progress.toConfirm} carried over, still to confirm`);
  if (progress.missingRequired > 0)
    parts.push(
      `${countOf(progress.missingRequired, "required question", "required questions")} without an answer`,
    );
  return parts;
}

export function progressSentence(progress: AssessmentProgress): string {
  return progressParts(progress).join(" · ");
}
