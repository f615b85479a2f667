"use client";

import { useRef } from "react";
import { fillFromIndividualAnswersAction } from "@/server/responses/actions";
import type { SuggestedAnswer } from "@/contracts/responses/types";
import { SubmitButton } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/**
 * "Fill N unanswered questions from the team's answers" on the review page: sets exactly the team
 * answers listed above it, as listed, at the version the page showed. Afterwards the list is gone,
 * so focus moves to the confirmation.
 */
export function FillFromIndividualForm({
  assessmentId,
  version,
  teamSlug,
  suggestions,
}: {
  assessmentId: string;
  version: number;
  teamSlug: string;
  suggestions: Record<string, SuggestedAnswer>;
}) {
  const doneRef = useRef<HTMLParagraphElement>(null);
  const { state, error, pending, formProps } = useFormAction(fillFromIndividualAnswersAction, {
    onSuccess: () => requestAnimationFrame(() => doneRef.current?.focus()),
  });
  const filled = state?.ok ? state.data.filled : null;
  const count = Object.keys(suggestions).length;
  return (
    <div className="space-y-3">
      {filled !== null && count === 0 ? (
        <p
          ref={doneRef}
          tabIndex={-1}
          role="status"
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          Filled {filled} team {filled === 1 ? "answer" : "answers"} from the team&apos;s own answers.
        </p>
      ) : null}
      {count > 0 ? (
        <form {...formProps} className="space-y-2">
          <FormAlert error={error} />
          <HiddenFields
            fields={{
              assessmentId,
              expectedVersion: version,
              teamSlug,
              suggestions: JSON.stringify(suggestions),
            }}
          />
          <p className="text-sm text-slate-700">
            Each answer listed above becomes the team answer, as shown. Questions that already have a team
            answer keep it.
          </p>
          <SubmitButton pending={pending} pendingLabel="Filling…" variant="secondary">
            Fill {count} unanswered {count === 1 ? "question" : "questions"} from the team&apos;s answers
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
