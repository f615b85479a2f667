"use client";

import { replaceAdminSetPasswordAction } from "@/server/auth/actions";
import { TextField } from "@/ui/text-field";
import { AuthForm, NewPasswordFields } from "./auth-form";

/** The first sign-in with a password an admin set: the person chooses their own, then carries on. */
export function ReplaceAdminSetPasswordForm({ next }: { next: string }) {
  return (
    <AuthForm
      action={replaceAdminSetPasswordAction}
      submitLabel="Save my password"
      pendingLabel="Saving…"
      wideSubmit
    >
      {(errorsOf) => (
        <>
          <input type="hidden" name="next" value={next} />
          <TextField
            label="Password you were given"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsOf("currentPassword")}
          />
          <NewPasswordFields
            name="newPassword"
            label="Your new password"
            repeatLabel="Repeat your new password"
            errorsOf={errorsOf}
          />
        </>
      )}
    </AuthForm>
  );
}
