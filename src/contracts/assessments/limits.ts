/**
 * Length limits shared by the questionnaire (client) and the input schemas (server). Kept apart from
 * the schemas so the questionnaire's JavaScript does not carry the validation library.
 */
export const NOTE_MAX_LENGTH = 2000;
export const REOPEN_REASON_MIN_LENGTH = 5;
