"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/contracts/action-result";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

interface Options<T> {
  /** Clear the fields after a success (for "add" forms). */
  resetOnSuccess?: boolean;
  onSuccess?: (data: T) => void;
}

/**
 * Runs a server action from a form. Submitting through onSubmit keeps what was typed when the
 * server refuses it (React clears a form after a plain form action); without JavaScript the form
 * still posts to the action. After a refusal, focus moves to the first field in error, or else to
 * the form's message, so keyboard and screen reader users land on what needs attention.
 */
export function useFormAction<T>(action: FormAction<T>, options: Options<T> = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false, onSuccess } = options;

  const settle = useEffectEvent((result: ActionResult<T>) => {
    const form = formRef.current;
    if (result.ok) {
      if (resetOnSuccess) form?.reset();
      onSuccess?.(result.data);
      return;
    }
    const target =
      form?.querySelector<HTMLElement>("[aria-invalid=true]") ??
      form?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  });

  useEffect(() => {
    if (state) settle(state);
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };

  const error = state && !state.ok ? state.error : null;
  return { state, error, pending, formProps: { ref: formRef, action: dispatch, onSubmit, noValidate: true } };
}
