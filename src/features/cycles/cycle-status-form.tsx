"use client";

import { useActionState, useId, useRef } from "react";
import { closeCycleAction, openCycleAction } from "@/server/cycles/actions";
import type { CycleSummary } from "@/contracts/cycles/types";
import { Button } from "@/ui/button";
import { ConfirmDialog } from "@/ui/confirm-dialog";

function Outcome({ state }: { state: Awaited<ReturnType<typeof openCycleAction>> | null }) {
  if (state && !state.ok) {
    return (
      <p role="alert" className="max-w-xs text-sm text-red-800">
        {state.error.message}
      </p>
    );
  }
  return state?.ok ? (
    <p role="status" className="max-w-xs text-sm text-green-900">
      {state.data.message}
    </p>
  ) : null;
}

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
  return `${namesList(cycle.reopenedTeams)} reopened ${one ? "its assessment" : "their assessments"} and ${one ? "has" : "have"} not submitted again: ${one ? "its" : "their"} last submitted results stay as ${cycle.name}'s results, marked reopened. `;
}

/**
 * Closing ends answering for every team, so it asks first and says who has not submitted, naming
 * the teams whose reopened assessments will keep their last submitted results.
 */
function CloseCycleForm({ cycle }: { cycle: CycleSummary }) {
  const [state, formAction, pending] = useActionState(closeCycleAction, null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const left = teamsLeft(cycle);
  const others = cycle.reopenedTeams.length > 0 ? "other " : "";
  const notSubmitted =
    reopenedOnClose(cycle) +
    (left === 0
      ? `Every ${others}team has submitted.`
      : `${left} ${others}${left === 1 ? "team has" : "teams have"} not submitted (${cycle.notStarted} not started, ${cycle.inProgress} in progress); their drafts stay unsubmitted.`);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        triggerLabel={
          <>
            Close<span className="sr-only"> {cycle.name}</span>
          </>
        }
        triggerVariant="secondary"
        title={`Close ${cycle.name}?`}
        description={`${notSubmitted} Once closed, no answer in ${cycle.name} can change.`}
        confirmLabel={`Close ${cycle.name}`}
        pendingLabel="Closing…"
        action={(formData) => {
          dialogRef.current?.close();
          formAction(formData);
        }}
        pending={pending}
        dialogRef={dialogRef}
      >
        <input type="hidden" name="cycleId" value={cycle.id} />
      </ConfirmDialog>
      <Outcome state={state} />
    </div>
  );
}

/**
 * Opens a planned cycle, or reopens a closed one for corrections. While another cycle is open the
 * button is disabled and says why, rather than offering a click that can only fail.
 */
function OpenCycleForm({ cycle, anotherIsOpen }: { cycle: CycleSummary; anotherIsOpen: boolean }) {
  const [state, formAction, pending] = useActionState(openCycleAction, null);
  const reasonId = useId();
  const label = cycle.status === "closed" ? "Reopen" : "Open";
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycle.id} />
      <Button
        type="submit"
        variant={cycle.status === "closed" || anotherIsOpen ? "secondary" : "primary"}
        disabled={pending || anotherIsOpen || !cycle.questionnaireInstalled}
        aria-describedby={anotherIsOpen || !cycle.questionnaireInstalled ? reasonId : undefined}
        className="py-1.5"
      >
        {label}
        <span className="sr-only"> {cycle.name}</span>
      </Button>
      {anotherIsOpen ? (
        <p id={reasonId} className="max-w-xs text-xs text-slate-700">
          Close the open cycle first: one cycle is open at a time.
        </p>
      ) : !cycle.questionnaireInstalled ? (
        <p id={reasonId} className="max-w-xs text-xs text-slate-700">
          Its questionnaire is not installed.
        </p>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

/** The one action a cycle row offers: close the open cycle, or open (reopen) another one. */
export function CycleStatusForm({ cycle, anotherIsOpen }: { cycle: CycleSummary; anotherIsOpen: boolean }) {
  return cycle.status === "open" ? (
    <CloseCycleForm cycle={cycle} />
  ) : (
    <OpenCycleForm cycle={cycle} anotherIsOpen={anotherIsOpen} />
  );
}
