"use client";

import { useRef } from "react";
import { addPlanItemAction } from "@/server/plans/actions";
import { teamPlanPath } from "@/contracts/plans/paths";
import type { PlanItemStatus } from "@/domain/plans/plan-item-rules";
import { SubmitButton } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { HiddenFields } from "@/ui/hidden-fields";
import { TextLink } from "@/ui/text-link";
import { useFormAction } from "../shared/use-form-action";

/**
 * One remediation step's way into the team's plan, for any page that lists steps (the result, the
 * team dashboard). Already planned: says so (or that it was dropped) and links to the item. Otherwise, for people who may
 * edit the plan, "Add to plan" (the server checks again, and copies everything from the team's latest
 * submitted ranking, not from this form); after adding, it says so and links to the plan, with focus
 * on that message since the button is gone. Everyone else gets a link to the plan.
 */
export function AddToPlanButton({
  teamSlug,
  countermeasureId,
  action,
  canEdit,
  planItemId,
  planItemStatus = null,
}: {
  teamSlug: string;
  countermeasureId: string;
  /** The step's words, for the button's accessible name ("Add to plan: <action>"). */
  action: string;
  /** Whether the person may edit the team's plan (the page's hint; the server decides). */
  canEdit: boolean;
  /** The plan item already made from this countermeasure, if any. */
  planItemId: string | null;
  /** That item's status, where the page knows it: a dropped item is not "in the plan". */
  planItemStatus?: PlanItemStatus | null;
}) {
  const addedRef = useRef<HTMLParagraphElement>(null);
  const { state, error, pending, formProps } = useFormAction(addPlanItemAction, {
    onSuccess: () => requestAnimationFrame(() => addedRef.current?.focus()),
  });
  const planHref = teamPlanPath(teamSlug);

  // Checked first: the page refreshes after adding (the step then has its plan item), and the
  // confirmation, which holds focus, must stay.
  if (state?.ok) {
    return (
      <p
        ref={addedRef}
        tabIndex={-1}
        role="status"
        className="rounded-md border border-green-700 bg-green-50 px-3 py-1.5 text-sm text-green-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-green-800"
      >
        Added to the plan ·{" "}
        <TextLink href={planHref}>
          View the plan<span className="sr-only"> with {action}</span>
        </TextLink>
      </p>
    );
  }
  if (planItemId && planItemStatus === "dropped") {
    // The plan holds one item per countermeasure: taking it up again is setting its status back.
    return (
      <p className="text-sm text-slate-800">
        Dropped from the plan ·{" "}
        <TextLink href={`${planHref}#plan-item-${planItemId}`}>
          {canEdit ? "Take it up again in the plan" : "View it in the plan"}
          <span className="sr-only">: {action}</span>
        </TextLink>
      </p>
    );
  }
  if (planItemId) {
    return (
      <p className="text-sm text-slate-800">
        In the plan ·{" "}
        <TextLink href={`${planHref}#plan-item-${planItemId}`}>
          View it in the plan<span className="sr-only">: {action}</span>
        </TextLink>
      </p>
    );
  }
  if (!canEdit) {
    return (
      <p className="text-sm">
        <TextLink href={planHref}>
          See the team&apos;s plan<span className="sr-only"> (for {action})</span>
        </TextLink>
      </p>
    );
  }
  return (
    <form {...formProps} className="space-y-2">
      <FormAlert error={error} />
      <HiddenFields fields={{ teamSlug, countermeasureId }} />
      <SubmitButton
        pending={pending}
        pendingLabel="Adding…"
        variant="secondary"
        aria-label={`Add to plan: ${action}`}
      >
        Add to plan
      </SubmitButton>
    </form>
  );
}
