import { Link } from "@/ui/link";
import { ROLE_LABELS, ROLES } from "@/domain/access/policy";
import type { PeoplePageDto } from "@/contracts/admin/views";
import type { PeopleFilter } from "@/contracts/admin/schemas";
import { EmptyState } from "@/ui/empty-state";
import { FilterForm } from "@/ui/filter-form";
import { PageHeader } from "@/ui/page-header";
import { SelectField } from "@/ui/select-field";
import type { Column } from "@/ui/table";
import { TextField } from "@/ui/text-field";
import { TextLink } from "@/ui/text-link";
import { formatMomentDay } from "@/domain/format";
import { PagedTable } from "./paged-table";

export function PeopleList({ result, filter }: { result: PeoplePageDto; filter: PeopleFilter }) {
  const query = { q: filter.q, role: filter.role, status: filter.status };
  const filtered = Boolean(filter.q || filter.role || filter.status);
  return (
    <div className="space-y-6">
      <PageHeader
        title="People"
        actions={
          <Link
            href="/admin/people/new"
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
          >
            Add a person
          </Link>
        }
      />

      <FilterForm
        action="/admin/people"
        label="Find people"
        submitLabel="Find"
        clearHref={filtered ? "/admin/people" : undefined}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <TextField
          label="Name or email"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          className="min-w-64 flex-1"
        />
        <SelectField
          label="Role"
          name="role"
          defaultValue={filter.role ?? ""}
          placeholder="Any role"
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filter.status ?? ""}
          placeholder="Active and deactivated"
          options={[
            { value: "active", label: "Active" },
            { value: "deactivated", label: "Deactivated" },
          ]}
        />
      </FilterForm>

      <PagedTable
        stackOnPhones
        path="/admin/people"
        query={query}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        nouns={["person", "people"]}
        caption={`People${filtered ? " matching the filters" : ""}, by name`}
        captionHidden
        regionLabel="People table"
        columns={peopleColumns(result.timeZone)}
        rows={result.people}
        rowKey={(person) => person.id}
        rowClassName={(person) => (person.deactivatedAt ? "bg-slate-50 text-slate-600" : undefined)}
        empty={
          <EmptyState>
            {filtered
              ? "No one matches these filters."
              : "There are no people yet. Add a person or import a CSV file."}
          </EmptyState>
        }
      />
    </div>
  );
}

function peopleColumns(timeZone: string): Column<PeoplePageDto["people"][number]>[] {
  return [
    {
      key: "name",
      header: "Name",
      rowHeader: true,
      cell: (person) => <TextLink href={`/admin/people/${person.id}`}>{person.name}</TextLink>,
    },
    { key: "email", header: "Email", cell: (person) => person.email },
    {
      key: "roles",
      header: "Roles and teams",
      cell: (person) =>
        person.roles.length ? (
          <ul className="space-y-0.5">
            {person.roles.map((role) => (
              <li key={role.id}>
                {role.label}
                {role.scopeArchived ? " (archived)" : ""}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">No role</span>
        ),
    },
    {
      key: "status",
      header: "Status",
      cell: (person) =>
        person.deactivatedAt ? (
          <span className="font-semibold text-red-800">
            Deactivated {formatMomentDay(person.deactivatedAt, timeZone)}
          </span>
        ) : (
          "Active"
        ),
    },
  ];
}
