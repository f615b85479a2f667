import type { ComponentProps } from "react";
import { Pagination } from "@/ui/pagination";
import { DataTable } from "@/ui/table";
import { withQuery } from "./format";

/**
 * One page of a filtered admin list: the table (or its empty state) and the page links, which keep
 * the list's filters in their URLs.
 */
export function PagedTable<Row>({
  path,
  query,
  page,
  pageCount,
  total,
  nouns,
  ...table
}: ComponentProps<typeof DataTable<Row>> & {
  path: string;
  query: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
  /** The thing listed, one and many: ["event", "events"]. */
  nouns: readonly [string, string];
}) {
  return (
    <>
      <DataTable {...table} />
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => withQuery(path, { ...query, page: target })}
        count={`${total} ${total === 1 ? nouns[0] : nouns[1]}`}
      />
    </>
  );
}
