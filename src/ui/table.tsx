import { Link } from "@/ui/link";
import { useId, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { ScrollRegion } from "./scroll-region";

export type SortDirection = "ascending" | "descending" | "none";

/** A sortable column's state and the URL that sorts by it. */
export interface ColumnSort {
  direction: SortDirection;
  href: string;
}

/** Narrower on a phone, where four columns' padding alone took a third of the screen. */
const cellPadding = "px-2 py-3 sm:px-4";

/**
 * A stacked table on a phone (below Tailwind's `sm`, 640 px): each row is a card, its cells one
 * under another, each beside its column's name, instead of a table squeezed into a third of its
 * width or scrolled sideways. The header row stays for screen readers only. Browsers drop the table
 * semantics of elements whose display changes, so a stacked table's parts carry explicit roles and
 * screen readers still hear each cell with its column header; the visible names beside the cells
 * are hidden from them, so nothing is read twice.
 */
const STACKED = {
  table: "max-sm:block",
  // A caption left as one in a table laid out as a block is as narrow as its longest word.
  caption: "max-sm:block",
  head: "max-sm:sr-only",
  body: "max-sm:block",
  row: "max-sm:block max-sm:py-2",
  // Below 360 px (a small phone, or text zoomed in) the name goes above its value, which then has
  // the card's whole width: beside it, a value of several words would wrap a word or two a line.
  cell: "max-sm:flex max-sm:gap-3 max-sm:py-1 max-sm:text-left max-[360px]:flex-col max-[360px]:gap-0",
  rowHeader: "max-sm:block max-sm:py-1 max-sm:font-semibold",
  label: "w-2/5 shrink-0 font-medium text-slate-700 sm:hidden max-[360px]:w-auto",
  value: "min-w-0 flex-1 wrap-break-word",
} as const;

/**
 * A table in a horizontally scrollable box. With `regionLabel` the box is always a named,
 * focusable region (the heatmap's, which scrolls on most screens); without it, it becomes one,
 * named by the caption, only while the table is wider than the box (ScrollRegion), so keyboard
 * users can scroll any table sideways that does not fit.
 */
export function Table({
  caption,
  captionHidden = false,
  regionLabel,
  className = "",
  stacked = false,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  regionLabel?: string;
  className?: string;
  /** Laid out as cards on a phone (see STACKED); its sections, rows and cells say their roles. */
  stacked?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  // Positioned, so screen-reader-only text in a cell (absolutely positioned) scrolls with the table
  // instead of widening the page on a phone.
  const boxClassName = `relative overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`;
  const table = (
    <table
      role={stacked ? "table" : undefined}
      className={`w-full text-left text-sm ${stacked ? STACKED.table : ""}`}
    >
      <caption
        id={captionId}
        className={[
          captionHidden ? "sr-only" : "px-2 py-2 text-left font-semibold sm:px-4",
          stacked ? STACKED.caption : undefined,
        ]
          .filter(Boolean)
          .join(" ")}
      >
        {caption}
      </caption>
      {children}
    </table>
  );
  if (regionLabel) {
    return (
      <div role="region" aria-label={regionLabel} tabIndex={0} className={boxClassName}>
        {table}
      </div>
    );
  }
  return (
    <ScrollRegion labelledBy={captionId} className={boxClassName}>
      {table}
    </ScrollRegion>
  );
}

/** A part of a table: its rows, extra classes, and the role a stacked table gives it. */
interface TablePartProps {
  children: ReactNode;
  className?: string;
  role?: string;
}

export function TableHead({ children, className = "", role }: TablePartProps) {
  return (
    <thead role={role} className={`bg-slate-50 text-slate-700 ${className}`}>
      {children}
    </thead>
  );
}

export function TableBody({ children, className = "", role }: TablePartProps) {
  return (
    <tbody role={role} className={`divide-y divide-slate-200 ${className}`}>
      {children}
    </tbody>
  );
}

export function Tr({ children, className, role }: TablePartProps) {
  return (
    <tr role={role} className={className}>
      {children}
    </tr>
  );
}

const sortMarks: Record<SortDirection, string> = { ascending: " ▲", descending: " ▼", none: "" };

/**
 * A header cell: a column header unless `scope="row"`. A sortable column's header is a link that
 * sorts by it, and says with aria-sort how the rows are sorted now.
 */
export function Th({
  sort,
  numeric = false,
  scope = "col",
  className = "",
  children,
  ...cell
}: ThHTMLAttributes<HTMLTableCellElement> & { sort?: ColumnSort; numeric?: boolean }) {
  const weight = scope === "row" ? "font-medium" : "font-semibold";
  return (
    <th
      scope={scope}
      aria-sort={sort ? sort.direction : undefined}
      className={`${cellPadding} ${weight} ${numeric ? "text-right tabular-nums" : ""} ${className}`}
      {...cell}
    >
      {sort ? (
        <Link href={sort.href} className="underline underline-offset-4 hover:text-slate-900">
          {children}
          <span aria-hidden="true">{sortMarks[sort.direction]}</span>
        </Link>
      ) : (
        children
      )}
    </th>
  );
}

export function Td({
  numeric = false,
  className = "",
  ...cell
}: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td className={`${cellPadding} ${numeric ? "text-right tabular-nums" : ""} ${className}`} {...cell} />
  );
}

/** One column of a DataTable: its header and how each row fills its cell. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell names its row (a row header), e.g. a person's name. */
  rowHeader?: boolean;
  sort?: ColumnSort;
  /** Extra classes for this column's cells, e.g. to keep dates on one line. */
  className?: string;
  /**
   * The column's header is for screen readers only (a column of buttons acting on the row), so in
   * a stacked table its cells have no name beside them.
   */
  unlabelledOnPhones?: boolean;
}

/**
 * A whole table from columns and rows, or `empty` (usually an EmptyState) when there are no rows,
 * so an empty list never shows a header with nothing under it.
 */
export function DataTable<Row>({
  caption,
  captionHidden,
  regionLabel,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  className,
  stackOnPhones = false,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  regionLabel?: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  /** Classes for a whole row, e.g. to grey out an archived one. */
  rowClassName?: (row: Row) => string | undefined;
  className?: string;
  /**
   * Each row a card on a phone (see STACKED), for tables of several columns that a phone would
   * squeeze. A table with a sortable column keeps its layout: its sort links are in the header row,
   * which a stacked table shows to screen readers only.
   */
  stackOnPhones?: boolean;
}) {
  if (rows.length === 0) return <>{empty}</>;
  const stacked = stackOnPhones && columns.every((column) => column.sort === undefined);
  const role = (name: string) => (stacked ? name : undefined);
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      regionLabel={regionLabel}
      className={className}
      stacked={stacked}
    >
      <TableHead role={role("rowgroup")} className={stacked ? STACKED.head : ""}>
        <Tr role={role("row")}>
          {columns.map((column) => (
            <Th key={column.key} role={role("columnheader")} sort={column.sort} numeric={column.numeric}>
              {column.header}
            </Th>
          ))}
        </Tr>
      </TableHead>
      <TableBody role={role("rowgroup")} className={`align-top ${stacked ? STACKED.body : ""}`}>
        {rows.map((row) => (
          <Tr
            key={rowKey(row)}
            role={role("row")}
            className={
              [rowClassName?.(row), stacked ? STACKED.row : undefined].filter(Boolean).join(" ") || undefined
            }
          >
            {columns.map((column) =>
              column.rowHeader ? (
                <Th
                  key={column.key}
                  scope="row"
                  role={role("rowheader")}
                  numeric={column.numeric}
                  className={`${column.className ?? ""} ${stacked ? STACKED.rowHeader : ""}`}
                >
                  {column.cell(row)}
                </Th>
              ) : stacked ? (
                <Td
                  key={column.key}
                  role="cell"
                  numeric={column.numeric}
                  className={`${column.className ?? ""} ${STACKED.cell}`}
                >
                  {!column.unlabelledOnPhones && (
                    <div aria-hidden="true" className={STACKED.label}>
                      {column.header}
                    </div>
                  )}
                  <div className={STACKED.value}>{column.cell(row)}</div>
                </Td>
              ) : (
                <Td key={column.key} numeric={column.numeric} className={column.className}>
                  {column.cell(row)}
                </Td>
              ),
            )}
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
