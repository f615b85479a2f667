"use client";

import { useActionState } from "react";
import { createFirstAdminAction } from "@/server/auth/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";

export function FirstAdminForm() {
  const [state, formAction, pending] = useActionState(createFirstAdminAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert error={error} />
      <TextField label="Your name" name="name" autoComplete="name" required errors={error?.fieldErrors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required errors={error?.fieldErrors?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={error?.fieldErrors?.password}
      />
      <TextField
        label="Repeat the password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={error?.fieldErrors?.confirmPassword}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create the admin account"}
      </Button>
    </form>
  );
}
