import Link from "next/link";
import { withQuery } from "./format";

/** Previous/next links that keep the current filters in the URL. */
export function Pagination({
  path,
  query,
  page,
  pageCount,
  total,
  noun,
}: {
  path: string;
  query: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
  noun: string;
}) {
  if (pageCount <= 1) {
    return (
      <p className="text-sm text-slate-600">
        {total} {noun}
      </p>
    );
  }
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className={link} href={withQuery(path, { ...query, page: page - 1 })}>
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount} ({total} {noun})
      </span>
      {page < pageCount ? (
        <Link className={link} href={withQuery(path, { ...query, page: page + 1 })}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
