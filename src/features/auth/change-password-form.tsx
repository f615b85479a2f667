"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/server/auth/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState(changePasswordAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <FormAlert error={error} />
      {state?.ok ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          Password changed. Other devices have been signed out.
        </p>
      ) : null}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={error?.fieldErrors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={error?.fieldErrors?.newPassword}
      />
      <TextField
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={error?.fieldErrors?.confirmPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
