/**
 * Per-team fields of the campaign form. A form keeps one value per name, so each team's checkbox,
 * owner and due date carry the team's slug in their names.
 */
export const campaignFieldNames = (teamSlug: string) => ({
  selected: `team:${teamSlug}`,
  ownerId: `owner:${teamSlug}`,
  dueOn: `dueOn:${teamSlug}`,
});
