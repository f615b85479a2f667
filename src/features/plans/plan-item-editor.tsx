"use client";

import { useState } from "react";
import { formatDateTime, formatDay } from "@/domain/format";
import {
  PLAN_ITEM_STATUSES,
  PLAN_ITEM_STATUS_LABELS,
  type PlanItemStatus,
} from "@/domain/plans/plan-item-rules";
import { updatePlanItemAction, updatePlanItemProgressAction } from "@/server/plans/actions";
import { Button, SubmitButton } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { SelectField } from "@/ui/select-field";
import { TextAreaField } from "@/ui/text-field";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import type { OwnerOption, PersonRef, PlanItemConflictDetails, PlanItemView } from "@/contracts/plans/types";
import { useFormAction } from "../shared/use-form-action";
import { PlanItemValues } from "./plan-item-values";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";

type CurrentItemValues = PlanItemConflictDetails["current"];
type EditableValues = Pick<
  CurrentItemValues,
  "version" | "owner" | "dueOn" | "status" | "droppedReason" | "notes"
>;

function isConflictDetails(details: unknown): details is PlanItemConflictDetails {
  return (details as PlanItemConflictDetails | null)?.kind === "plan-item-conflict";
}

function ownerOptions(owners: readonly OwnerOption[], current: PersonRef | null) {
  const options = [{ value: "", label: "No owner yet" }];
  for (const owner of owners) options.push({ value: owner.id, label: `${owner.name} (${owner.roleLabel})` });
  if (current && !owners.some((owner) => owner.id === current.id)) {
    options.push({ value: current.id, label: `${current.name} (no longer on the team)` });
  }
  return options;
}

const FIELDS_WITH_THEIR_OWN_MESSAGE = new Set(["ownerId", "dueOn", "status", "droppedReason", "notes"]);

/** Messages about inputs the form does not show as fields (the item, its version), shown in the alert. */
function otherMessages(fieldErrors: Record<string, string[]> | undefined): string[] {
  return Object.entries(fieldErrors ?? {})
    .filter(([field]) => !FIELDS_WITH_THEIR_OWN_MESSAGE.has(field))
    .flatMap(([, messages]) => messages);
}

const statusOptions = PLAN_ITEM_STATUSES.map((status) => ({
  value: status,
  label: PLAN_ITEM_STATUS_LABELS[status],
}));

/** The values someone else saved, shown after a conflict so the two versions can be compared. */
function CurrentValues({ current, timeZone }: { current: CurrentItemValues; timeZone: string }) {
  return (
    <PlanItemValues
      values={current}
      noOwner="No owner"
      formatDue={formatDay}
      className={`grid ${TERM_GRID_COLUMNS} gap-x-3 gap-y-1`}
    >
      <dt className="font-semibold">Saved</dt>
      <dd>{formatDateTime(current.updatedAt, timeZone)}</dd>
    </PlanItemValues>
  );
}

function EditorFields({
  values,
  owners,
  progressOnly,
  fieldErrors,
}: {
  values: EditableValues;
  owners: readonly OwnerOption[];
  /** Only status, the reason for dropping and notes: the owner's part. */
  progressOnly: boolean;
  fieldErrors: Record<string, string[]> | undefined;
}) {
  const [status, setStatus] = useState<PlanItemStatus>(values.status);
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {progressOnly ? null : (
        <>
          <SelectField
            label="Owner"
            name="ownerId"
            hint="Someone with a role on the team; they can update its status and notes"
            defaultValue={values.owner?.id ?? ""}
            options={ownerOptions(owners, values.owner)}
            errors={fieldErrors?.ownerId}
          />
          <TextField
            label="Due date"
            name="dueOn"
            type="date"
            hint="Leave empty for no due date"
            defaultValue={values.dueOn ?? ""}
            errors={fieldErrors?.dueOn}
          />
        </>
      )}
      <SelectField
        label="Status"
        name="status"
        hint="Dropping an item asks for a reason"
        value={status}
        onChange={(event) => setStatus(event.target.value as PlanItemStatus)}
        options={statusOptions}
        errors={fieldErrors?.status}
      />
      {status === "dropped" ? (
        <TextAreaField
          label="Why is it dropped?"
          name="droppedReason"
          rows={2}
          required
          maxLength={500}
          hint="Required: say why the team will not do this"
          defaultValue={values.droppedReason ?? ""}
          errors={fieldErrors?.droppedReason}
          className="sm:col-span-3"
        />
      ) : null}
      <TextAreaField
        label="Notes"
        name="notes"
        rows={2}
        maxLength={2000}
        defaultValue={values.notes ?? ""}
        errors={fieldErrors?.notes}
        className="sm:col-span-3"
      />
    </div>
  );
}

/**
 * Inline editor of one plan item. Saves name the version they were loaded from; when someone else
 * saved in between, the server refuses and this shows their values next to the ones typed here:
 * saving again keeps the typed values, "Use the current values" takes theirs. For the item's owner
 * who does not edit the plan (`progressOnly`), it edits the status and notes only.
 */
export function PlanItemEditor({
  item,
  owners,
  teamSlug,
  headingId,
  timeZone,
  progressOnly = false,
}: {
  item: PlanItemView;
  owners: readonly OwnerOption[];
  teamSlug: string;
  headingId: string;
  /** The organisation's time zone, for when the other version was saved. */
  timeZone: string;
  progressOnly?: boolean;
}) {
  const [adopted, setAdopted] = useState<EditableValues | null>(null);
  const action = progressOnly ? updatePlanItemProgressAction : updatePlanItemAction;
  const { state, error, pending, formProps } = useFormAction(action, {
    onSuccess: () => setAdopted(null),
  });
  const conflict =
    error?.code === "conflict" && isConflictDetails(error.details) ? error.details.current : null;
  const showConflict = conflict !== null && adopted?.version !== conflict.version;

  const loaded: EditableValues = {
    version: item.version,
    owner: item.owner,
    dueOn: item.dueOn,
    status: item.status,
    droppedReason: item.droppedReason,
    notes: item.notes,
  };
  const values = adopted && adopted.version >= item.version ? adopted : loaded;
  // After a conflict the next save is made against the version now stored: the person has seen it.
  const expectedVersion = Math.max(values.version, conflict?.version ?? 0);

  return (
    <form {...formProps} aria-labelledby={headingId} className="space-y-4">
      <HiddenFields fields={{ itemId: item.id, teamSlug, expectedVersion }} />
      <FormAlert error={error}>
        {otherMessages(error?.fieldErrors).map((message) => (
          <p key={message}>{message}</p>
        ))}
        {showConflict && conflict ? (
          <>
            <p className="font-semibold">Current values</p>
            <CurrentValues current={conflict} timeZone={timeZone} />
            <Button type="button" variant="secondary" onClick={() => setAdopted(conflict)}>
              Use the current values
            </Button>
          </>
        ) : null}
      </FormAlert>
      <EditorFields
        key={`${values.version}`}
        values={values}
        owners={owners}
        progressOnly={progressOnly}
        fieldErrors={error?.fieldErrors}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {progressOnly ? "Save progress" : "Save changes"}
        </SubmitButton>
        {state?.ok ? <FormSuccess>Saved.</FormSuccess> : null}
      </div>
    </form>
  );
}
