import Link from "next/link";
import type { AuditPageDto } from "@/server/admin/audit-queries";
import { Button } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { formatDateTime, withQuery } from "./format";
import { Pagination } from "@/ui/pagination";
import type { AuditFilter } from "@/contracts/admin/schemas";
import { SelectField } from "@/ui/select-field";

const ACTION_PREFIXES = [
  "auth.",
  "person.",
  "role.",
  "org_unit.",
  "team.",
  "import.",
  "assessment.",
  "plan.",
  "cycle.",
];

function Change({ label, json }: { label: string; json: string | null }) {
  if (!json) return null;
  return (
    <div>
      <span className="font-medium text-slate-700">{label}: </span>
      <code className="break-all rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-900">
        {json}
      </code>
    </div>
  );
}

export function AuditLog({ result, filter }: { result: AuditPageDto; filter: AuditFilter }) {
  const query = {
    actor: filter.actor,
    action: filter.action,
    entity: filter.entity,
    team: filter.team,
    from: filter.from,
    to: filter.to,
  };
  const filtered = Object.values(query).some(Boolean);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Audit log</h1>
        <p className="text-slate-700">Every change and sign-in, newest first. Times are in UTC.</p>
      </div>

      <form
        method="get"
        action="/admin/audit"
        role="search"
        aria-label="Filter the audit log"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <TextField
          label="Actor email"
          name="actor"
          type="search"
          defaultValue={filter.actor ?? ""}
          hint="All or part of it."
        />
        <TextField
          label="Action starts with"
          name="action"
          defaultValue={filter.action ?? ""}
          list="audit-action-prefixes"
          hint="For example role. or auth."
        />
        <datalist id="audit-action-prefixes">
          {ACTION_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
        </datalist>
        <SelectField
          label="Entity type"
          name="entity"
          defaultValue={filter.entity ?? ""}
          placeholder="Any"
          options={result.entityTypes.map((type) => ({ value: type, label: type }))}
        />
        <SelectField
          label="Team"
          name="team"
          defaultValue={filter.team ?? ""}
          placeholder="Any team"
          options={result.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <TextField label="From (UTC date)" name="from" type="date" defaultValue={filter.from ?? ""} />
        <TextField label="To (UTC date, included)" name="to" type="date" defaultValue={filter.to ?? ""} />
        <div className="flex items-end gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link
              href="/admin/audit"
              className="rounded-md px-3 py-2 text-sm font-medium text-blue-800 underline underline-offset-4"
            >
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      {result.events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
        </p>
      ) : (
        // Focusable and named: the wide table scrolls sideways, and keyboard users must be able to scroll it.
        <div
          role="region"
          aria-label="Audit events table"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Audit events{filtered ? " matching the filters" : ""}, newest first
            </caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  When
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Actor
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Action
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Entity
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Team
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {result.events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-4 py-3">
                    <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
                  </td>
                  <td className="px-4 py-3">
                    {event.actor ? (
                      <>
                        {event.actor.name}
                        <span className="block text-xs text-slate-600">{event.actor.email}</span>
                      </>
                    ) : (
                      <span className="text-slate-600">Nobody signed in</span>
                    )}
                  </td>
                  <th scope="row" className="px-4 py-3 font-mono text-xs font-medium">
                    {event.action}
                  </th>
                  <td className="px-4 py-3">
                    {event.entityType}
                    <span className="block break-all text-xs text-slate-600">
                      {event.entityName ?? event.entityId}
                    </span>
                  </td>
                  <td className="px-4 py-3">{event.team?.name ?? ""}</td>
                  <td className="min-w-72 max-w-xl space-y-1 px-4 py-3">
                    <Change label="Before" json={event.before} />
                    <Change label="After" json={event.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => withQuery("/admin/audit", { ...query, page })}
        count={`${result.total} ${result.total === 1 ? "event" : "events"}`}
      />
    </div>
  );
}
