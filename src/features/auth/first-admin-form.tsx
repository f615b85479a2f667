"use client";

import { createFirstAdminAction } from "@/server/auth/actions";
import { TextField } from "@/ui/text-field";
import { AuthForm, NewPasswordFields } from "./auth-form";

export function FirstAdminForm() {
  return (
    <AuthForm
      action={createFirstAdminAction}
      submitLabel="Create the admin account"
      pendingLabel="Creating…"
      wideSubmit
    >
      {(errorsOf) => (
        <>
          <TextField label="Your name" name="name" autoComplete="name" required errors={errorsOf("name")} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            errors={errorsOf("email")}
          />
          <NewPasswordFields
            name="password"
            label="Password"
            repeatLabel="Repeat the password"
            errorsOf={errorsOf}
          />
        </>
      )}
    </AuthForm>
  );
}
