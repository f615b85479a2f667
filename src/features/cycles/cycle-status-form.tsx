"use client";

import { useActionState, useEffect, useId, useRef, type RefObject } from "react";
import { closeCycleAction, openCycleAction, returnCycleToPlannedAction } from "@/server/cycles/actions";
import type { ActionResult } from "@/contracts/action-result";
import type { CycleSummary } from "@/contracts/cycles/types";
import { earlyOpeningText } from "@/domain/cycles/opening";
import { formatDayLong } from "@/domain/format";
import { possessive } from "@/domain/text/possessive";
import { Button } from "@/ui/button";
import { ConfirmDialog } from "@/ui/confirm-dialog";

type StatusResult = ActionResult<{ message: string }>;

function teamsLeft(cycle: CycleSummary): number {
  return cycle.notStarted + cycle.inProgress;
}

/** "Billing", "Billing and Search", "Billing, Payments and Search". */
function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** What closing does to reopened assessments: they keep their last submitted results. */
function reopenedOnClose(cycle: CycleSummary): string {
  if (cycle.reopenedTeams.length === 0) return "";
  const one = cycle.reopenedTeams.length === 1;
  return `${namesList(cycle.reopenedTeams)} reopened ${one ? "its assessment" : "their assessments"} and ${one ? "has" : "have"} not submitted again: ${one ? "its" : "their"} last submitted results stay as ${possessive(cycle.name)} results, marked reopened. `;
}

interface FormProps {
  cycle: CycleSummary;
  dispatch: (formData: FormData) => void;
  pending: boolean;
  triggerRef: RefObject<HTMLButtonElement | null>;
}

/**
 * One status change behind a confirmation: the trigger names its cycle for screen readers, and
 * confirming closes the dialog and sends the row's form with its `intent`.
 */
function CycleStatusDialog({
  cycle,
  intent,
  trigger,
  triggerVariant,
  variant,
  title,
  description,
  confirmLabel,
  pendingLabel,
  dispatch,
  pending,
  triggerRef,
}: Omit<FormProps, "triggerRef"> & {
  intent: "open" | "close" | "plan";
  trigger: string;
  triggerVariant: "primary" | "secondary";
  variant?: "primary" | "danger";
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  triggerRef?: FormProps["triggerRef"];
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          {trigger}
          <span className="sr-only"> {cycle.name}</span>
        </>
      }
      triggerVariant={triggerVariant}
      triggerRef={triggerRef}
      variant={variant}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      pendingLabel={pendingLabel}
      action={(formData) => {
        dialogRef.current?.close();
        dispatch(formData);
      }}
      pending={pending}
      dialogRef={dialogRef}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="cycleId" value={cycle.id} />
    </ConfirmDialog>
  );
}

/**
 * Closing ends answering for every team, so it asks first and says who has not submitted, naming
 * the teams whose reopened assessments will keep their last submitted results.
 */
function CloseCycleForm({ cycle, dispatch, pending, triggerRef }: FormProps) {
  const left = teamsLeft(cycle);
  const others = cycle.reopenedTeams.length > 0 ? "other " : "";
  const notSubmitted =
    reopenedOnClose(cycle) +
    (left === 0
      ? `Every ${others}team has submitted.`
      : `${left} ${others}${left === 1 ? "team has" : "teams have"} not submitted (${cycle.notStarted} not started, ${cycle.inProgress} in progress); their drafts stay unsubmitted.`);
  return (
    <CycleStatusDialog
      cycle={cycle}
      intent="close"
      trigger="Close"
      triggerVariant="secondary"
      title={`Close ${cycle.name}?`}
      description={`${notSubmitted} Once it is closed, no answer in ${cycle.name} can change unless the cycle is reopened for corrections.`}
      confirmLabel={`Close ${cycle.name}`}
      pendingLabel="Closing…"
      dispatch={dispatch}
      pending={pending}
      triggerRef={triggerRef}
    />
  );
}

/**
 * Reopening a closed cycle makes it every team's current cycle again, however old it is, so it
 * asks first and says so: the home page and the start pages show it, and its answers can change.
 */
function ReopenCycleForm({
  cycle,
  newerStarted,
  dispatch,
  pending,
  triggerRef,
}: FormProps & { newerStarted: string | null }) {
  const older = newerStarted
    ? ` It is older than ${newerStarted}, which stays closed, so for everyone the current quarter goes back to ${cycle.name}.`
    : "";
  return (
    <CycleStatusDialog
      cycle={cycle}
      intent="open"
      trigger="Reopen"
      triggerVariant="secondary"
      variant="primary"
      title={`Reopen ${cycle.name}?`}
      description={`${cycle.name} (due ${formatDayLong(cycle.closesOn)}) becomes the current cycle for everyone: the home page and every team's page show it, and every team's ${cycle.name} answers can be changed again until you close it.${older} Close it again once the corrections are in.`}
      confirmLabel={`Reopen ${cycle.name}`}
      pendingLabel="Reopening…"
      dispatch={dispatch}
      pending={pending}
      triggerRef={triggerRef}
    />
  );
}

/**
 * Opening a planned cycle starts the quarter for every team at once, so it asks first and says
 * what happens, and, when today is before the cycle's "Opens on" date, that it opens early.
 */
function OpenPlannedCycleForm({
  cycle,
  sendsEmail,
  dispatch,
  pending,
  triggerRef,
}: FormProps & { sendsEmail: boolean }) {
  const early = earlyOpeningText(cycle, cycle.daysBeforeOpensOn);
  const reminders = sendsEmail
    ? ` Before its due date the leads of teams that have not submitted get reminder emails.`
    : "";
  return (
    <CycleStatusDialog
      cycle={cycle}
      intent="open"
      trigger="Open"
      triggerVariant="primary"
      variant="primary"
      title={`Open ${cycle.name}?`}
      description={`${early ? `${early} ` : ""}Teams can start answering ${cycle.name} (due ${formatDayLong(cycle.closesOn)}), each from its last submitted answers, until you close it. It becomes the current cycle for everyone: the home page and every team's page show it, and no other cycle can be opened until it is closed.${reminders}`}
      confirmLabel={early ? `Open ${cycle.name} early` : `Open ${cycle.name}`}
      pendingLabel="Opening…"
      dispatch={dispatch}
      pending={pending}
      triggerRef={triggerRef}
    />
  );
}

/**
 * A cycle opened and closed again before any team started it goes back to planned, as if it had
 * never been opened; offered only then (the server refuses it otherwise).
 */
function ReturnToPlannedForm({ cycle, dispatch, pending }: Omit<FormProps, "triggerRef">) {
  return (
    <CycleStatusDialog
      cycle={cycle}
      intent="plan"
      trigger="Return to planned"
      triggerVariant="secondary"
      variant="primary"
      title={`Return ${cycle.name} to planned?`}
      description={`No team has an assessment in ${cycle.name}, so it can go back to planned, as if it had never been opened: the organisation pages no longer list it, and you open it again when teams should start answering.`}
      confirmLabel={`Return ${cycle.name} to planned`}
      pendingLabel="Returning…"
      dispatch={dispatch}
      pending={pending}
    />
  );
}

/**
 * Opening or reopening while it can only fail: while another cycle is open, or the cycle's
 * questionnaire is not installed, the button (Open, or Reopen for a closed cycle) is disabled and
 * says why, rather than offering a click that can only fail.
 */
function OpenCycleForm({
  cycle,
  unavailable,
  dispatch,
  pending,
  triggerRef,
}: FormProps & { unavailable: string | null }) {
  const reasonId = useId();
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="intent" value="open" />
      <input type="hidden" name="cycleId" value={cycle.id} />
      <Button
        ref={triggerRef}
        type="submit"
        variant={cycle.status === "closed" || unavailable ? "secondary" : "primary"}
        disabled={pending || unavailable !== null}
        aria-describedby={unavailable ? reasonId : undefined}
        className="py-1.5"
      >
        {cycle.status === "closed" ? "Reopen" : "Open"}
        <span className="sr-only"> {cycle.name}</span>
      </Button>
      {unavailable ? (
        <p id={reasonId} className="max-w-xs text-xs text-slate-700">
          {unavailable}
        </p>
      ) : null}
    </form>
  );
}

/** Any status action of a row, by the form's `intent`: the row keeps one result for all. */
async function changeCycleStatus(previous: StatusResult | null, formData: FormData): Promise<StatusResult> {
  const intent = formData.get("intent");
  if (intent === "close") return closeCycleAction(previous, formData);
  if (intent === "plan") return returnCycleToPlannedAction(previous, formData);
  return openCycleAction(previous, formData);
}

/**
 * The action a cycle row offers: close the open cycle, or open (reopen) another one; a closed
 * cycle nobody answered can also go back to planned.
 *
 * Closing or opening swaps the row's button for the other one, so the outcome is kept here, above
 * both: the message stays in the row's live region after the swap, and focus moves to the button
 * that took the pressed one's place (the pressed one is gone, and focus would fall to the page).
 */
export function CycleStatusForm({
  cycle,
  anotherIsOpen,
  newerStarted = null,
  sendsEmail = false,
}: {
  cycle: CycleSummary;
  anotherIsOpen: boolean;
  /** The newest started cycle after this one, if any: reopening this one makes it current instead. */
  newerStarted?: string | null;
  /** Email is configured, so an open cycle's due-date reminders go out. */
  sendsEmail?: boolean;
}) {
  const [state, dispatchChange, pending] = useActionState(changeCycleStatus, null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // The status the row had when its button was pressed: once it differs, the new button is there.
  const statusAtSubmit = useRef<string | null>(null);
  const dispatch = (formData: FormData) => {
    statusAtSubmit.current = cycle.status;
    dispatchChange(formData);
  };

  useEffect(() => {
    // A refused change keeps the button, so focus goes to the reason.
    if (state && !state.ok) {
      statusAtSubmit.current = null;
      alertRef.current?.focus();
    }
  }, [state]);
  useEffect(() => {
    if (!state?.ok || statusAtSubmit.current === null || statusAtSubmit.current === cycle.status) return;
    statusAtSubmit.current = null;
    // A disabled button (another cycle is open) cannot take focus: the message can.
    if (triggerRef.current && !triggerRef.current.disabled) triggerRef.current.focus();
    else messageRef.current?.focus();
  }, [state, cycle.status]);

  const unavailable = anotherIsOpen
    ? "Close the open cycle first: one cycle is open at a time."
    : !cycle.questionnaireInstalled
      ? "Its questionnaire is not installed."
      : null;
  const form = { cycle, dispatch, pending, triggerRef };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {cycle.status === "open" ? (
          <CloseCycleForm {...form} />
        ) : unavailable !== null ? (
          <OpenCycleForm {...form} unavailable={unavailable} />
        ) : cycle.status === "closed" ? (
          <ReopenCycleForm {...form} newerStarted={newerStarted} />
        ) : (
          <OpenPlannedCycleForm {...form} sendsEmail={sendsEmail} />
        )}
        {cycle.status === "closed" && cycle.assessments === 0 ? (
          <ReturnToPlannedForm cycle={cycle} dispatch={dispatch} pending={pending} />
        ) : null}
      </div>
      {/* Always in the page, so the message is announced when it appears. */}
      <p
        ref={messageRef}
        role="status"
        tabIndex={-1}
        className="max-w-xs text-sm text-green-900 empty:hidden"
      >
        {state?.ok ? state.data.message : null}
      </p>
      {state && !state.ok ? (
        <p ref={alertRef} role="alert" tabIndex={-1} className="max-w-xs text-sm text-red-800">
          {state.error.message}
        </p>
      ) : null}
    </div>
  );
}
