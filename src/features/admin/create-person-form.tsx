"use client";

import Link from "next/link";
import type { RoleScopeOptions } from "@/server/admin/people-queries";
import { createPersonAction } from "@/server/admin/people-actions";
import { Button } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { FormAlert } from "@/ui/form-alert";
import { SelectField } from "@/ui/select-field";
import { useFormAction } from "./use-form-action";

export function CreatePersonForm({ options }: { options: RoleScopeOptions }) {
  const { error, pending, formProps } = useFormAction(createPersonAction);
  const fieldErrors = error?.fieldErrors ?? {};
  const teamGroups = options.teamGroups.map((group) => ({
    label: group.orgUnit,
    options: group.teams.map((team) => ({ value: team.id, label: team.label })),
  }));
  return (
    <form {...formProps} className="max-w-2xl space-y-6">
      <FormAlert error={error} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Person</legend>
        <TextField label="Name" name="name" autoComplete="off" required errors={fieldErrors.name} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          errors={fieldErrors.email}
        />
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. Give it to them privately; they change it on their account page after signing in."
          required
          errors={fieldErrors.password}
        />
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">Roles</legend>
        <p className="text-sm text-slate-700">
          All optional; you can add more roles on the person’s page afterwards.
        </p>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">Organisation-wide</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="admin" className="h-4 w-4" />
            Admin: runs the tool (people, org units, teams, cycles, audit log)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="headOfEngineering" className="h-4 w-4" />
            Head of engineering: reads every team, manages cycles
          </label>
        </fieldset>
        <SelectField
          label="Coach of org unit"
          name="coachOrgUnitId"
          defaultValue=""
          placeholder="Not a coach"
          hint="A coach sees and plans for every team in the unit and the units below it."
          options={options.orgUnits.map((unit) => ({ value: unit.id, label: unit.label }))}
          errors={fieldErrors.coachOrgUnitId}
        />
        <SelectField
          label="Team lead of"
          name="leadTeamId"
          defaultValue=""
          placeholder="Not a team lead"
          groups={teamGroups}
          errors={fieldErrors.leadTeamId}
        />
        <SelectField
          label="Member of"
          name="memberTeamId"
          defaultValue=""
          placeholder="Not a team member"
          groups={teamGroups}
          errors={fieldErrors.memberTeamId}
        />
      </fieldset>

      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add person"}
        </Button>
        <Link href="/admin/people" className="text-sm font-medium text-blue-800 underline underline-offset-4">
          Cancel
        </Link>
      </div>
    </form>
  );
}
