"use client";

import { useActionState } from "react";
import { reopenAssessmentAction } from "@/server/assessments/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";
import { REOPEN_REASON_MIN_LENGTH } from "@/contracts/assessments/limits";

export function ReopenAssessmentForm({
  assessmentId,
  cycleName,
}: {
  assessmentId: string;
  cycleName: string;
}) {
  const [state, formAction, pending] = useActionState(reopenAssessmentAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      <FormAlert error={error && !error.fieldErrors ? error : null} />
      {state?.ok ? (
        <p
          role="status"
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          {state.data.message}
        </p>
      ) : null}
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <TextField
        label="Why is it reopened?"
        name="reason"
        hint={`Recorded in the audit log with your name. At least ${REOPEN_REASON_MIN_LENGTH} characters.`}
        required
        minLength={REOPEN_REASON_MIN_LENGTH}
        maxLength={500}
        errors={error?.fieldErrors?.reason}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Reopening…" : `Reopen the ${cycleName} assessment`}
      </Button>
    </form>
  );
}
