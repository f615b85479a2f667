"use client";

import { changePasswordAction } from "@/server/auth/actions";
import { TextField } from "@/ui/text-field";
import { AuthForm, NewPasswordFields } from "./auth-form";

export function ChangePasswordForm() {
  return (
    <AuthForm
      action={changePasswordAction}
      success="Password changed. Your other devices have been signed out and your API tokens revoked."
      submitLabel="Change password"
      pendingLabel="Changing…"
      className="max-w-sm space-y-4"
    >
      {(errorsOf) => (
        <>
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsOf("currentPassword")}
          />
          <NewPasswordFields
            name="newPassword"
            label="New password"
            repeatLabel="Repeat the new password"
            errorsOf={errorsOf}
          />
        </>
      )}
    </AuthForm>
  );
}
