"use client";

import { useState } from "react";
import { signInAction } from "@/server/auth/actions";
import { TextField } from "@/ui/text-field";
import { AuthForm } from "./auth-form";

export function SignInForm({ next }: { next: string }) {
  // Controlled, so a failed attempt keeps the email (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  return (
    <AuthForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…" wideSubmit>
      {(errorsOf) => (
        <>
          <input type="hidden" name="next" value={next} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
            errors={errorsOf("email")}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsOf("password")}
          />
        </>
      )}
    </AuthForm>
  );
}
