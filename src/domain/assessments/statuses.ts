import { storedValueCodec } from "../stored-values";

/** The life of a cycle: planned, then open for answers, then closed. */
export const CYCLE_STATUSES = ["planned", "open", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export const decodeCycleStatus = storedValueCodec(CYCLE_STATUSES);

/** The life of one team's assessment within a cycle. */
export const ASSESSMENT_STATUSES = ["draft", "submitted", "reopened"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const decodeAssessmentStatus = storedValueCodec(ASSESSMENT_STATUSES);
