import { DataTable, type Column } from "@/ui/table";

/** The figures behind a trend chart, folded away under the chart for readers who want the numbers. */
export function TrendTableDisclosure<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
        The trend as a table
      </summary>
      <DataTable
        caption={caption}
        captionHidden
        regionLabel="Trend table"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        empty={null}
        className="mt-2"
      />
    </details>
  );
}
