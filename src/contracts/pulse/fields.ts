/**
 * The pulse form's field names and the words for its audiences, shared by the form (client), the
 * input schema and the server's messages. Free of zod so the form ships no validation library.
 *
 * A form keeps one value per name, so each audience's checkbox and each question's radio group
 * carry the audience or question id in their names.
 */
import type { PulseAudience } from "@/domain/content/schema";

export const pulseFieldNames = {
  audience: (audience: PulseAudience) => `audience:${audience}`,
  answer: (questionId: string) => `answer:${questionId}`,
} as const;

export const AUDIENCE_FIELD_PREFIX = "audience:";
export const ANSWER_FIELD_PREFIX = "answer:";

export interface AudienceWording {
  /** The checkbox a person ticks when it describes them; null for questions everyone answers. */
  declaration: string | null;
  /** The heading of this audience's questions. */
  heading: string;
  /** Who the questions are for, inside a sentence: "people on the on-call rota". */
  people: string;
}

export const AUDIENCE_WORDING: Record<PulseAudience, AudienceWording> = {
  "on-call": {
    declaration: "I am on this team's on-call rota this quarter",
    heading: "For people on the on-call rota",
    people: "people on the on-call rota",
  },
  specialist: {
    declaration: "I am a specialist serving this team (database, security, network, operability or the like)",
    heading: "For specialists serving the team",
    people: "specialists serving the team",
  },
  everyone: {
    declaration: null,
    heading: "For everyone in the team",
    people: "everyone in the team",
  },
};

/** Said by the form before sending, and by the server to a form that arrives without an answer. */
export const NOTHING_ANSWERED_MESSAGE =
  "Choose an answer to at least one question before sending. Nothing was sent.";
