"use client";

import { useRef, useState } from "react";
import type { ActionResult } from "@/contracts/action-result";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

/** A destructive admin action behind a confirmation dialog, with its outcome shown above it. */
export function ConfirmAction({
  action,
  fields,
  triggerLabel,
  title,
  description,
  confirmLabel,
  successMessage,
  unavailable,
}: {
  action: NullAction;
  fields: Record<string, string>;
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  successMessage: string;
  /** Why the action cannot be taken yet: the button stays but opens nothing, and says why. */
  unavailable?: string | null;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState(false);
  const { error, pending, formProps } = useFormAction(action, {
    onSuccess: () => {
      dialogRef.current?.close();
      setDone(true);
    },
  });

  return (
    <div className="space-y-3">
      {done ? <FormSuccess>{successMessage}</FormSuccess> : null}
      <ConfirmDialog
        triggerLabel={triggerLabel}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        form={formProps}
        pending={pending}
        dialogRef={dialogRef}
        unavailable={unavailable ?? undefined}
      >
        <FormAlert error={error} />
        <HiddenFields fields={fields} />
      </ConfirmDialog>
    </div>
  );
}
