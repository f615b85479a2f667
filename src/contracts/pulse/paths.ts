import { teamPath } from "../assessments/paths";

/** The page where a team's own people answer its anonymous pulse. */
export function pulsePath(teamSlug: string): string {
  return `${teamPath(teamSlug)}/pulse`;
}
