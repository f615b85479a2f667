/**
 * Inputs of individual answers, shared by the questionnaire UI, the server actions and tests. As for
 * the team's answers, the answer itself is checked against the cycle's questionnaire in the mutation
 * (`validateAnswer`); these schemas check the envelope. None of them names a person or a response:
 * the server always works on the signed-in person's own response.
 */
import { z } from "zod";

const id = z.string().trim().min(1, "An id is required.").max(64, "That id is too long.");
const questionId = z.string().trim().min(1, "Choose a question.").max(100, "That question id is too long.");

/**
 * The version of the person's own answers their screen was showing: 0 before their first answer of
 * the quarter (nothing is stored for them yet), then the stored version.
 */
const expectedResponseVersion = z.number().int().min(0, "The version of your answers is missing.");

export const saveMyAnswerSchema = z.object({
  assessmentId: id,
  questionId,
  /** The answer, or null to clear it. Its shape is checked against the question in the mutation. */
  answer: z.unknown().transform((value): unknown => value ?? null),
  expectedVersion: expectedResponseVersion,
});
export type SaveMyAnswerInput = z.infer<typeof saveMyAnswerSchema>;

export const confirmMyAnswersSchema = z.object({
  assessmentId: id,
  questionIds: z.array(questionId).min(1, "Choose at least one answer to confirm.").max(200),
  expectedVersion: expectedResponseVersion,
});
export type ConfirmMyAnswersInput = z.infer<typeof confirmMyAnswersSchema>;

export const startMyAnswersSchema = z.object({
  teamSlug: z.string().trim().min(1, "Choose a team.").max(100),
});
export type StartMyAnswersInput = z.infer<typeof startMyAnswersSchema>;

const UNREADABLE_SUGGESTIONS =
  "The list of answers to fill could not be read. Reload the page and try again.";

/**
 * "Fill N unanswered questions from the team's answers" on the review page: the answers the page
 * listed, as JSON ({ questionId: answer }), with the version of the team's answers it showed. The
 * server fills them only if they are still exactly what the team's own answers suggest.
 */
export const fillFromIndividualAnswersSchema = z.object({
  assessmentId: id,
  expectedVersion: z.coerce.number().int().min(1, "The assessment version is missing."),
  suggestions: z
    .string()
    .max(100_000, UNREADABLE_SUGGESTIONS)
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: "custom", message: UNREADABLE_SUGGESTIONS });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(questionId, z.unknown(), UNREADABLE_SUGGESTIONS)
        .refine((record) => Object.keys(record).length > 0, "There are no unanswered questions to fill.")
        .refine((record) => Object.keys(record).length <= 200, UNREADABLE_SUGGESTIONS),
    ),
  /** Which review page to refresh afterwards; never used to find the team. */
  teamSlug: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
});
export type FillFromIndividualAnswersInput = z.infer<typeof fillFromIndividualAnswersSchema>;
