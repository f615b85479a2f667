"use client";

import { useActionState } from "react";
import { submitAssessmentAction } from "@/server/assessments/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";

export function SubmitAssessmentForm({
  assessmentId,
  version,
  ready,
  cycleName,
}: {
  assessmentId: string;
  version: number;
  ready: boolean;
  cycleName: string;
}) {
  const [state, formAction, pending] = useActionState(submitAssessmentAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert error={error} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button
        type="submit"
        disabled={pending || !ready}
        aria-describedby={ready ? undefined : "submit-blocked"}
      >
        {pending ? "Submitting…" : `Submit the ${cycleName} assessment`}
      </Button>
      {ready ? null : (
        <p id="submit-blocked" className="text-sm text-slate-700">
          Answer the questions listed above first.
        </p>
      )}
    </form>
  );
}
