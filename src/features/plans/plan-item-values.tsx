import type { ReactNode } from "react";
import type { PersonRef } from "@/contracts/plans/types";

/**
 * A plan item's owner, due date, status and notes as a definition list: what a reader without edit
 * rights sees, and what someone else saved when an edit conflicts.
 */
export function PlanItemValues({
  values,
  noOwner,
  formatDue,
  overdue = false,
  className,
  children,
}: {
  values: {
    owner: PersonRef | null;
    dueOn: string | null;
    statusLabel: string;
    droppedReason: string | null;
    notes: string | null;
  };
  noOwner: string;
  formatDue: (day: string) => string;
  overdue?: boolean;
  className: string;
  /** Further rows (dt/dd pairs). */
  children?: ReactNode;
}) {
  return (
    <dl className={className}>
      <dt className="font-semibold">Owner</dt>
      <dd>{values.owner ? `${values.owner.name} (${values.owner.email})` : noOwner}</dd>
      <dt className="font-semibold">Due</dt>
      <dd>
        {values.dueOn ? formatDue(values.dueOn) : "No due date"}
        {overdue ? " (overdue)" : ""}
      </dd>
      <dt className="font-semibold">Status</dt>
      <dd>
        {values.statusLabel}
        {values.droppedReason ? `: ${values.droppedReason}` : ""}
      </dd>
      <dt className="font-semibold">Notes</dt>
      <dd className="whitespace-pre-line">{values.notes ?? "None"}</dd>
      {children}
    </dl>
  );
}
