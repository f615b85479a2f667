"use client";

import { useActionState } from "react";
import { startAssessmentAction } from "@/server/assessments/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";

export function StartAssessmentForm({ teamSlug, cycleName }: { teamSlug: string; cycleName: string }) {
  const [state, formAction, pending] = useActionState(startAssessmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert error={state && !state.ok ? state.error : null} />
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : `Start the ${cycleName} assessment`}
      </Button>
    </form>
  );
}
