"use client";

import { useRef } from "react";
import { confirmRemainingAction } from "@/server/assessments/actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/**
 * "Confirm all remaining" on the review page: confirms, as they are, exactly the carried-over
 * answers listed above it, at the version the page showed. After it, the button is gone, so focus
 * moves to the confirmation instead of falling to the page.
 */
export function ConfirmRemainingForm({
  assessmentId,
  version,
  teamSlug,
  questionIds,
}: {
  assessmentId: string;
  version: number;
  teamSlug: string;
  questionIds: string[];
}) {
  const doneRef = useRef<HTMLParagraphElement>(null);
  const { state, error, pending, formProps } = useFormAction(confirmRemainingAction, {
    onSuccess: () => requestAnimationFrame(() => doneRef.current?.focus()),
  });
  const confirmed = state?.ok ? state.data.confirmed : null;
  return (
    <div className="space-y-3">
      {confirmed !== null && questionIds.length === 0 ? (
        <p
          ref={doneRef}
          tabIndex={-1}
          role="status"
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          Confirmed {confirmed} carried-over {confirmed === 1 ? "answer" : "answers"} as{" "}
          {confirmed === 1 ? "it was" : "they were"}.
        </p>
      ) : null}
      {questionIds.length > 0 ? (
        <form {...formProps} className="space-y-2">
          <FormAlert error={error} />
          <HiddenFields
            fields={{ assessmentId, expectedVersion: version, teamSlug, questionIds: questionIds.join(",") }}
          />
          <p className="text-sm text-slate-700">
            If every answer listed above still holds, confirm{" "}
            {questionIds.length === 1 ? "it" : `all ${questionIds.length}`} at once. To change one, follow its
            link instead.
          </p>
          <SubmitButton
            pending={pending}
            pendingLabel="Confirming…"
            variant="secondary"
            className="border-amber-700 bg-amber-50 text-amber-950 hover:bg-amber-100"
          >
            Confirm all {questionIds.length} remaining
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
