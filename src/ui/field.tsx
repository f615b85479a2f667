import { useId, type ReactNode } from "react";

/** What a control needs to be tied to its label, hint and errors. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/** The props a labelled control takes besides its own. */
export interface FieldProps {
  label: string;
  hint?: string;
  errors?: string[];
}

/**
 * How a disabled control looks: greyed, with a lighter border and a not-allowed cursor, so one
 * that cannot be changed (a team already in a plan, say) is not drawn like the ones that can.
 * Its text stays readable.
 */
export const DISABLED_CONTROL =
  "disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-600 disabled:shadow-none";

/** How a labelled control looks; its border turns red while it has errors. */
export function controlClass(control: FieldControlProps): string {
  const border = control["aria-invalid"] ? "border-red-700" : "border-slate-400";
  return `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm ${border} ${DISABLED_CONTROL}`;
}

/**
 * The label, hint and field-level errors shared by every form control, wired up for assistive
 * technology: the label names the control, the hint and errors describe it.
 */
export function Field({
  label,
  hint,
  errors,
  className = "",
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm wrap-break-word text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        "aria-invalid": errorId ? true : undefined,
      })}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm wrap-break-word text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
