import { useId, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** Hint and error ids wired to a control, so assistive technology reads them with its label. */
function useDescriptions(hint: string | undefined, errors: string[] | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

const controlClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm ${invalid ? "border-red-700" : "border-slate-400"}`;

/** Hints sit between label and control, errors below it, as in the shared TextField. */
function Hint({ id, hint }: { id?: string; hint?: string }) {
  return hint ? (
    <p id={id} className="mt-0.5 text-sm text-slate-600">
      {hint}
    </p>
  ) : null;
}

function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  return id ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors!.join(" ")}
    </p>
  ) : null;
}

export function SelectField({
  label,
  hint,
  errors,
  options,
  className = "",
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  errors?: string[];
  options: readonly { value: string; label: string }[];
}) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, errors);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <Hint id={hintId} hint={hint} />
      <select
        id={id}
        aria-describedby={describedBy}
        aria-invalid={errorId ? true : undefined}
        className={controlClass(Boolean(errorId))}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  className = "",
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; errors?: string[] }) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, errors);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <Hint id={hintId} hint={hint} />
      <textarea
        id={id}
        aria-describedby={describedBy}
        aria-invalid={errorId ? true : undefined}
        className={controlClass(Boolean(errorId))}
        {...textarea}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
