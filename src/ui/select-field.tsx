import type { SelectHTMLAttributes } from "react";
import { controlClass, DISABLED_CONTROL, Field, type FieldProps } from "./field";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectOptionGroup {
  label: string;
  options: SelectOption[];
}

interface OptionsProps {
  options?: readonly SelectOption[];
  groups?: readonly SelectOptionGroup[];
  /** The label of a leading empty option, when choosing nothing is allowed. */
  placeholder?: string;
}

/** How an inline control looks (in a table row, say), disabled ones greyed. */
export const INLINE_CONTROL = `max-w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 ${DISABLED_CONTROL}`;

/** A styled select for use inside tables and inline forms; it brings its own accessible name. */
export function Select({
  options = [],
  groups = [],
  placeholder,
  className = INLINE_CONTROL,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & OptionsProps) {
  return (
    <select className={className} {...select}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A labelled select with its hint and field-level errors wired up for assistive technology. */
export function SelectField({
  label,
  hint,
  errors,
  className = "",
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & OptionsProps) {
  return (
    <Field label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Select {...control} className={controlClass(control)} {...select} />}
    </Field>
  );
}
