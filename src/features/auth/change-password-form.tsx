"use client";

import { changePasswordAction } from "@/server/auth/actions";
import { FormSuccess } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";
import { AuthForm, NewPasswordFields } from "./auth-form";

/** `changed`: the password was just changed (the page was reached from a change), so it says so. */
export function ChangePasswordForm({ changed = false }: { changed?: boolean }) {
  return (
    <>
      {changed ? (
        <FormSuccess>
          Password changed. Your other devices have been signed out and your API tokens revoked: create new
          tokens where you need them.
        </FormSuccess>
      ) : null}
      <ChangePasswordFields />
    </>
  );
}

function ChangePasswordFields() {
  return (
    <AuthForm
      action={changePasswordAction}
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
