"use client";

import type { RoleScopeOptions } from "@/contracts/admin/views";
import { createPersonAction } from "@/server/admin/people-actions";
import { SubmitButton } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { TextLink } from "@/ui/text-link";
import { FormAlert } from "@/ui/form-alert";
import { SelectField } from "@/ui/select-field";
import { orgUnitOptions, teamOptionGroups } from "./role-scope-options";
import { useFormAction } from "../shared/use-form-action";

export function CreatePersonForm({ options }: { options: RoleScopeOptions }) {
  const { error, pending, formProps } = useFormAction(createPersonAction);
  const fieldErrors = error?.fieldErrors ?? {};
  const teamGroups = teamOptionGroups(options);
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
          options={orgUnitOptions(options)}
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
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add person
        </SubmitButton>
        <TextLink href="/admin/people" className="text-sm font-medium">
          Cancel
        </TextLink>
      </div>
    </form>
  );
}
