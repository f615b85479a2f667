import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

/** A labelled input with its hint and field-level errors wired up for assistive technology. */
export function TextField({
  label,
  hint,
  errors,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input {...control} className={controlClass(control)} {...input} />}
    </Field>
  );
}

/** A labelled multi-line input, wired up like TextField. */
export function TextAreaField({
  label,
  hint,
  errors,
  className = "",
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => <textarea {...control} className={controlClass(control)} {...textarea} />}
    </Field>
  );
}
