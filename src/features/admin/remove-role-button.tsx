"use client";

import { useRef } from "react";
import { revokeRoleAction } from "@/server/admin/people-actions";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/**
 * Removes one of a person's roles after a confirmation: the role's access ends at once (a lead
 * loses their team, an admin the admin pages). Its row then leaves the table, so focus moves to
 * the roles' heading rather than being lost with the button.
 */
export function RemoveRoleButton({
  userId,
  personName,
  roleAssignmentId,
  roleLabel,
  focusAfterId,
}: {
  userId: string;
  personName: string;
  roleAssignmentId: string;
  roleLabel: string;
  /** The element that takes focus once the role is gone. */
  focusAfterId: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { error, pending, formProps } = useFormAction(revokeRoleAction, {
    onSuccess: () => {
      dialogRef.current?.close();
      const target = document.getElementById(focusAfterId);
      if (target) {
        target.tabIndex = -1;
        target.focus();
      }
    },
  });
  return (
    <ConfirmDialog
      triggerLabel="Remove"
      triggerAriaLabel={`Remove ${roleLabel}`}
      triggerVariant="secondary"
      title={`Remove “${roleLabel}” from ${personName}?`}
      description="What the role lets them see and do ends at once, on every device. You can give the role again later."
      confirmLabel="Remove role"
      pendingLabel="Removing…"
      form={formProps}
      pending={pending}
      dialogRef={dialogRef}
    >
      <FormAlert error={error} />
      <HiddenFields fields={{ userId, roleAssignmentId }} />
    </ConfirmDialog>
  );
}
