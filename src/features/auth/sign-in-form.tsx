"use client";

import { useActionState, useState } from "react";
import { signInAction } from "@/server/auth/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  // Controlled, so a failed attempt keeps the email (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert error={error} />
      <input type="hidden" name="next" value={next} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        required
        errors={error?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={error?.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
