"use client";

import { useId, useRef, type FormHTMLAttributes, type ReactNode, type Ref, type RefObject } from "react";
import { Button } from "./button";

type FormProps = FormHTMLAttributes<HTMLFormElement> & { ref?: Ref<HTMLFormElement> };

/**
 * An action behind a confirmation step, on a native modal <dialog>: the trigger opens it, it says
 * what will happen, and only its confirm button goes ahead. Focus starts on Cancel, Escape closes
 * it, and the browser returns focus to the trigger.
 *
 * The confirm button submits the dialog's form (`action` or `form` props, e.g. from a form-action
 * hook, with `children` for hidden fields and the error), or calls `onConfirm`. Pass `dialogRef`
 * to close the dialog when the action succeeds.
 *
 * `triggerRef` reaches the trigger, e.g. to move focus to it when it replaces another control.
 *
 * `unavailable` says why the action cannot be taken yet: the trigger is then aria-disabled (it
 * stays in the tab order, so keyboard and screen reader users reach it and hear why), opens
 * nothing, and shows the reason beside it.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "danger",
  title,
  description,
  confirmLabel,
  pendingLabel = "Working…",
  variant = "danger",
  action,
  form,
  onConfirm,
  pending = false,
  dialogRef,
  triggerRef,
  unavailable,
  children,
}: {
  triggerLabel: ReactNode;
  triggerAriaLabel?: string;
  triggerVariant?: "primary" | "secondary" | "danger";
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "danger";
  action?: FormProps["action"];
  form?: FormProps;
  onConfirm?: () => void;
  pending?: boolean;
  dialogRef?: RefObject<HTMLDialogElement | null>;
  triggerRef?: Ref<HTMLButtonElement>;
  unavailable?: ReactNode;
  children?: ReactNode;
}) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  const titleId = useId();
  const descriptionId = useId();
  const unavailableId = useId();
  const close = () => ref.current?.close();
  const trigger = (
    <Button
      ref={triggerRef}
      type="button"
      variant={triggerVariant}
      aria-label={triggerAriaLabel}
      aria-disabled={unavailable ? true : undefined}
      aria-describedby={unavailable ? unavailableId : undefined}
      onClick={() => {
        if (!unavailable) ref.current?.showModal();
      }}
    >
      {triggerLabel}
    </Button>
  );

  return (
    <>
      {unavailable ? (
        <div className="flex flex-wrap items-center gap-3">
          {trigger}
          <p id={unavailableId} className="text-sm text-slate-700">
            {unavailable}
          </p>
        </div>
      ) : (
        trigger
      )}
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form action={action} {...form} className="space-y-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            {description}
          </p>
          {children}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={close}>
              Cancel
            </Button>
            <Button
              type={onConfirm ? "button" : "submit"}
              variant={variant}
              disabled={pending}
              onClick={
                onConfirm
                  ? () => {
                      onConfirm();
                      close();
                    }
                  : undefined
              }
            >
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
