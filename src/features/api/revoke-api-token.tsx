"use client";

import { useRef } from "react";
import { revokeApiTokenAction } from "@/server/api/token-actions";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/** Revoking asks first, naming the token; it stops working at once, on every instance. */
export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { error, pending, formProps } = useFormAction(revokeApiTokenAction, {
    onSuccess: () => dialogRef.current?.close(),
  });
  return (
    <ConfirmDialog
      triggerLabel="Revoke"
      triggerAriaLabel={`Revoke the token ${name}`}
      triggerVariant="secondary"
      title={`Revoke the token “${name}”?`}
      description="Anything still using it is refused from the next request on. This cannot be undone; create a new token if you need one again."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      form={formProps}
      pending={pending}
      dialogRef={dialogRef}
    >
      <FormAlert error={error} />
      <HiddenFields fields={{ tokenId }} />
    </ConfirmDialog>
  );
}
