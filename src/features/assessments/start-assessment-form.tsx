"use client";

import { useActionState } from "react";
import { startAssessmentAction } from "@/server/assessments/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";

/**
 * Starts the team's assessment of the open cycle and opens the questionnaire: the one control for
 * it, on the start page, the team page and the questionnaire alike.
 */
export function StartAssessmentForm({
  teamSlug,
  cycleName,
  teamName,
}: {
  teamSlug: string;
  cycleName: string;
  /** Said to screen readers after the button's words, where several teams' buttons may show. */
  teamName?: string;
}) {
  const [state, formAction, pending] = useActionState(startAssessmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert error={state && !state.ok ? state.error : null} />
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : `Start the ${cycleName} assessment`}
        {teamName ? <span className="sr-only"> for {teamName}</span> : null}
      </Button>
    </form>
  );
}
