import { z } from "zod";
import { pulseAudienceSchema } from "@/domain/content/schema";
import { ANSWER_FIELD_PREFIX, AUDIENCE_FIELD_PREFIX } from "./fields";

/** The most answers one form may carry: far more than any questionnaire has pulse questions. */
const MAX_PULSE_ANSWERS = 50;

const slug = z
  .string()
  .trim()
  .min(1, "Missing team")
  .max(100, "That is not a valid team")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a valid team");
const id = z.string().trim().min(1, "Missing quarter").max(64, "That is not a valid quarter");
const token = z.string().trim().min(1).max(100, "That is not a valid answer");

/**
 * Reads the flat form (audience:<audience> ticked "on", answer:<questionId> = option) into the
 * audiences and the chosen options. An empty answer is "prefer not to answer": not sent.
 */
function pulseFromForm(fields: unknown): unknown {
  if (typeof fields !== "object" || fields === null) return fields;
  const record = fields as Record<string, unknown>;
  const audiences: string[] = [];
  const answers: { questionId: string; option: unknown }[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith(AUDIENCE_FIELD_PREFIX) && (value === "on" || value === "true"))
      audiences.push(key.slice(AUDIENCE_FIELD_PREFIX.length));
    if (key.startsWith(ANSWER_FIELD_PREFIX) && value !== "")
      answers.push({ questionId: key.slice(ANSWER_FIELD_PREFIX.length), option: value });
  }
  return { teamSlug: record.teamSlug, cycleId: record.cycleId, audiences, answers };
}

/** One person's anonymous pulse: who they are this quarter, and one option per question they answer. */
export const answerPulseSchema = z.preprocess(
  pulseFromForm,
  z.object({
    teamSlug: slug,
    cycleId: id,
    audiences: z.array(pulseAudienceSchema).max(10),
    answers: z
      .array(z.object({ questionId: token, option: token }))
      .max(MAX_PULSE_ANSWERS, "Too many answers for one pulse"),
  }),
);
export type AnswerPulseInput = z.output<typeof answerPulseSchema>;
