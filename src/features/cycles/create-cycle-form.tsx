"use client";

import { useActionState, useId } from "react";
import { createCycleAction } from "@/server/cycles/actions";
import { Button } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { TextField } from "@/ui/text-field";
import type { CyclesPageData } from "@/contracts/cycles/types";

export function CreateCycleForm({ next, questionnaires }: Pick<CyclesPageData, "next" | "questionnaires">) {
  const [state, formAction, pending] = useActionState(createCycleAction, null);
  const error = state && !state.ok ? state.error : null;
  const id = useId();
  const quarterErrors = error?.fieldErrors?.quarter;
  const questionnaireErrors = error?.fieldErrors?.questionnaireId;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert error={error} />
      {state?.ok ? (
        <p
          role="status"
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          {state.data.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Year"
          name="year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          defaultValue={next.year}
          required
          errors={error?.fieldErrors?.year}
        />
        <div>
          <label htmlFor={`${id}-quarter`} className="block text-sm font-medium text-slate-900">
            Quarter
          </label>
          <select
            id={`${id}-quarter`}
            name="quarter"
            defaultValue={String(next.quarter)}
            aria-invalid={quarterErrors ? true : undefined}
            aria-describedby={quarterErrors ? `${id}-quarter-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900"
          >
            {[1, 2, 3, 4].map((quarter) => (
              <option key={quarter} value={quarter}>
                Q{quarter}
              </option>
            ))}
          </select>
          {quarterErrors ? (
            <p id={`${id}-quarter-error`} className="mt-1 text-sm text-red-800">
              {quarterErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <TextField
          label="Opens on"
          name="opensOn"
          type="date"
          defaultValue={next.opensOn}
          required
          errors={error?.fieldErrors?.opensOn}
        />
        <TextField
          label="Due on"
          name="closesOn"
          type="date"
          hint="Shown to teams as the due date."
          defaultValue={next.closesOn}
          required
          errors={error?.fieldErrors?.closesOn}
        />
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-questionnaire`} className="block text-sm font-medium text-slate-900">
            Questionnaire version
          </label>
          <select
            id={`${id}-questionnaire`}
            name="questionnaireId"
            defaultValue={next.questionnaireId}
            aria-invalid={questionnaireErrors ? true : undefined}
            aria-describedby={questionnaireErrors ? `${id}-questionnaire-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900"
          >
            {questionnaires.map((questionnaire) => (
              <option key={questionnaire.id} value={questionnaire.id}>
                {questionnaire.id}: {questionnaire.title} (published {questionnaire.publishedOn})
              </option>
            ))}
          </select>
          {questionnaireErrors ? (
            <p id={`${id}-questionnaire-error`} className="mt-1 text-sm text-red-800">
              {questionnaireErrors.join(" ")}
            </p>
          ) : null}
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create cycle"}
      </Button>
    </form>
  );
}
