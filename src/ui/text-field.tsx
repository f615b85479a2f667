import { useId, type InputHTMLAttributes } from "react";

/** A labelled input with its hint and field-level errors wired up for assistive technology. */
export function TextField({
  label,
  hint,
  errors,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; errors?: string[] }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={errorId ? true : undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 shadow-sm ${
          errorId ? "border-red-700" : "border-slate-400"
        }`}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
