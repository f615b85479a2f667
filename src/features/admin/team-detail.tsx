import Link from "next/link";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/access/policy";
import type { TeamDetailDto } from "@/server/admin/org-queries";
import {
  archiveTeamAction,
  moveTeamAction,
  renameTeamAction,
  unarchiveTeamAction,
} from "@/server/admin/org-actions";
import { ActionButton } from "./action-button";
import { ConfirmAction } from "./confirm-action";
import { MoveForm, RenameForm } from "./org-forms";

function roleLabel(role: string): string {
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role;
}

export function TeamDetail({ detail }: { detail: TeamDetailDto }) {
  const { team } = detail;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/org" className="text-blue-800 underline underline-offset-4">
            Org units and teams
          </Link>{" "}
          /{" "}
          <Link
            href={`/admin/org/units/${team.orgUnitId}`}
            className="text-blue-800 underline underline-offset-4"
          >
            {team.orgUnitPath}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{team.name}</h1>
        <p className="text-slate-700">
          Slug <span className="font-mono text-sm">{team.slug}</span>
          {team.archived ? " · archived" : ""}
        </p>
      </div>

      <section aria-labelledby="people-heading" className="space-y-3">
        <h2 id="people-heading" className="text-xl font-semibold">
          People
        </h2>
        {detail.people.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            No one has a role on this team yet. Give roles on a person’s page under People.
          </p>
        ) : (
          <div className="max-w-3xl overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">People with a role on {team.name}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Email
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Role
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {detail.people.map((person) => (
                  <tr key={`${person.userId}-${person.role}`}>
                    <th scope="row" className="px-4 py-3 font-medium">
                      <Link
                        href={`/admin/people/${person.userId}`}
                        className="text-blue-800 underline underline-offset-4"
                      >
                        {person.name}
                      </Link>
                      {person.deactivated ? " (deactivated)" : ""}
                    </th>
                    <td className="px-4 py-3">{person.email}</td>
                    <td className="px-4 py-3">{roleLabel(person.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="rename-heading" className="space-y-3">
        <h2 id="rename-heading" className="text-xl font-semibold">
          Rename
        </h2>
        <RenameForm
          action={renameTeamAction}
          idField="teamId"
          id={team.id}
          currentName={team.name}
          label="Team name"
        />
      </section>

      <section aria-labelledby="move-heading" className="space-y-3">
        <h2 id="move-heading" className="text-xl font-semibold">
          Move to another org unit
        </h2>
        <MoveForm
          action={moveTeamAction}
          idField="teamId"
          id={team.id}
          targetField="orgUnitId"
          label="Org unit"
          options={detail.unitOptions.map((option) => ({ value: option.id, label: option.label }))}
          current={team.orgUnitArchived ? "" : team.orgUnitId}
          placeholder={team.orgUnitArchived ? "Choose an org unit" : undefined}
        />
      </section>

      <section aria-labelledby="archive-heading" className="space-y-3">
        <h2 id="archive-heading" className="text-xl font-semibold">
          {team.archived ? "Unarchive" : "Archive"}
        </h2>
        {team.archived ? (
          <ActionButton
            action={unarchiveTeamAction}
            fields={{ teamId: team.id }}
            label="Unarchive"
            variant="primary"
          />
        ) : (
          <>
            <p className="max-w-2xl text-slate-700">
              An archived team leaves the heatmap and new cycles. Its assessments, plans and roles stay, and
              you can unarchive it later.
            </p>
            <ConfirmAction
              action={archiveTeamAction}
              fields={{ teamId: team.id }}
              triggerLabel="Archive team"
              title={`Archive ${team.name}?`}
              description={`${team.name} will no longer appear on the heatmap or in new cycles. Its history is kept.`}
              confirmLabel="Yes, archive"
              successMessage={`${team.name} was archived.`}
            />
          </>
        )}
      </section>
    </div>
  );
}
