"use client";

import { useActionState } from "react";
import { closeCycleAction, openCycleAction } from "@/server/cycles/actions";
import { Button } from "@/ui/button";

/** Open or close one cycle; the outcome is announced next to the button. */
export function CycleStatusForm({
  cycleId,
  cycleName,
  action,
}: {
  cycleId: string;
  cycleName: string;
  action: "open" | "close";
}) {
  const [state, formAction, pending] = useActionState(
    action === "open" ? openCycleAction : closeCycleAction,
    null,
  );
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <Button
        type="submit"
        variant={action === "open" ? "primary" : "secondary"}
        disabled={pending}
        className="py-1.5"
      >
        {action === "open" ? "Open" : "Close"}
        <span className="sr-only"> {cycleName}</span>
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-sm text-red-800">
          {state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="max-w-xs text-sm text-green-900">
          {state.data.message}
        </p>
      ) : null}
    </form>
  );
}
