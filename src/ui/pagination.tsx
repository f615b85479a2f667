import { Link } from "@/ui/link";
import type { ReactNode } from "react";

const pageLink =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50";

/**
 * Previous/next links and "Page X of Y". `hrefFor` builds each page's URL, so a list keeps its
 * filters; `count` (e.g. "12 events") is shown with the page, or alone when there is one page.
 * There is no link past either end.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pages",
  count,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
  count?: ReactNode;
}) {
  if (pageCount <= 1) {
    return count ? <p className="text-sm text-slate-600">{count}</p> : null;
  }
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className={pageLink} href={hrefFor(page - 1)}>
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
        {count ? <> ({count})</> : null}
      </span>
      {page < pageCount ? (
        <Link className={pageLink} href={hrefFor(page + 1)}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
