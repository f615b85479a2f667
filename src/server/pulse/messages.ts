import "server-only";

/**
 * Why the pulse of a submitted assessment is closed: the submitted result was scored with the
 * pulse as it stood, so later answers could not count towards it.
 */
export function pulseClosedMessage(cycleName: string): string {
  return `The team has submitted its ${cycleName} assessment, so the pulse is closed: answers sent now could not count towards the submitted result. It opens again if the assessment is reopened.`;
}

export const NOT_FOR_YOU_MESSAGE =
  "Only the team's own people (its lead and members) answer its pulse. Everyone who can see the team sees the counts once enough people have answered.";
