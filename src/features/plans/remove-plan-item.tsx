"use client";

import { useRef } from "react";
import { removePlanItemAction } from "@/server/plans/actions";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/**
 * Removing an item sits behind a confirmation dialog that names the item. The removal only applies
 * to the version on screen.
 */
export function RemovePlanItem({
  itemId,
  version,
  action,
  teamSlug,
}: {
  itemId: string;
  version: number;
  action: string;
  teamSlug: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // On success the item, this dialog included, leaves the page; PlanHeading then takes focus.
  const { error, pending, formProps } = useFormAction(removePlanItemAction, {
    onSuccess: () => dialogRef.current?.close(),
  });

  return (
    <ConfirmDialog
      triggerLabel="Remove from plan"
      triggerAriaLabel={`Remove from plan: ${action}`}
      triggerVariant="secondary"
      title={`Remove “${action}” from the plan?`}
      description="Its owner, due date, status and notes are deleted. The change is recorded in the audit log. To keep a record of a decision not to do it, set its status to Dropped instead."
      confirmLabel="Remove item"
      pendingLabel="Removing…"
      form={formProps}
      pending={pending}
      dialogRef={dialogRef}
    >
      <FormAlert error={error} />
      <HiddenFields fields={{ itemId, expectedVersion: version, teamSlug }} />
    </ConfirmDialog>
  );
}
