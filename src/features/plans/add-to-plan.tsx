"use client";

import { addPlanItemAction } from "@/server/plans/actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/** "Add to plan" for one ranked countermeasure; once it is in the plan, says so instead. */
export function AddToPlan({
  teamSlug,
  countermeasureId,
  action,
  inPlan,
}: {
  teamSlug: string;
  countermeasureId: string;
  action: string;
  inPlan: boolean;
}) {
  const { state, error, pending, formProps } = useFormAction(addPlanItemAction);
  if (inPlan) {
    return state?.ok ? (
      <FormSuccess>Added to the plan.</FormSuccess>
    ) : (
      <p className="text-sm font-medium text-slate-700">In the plan</p>
    );
  }
  return (
    <form {...formProps} className="space-y-2">
      <FormAlert error={error} />
      <HiddenFields fields={{ teamSlug, countermeasureId }} />
      {/* The name keeps the visible words first (label in name) and says which countermeasure. */}
      <SubmitButton pending={pending} pendingLabel="Adding…" aria-label={`Add to plan: ${action}`}>
        Add to plan
      </SubmitButton>
    </form>
  );
}
