import type { ReactNode } from "react";
import type { ActionError, ActionResult } from "@/contracts/action-result";

/**
 * The form-level message of a refused action, announced to screen readers. Focusable, and marked
 * so a form can move focus to it when no single field is in error.
 */
export function FormAlert({
  error,
  children,
}: {
  error: ActionError | null | undefined;
  children?: ReactNode;
}) {
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
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900"
    >
      {children}
    </p>
  );
}

/**
 * What an action's last result has to say: its error, or (when `success` is given) the
 * confirmation for its data. Nothing before the first submit.
 */
export function FormStatus<T>({
  result,
  success,
}: {
  result: ActionResult<T> | null | undefined;
  success?: ReactNode | ((data: T) => ReactNode);
}) {
  if (!result) return null;
  if (!result.ok) return <FormAlert error={result.error} />;
  if (success === undefined || success === null) return null;
  const message = typeof success === "function" ? (success as (data: T) => ReactNode)(result.data) : success;
  return message ? <FormSuccess>{message}</FormSuccess> : null;
}
