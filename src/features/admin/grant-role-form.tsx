"use client";

import { useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/access/policy";
import type { RoleScopeOptions } from "@/server/admin/people-queries";
import { grantRoleAction } from "@/server/admin/people-actions";
import { Button } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { SelectField } from "@/ui/select-field";
import { useFormAction } from "./use-form-action";

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
      <input type="hidden" name="userId" value={userId} />
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
          options={options.orgUnits.map((unit) => ({ value: unit.id, label: unit.label }))}
          errors={fieldErrors.orgUnitId}
        />
      ) : null}
      {needsTeam ? (
        <SelectField
          label="Team"
          name="teamId"
          defaultValue=""
          placeholder="Choose a team"
          groups={options.teamGroups.map((group) => ({
            label: group.orgUnit,
            options: group.teams.map((team) => ({ value: team.id, label: team.label })),
          }))}
          errors={fieldErrors.teamId}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Giving role…" : "Give role"}
      </Button>
    </form>
  );
}
