"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { PulseAudience } from "@/domain/content/schema";
import { teamPath } from "@/contracts/assessments/paths";
import { AUDIENCE_WORDING, NOTHING_ANSWERED_MESSAGE, pulseFieldNames } from "@/contracts/pulse/fields";
import type { PulseQuestionGroup, PulseQuestionView } from "@/contracts/pulse/views";
import { answerPulseAction } from "@/server/pulse/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { Link } from "@/ui/link";

/**
 * A group of questions shows only while its audience is ticked. Done in CSS (`:has`), so it works
 * without JavaScript too; the class names are spelled out for Tailwind to find them.
 */
const SHOWN_WHILE_TICKED: Record<PulseAudience, string> = {
  "on-call": "[form:has(#pulse-audience-on-call:not(:checked))_&]:hidden",
  specialist: "[form:has(#pulse-audience-specialist:not(:checked))_&]:hidden",
  everyone: "",
};
const HIDDEN_ONCE_TICKED = "[form:has([data-pulse-audience]:checked)_&]:hidden";

const audienceInputId = (audience: PulseAudience) => `pulse-audience-${audience}`;

const radioLabelClass =
  "flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 hover:border-slate-500 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50";
const radioInputClass = "mt-0.5 h-4 w-4 shrink-0 accent-blue-700";

interface ChosenAnswer {
  prompt: string;
  label: string;
}

/**
 * What the form will send: the answers to the questions of the audiences ticked (and of everyone),
 * with "Prefer not to answer" left out. Answers chosen in a group that was hidden again are dropped
 * here; without JavaScript the server refuses them and says why.
 */
function answersToSend(form: HTMLFormElement, groups: readonly PulseQuestionGroup[]) {
  const data = new FormData(form);
  const chosen: ChosenAnswer[] = [];
  for (const group of groups) {
    const declared =
      group.audience === "everyone" || data.get(pulseFieldNames.audience(group.audience)) === "on";
    for (const question of group.questions) {
      const name = pulseFieldNames.answer(question.id);
      const option = question.options.find((candidate) => candidate.value === data.get(name));
      if (declared && option) chosen.push({ prompt: question.prompt, label: option.label });
      else data.delete(name);
    }
  }
  return { data, chosen };
}

export function PulseForm({
  teamSlug,
  teamName,
  cycleId,
  cycleName,
  groups,
  alreadyAnswered,
}: {
  teamSlug: string;
  teamName: string;
  cycleId: string;
  cycleName: string;
  groups: PulseQuestionGroup[];
  alreadyAnswered: boolean;
}) {
  const [state, dispatch, pending] = useActionState(answerPulseAction, null);
  const [toSend, setToSend] = useState<{ data: FormData; chosen: ChosenAnswer[] } | null>(null);
  const [nothingChosen, setNothingChosen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const dialogTitleId = useId();
  const dialogDescriptionId = useId();
  const sent = state?.ok === true;
  // A conflict means this pulse cannot be answered from here any more (answered in another tab,
  // the quarter closed, the assessment submitted): the form gives way to the reason.
  const noLongerOpen = state?.ok === false && state.error.code === "conflict" ? state.error.message : null;

  useEffect(() => {
    if (sent || noLongerOpen) {
      doneRef.current?.focus();
      return;
    }
    if (state && !state.ok) {
      const form = formRef.current;
      (
        form?.querySelector<HTMLElement>("input[data-invalid]:checked") ??
        form?.querySelector<HTMLElement>("[data-form-alert]")
      )?.focus();
    }
  }, [state, sent, noLongerOpen]);

  if (noLongerOpen) {
    return (
      <div
        role="alert"
        className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5 text-amber-950"
      >
        <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold">
          Your answers were not sent
        </h2>
        <p className="text-sm">{noLongerOpen}</p>
        <Link href={teamPath(teamSlug)} className="font-medium text-blue-800 underline underline-offset-2">
          Back to {teamName}
        </Link>
      </div>
    );
  }

  if (sent || alreadyAnswered) {
    return (
      <div
        role="status"
        className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-5 text-green-950"
      >
        <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold">
          {sent ? "Thank you — your answers were counted" : `You answered the ${cycleName} pulse`}
        </h2>
        <p className="text-sm">
          Answers are anonymous, so they cannot be changed or sent again. The counts appear on the team page
          once enough people have answered.
        </p>
        <Link href={teamPath(teamSlug)} className="font-medium text-blue-800 underline underline-offset-2">
          Back to {teamName}
        </Link>
      </div>
    );
  }

  const error = state && !state.ok ? state.error : null;
  const fieldErrors = error?.fieldErrors ?? {};

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const prepared = answersToSend(event.currentTarget, groups);
    if (prepared.chosen.length === 0) {
      setNothingChosen(true);
      setToSend(null);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[data-form-alert]")?.focus());
      return;
    }
    setNothingChosen(false);
    setToSend(prepared);
    dialogRef.current?.showModal();
  };

  const send = () => {
    dialogRef.current?.close();
    if (toSend) startTransition(() => dispatch(toSend.data));
  };

  const declarable = groups.filter((group) => AUDIENCE_WORDING[group.audience].declaration !== null);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormAlert error={nothingChosen ? { code: "validation", message: NOTHING_ANSWERED_MESSAGE } : error} />

      {declarable.length > 0 ? (
        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <legend className="px-1 text-lg font-semibold">Which of these describe you this quarter?</legend>
          <p className="text-sm text-slate-700">
            Tick all that apply. The questions for what you tick appear below.
          </p>
          {declarable.map((group) => (
            <label key={group.audience} className="flex items-start gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                id={audienceInputId(group.audience)}
                name={pulseFieldNames.audience(group.audience)}
                data-pulse-audience
                className="mt-0.5 h-4 w-4 shrink-0 accent-blue-700"
              />
              <span>{AUDIENCE_WORDING[group.audience].declaration}</span>
            </label>
          ))}
          <p className={`text-sm text-slate-700 ${HIDDEN_ONCE_TICKED}`}>
            If none of these describes you, there is nothing for you to answer this quarter.
          </p>
        </fieldset>
      ) : null}

      {groups.map((group) => (
        <section
          key={group.audience}
          aria-labelledby={`pulse-group-${group.audience}`}
          className={`space-y-4 ${SHOWN_WHILE_TICKED[group.audience]}`}
        >
          <h2 id={`pulse-group-${group.audience}`} className="text-xl font-semibold">
            {AUDIENCE_WORDING[group.audience].heading}
          </h2>
          {group.questions.map((question) => (
            <PulseQuestionField
              key={question.id}
              question={question}
              errors={fieldErrors[pulseFieldNames.answer(question.id)]}
            />
          ))}
        </section>
      ))}

      <div className="space-y-2">
        <p className="text-sm text-slate-700">
          Once sent, your answers cannot be changed or withdrawn: nothing links them to you.
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send my answers"}
        </Button>
      </div>

      <dialog
        ref={dialogRef}
        aria-labelledby={dialogTitleId}
        aria-describedby={dialogDescriptionId}
        className="m-auto max-w-lg rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4">
          <h2 id={dialogTitleId} className="text-lg font-semibold">
            Send your answers?
          </h2>
          <p id={dialogDescriptionId} className="text-sm text-slate-700">
            Once sent, they cannot be changed or withdrawn: nothing links them to you.
          </p>
          <dl className="max-h-[50vh] space-y-3 overflow-y-auto text-sm">
            {toSend?.chosen.map((answer) => (
              <div key={answer.prompt}>
                <dt className="text-slate-700">{answer.prompt}</dt>
                <dd className="font-semibold">{answer.label}</dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              Go back
            </Button>
            <Button type="button" onClick={send}>
              Send my answers
            </Button>
          </div>
        </div>
      </dialog>
    </form>
  );
}

function PulseQuestionField({
  question,
  errors,
}: {
  question: PulseQuestionView;
  errors: string[] | undefined;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const name = pulseFieldNames.answer(question.id);
  const describedBy = errors?.length ? `${helpId} ${errorId}` : helpId;
  const options = [...question.options, { value: "", label: "Prefer not to answer" }];
  return (
    <fieldset
      aria-describedby={describedBy}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-5"
    >
      <legend className="px-1 font-semibold text-slate-900">{question.prompt}</legend>
      <p id={helpId} className="text-sm text-slate-600">
        {question.help}
      </p>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="grid gap-2">
        {options.map((option) => (
          <label key={option.value} className={radioLabelClass}>
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={option.value === ""}
              data-invalid={errors?.length ? true : undefined}
              className={radioInputClass}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
