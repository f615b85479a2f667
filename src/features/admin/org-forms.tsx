"use client";

import { useState, type ReactNode } from "react";
import type { ActionError, ActionResult } from "@/contracts/action-result";
import { createOrgUnitAction, createTeamAction } from "@/server/admin/org-actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { SelectField, type SelectOption } from "@/ui/select-field";
import { TextField } from "@/ui/text-field";
import { useFormAction } from "../shared/use-form-action";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

/**
 * The frame every organisation form shares: the refusal or the confirmation on top, the fields,
 * and one submit button. The confirmation stays until the next change (`clearSuccess`).
 */
function OrgForm<T>({
  action,
  hidden = {},
  success,
  onSuccess,
  submitLabel,
  pendingLabel,
  variant = "primary",
  className = "space-y-4",
  children,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  hidden?: Record<string, string>;
  success: (shown: string) => ReactNode;
  onSuccess?: () => string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  className?: string;
  children: (error: ActionError | null, clearSuccess: () => void) => ReactNode;
}) {
  const [done, setDone] = useState<string | null>(null);
  const { error, pending, formProps } = useFormAction(action, {
    onSuccess: () => setDone(onSuccess?.() ?? ""),
  });
  return (
    <form {...formProps} className={className}>
      <FormAlert error={error} />
      {done !== null ? <FormSuccess>{success(done)}</FormSuccess> : null}
      <HiddenFields fields={hidden} />
      {children(error, () => setDone(null))}
      <SubmitButton variant={variant} pending={pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/**
 * Adds an org unit or a team. Inside a known parent the parent is fixed; otherwise the admin
 * picks it. The name field empties after each success, ready for the next one.
 */
function CreateForm<T>({
  action,
  what,
  parentField,
  parentLabel,
  parentPlaceholder,
  parentId,
  units,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  what: "Org unit" | "Team";
  parentField: "parentId" | "orgUnitId";
  parentLabel: string;
  parentPlaceholder: string;
  parentId?: string;
  units: SelectOption[];
}) {
  const [name, setName] = useState("");
  return (
    <OrgForm
      action={action}
      hidden={parentId ? { [parentField]: parentId } : {}}
      success={(created) => `${what} ${created} added.`}
      onSuccess={() => {
        setName("");
        return name;
      }}
      submitLabel={`Add ${what.toLowerCase()}`}
      pendingLabel="Adding…"
    >
      {(error) => (
        <>
          <TextField
            label={`${what} name`}
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            errors={error?.fieldErrors?.name}
          />
          {parentId ? null : (
            <SelectField
              label={parentLabel}
              name={parentField}
              defaultValue=""
              placeholder={parentPlaceholder}
              options={units}
              errors={error?.fieldErrors?.[parentField]}
            />
          )}
        </>
      )}
    </OrgForm>
  );
}

export function CreateOrgUnitForm({ units, parentId }: { units: SelectOption[]; parentId?: string }) {
  return (
    <CreateForm
      action={createOrgUnitAction}
      what="Org unit"
      parentField="parentId"
      parentLabel="Inside"
      parentPlaceholder="Top level (no parent)"
      parentId={parentId}
      units={units}
    />
  );
}

export function CreateTeamForm({ units, orgUnitId }: { units: SelectOption[]; orgUnitId?: string }) {
  return (
    <CreateForm
      action={createTeamAction}
      what="Team"
      parentField="orgUnitId"
      parentLabel="Org unit"
      parentPlaceholder="Choose an org unit"
      parentId={orgUnitId}
      units={units}
    />
  );
}

/** Which org unit or team a change applies to, and the label of the field that changes it. */
interface OrgChangeTarget {
  action: NullAction;
  idField: "orgUnitId" | "teamId";
  id: string;
  label: string;
}

/** A change to an existing org unit or team: one field, a secondary button, a short confirmation. */
function OrgChangeForm({
  target,
  success,
  submitLabel,
  pendingLabel,
  children,
}: {
  target: OrgChangeTarget;
  success: string;
  submitLabel: string;
  pendingLabel: string;
  children: (error: ActionError | null, clearSuccess: () => void) => ReactNode;
}) {
  return (
    <OrgForm
      action={target.action}
      hidden={{ [target.idField]: target.id }}
      success={() => success}
      submitLabel={submitLabel}
      pendingLabel={pendingLabel}
      variant="secondary"
      className="max-w-md space-y-4"
    >
      {children}
    </OrgForm>
  );
}

/** Renames an org unit or a team (the action decides which, by the id field it reads). */
export function RenameForm({ currentName, ...target }: OrgChangeTarget & { currentName: string }) {
  return (
    <OrgChangeForm target={target} success="Name saved." submitLabel="Rename" pendingLabel="Saving…">
      {(error, clearSuccess) => (
        <TextField
          label={target.label}
          name="name"
          defaultValue={currentName}
          hint="The address (slug) stays the same, so links keep working."
          required
          errors={error?.fieldErrors?.name}
          onChange={clearSuccess}
        />
      )}
    </OrgChangeForm>
  );
}

/** Moves an org unit under another unit, or a team to another unit. */
export function MoveForm({
  targetField,
  options,
  current,
  placeholder,
  ...target
}: OrgChangeTarget & {
  targetField: "parentId" | "orgUnitId";
  options: SelectOption[];
  current: string;
  placeholder?: string;
}) {
  return (
    <OrgChangeForm target={target} success="Moved." submitLabel="Move" pendingLabel="Moving…">
      {(error, clearSuccess) => (
        <SelectField
          label={target.label}
          name={targetField}
          defaultValue={current}
          placeholder={placeholder}
          options={options}
          errors={error?.fieldErrors?.[targetField]}
          onChange={clearSuccess}
        />
      )}
    </OrgChangeForm>
  );
}
