/**
 * Inputs of the assessment workflow, shared by the questionnaire UI, the server actions and tests.
 * What counts as a valid answer depends on the question (scale, options, number range), so the
 * answer itself is checked against the cycle's questionnaire by `validateAnswer` in the mutation;
 * these schemas check the envelope.
 */
import { z } from "zod";
import { refuseHiddenCharacters } from "@/contracts/hidden-characters";
import { NOTE_MAX_LENGTH, REOPEN_REASON_MIN_LENGTH } from "./limits";

const id = z.string().trim().min(1, "An id is required.").max(64, "That id is too long.");
const questionId = z.string().trim().min(1, "Choose a question.").max(100, "That question id is too long.");

/** Optimistic-concurrency token: the assessment version the person's screen was showing. */
const expectedVersion = z.number().int().min(1, "The assessment version is missing.");

export const saveAnswerSchema = z.object({
  assessmentId: id,
  questionId,
  /** The answer, or null to clear it. Its shape is checked against the question in the mutation. */
  answer: z.unknown().transform((value): unknown => value ?? null),
  note: z
    .string()
    .max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH} characters.`)
    .superRefine(refuseHiddenCharacters("multi-line"))
    .nullish()
    .transform((value) => (value && value.trim() ? value.trim() : null)),
  expectedVersion,
});
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;

export const confirmAnswersSchema = z.object({
  assessmentId: id,
  questionIds: z.array(questionId).min(1, "Choose at least one answer to confirm.").max(200),
  expectedVersion,
});
export type ConfirmAnswersInput = z.infer<typeof confirmAnswersSchema>;

/**
 * "Confirm all remaining" on the review page: a form, so the listed question ids travel as one
 * comma-separated field, with the version the review was showing.
 */
export const confirmRemainingSchema = z.object({
  assessmentId: id,
  questionIds: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(questionId).min(1, "There are no carried-over answers to confirm.").max(200)),
  expectedVersion: z.coerce.number().int().min(1, "The assessment version is missing."),
  /** Which review page to refresh afterwards; never used to find the team. */
  teamSlug: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
});
export type ConfirmRemainingInput = z.infer<typeof confirmRemainingSchema>;

export const startAssessmentSchema = z.object({
  teamSlug: z.string().trim().min(1, "Choose a team.").max(100),
});
export type StartAssessmentInput = z.infer<typeof startAssessmentSchema>;

export const submitAssessmentSchema = z.object({
  assessmentId: id,
  expectedVersion: z.coerce.number().int().min(1, "The assessment version is missing."),
});
export type SubmitAssessmentInput = z.infer<typeof submitAssessmentSchema>;

export const reopenAssessmentSchema = z.object({
  assessmentId: id,
  reason: z
    .string()
    .trim()
    .min(
      REOPEN_REASON_MIN_LENGTH,
      `Say why the assessment is reopened (at least ${REOPEN_REASON_MIN_LENGTH} characters).`,
    )
    .max(500, "Keep the reason under 500 characters.")
    .superRefine(refuseHiddenCharacters("multi-line")),
});
export type ReopenAssessmentInput = z.infer<typeof reopenAssessmentSchema>;
