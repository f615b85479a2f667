"use client";

import { useActionState } from "react";
import { createCycleAction } from "@/server/cycles/actions";
import { SubmitButton } from "@/ui/button";
import { FormStatus } from "@/ui/form-alert";
import { SelectField } from "@/ui/select-field";
import { TextField } from "@/ui/text-field";
import type { CyclesPageData } from "@/contracts/cycles/types";

const QUARTERS = [1, 2, 3, 4].map((quarter) => ({ value: String(quarter), label: `Q${quarter}` }));

export function CreateCycleForm({ next, questionnaires }: Pick<CyclesPageData, "next" | "questionnaires">) {
  const [state, formAction, pending] = useActionState(createCycleAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus result={state} success={(data: { message: string }) => data.message} />
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
        <SelectField
          label="Quarter"
          name="quarter"
          defaultValue={String(next.quarter)}
          options={QUARTERS}
          errors={error?.fieldErrors?.quarter}
        />
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
        <SelectField
          label="Questionnaire version"
          name="questionnaireId"
          className="sm:col-span-2"
          defaultValue={next.questionnaireId}
          options={questionnaires.map((questionnaire) => ({
            value: questionnaire.id,
            label: `${questionnaire.id}: ${questionnaire.title} (published ${questionnaire.publishedOn})`,
          }))}
          errors={error?.fieldErrors?.questionnaireId}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create cycle
      </SubmitButton>
    </form>
  );
}
