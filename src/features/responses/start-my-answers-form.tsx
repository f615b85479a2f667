"use client";

import { useActionState } from "react";
import { startMyAnswersAction } from "@/server/responses/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";

/** Starts the team's assessment of the open cycle from "My answers", then opens the questions. */
export function StartMyAnswersForm({ teamSlug }: { teamSlug: string }) {
  const [state, formAction, pending] = useActionState(startMyAnswersAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert error={state && !state.ok ? state.error : null} />
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start answering"}
      </Button>
    </form>
  );
}
