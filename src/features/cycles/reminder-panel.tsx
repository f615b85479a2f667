"use client";

import { useActionState, useId, useState } from "react";
import { sendReminderAction } from "@/server/cycles/actions";
import { formatDayLong } from "@/domain/format";
import type { ReminderMailto } from "@/contracts/cycles/reminder-email";
import type { ReminderPanelData, ReminderTeam } from "@/contracts/cycles/types";
import { Button, SubmitButton } from "@/ui/button";
import { FormStatus } from "@/ui/form-alert";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
import { TextLink } from "@/ui/text-link";

const STATUS_TEXT: Record<ReminderTeam["status"], string> = { "not-started": "Not started", draft: "Draft" };

const columns: Column<ReminderTeam>[] = [
  {
    key: "team",
    header: "Team",
    rowHeader: true,
    cell: (team) => <TextLink href={team.teamHref}>{team.teamName}</TextLink>,
  },
  { key: "unit", header: "Org unit", cell: (team) => team.orgUnitName },
  { key: "status", header: "Status", cell: (team) => STATUS_TEXT[team.status] },
  {
    key: "leads",
    header: "Leads",
    // Room for a name and an address; below that the address broke a few letters a line on a phone.
    className: "min-w-56",
    cell: (team) =>
      team.leads.length > 0 ? (
        <ul>
          {team.leads.map((lead) => (
            <li key={lead.email}>
              {lead.name} <span className="block break-all text-xs text-slate-600">{lead.email}</span>
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-slate-700">No lead assigned</span>
      ),
  },
];

/**
 * The emails a reminder goes to: copyable in one go, and as ready-made emails with the leads in
 * Bcc, several when one link would be too long for a mail program.
 */
function ReminderEmails({ emails, mailtos }: { emails: string[]; mailtos: ReminderMailto[] }) {
  const fieldId = useId();
  const [copied, setCopied] = useState(false);
  const list = emails.join(", ");
  if (emails.length === 0) {
    return (
      <p className="text-sm text-slate-700">None of these teams has a lead with an account to write to.</p>
    );
  }
  return (
    <div className="space-y-2">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-900">
        Leads&apos; emails
      </label>
      <textarea
        id={fieldId}
        readOnly
        value={list}
        rows={Math.min(6, Math.ceil(list.length / 70) + 1)}
        className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-sm text-slate-900"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(list).then(() => setCopied(true));
          }}
        >
          Copy the emails
        </Button>
        {mailtos.length === 1 ? (
          <TextLink href={mailtos[0]!.href}>Write the reminder email</TextLink>
        ) : (
          <ul className="flex flex-wrap gap-x-4">
            {mailtos.map((mailto, index) => (
              <li key={mailto.href}>
                <TextLink href={mailto.href}>
                  {`Write the reminder email, ${index + 1} of ${mailtos.length} (${mailto.recipients} ${mailto.recipients === 1 ? "lead" : "leads"})`}
                </TextLink>
              </li>
            ))}
          </ul>
        )}
        <span role="status" className="text-sm text-green-900">
          {copied ? "Copied." : ""}
        </span>
      </div>
    </div>
  );
}

/** Teams in the viewer's scope that still have to submit the open cycle, and the reminder to send. */
export function ReminderPanel({ data }: { data: ReminderPanelData }) {
  const [state, formAction, pending] = useActionState(sendReminderAction, null);
  const { cycle, teams } = data;
  return (
    <SectionCard
      title="Remind teams"
      id="remind-heading"
      plain
      description={
        cycle ? (
          <p className="max-w-3xl">
            Teams that have not submitted {cycle.name}, due on {formatDayLong(cycle.closesOn)}.{" "}
            {data.sendsEmail ? (
              "Sending a reminder records it in the audit log and emails their leads."
            ) : (
              <>
                Preparing a reminder records it in the audit log and gives you their leads&apos; emails and an
                email to send from your own mail program, the leads in Bcc so none sees the others.
              </>
            )}
          </p>
        ) : (
          <p>No cycle is open, so there is nobody to remind.</p>
        )
      }
    >
      {cycle ? (
        <>
          <DataTable
            stackOnPhones
            caption={`Teams that have not submitted ${cycle.name}`}
            captionHidden
            columns={columns}
            rows={teams}
            rowKey={(team) => team.teamHref}
            empty={<p className="text-slate-700">Every team has submitted {cycle.name}.</p>}
          />
          {teams.length > 0 ? (
            <form action={formAction} className="space-y-4">
              <input type="hidden" name="cycleId" value={cycle.id} />
              <SubmitButton pending={pending} pendingLabel={data.sendsEmail ? "Sending…" : "Preparing…"}>
                {data.sendsEmail ? "Send a reminder to" : "Prepare a reminder for"} {teams.length}{" "}
                {teams.length === 1 ? "team" : "teams"}
              </SubmitButton>
              <FormStatus result={state} success={(sent: { message: string }) => sent.message} />
            </form>
          ) : null}
          {state?.ok && (!state.data.emailed || state.data.emails.length > 0) ? (
            <ReminderEmails emails={state.data.emails} mailtos={state.data.mailtos} />
          ) : null}
        </>
      ) : null}
    </SectionCard>
  );
}
