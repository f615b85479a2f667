import type { Column } from "@/ui/table";

/** How a unit's or a team's plan stands, as the plan overviews count it. */
interface PlanCounts {
  items: number;
  open: number;
  overdue: number;
  done: number;
}

/** The Plan items / Open / Overdue / Done columns both plan overviews end with. */
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
    count("done", "Done"),
  ];
}
