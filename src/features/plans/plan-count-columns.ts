import type { Column } from "@/ui/table";

/** How a unit's or a team's plan stands, as the plan overviews count it. */
interface PlanCounts {
  items: number;
  open: number;
  overdue: number;
  done: number;
  dropped: number;
}

/**
 * The Plan items / Open / Overdue / Done / Dropped columns both plan overviews end with: Open, Done
 * and Dropped add up to Plan items, and Done counts every item done, not only this cycle's.
 */
export function planCountColumns<Row extends PlanCounts>(): Column<Row>[] {
  const count = (key: keyof PlanCounts, header: string): Column<Row> => ({
    key,
    header,
    numeric: true,
    cell: (row) => row[key],
  });
  return [
    count("items", "Plan items"),
    count("open", "Open"),
    count("overdue", "Overdue"),
    count("done", "Done (all time)"),
    count("dropped", "Dropped"),
  ];
}
