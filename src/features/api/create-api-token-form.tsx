"use client";

import { useState } from "react";
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  MAX_TOKEN_NAME_LENGTH,
  TOKEN_LIFETIMES_DAYS,
} from "@/contracts/api/token-limits";
import { createApiTokenAction } from "@/server/api/token-actions";
import { Button, SubmitButton } from "@/ui/button";
import { FormAlert } from "@/ui/form-alert";
import { SelectField } from "@/ui/select-field";
import { TextField } from "@/ui/text-field";
import { useFormAction } from "../shared/use-form-action";

const LIFETIME_LABELS: Record<number, string> = {
  7: "7 days",
  30: "30 days",
  90: "90 days",
  180: "180 days",
  365: "1 year",
};

/**
 * Creates a token and shows its secret once, with a button to copy it. `activeTokenIds` are the
 * person's tokens still in force: once the new one is revoked, its secret is no longer shown.
 * `askForPassword`: the person has a password, which creating a token asks for.
 */
export function CreateApiTokenForm({
  activeTokenIds,
  askForPassword,
}: {
  activeTokenIds: readonly string[];
  askForPassword: boolean;
}) {
  const { state, error, pending, formProps } = useFormAction(createApiTokenAction, { resetOnSuccess: true });
  const created = state?.ok && activeTokenIds.includes(state.data.view.id) ? state.data : null;
  const [copied, setCopied] = useState<string | null>(null);
  const errorsOf = (field: string) => error?.fieldErrors?.[field];

  return (
    <div className="space-y-4">
      <form {...formProps} className="flex flex-wrap items-end gap-4">
        <TextField
          label="Token name"
          name="name"
          hint="What will use it, e.g. Grafana dashboard"
          maxLength={MAX_TOKEN_NAME_LENGTH}
          required
          errors={errorsOf("name")}
          className="w-full max-w-xs"
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          defaultValue={String(DEFAULT_TOKEN_LIFETIME_DAYS)}
          options={TOKEN_LIFETIMES_DAYS.map((days) => ({
            value: String(days),
            label: LIFETIME_LABELS[days]!,
          }))}
          errors={errorsOf("expiresInDays")}
        />
        {askForPassword ? (
          <TextField
            label="Your current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsOf("currentPassword")}
            className="w-full max-w-xs"
          />
        ) : null}
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
      <FormAlert error={error} />
      {created ? (
        <div
          role="status"
          className="space-y-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-950"
        >
          <p className="font-semibold">
            Token “{created.view.name}” created. Copy it now: it is shown only this once.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="new-api-token"
              className="rounded border border-green-300 bg-white px-2 py-1 font-mono text-sm break-all text-slate-900"
            >
              {created.token}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(created.token);
                setCopied(created.token);
              }}
            >
              {copied === created.token ? "Copied" : "Copy token"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
