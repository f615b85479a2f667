import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  ...(await import("../../support/app-router")).appRouterForMarkup,
}));
import { RISK_BANDS } from "@/domain/scoring/bands";
import { BandChip, bandText } from "@/ui/band-chip";
import { ConfirmDialog } from "@/ui/confirm-dialog";
import { EmptyState } from "@/ui/empty-state";
import { FilterForm } from "@/ui/filter-form";
import { FormStatus } from "@/ui/form-alert";
import { Pagination } from "@/ui/pagination";
import { SectionCard } from "@/ui/section-card";
import { DISABLED_CONTROL } from "@/ui/field";
import { INLINE_CONTROL, Select, SelectField } from "@/ui/select-field";
import { DataTable, type Column } from "@/ui/table";
import { TextField } from "@/ui/text-field";

interface Person {
  id: string;
  name: string;
  teams: number;
}

const columns: Column<Person>[] = [
  {
    key: "name",
    header: "Name",
    cell: (row) => row.name,
    rowHeader: true,
    sort: { direction: "ascending", href: "?sort=name" },
  },
  {
    key: "teams",
    header: "Teams",
    cell: (row) => row.teams,
    numeric: true,
    sort: { direction: "none", href: "?sort=teams" },
  },
];

function table(rows: Person[], captionHidden = false) {
  return renderToStaticMarkup(
    h(DataTable<Person>, {
      caption: "People by name",
      captionHidden,
      columns,
      rows,
      rowKey: (row) => row.id,
      empty: h(EmptyState, { title: "No people yet" }, "Add a person first."),
    }),
  );
}

describe("DataTable", () => {
  it("shows the empty state instead of a table without rows", () => {
    const html = table([]);
    expect(html).not.toContain("<table");
    expect(html).toContain("No people yet");
    expect(html).toContain("Add a person first.");
  });

  it("has its caption, row headers and right-aligned numbers", () => {
    const html = table([{ id: "1", name: "Ada", teams: 2 }]);
    expect(html).toMatch(/<caption[^>]*>People by name<\/caption>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Ada<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">2<\/td>/);
  });

  it("hides the caption visually only when asked", () => {
    expect(table([{ id: "1", name: "Ada", teams: 2 }], true)).toMatch(/<caption id="[^"]+" class="sr-only">/);
  });

  it("is a focusable region only when named as one; otherwise the browser decides, by whether it overflows", () => {
    const plain = table([{ id: "1", name: "Ada", teams: 2 }]);
    expect(plain).not.toContain('role="region"');
    expect(plain).not.toContain("tabindex");
    const named = renderToStaticMarkup(
      h(DataTable<Person>, {
        caption: "People by name",
        regionLabel: "People, scrollable",
        columns,
        rows: [{ id: "1", name: "Ada", teams: 2 }],
        rowKey: (row) => row.id,
        empty: null,
      }),
    );
    expect(named).toMatch(/<div role="region" aria-label="People, scrollable" tabindex="0"/);
  });

  it("stacks into cards on a phone when asked, keeping its table roles and naming each cell beside it", () => {
    const unsorted = columns.map(({ sort: _sort, ...column }) => column);
    const html = renderToStaticMarkup(
      h(DataTable<Person>, {
        caption: "People by name",
        columns: [
          ...unsorted,
          {
            key: "actions",
            header: h("span", { className: "sr-only" }, "Actions"),
            cell: () => "Edit",
            unlabelledOnPhones: true,
          },
        ],
        rows: [{ id: "1", name: "Ada", teams: 2 }],
        rowKey: (row) => row.id,
        empty: null,
        stackOnPhones: true,
      }),
    );
    expect(html).toMatch(/<table role="table" class="[^"]*max-sm:block/);
    expect(html).toMatch(/<thead role="rowgroup" class="[^"]*max-sm:sr-only/);
    expect(html).toMatch(/<th scope="col" class="[^"]*" role="columnheader">Teams<\/th>/);
    expect(html).toMatch(/<th scope="row" class="[^"]*max-sm:font-semibold[^"]*" role="rowheader">Ada<\/th>/);
    // The name beside the value is for sighted readers; screen readers hear the column header.
    expect(html).toMatch(
      /<td class="[^"]*max-sm:flex[^"]*" role="cell"><div aria-hidden="true" class="[^"]*sm:hidden[^"]*">Teams<\/div><div class="[^"]*">2<\/div><\/td>/,
    );
    // A column of buttons has no name to show.
    expect(html).toMatch(/<td class="[^"]*" role="cell"><div class="[^"]*">Edit<\/div><\/td>/);
  });

  it("keeps the table layout when a column sorts, as its sort links are in the header row", () => {
    const html = renderToStaticMarkup(
      h(DataTable<Person>, {
        caption: "People by name",
        columns,
        rows: [{ id: "1", name: "Ada", teams: 2 }],
        rowKey: (row) => row.id,
        empty: null,
        stackOnPhones: true,
      }),
    );
    expect(html).not.toContain("role=");
    expect(html).not.toContain("max-sm:");
    expect(html).not.toContain("<div aria-hidden");
  });

  it("marks how the rows are sorted and links each sortable header", () => {
    const html = table([{ id: "1", name: "Ada", teams: 2 }]);
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><a [^>]*href="\?sort=name"/);
    expect(html).toMatch(/<th scope="col" aria-sort="none"[^>]*><a [^>]*href="\?sort=teams"/);
  });
});

describe("Pagination", () => {
  const hrefFor = (page: number) => `/admin/people?page=${page}`;

  it("links both ways in the middle and says where the reader is", () => {
    const html = renderToStaticMarkup(h(Pagination, { page: 2, pageCount: 3, hrefFor, count: "45 people" }));
    expect(html).toContain('aria-label="Pages"');
    expect(html).toContain('href="/admin/people?page=1"');
    expect(html).toContain('href="/admin/people?page=3"');
    expect(html).toContain("<span>Page 2 of 3 (45 people)</span>");
    expect(html).toContain("45 people");
  });

  it("has no link past either end", () => {
    const first = renderToStaticMarkup(h(Pagination, { page: 1, pageCount: 2, hrefFor }));
    expect(first).not.toContain("Previous page");
    expect(first).toContain("Next page");
    const last = renderToStaticMarkup(h(Pagination, { page: 2, pageCount: 2, hrefFor }));
    expect(last).toContain("Previous page");
    expect(last).not.toContain("Next page");
  });

  it("shows only the count when everything fits on one page", () => {
    const html = renderToStaticMarkup(h(Pagination, { page: 1, pageCount: 1, hrefFor, count: "3 events" }));
    expect(html).toBe('<p class="text-sm text-slate-600">3 events</p>');
    expect(renderToStaticMarkup(h(Pagination, { page: 1, pageCount: 1, hrefFor }))).toBe("");
  });
});

describe("BandChip", () => {
  it("names every band, alone or with its score", () => {
    for (const band of RISK_BANDS) {
      expect(renderToStaticMarkup(h(BandChip, { band }))).toContain(`>${bandText(band)}<`);
    }
    // One vocabulary: a chip on its own reads as tables and exports do.
    expect(bandText("none")).toBe("None");
    expect(bandText("critical")).toBe("Critical");
    expect(renderToStaticMarkup(h(BandChip, { band: "medium", score: 59.6 }))).toMatch(/59\.6.*Medium/);
  });

  it("says Not scored without a band or a score", () => {
    expect(renderToStaticMarkup(h(BandChip, { band: null }))).toContain("Not scored");
    expect(renderToStaticMarkup(h(BandChip, { band: "high", score: null }))).toContain("Not scored");
  });
});

describe("fields", () => {
  it("tie the label, hint and errors to the control", () => {
    const html = renderToStaticMarkup(
      h(TextField, { label: "Email", name: "email", hint: "Work address", errors: ["Required."] }),
    );
    const id = /<input id="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label for="${id}"`);
    expect(html).toContain(`aria-describedby="${id}-hint ${id}-error"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Required.");
  });

  it("offer a select's placeholder as an empty first option", () => {
    const html = renderToStaticMarkup(
      h(SelectField, {
        label: "Role",
        name: "role",
        placeholder: "Any role",
        options: [{ value: "admin", label: "Admin" }],
      }),
    );
    expect(html).toMatch(
      /<select[^>]*><option value="">Any role<\/option><option value="admin">Admin<\/option>/,
    );
    expect(html).not.toContain("aria-invalid");
  });

  it("grey out when disabled, inline in a table row as well as labelled", () => {
    const disabledLook = DISABLED_CONTROL.split(" ");
    const classesOf = (html: string, tag: string) =>
      new RegExp(`<${tag}[^>]*class="([^"]*)"`).exec(html)![1]!.split(" ");
    const controls = [
      classesOf(renderToStaticMarkup(h(Select, { "aria-label": "Owner", disabled: true })), "select"),
      classesOf(renderToStaticMarkup(h(SelectField, { label: "Owner", disabled: true })), "select"),
      classesOf(renderToStaticMarkup(h(TextField, { label: "Due", type: "date", disabled: true })), "input"),
    ];
    expect(disabledLook).toEqual(
      expect.arrayContaining([
        "disabled:bg-slate-100",
        "disabled:text-slate-600",
        "disabled:cursor-not-allowed",
      ]),
    );
    for (const classes of controls) expect(classes).toEqual(expect.arrayContaining(disabledLook));
    expect(INLINE_CONTROL.split(" ")).toEqual(expect.arrayContaining(disabledLook));
  });
});

describe("FormStatus", () => {
  it("shows nothing before a submit, the error after a refusal and the confirmation after a success", () => {
    expect(renderToStaticMarkup(h(FormStatus, { result: null, success: "Saved." }))).toBe("");
    const refused = renderToStaticMarkup(
      h(FormStatus, { result: { ok: false, error: { code: "validation", message: "Check the name." } } }),
    );
    expect(refused).toContain('role="alert"');
    expect(refused).toContain("Check the name.");
    const saved = renderToStaticMarkup(
      h(FormStatus<string>, {
        result: { ok: true, data: "Ops" },
        success: (name: string) => `Team ${name} added.`,
      }),
    );
    expect(saved).toContain('role="status"');
    expect(saved).toContain("Team Ops added.");
  });
});

describe("page structure", () => {
  it("names a section by its heading", () => {
    const html = renderToStaticMarkup(h(SectionCard, { title: "Teams", id: "teams-heading", children: "…" }));
    expect(html).toContain('<section aria-labelledby="teams-heading"');
    expect(html).toContain('<h2 id="teams-heading"');
  });

  it("offers Clear filters only while filtering", () => {
    const plain = renderToStaticMarkup(
      h(FilterForm, { action: "/admin/audit", label: "Filter the audit log", children: null }),
    );
    expect(plain).toContain('role="search"');
    expect(plain).toContain('method="get"');
    expect(plain).not.toContain("Clear filters");
    const filtered = renderToStaticMarkup(
      h(FilterForm, {
        action: "/admin/audit",
        label: "Filter the audit log",
        clearHref: "/admin/audit",
        children: null,
      }),
    );
    expect(filtered).toContain("Clear filters");
  });
});

describe("ConfirmDialog", () => {
  const dialog = (unavailable?: string) =>
    renderToStaticMarkup(
      h(ConfirmDialog, {
        triggerLabel: "Archive org unit",
        title: "Archive Online?",
        description: "Online will no longer appear on the heatmap.",
        confirmLabel: "Yes, archive",
        unavailable,
      }),
    );

  it("offers the action with a plain trigger when nothing stands in its way", () => {
    const html = dialog();
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Archive org unit<\/button>/);
    expect(html).not.toMatch(/<button[^>]*aria-disabled="true"[^>]*>Archive org unit/);
  });

  it("keeps a trigger that cannot be used focusable, marked aria-disabled and described by the reason", () => {
    const html = dialog("Online still has 2 active teams. Move or archive them first.");
    const trigger = /<button([^>]*)>Archive org unit<\/button>/.exec(html)![1]!;
    expect(trigger).toContain('aria-disabled="true"');
    expect(trigger).not.toMatch(/\sdisabled=""/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(trigger)![1]!;
    expect(html).toContain(
      `<p id="${describedBy}" class="text-sm text-slate-700">Online still has 2 active teams. Move or archive them first.</p>`,
    );
  });
});
