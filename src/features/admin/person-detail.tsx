import type { PersonDetailDto, RoleScopeOptions } from "@/contracts/admin/views";
import { AccountStatusControls } from "./account-status-controls";
import { formatDateTime, formatMomentDay } from "@/domain/format";
import { EmptyState } from "@/ui/empty-state";
import { FormSuccess } from "@/ui/form-alert";
import { SectionCard } from "@/ui/section-card";
import { DataTable } from "@/ui/table";
import { PageHeader } from "@/ui/page-header";
import { BackLink, TextLink } from "@/ui/text-link";
import { GrantRoleForm } from "./grant-role-form";
import { RemoveRoleButton } from "./remove-role-button";
import { SetPasswordForm } from "./set-password-form";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";

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
      <PageHeader
        title={
          <>
            {person.name}
            {person.isYou ? <span className="ml-2 text-lg font-normal text-slate-600">(you)</span> : null}
          </>
        }
        description={
          justCreated || person.deactivatedAt ? (
            <div className="space-y-3">
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
                  Deactivated on {formatDateTime(person.deactivatedAt, person.timeZone)}: they cannot sign in.
                  Their roles are kept for when they are reactivated.
                </p>
              ) : null}
            </div>
          ) : null
        }
      >
        <BackLink href="/admin/people">People</BackLink>
      </PageHeader>

      <dl
        className={`grid max-w-2xl ${TERM_GRID_COLUMNS} gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5`}
      >
        <dt className="font-medium text-slate-600">Email</dt>
        <dd className="wrap-anywhere">{person.email}</dd>
        <dt className="font-medium text-slate-600">Status</dt>
        <dd>{person.deactivatedAt ? "Deactivated" : "Active"}</dd>
        <dt className="font-medium text-slate-600">Added</dt>
        <dd>{formatMomentDay(person.createdAt, person.timeZone)}</dd>
        <dt className="font-medium text-slate-600">Password</dt>
        <dd>{person.hasPassword ? "Set" : "Not set yet: they cannot sign in until you set one below"}</dd>
        <dt className="font-medium text-slate-600">Signed in on</dt>
        <dd>
          {person.activeSessions} device{person.activeSessions === 1 ? "" : "s"}
        </dd>
      </dl>

      <SectionCard title="Roles and teams" id="roles-heading" plain>
        <DataTable
          caption={`Roles of ${person.name}`}
          captionHidden
          className="max-w-2xl"
          columns={[
            {
              key: "role",
              header: "Role",
              rowHeader: true,
              cell: (role) => `${role.label}${role.scopeArchived ? " (archived)" : ""}`,
            },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              className: "text-right",
              cell: (role) => (
                <RemoveRoleButton
                  userId={person.id}
                  personName={person.name}
                  roleAssignmentId={role.id}
                  roleLabel={role.label}
                  focusAfterId="roles-heading"
                />
              ),
            },
          ]}
          rows={person.roles}
          rowKey={(role) => role.id}
          empty={<EmptyState>No roles yet. Without a role they can sign in but see no team.</EmptyState>}
        />
        <h3 className="text-lg font-semibold">Give a role</h3>
        <GrantRoleForm userId={person.id} options={options} />
      </SectionCard>

      <SectionCard title="Password" id="password-heading" plain>
        {person.isYou ? (
          <p className="text-slate-700">
            Change your own password on <TextLink href="/account">your account page</TextLink>.
          </p>
        ) : (
          <SetPasswordForm userId={person.id} hasPassword={person.hasPassword} />
        )}
      </SectionCard>

      <SectionCard title="Account status" id="status-heading" plain>
        {person.isYou ? (
          <p className="text-slate-700">You cannot deactivate your own account; another admin can.</p>
        ) : (
          <AccountStatusControls
            userId={person.id}
            name={person.name}
            email={person.email}
            deactivated={person.deactivatedAt !== null}
          />
        )}
      </SectionCard>
    </div>
  );
}
