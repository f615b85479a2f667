/** Links of individual answers, in one place so pages, queries and tests agree on them. */
import { questionnairePath } from "../assessments/paths";

/** "My answers": the signed-in person's own answers to their team's assessment of the open cycle. */
export function myAnswersPath(teamSlug: string): string {
  return `${questionnairePath(teamSlug)}/mine`;
}

/**
 * "How the team answered": the spread of the team's individual answers in the open cycle, read-only,
 * for the team lead, the unit's coach and the head of engineering.
 */
export function teamSpreadPath(teamSlug: string): string {
  return `${questionnairePath(teamSlug)}/spread`;
}
