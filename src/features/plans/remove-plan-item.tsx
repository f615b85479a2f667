"use client";

import { useId, useRef } from "react";
import { removePlanItemAction } from "@/server/plans/actions";
import { Button } from "@/ui/button";
import { FormError } from "./form-messages";
import { usePlanAction } from "./use-plan-action";

/**
 * Removing an item sits behind a confirmation dialog that names the item. Focus starts on Cancel,
 * Escape closes the dialog, and the removal only applies to the version on screen.
 */
export function RemovePlanItem({
  itemId,
  version,
  action,
  teamSlug,
}: {
  itemId: string;
  version: number;
  action: string;
  teamSlug: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // On success the item, this dialog included, leaves the page; PlanHeading then takes focus.
  const { error, pending, formProps } = usePlanAction(removePlanItemAction, () => dialogRef.current?.close());

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        aria-label={`Remove from plan: ${action}`}
        onClick={() => dialogRef.current?.showModal()}
      >
        Remove from plan
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form {...formProps} className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            Remove “{action}” from the plan?
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            Its owner, due date, status and notes are deleted. The change is recorded in the audit log. To keep a
            record of a decision not to do it, set its status to Dropped instead.
          </p>
          <FormError error={error} />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <input type="hidden" name="teamSlug" value={teamSlug} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Removing…" : "Remove item"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
