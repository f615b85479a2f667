"use client";

import type { ActionResult } from "@/contracts/action-result";
import { SubmitButton } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

type NullAction = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

/** A one-click action that is easy to undo (reactivate, unarchive). */
export function ActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  variant = "secondary",
}: {
  action: NullAction;
  fields: Record<string, string>;
  label: string;
  /** A fuller name for screen readers when the visible label is short, e.g. "Remove Team lead of Checkout". */
  accessibleLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { error, pending, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-2">
      <FormAlert error={error} />
      <HiddenFields fields={fields} />
      <SubmitButton
        pending={pending}
        pendingLabel="Working…"
        variant={variant}
        aria-label={accessibleLabel}
        className="px-3 py-1"
      >
        {label}
      </SubmitButton>
    </form>
  );
}
