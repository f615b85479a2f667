"use client";

import { useState } from "react";
import { setPersonPasswordAction } from "@/server/admin/people-actions";
import { SubmitButton } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { useFormAction } from "../shared/use-form-action";

export function SetPasswordForm({ userId, hasPassword }: { userId: string; hasPassword: boolean }) {
  const [done, setDone] = useState(false);
  const { error, pending, formProps } = useFormAction(setPersonPasswordAction, {
    resetOnSuccess: true,
    onSuccess: () => setDone(true),
  });
  return (
    <form {...formProps} className="max-w-sm space-y-4">
      <FormAlert error={error} />
      {done ? (
        <FormSuccess>Password set. They were signed out everywhere and sign in with the new one.</FormSuccess>
      ) : null}
      <input type="hidden" name="userId" value={userId} />
      <TextField
        label={hasPassword ? "New password" : "Initial password"}
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Give it to them privately; they can change it on their account page."
        required
        errors={error?.fieldErrors?.password}
        onChange={() => setDone(false)}
      />
      <SubmitButton pending={pending} pendingLabel="Setting…" variant="secondary">
        Set password
      </SubmitButton>
    </form>
  );
}
