/**
 * Who submits a team's assessment, in words for the people who answer but do not submit:
 * "Sam Lee", "Sam Lee or Kim Ito", "Ana Ruiz, Sam Lee or Kim Ito"; "the team lead" while the
 * team has no active lead.
 */
export function submitterWords(leadNames: readonly string[]): string {
  if (leadNames.length === 0) return "the team lead";
  if (leadNames.length === 1) return leadNames[0]!;
  return `${leadNames.slice(0, -1).join(", ")} or ${leadNames.at(-1)}`;
}
