import type { ReactNode } from "react";
import type { ActionError } from "@/contracts/action-result";

/** A refused action's message; focusable so the form can move focus to it. */
export function FormError({ error, children }: { error: ActionError | null | undefined; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-alert
      className="space-y-2 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <p>{error.message}</p>
      {children}
    </div>
  );
}

/** A short confirmation of a completed action, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-sm font-medium text-green-800">
      {children}
    </p>
  );
}
