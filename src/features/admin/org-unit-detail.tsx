import Link from "next/link";
import type { OrgUnitDetailDto } from "@/server/admin/org-queries";
import {
  archiveOrgUnitAction,
  moveOrgUnitAction,
  renameOrgUnitAction,
  unarchiveOrgUnitAction,
} from "@/server/admin/org-actions";
import { ActionButton } from "./action-button";
import { ConfirmAction } from "./confirm-action";
import { CreateTeamForm, MoveForm, RenameForm } from "./org-forms";

export function OrgUnitDetail({ detail }: { detail: OrgUnitDetailDto }) {
  const { unit } = detail;
  const activeTeams = detail.teams.filter((team) => !team.archived).length;
  const activeChildren = detail.children.filter((child) => !child.archived).length;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/org" className="text-blue-800 underline underline-offset-4">
            Org units and teams
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{unit.name}</h1>
        <p className="text-slate-700">
          {unit.parentId ? `Inside ${unit.path.split(" / ").slice(0, -1).join(" / ")}` : "Top-level org unit"}
          {unit.archived ? " · archived" : ""}
        </p>
      </div>

      <section aria-labelledby="teams-heading" className="space-y-4">
        <h2 id="teams-heading" className="text-xl font-semibold">
          Teams
        </h2>
        {detail.teams.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            No teams in this unit yet.
          </p>
        ) : (
          <div className="max-w-3xl overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Teams in {unit.name}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Team
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Slug
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Roles held
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {detail.teams.map((team) => (
                  <tr key={team.id}>
                    <th scope="row" className="px-4 py-3 font-medium">
                      <Link
                        href={`/admin/org/teams/${team.id}`}
                        className="text-blue-800 underline underline-offset-4"
                      >
                        {team.name}
                      </Link>
                    </th>
                    <td className="px-4 py-3 font-mono text-xs">{team.slug}</td>
                    <td className="px-4 py-3">{team.people}</td>
                    <td className="px-4 py-3">{team.archived ? "Archived" : "Active"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {unit.archived ? null : (
          <div className="max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">Add a team to {unit.name}</h3>
            <CreateTeamForm units={[]} orgUnitId={unit.id} />
          </div>
        )}
      </section>

      {detail.children.length ? (
        <section aria-labelledby="children-heading" className="space-y-3">
          <h2 id="children-heading" className="text-xl font-semibold">
            Org units inside {unit.name}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {detail.children.map((child) => (
              <li key={child.id}>
                <Link
                  href={`/admin/org/units/${child.id}`}
                  className="text-blue-800 underline underline-offset-4"
                >
                  {child.name}
                </Link>
                {child.archived ? " (archived)" : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="rename-heading" className="space-y-3">
        <h2 id="rename-heading" className="text-xl font-semibold">
          Rename
        </h2>
        <RenameForm
          action={renameOrgUnitAction}
          idField="orgUnitId"
          id={unit.id}
          currentName={unit.name}
          label="Org unit name"
        />
      </section>

      <section aria-labelledby="move-heading" className="space-y-3">
        <h2 id="move-heading" className="text-xl font-semibold">
          Move
        </h2>
        <MoveForm
          action={moveOrgUnitAction}
          idField="orgUnitId"
          id={unit.id}
          targetField="parentId"
          label="Place inside"
          placeholder="Top level (no parent)"
          options={detail.parentOptions.map((option) => ({ value: option.id, label: option.label }))}
          current={unit.parentId ?? ""}
        />
      </section>

      <section aria-labelledby="archive-heading" className="space-y-3">
        <h2 id="archive-heading" className="text-xl font-semibold">
          {unit.archived ? "Unarchive" : "Archive"}
        </h2>
        {unit.archived ? (
          <ActionButton
            action={unarchiveOrgUnitAction}
            fields={{ orgUnitId: unit.id }}
            label="Unarchive"
            variant="primary"
          />
        ) : (
          <>
            <p className="max-w-2xl text-slate-700">
              An archived unit leaves the heatmap and the pickers; its history stays. A unit can only be
              archived once its teams and the units inside it are archived or moved
              {activeTeams || activeChildren
                ? ` (it still has ${activeTeams} active team${activeTeams === 1 ? "" : "s"} and ${activeChildren} active unit${activeChildren === 1 ? "" : "s"} inside).`
                : "."}
            </p>
            <ConfirmAction
              action={archiveOrgUnitAction}
              fields={{ orgUnitId: unit.id }}
              triggerLabel="Archive org unit"
              title={`Archive ${unit.name}?`}
              description={`${unit.name} will no longer appear on the heatmap or in pickers. You can unarchive it later.`}
              confirmLabel="Yes, archive"
              successMessage={`${unit.name} was archived.`}
            />
          </>
        )}
      </section>
    </div>
  );
}
