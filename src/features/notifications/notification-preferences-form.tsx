"use client";

import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
} from "@/domain/notifications/kinds";
import { saveNotificationPreferencesAction } from "@/server/notifications/actions";
import { SubmitButton } from "@/ui/button";
import { FormStatus } from "@/ui/form-alert";
import { useFormAction } from "../shared/use-form-action";

/** One checkbox per kind of email, ticked while the person wants it. */
export function NotificationPreferencesForm({ wanted }: { wanted: Record<NotificationKind, boolean> }) {
  const { state, pending, formProps } = useFormAction(saveNotificationPreferencesAction);
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus result={state} success={(saved: { message: string }) => saved.message} />
      <fieldset className="space-y-3">
        <legend className="sr-only">Emails you get</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <div key={kind} className="flex items-start gap-3">
            <input
              id={`notify-${kind}`}
              type="checkbox"
              name={kind}
              defaultChecked={wanted[kind]}
              aria-describedby={`notify-${kind}-hint`}
              className="mt-1 size-4 rounded border-slate-400"
            />
            <div>
              <label htmlFor={`notify-${kind}`} className="font-medium text-slate-900">
                {NOTIFICATION_KIND_LABELS[kind].title}
              </label>
              <p id={`notify-${kind}-hint`} className="text-sm text-slate-700">
                {NOTIFICATION_KIND_LABELS[kind].description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save email choices
      </SubmitButton>
    </form>
  );
}
