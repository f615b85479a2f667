"use client";

import { useId, useRef, useState } from "react";
import type { ActionResult } from "@/contracts/action-result";
import { Button } from "@/ui/button";
import { FormError, FormSuccess } from "./form-message";
import { useFormAction } from "./use-form-action";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

/**
 * A destructive action behind a confirmation step: the button opens a modal dialog that says what
 * will happen; only its confirm button runs the action. Focus starts on Cancel, Escape closes the
 * dialog, and focus returns to the button that opened it.
 */
export function ConfirmAction({
  action,
  fields,
  triggerLabel,
  title,
  description,
  confirmLabel,
  successMessage,
}: {
  action: NullAction;
  fields: Record<string, string>;
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  successMessage: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
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
      <Button type="button" variant="danger" onClick={() => dialogRef.current?.showModal()}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form {...formProps} className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            {description}
          </p>
          <FormError error={error} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
