"use client";

import { addPlanItemAction } from "@/server/plans/actions";
import { SubmitButton } from "@/ui/button";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { useFormAction } from "../shared/use-form-action";

/** Frames to wait for the refreshed plan to show a new item before giving up on opening it. */
const FRAMES_TO_FIND_NEW_ITEM = 30;

/**
 * Opens a plan item's editor and puts focus on its owner, once the refreshed plan shows the item:
 * a new item has neither owner nor due date, and setting them is what comes next.
 */
function openNewItem(itemId: string, framesLeft = FRAMES_TO_FIND_NEW_ITEM) {
  const card = document.getElementById(`plan-item-${itemId}`)?.closest("article");
  const editor = card?.querySelector("details");
  if (!editor) {
    if (framesLeft > 0) requestAnimationFrame(() => openNewItem(itemId, framesLeft - 1));
    return;
  }
  editor.open = true;
  const owner = editor.querySelector<HTMLElement>('[name="ownerId"]');
  card!.scrollIntoView({ block: "start" });
  owner?.focus({ preventScroll: true });
}

/**
 * "Add to plan" for one ranked countermeasure; once it is in the plan, says so instead, and the
 * new item's editor opens with focus on its owner.
 */
export function AddToPlan({
  teamSlug,
  countermeasureId,
  action,
  inPlan,
  dropped = false,
}: {
  teamSlug: string;
  countermeasureId: string;
  action: string;
  inPlan: boolean;
  /** Its plan item was dropped: the plan keeps one item per countermeasure, set back to To do there. */
  dropped?: boolean;
}) {
  const { state, error, pending, formProps } = useFormAction(addPlanItemAction, {
    onSuccess: ({ itemId }) => requestAnimationFrame(() => openNewItem(itemId)),
  });
  if (inPlan) {
    return state?.ok ? (
      <FormSuccess>Added to the plan: its editor is open above for the owner and due date.</FormSuccess>
    ) : dropped ? (
      <p className="text-sm font-medium text-slate-700">
        Dropped from the plan: set its status back to To do above to take it up again
      </p>
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
