import type { ReactNode } from "react";
import type { ActionError } from "@/contracts/action-result";

/** The form-level message of a refused action; focusable so the form can move focus to it. */
export function FormError({ error }: { error: ActionError | null | undefined }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-alert
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      {error.message}
    </div>
  );
}

/** A short confirmation of a completed action, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900"
    >
      {children}
    </p>
  );
}
