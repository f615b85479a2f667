"use client";

import { useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/access/policy";
import type { RoleScopeOptions } from "@/contracts/admin/views";
import { grantRoleAction } from "@/server/admin/people-actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { SelectField } from "@/ui/select-field";
import { orgUnitOptions, teamOptionGroups } from "./role-scope-options";
import { useFormAction } from "../shared/use-form-action";

/** Gives a person one more role; the org unit or team picker appears for the roles that need one. */
export function GrantRoleForm({ userId, options }: { userId: string; options: RoleScopeOptions }) {
  const [role, setRole] = useState<Role | "">("");
  const [granted, setGranted] = useState<string | null>(null);
  const { error, pending, formProps } = useFormAction(grantRoleAction, {
    resetOnSuccess: true,
    onSuccess: () => {
      setGranted(role ? ROLE_LABELS[role] : null);
      setRole("");
    },
  });
  const fieldErrors = error?.fieldErrors ?? {};
  const needsUnit = role === "coach";
  const needsTeam = role === "team_lead" || role === "member";
  return (
    <form {...formProps} className="max-w-xl space-y-4">
      <FormAlert error={error} />
      {granted ? <FormSuccess>Role given: {granted}.</FormSuccess> : null}
      <HiddenFields fields={{ userId }} />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => {
          setRole(event.target.value as Role | "");
          setGranted(null);
        }}
        placeholder="Choose a role"
        options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        errors={fieldErrors.role}
      />
      {needsUnit ? (
        <SelectField
          label="Org unit"
          name="orgUnitId"
          defaultValue=""
          placeholder="Choose an org unit"
          hint="The coach also covers every unit below this one."
          options={orgUnitOptions(options)}
          errors={fieldErrors.orgUnitId}
        />
      ) : null}
      {needsTeam ? (
        <SelectField
          label="Team"
          name="teamId"
          defaultValue=""
          placeholder="Choose a team"
          groups={teamOptionGroups(options)}
          errors={fieldErrors.teamId}
        />
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Giving role…">
        Give role
      </SubmitButton>
    </form>
  );
}
