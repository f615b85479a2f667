import type { AuditFilter } from "@/contracts/admin/schemas";
import type { AuditPageDto } from "@/contracts/admin/views";
import { EmptyState } from "@/ui/empty-state";
import { FilterForm } from "@/ui/filter-form";
import { PageHeader } from "@/ui/page-header";
import { SelectField } from "@/ui/select-field";
import type { Column } from "@/ui/table";
import { TextField } from "@/ui/text-field";
import { formatDateTime } from "@/domain/format";
import { PagedTable } from "./paged-table";

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
  "api_token.",
];

function prettyJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The raw record behind a sentence, for whoever needs ids and exact values. */
function EventDetails({ event, timeZone }: { event: AuditPageDto["events"][number]; timeZone: string }) {
  const facts: [string, string | null][] = [
    ["Event id", event.id],
    ["Entity", `${event.entityType} ${event.entityId}`],
    ["Team id", event.team?.id ?? null],
    ["Before", event.before ? prettyJson(event.before) : null],
    ["After", event.after ? prettyJson(event.after) : null],
  ];
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-800 underline">
        Details<span className="sr-only"> of the event at {formatDateTime(event.at, timeZone)}</span>
      </summary>
      <dl className="mt-2 space-y-1">
        {facts.map(([label, value]) =>
          value ? (
            <div key={label}>
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd>
                <pre className="whitespace-pre-wrap break-all rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-900">
                  {value}
                </pre>
              </dd>
            </div>
          ) : null,
        )}
      </dl>
    </details>
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
      <PageHeader
        title="Audit log"
        description={
          <p>
            Every change and sign-in, newest first. Times are in the organisation&apos;s time zone,{" "}
            {result.timeZone}.
          </p>
        }
      />

      <FilterForm
        action="/admin/audit"
        label="Filter the audit log"
        clearHref={filtered ? "/admin/audit" : undefined}
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
        <TextField label="From (date)" name="from" type="date" defaultValue={filter.from ?? ""} />
        <TextField label="To (date, included)" name="to" type="date" defaultValue={filter.to ?? ""} />
      </FilterForm>

      <PagedTable
        stackOnPhones
        path="/admin/audit"
        query={query}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        nouns={["event", "events"]}
        caption={`Audit events${filtered ? " matching the filters" : ""}, newest first`}
        captionHidden
        regionLabel="Audit events table"
        columns={auditColumns(result.timeZone)}
        rows={result.events}
        rowKey={(event) => event.id}
        empty={
          <EmptyState>
            {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
          </EmptyState>
        }
      />
    </div>
  );
}

function auditColumns(timeZone: string): Column<AuditPageDto["events"][number]>[] {
  return [
    {
      key: "when",
      header: "When",
      className: "whitespace-nowrap",
      cell: (event) => <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, timeZone)}</time>,
    },
    {
      key: "actor",
      header: "Actor",
      cell: (event) =>
        event.actor ? (
          <>
            {event.actor.name}
            <span className="block break-all text-xs text-slate-600">{event.actor.email}</span>
          </>
        ) : (
          <span className="text-slate-600">Nobody signed in</span>
        ),
    },
    {
      key: "action",
      header: "Action",
      rowHeader: true,
      className: "font-mono text-xs",
      cell: (event) => event.action,
    },
    {
      key: "what",
      header: "What happened",
      className: "min-w-64 whitespace-normal break-words",
      cell: (event) => event.description,
    },
    {
      key: "details",
      header: "Details",
      // Its summary already says "Details".
      unlabelledOnPhones: true,
      className: "min-w-40 max-w-md whitespace-normal",
      cell: (event) => <EventDetails event={event} timeZone={timeZone} />,
    },
  ];
}
