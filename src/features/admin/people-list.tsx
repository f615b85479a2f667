import Link from "next/link";
import { ROLE_LABELS, ROLES } from "@/domain/access/policy";
import type { PeoplePageDto } from "@/server/admin/people-queries";
import { Button } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { formatDate, withQuery } from "./format";
import { Pagination } from "@/ui/pagination";
import type { PeopleFilter } from "@/contracts/admin/schemas";
import { SelectField } from "@/ui/select-field";

export function PeopleList({ result, filter }: { result: PeoplePageDto; filter: PeopleFilter }) {
  const query = { q: filter.q, role: filter.role, status: filter.status };
  const filtered = Boolean(filter.q || filter.role || filter.status);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">People</h1>
        <Link
          href="/admin/people/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Add a person
        </Link>
      </div>

      <form
        method="get"
        action="/admin/people"
        role="search"
        aria-label="Find people"
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
        <div className="flex gap-2">
          <Button type="submit">Find</Button>
          {filtered ? (
            <Link
              href="/admin/people"
              className="rounded-md px-3 py-2 text-sm font-medium text-blue-800 underline underline-offset-4"
            >
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      {result.people.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          {filtered
            ? "No one matches these filters."
            : "There are no people yet. Add a person or import a CSV file."}
        </p>
      ) : (
        <div
          role="region"
          aria-label="People table"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People{filtered ? " matching the filters" : ""}, by name</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Name
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Roles and teams
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {result.people.map((person) => (
                <tr
                  key={person.id}
                  className={person.deactivatedAt ? "bg-slate-50 text-slate-600" : undefined}
                >
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link
                      href={`/admin/people/${person.id}`}
                      className="text-blue-800 underline underline-offset-4 hover:text-blue-950"
                    >
                      {person.name}
                    </Link>
                  </th>
                  <td className="px-4 py-3">{person.email}</td>
                  <td className="px-4 py-3">
                    {person.roles.length ? (
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
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {person.deactivatedAt ? (
                      <span className="font-semibold text-red-800">
                        Deactivated {formatDate(person.deactivatedAt)}
                      </span>
                    ) : (
                      "Active"
                    )}
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
        hrefFor={(page) => withQuery("/admin/people", { ...query, page })}
        count={`${result.total} ${result.total === 1 ? "person" : "people"}`}
      />
    </div>
  );
}
