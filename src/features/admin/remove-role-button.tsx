"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionError } from "@/contracts/action-result";
import { revokeRoleAction } from "@/server/admin/people-actions";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";

/**
 * Removes one of a person's roles after a confirmation: the role's access ends at once (a lead
 * loses their team, an admin the admin pages). The refreshed page drops the role's row, and this
 * button with it, so the action is awaited here rather than through a form-state hook whose
 * effect would never run: focus then moves to the roles' heading instead of being lost.
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
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (formData: FormData) =>
    startTransition(async () => {
      const result = await revokeRoleAction(null, formData);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialogRef.current?.close();
      const target = document.getElementById(focusAfterId);
      if (target) {
        target.tabIndex = -1;
        target.focus();
      }
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
      action={remove}
      pending={pending}
      dialogRef={dialogRef}
    >
      <FormAlert error={error} />
      <HiddenFields fields={{ userId, roleAssignmentId }} />
    </ConfirmDialog>
  );
}
