import Link from "next/link";
import type { PersonDetailDto, RoleScopeOptions } from "@/server/admin/people-queries";
import {
  deactivatePersonAction,
  reactivatePersonAction,
  revokeRoleAction,
} from "@/server/admin/people-actions";
import { ActionButton } from "./action-button";
import { ConfirmAction } from "./confirm-action";
import { formatDate, formatDateTime } from "./format";
import { FormSuccess } from "@/ui/form-alert";
import { GrantRoleForm } from "./grant-role-form";
import { SetPasswordForm } from "./set-password-form";

export function PersonDetail({
  person,
  options,
  justCreated,
}: {
  person: PersonDetailDto;
  options: RoleScopeOptions;
  justCreated: boolean;
}) {
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm">
          <Link href="/admin/people" className="text-blue-800 underline underline-offset-4">
            People
          </Link>
        </p>
        <h1 className="text-3xl font-bold">
          {person.name}
          {person.isYou ? <span className="ml-2 text-lg font-normal text-slate-600">(you)</span> : null}
        </h1>
        {justCreated ? (
          <FormSuccess>
            {person.name} was added
            {person.hasPassword ? " and can sign in with the initial password you gave" : ""}.
          </FormSuccess>
        ) : null}
        {person.deactivatedAt ? (
          <p
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            Deactivated on {formatDateTime(person.deactivatedAt)}: they cannot sign in. Their roles are kept
            for when they are reactivated.
          </p>
        ) : null}
      </div>

      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5">
        <dt className="font-medium text-slate-600">Email</dt>
        <dd>{person.email}</dd>
        <dt className="font-medium text-slate-600">Status</dt>
        <dd>{person.deactivatedAt ? "Deactivated" : "Active"}</dd>
        <dt className="font-medium text-slate-600">Added</dt>
        <dd>{formatDate(person.createdAt)}</dd>
        <dt className="font-medium text-slate-600">Password</dt>
        <dd>{person.hasPassword ? "Set" : "Not set yet: they cannot sign in until you set one below"}</dd>
        <dt className="font-medium text-slate-600">Signed in on</dt>
        <dd>
          {person.activeSessions} device{person.activeSessions === 1 ? "" : "s"}
        </dd>
      </dl>

      <section aria-labelledby="roles-heading" className="space-y-4">
        <h2 id="roles-heading" className="text-xl font-semibold">
          Roles and teams
        </h2>
        {person.roles.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            No roles yet. Without a role they can sign in but see no team.
          </p>
        ) : (
          <div className="max-w-2xl overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Roles of {person.name}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Role
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {person.roles.map((role) => (
                  <tr key={role.id}>
                    <th scope="row" className="px-4 py-3 font-medium">
                      {role.label}
                      {role.scopeArchived ? " (archived)" : ""}
                    </th>
                    <td className="px-4 py-3 text-right">
                      <ActionButton
                        action={revokeRoleAction}
                        fields={{ userId: person.id, roleAssignmentId: role.id }}
                        label="Remove"
                        accessibleLabel={`Remove ${role.label}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="text-lg font-semibold">Give a role</h3>
        <GrantRoleForm userId={person.id} options={options} />
      </section>

      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold">
          Password
        </h2>
        {person.isYou ? (
          <p className="text-slate-700">
            Change your own password on{" "}
            <Link href="/account" className="text-blue-800 underline underline-offset-4">
              your account page
            </Link>
            .
          </p>
        ) : (
          <SetPasswordForm userId={person.id} hasPassword={person.hasPassword} />
        )}
      </section>

      <section aria-labelledby="status-heading" className="space-y-4">
        <h2 id="status-heading" className="text-xl font-semibold">
          Account status
        </h2>
        {person.isYou ? (
          <p className="text-slate-700">You cannot deactivate your own account; another admin can.</p>
        ) : person.deactivatedAt ? (
          <div className="space-y-2">
            <p className="text-slate-700">
              Reactivating lets them sign in again with their roles as they were.
            </p>
            <ActionButton
              action={reactivatePersonAction}
              fields={{ userId: person.id }}
              label="Reactivate"
              variant="primary"
            />
          </div>
        ) : (
          <div className="space-y-2">
            <p className="text-slate-700">
              Deactivating signs them out everywhere at once and stops them signing in. Their answers and
              history stay.
            </p>
            <ConfirmAction
              action={deactivatePersonAction}
              fields={{ userId: person.id }}
              triggerLabel="Deactivate"
              title={`Deactivate ${person.name}?`}
              description={`${person.name} (${person.email}) will be signed out on every device at once and cannot sign in until an admin reactivates them.`}
              confirmLabel="Yes, deactivate"
              successMessage={`${person.name} was deactivated and signed out.`}
            />
          </div>
        )}
      </section>
    </div>
  );
}
