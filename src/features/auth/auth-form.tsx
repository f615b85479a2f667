"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/contracts/action-result";
import { SubmitButton } from "@/ui/button";
import { FormStatus } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";

type FieldErrorsOf = (name: string) => string[] | undefined;

/**
 * The sign-in, first-admin and change-password forms: a plain form action (they work before any
 * JavaScript has loaded), the refusal on top, the fields, and one submit button.
 */
export function AuthForm<T>({
  action,
  success,
  submitLabel,
  pendingLabel,
  wideSubmit = false,
  className = "space-y-4",
  children,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  success?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  wideSubmit?: boolean;
  className?: string;
  children: (errorsOf: FieldErrorsOf) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className={className} noValidate>
      <FormStatus result={state} success={success} />
      {children((name) => error?.fieldErrors?.[name])}
      <SubmitButton
        pending={pending}
        pendingLabel={pendingLabel}
        className={wideSubmit ? "w-full" : undefined}
      >
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** A new password and its repetition, for the forms that set one. */
export function NewPasswordFields({
  name,
  label,
  repeatLabel,
  errorsOf,
}: {
  name: string;
  label: string;
  repeatLabel: string;
  errorsOf: FieldErrorsOf;
}) {
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        errors={errorsOf(name)}
      />
      <TextField
        label={repeatLabel}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errorsOf("confirmPassword")}
      />
    </>
  );
}
