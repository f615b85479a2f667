"use client";

import { useEffect, useRef, useState } from "react";
import { deactivatePersonAction, reactivatePersonAction } from "@/server/admin/people-actions";
import { FormSuccess } from "@/ui/form-alert";
import { ActionButton } from "./action-button";
import { ConfirmAction } from "./confirm-action";

/**
 * Deactivate (behind a confirmation) or reactivate someone else's account. Either one replaces
 * the button that was pressed with its opposite once the page shows the new status, which would
 * drop keyboard focus to the top of the page; focus moves to the new button instead, below a note
 * of what was done.
 */
export function AccountStatusControls({
  userId,
  name,
  email,
  deactivated,
}: {
  userId: string;
  name: string;
  email: string;
  deactivated: boolean;
}) {
  const controls = useRef<HTMLDivElement>(null);
  const [shownStatus, setShownStatus] = useState(deactivated);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (shownStatus !== deactivated) {
    setShownStatus(deactivated);
    setOutcome(
      deactivated
        ? `${name} was deactivated and signed out.`
        : `${name} was reactivated and can sign in again.`,
    );
  }
  useEffect(() => {
    if (outcome) controls.current?.querySelector<HTMLElement>("button")?.focus();
  }, [outcome]);

  return (
    <div className="space-y-2">
      {outcome ? <FormSuccess>{outcome}</FormSuccess> : null}
      {deactivated ? (
        <p className="text-slate-700">Reactivating lets them sign in again with their roles as they were.</p>
      ) : (
        <p className="text-slate-700">
          Deactivating signs them out everywhere at once and stops them signing in. Their answers and history
          stay.
        </p>
      )}
      <div ref={controls}>
        {deactivated ? (
          <ActionButton
            action={reactivatePersonAction}
            fields={{ userId }}
            label="Reactivate"
            variant="primary"
          />
        ) : (
          <ConfirmAction
            action={deactivatePersonAction}
            fields={{ userId }}
            triggerLabel="Deactivate"
            title={`Deactivate ${name}?`}
            description={`${name} (${email}) will be signed out on every device at once and cannot sign in until an admin reactivates them.`}
            confirmLabel="Yes, deactivate"
            successMessage={`${name} was deactivated and signed out.`}
          />
        )}
      </div>
    </div>
  );
}
