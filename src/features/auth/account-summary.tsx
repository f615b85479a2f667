import { ROLE_LABELS, type Actor } from "@/domain/access/policy";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";

export function AccountSummary({ actor }: { actor: Actor }) {
  const roles = [...new Set(actor.grants.map((grant) => ROLE_LABELS[grant.role]))];
  return (
    <dl
      className={`grid max-w-xl ${TERM_GRID_COLUMNS} gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5`}
    >
      <dt className="font-medium text-slate-600">Name</dt>
      <dd>{actor.name}</dd>
      <dt className="font-medium text-slate-600">Email</dt>
      <dd className="wrap-anywhere">{actor.email}</dd>
      <dt className="font-medium text-slate-600">Roles</dt>
      <dd>{roles.length ? roles.join(", ") : "No role yet: ask an admin to add you to a team."}</dd>
    </dl>
  );
}
