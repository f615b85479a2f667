import type { ActionError } from "@/contracts/action-result";

/** The form-level message of a failed action, announced to screen readers. */
export function FormAlert({ error }: { error: ActionError | null | undefined }) {
  if (!error) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {error.message}
    </div>
  );
}
