"use client";

import { memo, useId, useRef, useState, type ChangeEvent } from "react";
import { AGREEMENT_LABELS } from "@/domain/scoring/answer-validation";
import {
  describeAnswer,
  describeDraft,
  describeNumberRange,
  draftFromAnswer,
  draftMatchesServer,
  EMPTY_DRAFT,
  UNIT_LABELS,
  type AnswerDraft,
} from "./answer-draft";
import { NOTE_MAX_LENGTH } from "@/contracts/assessments/limits";
import { questionAnchor } from "@/contracts/assessments/paths";
import type { QuestionView, ServerAnswer } from "@/contracts/assessments/types";
import type { IndividualAnswersView } from "@/contracts/responses/types";
import { IndividualAnswersSummary } from "../responses/individual-answers-summary";
import type { QuestionSyncState } from "./use-answer-sync";
import { Button } from "@/ui/button";

export interface QuestionFieldProps {
  question: QuestionView;
  draft: AnswerDraft;
  server: ServerAnswer | undefined;
  sync: QuestionSyncState | undefined;
  carriedFromCycleName: string | null;
  actorId: string;
  disabled: boolean;
  /** False for one's own answers, which keep no note. */
  allowNote?: boolean;
  /** What the team's own answers say, for the people who may see it on the team's questionnaire. */
  individual?: IndividualAnswersView;
  /**
   * Why the team's saved context rules out "not applicable" here (the review's words), shown as
   * soon as it is chosen; null when it does not.
   */
  contradiction?: string | null;
  /**
   * Why the saved answer here cannot be true together with another saved answer (the review's
   * words, naming both); null when it can.
   */
  impossible?: string | null;
  onChange: (questionId: string, draft: AnswerDraft, options: { typed: boolean }) => void;
  onFlush: (questionId: string) => void;
  onConfirm: (questionIds: string[]) => void;
  onResolveConflict: (questionId: string, choice: "theirs" | "mine") => void;
}

const DONT_KNOW = "__dont-know";
const NOT_APPLICABLE = "__not-applicable";

interface RadioOption {
  value: string;
  label: string;
}

function valueOptions(question: QuestionView): RadioOption[] {
  switch (question.answer.type) {
    case "agreement":
      return [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: AGREEMENT_LABELS[level]! }));
    case "yesNo":
      return [
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ];
    case "choice":
      return question.answer.options;
    case "number":
      return [];
  }
}

const radioLabelClass =
  "flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 hover:border-slate-500 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 has-[:disabled]:cursor-not-allowed";
const radioInputClass = "mt-0.5 h-4 w-4 shrink-0 accent-blue-700";

/** One radio per option, all sharing the question's group name. */
function RadioChoices({
  options,
  name,
  checkedValue,
  onChange,
}: {
  options: RadioOption[];
  name: string;
  checkedValue: string | null;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return options.map((option) => (
    <label key={option.value} className={radioLabelClass}>
      <input
        type="radio"
        name={name}
        value={option.value}
        checked={checkedValue === option.value}
        onChange={onChange}
        className={radioInputClass}
      />
      <span>{option.label}</span>
    </label>
  ));
}

export const QuestionField = memo(function QuestionField({
  question,
  draft,
  server,
  sync,
  carriedFromCycleName,
  actorId,
  disabled,
  allowNote = true,
  individual,
  contradiction = null,
  impossible = null,
  onChange,
  onFlush,
  onConfirm,
  onResolveConflict,
}: QuestionFieldProps) {
  const id = useId();
  const cardRef = useRef<HTMLDivElement>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const helpId = `${id}-help`;
  const messageId = `${id}-message`;
  const reasonId = `${id}-reason`;
  const noteId = `${id}-note`;
  const numberId = `${id}-number`;
  const individualId = `${id}-individual`;
  const contradictionId = `${id}-contradiction`;
  const impossibleId = `${id}-impossible`;
  const name = `${id}-answer`;

  const invalid = sync?.kind === "invalid" ? sync : null;
  const failed = sync?.kind === "error" ? sync : null;
  const conflict = sync?.kind === "conflict" ? sync : null;
  const awaitingConfirmation =
    Boolean(server?.carriedOver) && !conflict && draftMatchesServer(question, draft, server);
  const valueInvalid = invalid?.field === "value";
  const reasonInvalid = invalid?.field === "reason";
  const noteInvalid = invalid?.field === "note";
  // A change that could not be sent says so, and what the server still holds, so the stored answer
  // never comes back unannounced after a reload.
  const message = invalid
    ? `Not saved: ${invalid.message} ${server ? `Until then the saved answer stays “${describeAnswer(question, server)}”.` : "Until then nothing is saved for this question."}`
    : failed
      ? `Not saved: ${failed.message}`
      : null;
  const contradicted = draft.mode === "notApplicable" && contradiction !== null;
  const groupDescription = [
    helpId,
    individual ? individualId : null,
    contradicted ? contradictionId : null,
    impossible !== null ? impossibleId : null,
    message && (valueInvalid || failed) ? messageId : null,
  ]
    .filter(Boolean)
    .join(" ");

  // The answer (and note) "Clear answer" took away, until it is undone or another answer is given.
  const [cleared, setCleared] = useState<AnswerDraft | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  const change = (next: Partial<AnswerDraft>, typed: boolean) => {
    setCleared(null);
    onChange(question.id, { ...draft, ...next }, { typed });
  };

  /**
   * Puts keyboard focus on this question's answer before a control that had it disappears, and
   * again once the change has rendered, as the change may check another option (Keep theirs, Use
   * this answer). Unless focus has meanwhile gone elsewhere on the page.
   */
  const focusAnswer = () => {
    answerControl(fieldsetRef.current)?.focus();
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !cardRef.current?.contains(active)) return;
      answerControl(fieldsetRef.current)?.focus();
    });
  };

  const clearAnswer = () => {
    // The button goes with the answer: focus moves to the question, then to "Undo" once shown.
    answerControl(fieldsetRef.current)?.focus();
    setCleared(draft);
    onChange(question.id, EMPTY_DRAFT, { typed: false });
    requestAnimationFrame(() => undoRef.current?.focus());
  };

  const undoClear = () => {
    if (!cleared) return;
    setCleared(null);
    focusAnswer();
    onChange(question.id, cleared, { typed: false });
  };

  const onRadio = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    if (value === DONT_KNOW) change({ mode: "dontKnow", value: "" }, false);
    else if (value === NOT_APPLICABLE) change({ mode: "notApplicable", value: "" }, false);
    else change({ mode: "value", value }, false);
  };

  const options = valueOptions(question);
  const isNumber = question.answer.type === "number";
  const isAgreement = question.answer.type === "agreement";
  const extraChoices: RadioOption[] = [
    ...(question.allowDontKnow ? [{ value: DONT_KNOW, label: "Don't know" }] : []),
    ...(question.allowNotApplicable ? [{ value: NOT_APPLICABLE, label: "Not applicable" }] : []),
  ];
  const checkedValue =
    draft.mode === "dontKnow"
      ? DONT_KNOW
      : draft.mode === "notApplicable"
        ? NOT_APPLICABLE
        : draft.mode === "value"
          ? draft.value
          : null;

  return (
    <div
      ref={cardRef}
      id={questionAnchor(question.id)}
      className={`scroll-mt-24 rounded-lg border bg-white p-5 ${conflict ? "border-red-700" : awaitingConfirmation ? "border-amber-500" : "border-slate-200"}`}
    >
      <fieldset
        ref={fieldsetRef}
        aria-describedby={groupDescription || undefined}
        disabled={disabled}
        className="min-w-0 space-y-3"
      >
        <legend className="text-base font-semibold text-slate-900">
          {question.prompt}
          {question.required ? null : (
            <span className="ml-2 text-sm font-normal text-slate-600">(optional)</span>
          )}
        </legend>
        <p id={helpId} className="text-sm text-slate-700">
          {question.help}
        </p>

        {awaitingConfirmation ? (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p>Carried over from {carriedFromCycleName ?? "last quarter"} — confirm or change</p>
            <button
              type="button"
              onClick={() => {
                // The button goes once the answer is confirmed; keep focus on this question.
                focusAnswer();
                onConfirm([question.id]);
              }}
              className="rounded-md border border-amber-700 bg-white px-3 py-1 text-sm font-semibold text-amber-950 hover:bg-amber-100"
            >
              Confirm<span className="sr-only">: {question.prompt}</span>
            </button>
          </div>
        ) : null}

        {isNumber && question.answer.type === "number" ? (
          <div className="space-y-2">
            <label htmlFor={numberId} className="block text-sm font-medium text-slate-900">
              Your answer{UNIT_LABELS[question.answer.unit] ? ` (${UNIT_LABELS[question.answer.unit]})` : ""}
            </label>
            <p id={`${numberId}-range`} className="text-sm text-slate-600">
              A {describeNumberRange(question.answer)}.
            </p>
            <div className="flex items-center gap-2">
              <input
                id={numberId}
                type="number"
                inputMode="decimal"
                min={question.answer.min}
                max={question.answer.max}
                step={question.answer.integer ? 1 : "any"}
                value={draft.mode === "value" && draft.value !== "?" ? draft.value : ""}
                aria-invalid={valueInvalid || undefined}
                aria-describedby={[`${numberId}-range`, valueInvalid ? messageId : null]
                  .filter(Boolean)
                  .join(" ")}
                onChange={(event) => {
                  // Text the browser cannot read as a number arrives as "": keep it as an invalid
                  // entry ("Not saved: enter a number") instead of clearing the saved answer.
                  const text = event.target.validity.badInput ? "?" : event.target.value;
                  const mode = text.trim() ? "value" : draft.mode === "value" ? null : draft.mode;
                  change({ mode, value: text }, true);
                }}
                onBlur={() => onFlush(question.id)}
                className={`w-36 rounded-md border px-3 py-2 text-slate-900 ${valueInvalid ? "border-red-700" : "border-slate-400"}`}
              />
              {UNIT_LABELS[question.answer.unit] ? (
                <span aria-hidden="true" className="text-sm text-slate-700">
                  {UNIT_LABELS[question.answer.unit]}
                </span>
              ) : null}
            </div>
            {extraChoices.length > 0 ? (
              <div className="flex flex-wrap gap-2" role="group" aria-label="Other answers">
                {extraChoices.map((choice) => {
                  const mode = choice.value === DONT_KNOW ? "dontKnow" : "notApplicable";
                  const pressed = draft.mode === mode;
                  return (
                    <button
                      key={choice.value}
                      type="button"
                      aria-pressed={pressed}
                      onClick={() => change(pressed ? { mode: null, value: "" } : { mode, value: "" }, false)}
                      className={`rounded-md border px-3 py-1.5 text-sm font-medium ${
                        pressed
                          ? "border-blue-700 bg-blue-50 text-blue-900"
                          : "border-slate-300 bg-white text-slate-800 hover:border-slate-500"
                      }`}
                    >
                      {choice.label}
                    </button>
                  );
                })}
              </div>
            ) : null}
          </div>
        ) : (
          <div className="space-y-2">
            <div className={isAgreement ? "grid gap-2 sm:grid-cols-5" : "grid gap-2"}>
              <RadioChoices options={options} name={name} checkedValue={checkedValue} onChange={onRadio} />
            </div>
            {extraChoices.length > 0 ? (
              <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-2">
                <RadioChoices
                  options={extraChoices}
                  name={name}
                  checkedValue={checkedValue}
                  onChange={onRadio}
                />
              </div>
            ) : null}
          </div>
        )}

        {contradicted ? (
          // Said the moment "not applicable" is chosen, in the words the review uses, rather than
          // only at the end; neutral like "Add a reason", as the context may be what is wrong.
          <p
            id={contradictionId}
            className="text-sm text-slate-700"
            data-testid="not-applicable-contradiction"
          >
            {contradiction}
          </p>
        ) : null}

        {impossible !== null ? (
          // Beside each answer of the pair, neutral like the "not applicable" message: either
          // answer may be the wrong one, and the team cannot submit until one is corrected.
          <p id={impossibleId} className="text-sm text-slate-700" data-testid="impossible-answers">
            {impossible}
          </p>
        ) : null}

        {draft.mode === "notApplicable" ? (
          <div>
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-900">
              Why does this not apply to your team? (required)
            </label>
            <input
              id={reasonId}
              type="text"
              value={draft.reason}
              maxLength={500}
              required
              aria-invalid={reasonInvalid || undefined}
              aria-describedby={
                [contradicted ? contradictionId : null, reasonInvalid ? messageId : null]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
              onChange={(event) => change({ reason: event.target.value }, true)}
              onBlur={() => onFlush(question.id)}
              data-field="reason"
              className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 ${reasonInvalid ? "border-red-700" : "border-slate-400"}`}
            />
            {sync?.kind === "awaiting-reason" ? (
              <p className="mt-1 text-sm text-slate-700">
                Add a reason to save &ldquo;Not applicable&rdquo;.{" "}
                {server
                  ? `Until then the saved answer stays “${describeAnswer(question, server)}”.`
                  : "Until then nothing is saved for this question."}
              </p>
            ) : null}
          </div>
        ) : null}

        {message ? (
          <p id={messageId} className="text-sm font-medium text-red-800">
            {message}
          </p>
        ) : null}

        {draft.mode !== null ? (
          <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
            {allowNote ? (
              <details className="min-w-0 flex-1" open={draft.note !== "" || noteInvalid}>
                {/* At least 24 px high: a tap target on a phone (WCAG 2.5.8). */}
                <summary className="min-h-6 cursor-pointer py-0.5 text-sm font-medium text-blue-800">
                  {draft.note ? "Note" : "Add a note"}
                  <span className="sr-only"> to: {question.prompt}</span>
                </summary>
                <label htmlFor={noteId} className="mt-2 block text-sm font-medium text-slate-900">
                  Note (optional)
                </label>
                <textarea
                  id={noteId}
                  rows={2}
                  value={draft.note}
                  maxLength={NOTE_MAX_LENGTH}
                  aria-invalid={noteInvalid || undefined}
                  aria-describedby={noteInvalid ? messageId : undefined}
                  onChange={(event) => change({ note: event.target.value }, true)}
                  onBlur={() => onFlush(question.id)}
                  className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm text-slate-900"
                />
              </details>
            ) : null}
            <button
              type="button"
              onClick={clearAnswer}
              className="rounded-md px-2 py-1 text-sm text-slate-700 underline hover:text-slate-950"
            >
              {/* A note goes with its answer (none is kept without one), so the button says so. */}
              {allowNote && draft.note.trim() ? "Clear answer and note" : "Clear answer"}
              <span className="sr-only">: {question.prompt}</span>
            </button>
          </div>
        ) : cleared && cleared.mode !== null ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <p role="status">
              {allowNote && cleared.note.trim() ? "Answer and note cleared." : "Answer cleared."}
            </p>
            <button
              ref={undoRef}
              type="button"
              onClick={undoClear}
              className="rounded-md px-2 py-1 text-sm font-medium text-blue-800 underline hover:text-blue-950"
            >
              Undo<span className="sr-only">: bring back the answer to {question.prompt}</span>
            </button>
          </div>
        ) : null}
      </fieldset>

      {individual ? (
        <IndividualAnswersSummary
          id={individualId}
          question={question}
          individual={individual}
          draft={draft}
          disabled={disabled}
          onUse={(suggestion) => {
            // The button goes once the answer is the suggested one; keep focus on this question.
            focusAnswer();
            onChange(question.id, draftFromAnswer(question, suggestion, draft.note), { typed: false });
          }}
        />
      ) : null}

      {conflict ? (
        <ConflictNotice
          question={question}
          theirs={conflict.theirs}
          mine={describeDraft(question, draft)}
          actorId={actorId}
          onResolve={(choice) => {
            // The notice disappears with its buttons; keep keyboard focus on this question's answer.
            focusAnswer();
            onResolveConflict(question.id, choice);
          }}
        />
      ) : null}
    </div>
  );
});

/**
 * Where keyboard focus belongs on a question: its checked option, else its number field, else its
 * first option. Never an unchecked option while another is checked: Space there would change the
 * answer (a selector list would pick whichever control comes first in the page).
 */
export function answerControl(fieldset: HTMLElement | null): HTMLElement | null {
  if (!fieldset) return null;
  return (
    fieldset.querySelector<HTMLElement>("input[type=radio]:checked") ??
    fieldset.querySelector<HTMLElement>("input[type=number]") ??
    fieldset.querySelector<HTMLElement>("input[type=radio]") ??
    fieldset.querySelector<HTMLElement>("textarea")
  );
}

function ConflictNotice({
  question,
  theirs,
  mine,
  actorId,
  onResolve,
}: {
  question: QuestionView;
  theirs: ServerAnswer | null;
  mine: string;
  actorId: string;
  onResolve: (choice: "theirs" | "mine") => void;
}) {
  const theirsText = describeAnswer(question, theirs);
  const who = theirs?.updatedBy ? (theirs.updatedBy.id === actorId ? "You" : theirs.updatedBy.name) : null;
  const sentence = !theirs
    ? "This answer was cleared elsewhere while you were editing."
    : who === "You"
      ? `You changed this to “${theirsText}” in another tab or window while you were editing here.`
      : `${who ?? "Someone"} changed this to “${theirsText}” while you were editing.`;
  return (
    <div
      role="alert"
      className="mt-4 space-y-3 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-950"
    >
      <p>
        {sentence} Your answer here is “{mine}”; nothing was overwritten.
        {theirs?.note ? ` Their note: “${theirs.note}”.` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => onResolve("theirs")} className="px-3 py-1.5">
          Keep theirs
        </Button>
        <Button type="button" onClick={() => onResolve("mine")} className="px-3 py-1.5">
          Use yours
        </Button>
      </div>
    </div>
  );
}
