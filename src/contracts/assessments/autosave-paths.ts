/**
 * Where the questionnaire's autosave posts its JSON (see src/server/autosave-route.ts): the team's
 * answers, and a person's own answers on "My answers". The route files live under these paths in
 * app/api/autosave/.
 */
export const AUTOSAVE_PATHS = {
  saveAnswer: "/api/autosave/answer",
  confirmAnswers: "/api/autosave/confirm",
  saveMyAnswer: "/api/autosave/my-answer",
  confirmMyAnswers: "/api/autosave/my-confirm",
} as const;
