/**
 * What every page of an archived team says in place of the changes it no longer offers: the server
 * refuses them for everyone, admins included, so offering them would only end in a refusal.
 */
export function ArchivedTeamNotice() {
  return (
    <p
      role="note"
      className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      This team is archived: its assessments and plan can be read but not changed. An admin can restore the
      team to change them.
    </p>
  );
}
