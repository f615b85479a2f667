/**
 * Why an org unit cannot be archived yet, or null when it can: it must not leave active teams or
 * active units behind. The server refuses with these words, and the unit's page shows them beside
 * the Archive button before anyone presses it.
 */
export function orgUnitArchiveBlocker(unit: {
  name: string;
  activeTeams: number;
  activeChildren: number;
}): string | null {
  const { name, activeTeams, activeChildren } = unit;
  if (activeTeams > 0) {
    return `${name} still has ${activeTeams} active team${activeTeams === 1 ? "" : "s"}. Move or archive ${activeTeams === 1 ? "it" : "them"} first.`;
  }
  if (activeChildren > 0) {
    return `${name} still has ${activeChildren} active org unit${activeChildren === 1 ? "" : "s"} below it. Move or archive ${activeChildren === 1 ? "it" : "them"} first.`;
  }
  return null;
}
