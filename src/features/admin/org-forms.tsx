"use client";

import { useState } from "react";
import type { ActionResult } from "@/contracts/action-result";
import { createOrgUnitAction, createTeamAction } from "@/server/admin/org-actions";
import { Button } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { SelectField, type SelectOption } from "@/ui/select-field";
import { useFormAction } from "./use-form-action";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

export function CreateOrgUnitForm({ units, parentId }: { units: SelectOption[]; parentId?: string }) {
  const [created, setCreated] = useState<string | null>(null);
  const [name, setName] = useState("");
  const { error, pending, formProps } = useFormAction(createOrgUnitAction, {
    onSuccess: () => {
      setCreated(name);
      setName("");
    },
  });
  return (
    <form {...formProps} className="space-y-4">
      <FormAlert error={error} />
      {created ? <FormSuccess>Org unit {created} added.</FormSuccess> : null}
      <TextField
        label="Org unit name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        errors={error?.fieldErrors?.name}
      />
      {parentId ? (
        <input type="hidden" name="parentId" value={parentId} />
      ) : (
        <SelectField
          label="Inside"
          name="parentId"
          defaultValue=""
          placeholder="Top level (no parent)"
          options={units}
          errors={error?.fieldErrors?.parentId}
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add org unit"}
      </Button>
    </form>
  );
}

export function CreateTeamForm({ units, orgUnitId }: { units: SelectOption[]; orgUnitId?: string }) {
  const [created, setCreated] = useState<string | null>(null);
  const [name, setName] = useState("");
  const { error, pending, formProps } = useFormAction(createTeamAction, {
    onSuccess: () => {
      setCreated(name);
      setName("");
    },
  });
  return (
    <form {...formProps} className="space-y-4">
      <FormAlert error={error} />
      {created ? <FormSuccess>Team {created} added.</FormSuccess> : null}
      <TextField
        label="Team name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        errors={error?.fieldErrors?.name}
      />
      {orgUnitId ? (
        <input type="hidden" name="orgUnitId" value={orgUnitId} />
      ) : (
        <SelectField
          label="Org unit"
          name="orgUnitId"
          defaultValue=""
          placeholder="Choose an org unit"
          options={units}
          errors={error?.fieldErrors?.orgUnitId}
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add team"}
      </Button>
    </form>
  );
}

/** Renames an org unit or a team (the action decides which, by the id field it reads). */
export function RenameForm({
  action,
  idField,
  id,
  currentName,
  label,
}: {
  action: NullAction;
  idField: "orgUnitId" | "teamId";
  id: string;
  currentName: string;
  label: string;
}) {
  const [done, setDone] = useState(false);
  const { error, pending, formProps } = useFormAction(action, { onSuccess: () => setDone(true) });
  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormAlert error={error} />
      {done ? <FormSuccess>Name saved.</FormSuccess> : null}
      <input type="hidden" name={idField} value={id} />
      <TextField
        label={label}
        name="name"
        defaultValue={currentName}
        hint="The address (slug) stays the same, so links keep working."
        required
        errors={error?.fieldErrors?.name}
        onChange={() => setDone(false)}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Rename"}
      </Button>
    </form>
  );
}

/** Moves an org unit under another unit, or a team to another unit. */
export function MoveForm({
  action,
  idField,
  id,
  targetField,
  label,
  options,
  current,
  placeholder,
}: {
  action: NullAction;
  idField: "orgUnitId" | "teamId";
  id: string;
  targetField: "parentId" | "orgUnitId";
  label: string;
  options: SelectOption[];
  current: string;
  placeholder?: string;
}) {
  const [done, setDone] = useState(false);
  const { error, pending, formProps } = useFormAction(action, { onSuccess: () => setDone(true) });
  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormAlert error={error} />
      {done ? <FormSuccess>Moved.</FormSuccess> : null}
      <input type="hidden" name={idField} value={id} />
      <SelectField
        label={label}
        name={targetField}
        defaultValue={current}
        placeholder={placeholder}
        options={options}
        errors={error?.fieldErrors?.[targetField]}
        onChange={() => setDone(false)}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Moving…" : "Move"}
      </Button>
    </form>
  );
}
