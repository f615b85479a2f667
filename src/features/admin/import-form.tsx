"use client";

import { Link } from "@/ui/link";
import { useEffect, useRef, useState, useTransition, type RefObject } from "react";
import { MAX_IMPORT_BYTES, type ImportIssue } from "@/domain/import/import-format";
import type { ActionError } from "@/contracts/action-result";
import { importOrganisationAction, previewImportAction } from "@/server/admin/import-actions";
import type { ImportCounts, ImportPreviewDto } from "@/contracts/admin/views";
import { Button, SubmitButton } from "@/ui/button";
import { TextField } from "@/ui/text-field";
import { FormAlert, FormSuccess } from "@/ui/form-alert";
import { DataTable, type Column } from "@/ui/table";

type Stage =
  | { kind: "idle" }
  | { kind: "preview"; preview: ImportPreviewDto }
  | { kind: "rejected"; fileName: string; issues: ImportIssue[]; message: string }
  | { kind: "imported"; fileName: string; counts: ImportCounts };

const GENERIC_FAILURE: ActionError = {
  code: "internal",
  message:
    "The file could not be sent. Check your connection and that the file is at most 1 MB, then try again.",
};

function issuesOf(error: ActionError): ImportIssue[] | null {
  const details = error.details as { issues?: unknown } | undefined;
  return Array.isArray(details?.issues) ? (details.issues as ImportIssue[]) : null;
}

function describeCounts(counts: ImportCounts): string {
  const part = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${part(counts.orgUnits, "org unit", "org units")}, ${part(counts.teams, "team", "teams")} and ${part(
    counts.people,
    "person",
    "people",
  )} with ${part(counts.roles, "role", "roles")}`;
}

/**
 * Upload → check (preview, nothing written) → import. The file stays in the file input between
 * the two steps and is sent again for the import, which checks it once more on the server.
 */
export function ImportForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (stage.kind !== "idle") resultHeadingRef.current?.focus();
  }, [stage]);

  const chosenFile = (): File | null => {
    const input = formRef.current?.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    return file ?? null;
  };

  const send = (mode: "preview" | "import") => {
    const file = chosenFile();
    if (!file) {
      setError({
        code: "validation",
        message: "Choose a CSV file to import.",
        fieldErrors: { file: ["Choose a CSV file to import"] },
      });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setError({
        code: "validation",
        message: "The file is larger than 1 MB. Split it into smaller files.",
        fieldErrors: { file: ["The file is larger than 1 MB"] },
      });
      return;
    }
    const formData = new FormData();
    formData.set("file", file);
    setError(null);
    startTransition(async () => {
      try {
        if (mode === "preview") {
          const result = await previewImportAction(formData);
          if (result.ok) setStage({ kind: "preview", preview: result.data });
          else setError(result.error);
          return;
        }
        const result = await importOrganisationAction(formData);
        if (result.ok) {
          setStage({ kind: "imported", fileName: file.name, counts: result.data });
          return;
        }
        const issues = issuesOf(result.error);
        if (issues)
          setStage({ kind: "rejected", fileName: file.name, issues, message: result.error.message });
        else setError(result.error);
      } catch {
        setError(GENERIC_FAILURE);
      }
    });
  };

  return (
    <div className="space-y-8">
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
        className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      >
        <FormAlert error={error} />
        <TextField
          label="CSV file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          hint="UTF-8 CSV, at most 1 MB, with the header type,name,email,org_unit,parent_org_unit,team,role."
          errors={error?.fieldErrors?.file}
          onChange={() => {
            setStage({ kind: "idle" });
            setError(null);
          }}
        />
        <SubmitButton pending={pending} pendingLabel="Working…">
          Check file
        </SubmitButton>
      </form>

      {stage.kind === "preview" && stage.preview.issues.length > 0 ? (
        <IssueReport
          headingRef={resultHeadingRef}
          fileName={stage.preview.fileName}
          issues={stage.preview.issues}
          message="Nothing has been imported. Fix these problems in the file, then check it again."
        />
      ) : null}

      {stage.kind === "rejected" ? (
        <IssueReport
          headingRef={resultHeadingRef}
          fileName={stage.fileName}
          issues={stage.issues}
          message={stage.message}
        />
      ) : null}

      {stage.kind === "preview" && stage.preview.issues.length === 0 ? (
        <section aria-labelledby="preview-heading" className="space-y-6">
          <div className="space-y-2">
            <h2 id="preview-heading" ref={resultHeadingRef} tabIndex={-1} className="text-xl font-semibold">
              Ready to import {stage.preview.fileName}
            </h2>
            <p className="text-slate-700">
              The file is valid. Importing it creates {describeCounts(stage.preview.counts)}, all at once.
              Nothing has been written yet.
            </p>
          </div>
          <PreviewTables preview={stage.preview} />
          <Button type="button" disabled={pending} onClick={() => send("import")}>
            {pending ? "Importing…" : `Import ${stage.preview.fileName}`}
          </Button>
        </section>
      ) : null}

      {stage.kind === "imported" ? (
        <section aria-labelledby="imported-heading" className="space-y-3">
          <h2 id="imported-heading" ref={resultHeadingRef} tabIndex={-1} className="text-xl font-semibold">
            Imported {stage.fileName}
          </h2>
          <FormSuccess>Created {describeCounts(stage.counts)}.</FormSuccess>
          <p className="text-slate-700">
            Imported people have no password yet: set one on each person’s page under{" "}
            <Link href="/admin/people" className="text-blue-800 underline underline-offset-4">
              People
            </Link>
            . The new org units and teams are under{" "}
            <Link href="/admin/org" className="text-blue-800 underline underline-offset-4">
              Org units and teams
            </Link>
            .
          </p>
        </section>
      ) : null}
    </div>
  );
}

function IssueReport({
  headingRef,
  fileName,
  issues,
  message,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  fileName: string;
  issues: ImportIssue[];
  message: string;
}) {
  const fileIssues = issues.filter((issue) => issue.line === null);
  const rowIssues = issues.filter((issue) => issue.line !== null);
  return (
    <section aria-labelledby="issues-heading" className="space-y-4">
      <h2 id="issues-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-red-900">
        {issues.length} problem{issues.length === 1 ? "" : "s"} in {fileName}
      </h2>
      <p className="text-slate-700">{message}</p>
      {fileIssues.length ? (
        <ul className="list-disc space-y-1 rounded-md border border-red-300 bg-red-50 py-3 pl-8 pr-4 text-sm text-red-900">
          {fileIssues.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption="Problems by line of the file"
        captionHidden
        columns={issueColumns}
        rows={rowIssues}
        rowKey={(issue) => `${issue.line}-${issue.column}-${issue.message}`}
        empty={null}
      />
    </section>
  );
}

const issueColumns: Column<ImportIssue>[] = [
  { key: "line", header: "Line", cell: (issue) => issue.line, rowHeader: true },
  {
    key: "column",
    header: "Column",
    cell: (issue) => issue.column ?? "(whole line)",
    className: "font-mono text-xs",
  },
  { key: "problem", header: "Problem", cell: (issue) => issue.message },
];

/** What every row of the file becomes: its line in the file and the name it creates. */
function PreviewTable<Row extends { line: number; name: string }>({
  what,
  rows,
  columns,
}: {
  what: string;
  rows: Row[];
  columns: Column<Row>[];
}) {
  return (
    <DataTable
      caption={`${what} to create (${rows.length})`}
      columns={[
        { key: "line", header: "Line", cell: (row) => row.line },
        { key: "name", header: "Name", cell: (row) => row.name, rowHeader: true },
        ...columns,
      ]}
      rows={rows}
      rowKey={(row) => String(row.line)}
      empty={null}
    />
  );
}

const slugColumn = {
  key: "slug",
  header: "Slug",
  cell: (row: { slug: string }) => row.slug,
  className: "font-mono text-xs",
};

function PreviewTables({ preview }: { preview: ImportPreviewDto }) {
  return (
    <div className="space-y-6">
      <PreviewTable
        what="Org units"
        rows={preview.orgUnits}
        columns={[
          slugColumn,
          { key: "inside", header: "Inside", cell: (unit) => unit.parent ?? "Top level" },
        ]}
      />
      <PreviewTable
        what="Teams"
        rows={preview.teams}
        columns={[slugColumn, { key: "unit", header: "Org unit", cell: (team) => team.orgUnit }]}
      />
      <PreviewTable
        what="People"
        rows={preview.people}
        columns={[
          { key: "email", header: "Email", cell: (person) => person.email },
          {
            key: "roles",
            header: "Roles",
            cell: (person) => (person.roles.length ? person.roles.join("; ") : "No role"),
          },
        ]}
      />
    </div>
  );
}
