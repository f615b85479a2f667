"use client";

import { useActionState, useRef } from "react";
import { submitAssessmentAction } from "@/server/assessments/actions";
import { Button } from "@/ui/button";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { FormAlert } from "@/ui/form-alert";

/**
 * Submitting locks the team's answers (until someone reopens the assessment) and closes the
 * members' own answers and the team's pulse for the quarter, so it asks first and says so.
 */
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const error = state && !state.ok ? state.error : null;
  const label = `Submit the ${cycleName} assessment`;
  return (
    <div className="space-y-3">
      <FormAlert error={error} />
      {ready ? (
        <ConfirmDialog
          triggerLabel={pending ? "Submitting…" : label}
          triggerVariant="primary"
          variant="primary"
          title={`${label}?`}
          description={`The answers are scored at once and can no longer be changed unless an admin or the head of engineering reopens the assessment. Team members' own answers and the team's pulse for ${cycleName} close with it.`}
          confirmLabel="Submit"
          pendingLabel="Submitting…"
          action={(formData) => {
            dialogRef.current?.close();
            formAction(formData);
          }}
          pending={pending}
          dialogRef={dialogRef}
        >
          <input type="hidden" name="assessmentId" value={assessmentId} />
          <input type="hidden" name="expectedVersion" value={version} />
        </ConfirmDialog>
      ) : (
        <>
          <Button type="button" disabled aria-describedby="submit-blocked">
            {label}
          </Button>
          <p id="submit-blocked" className="text-sm text-slate-700">
            Answer the questions listed above first.
          </p>
        </>
      )}
    </div>
  );
}
