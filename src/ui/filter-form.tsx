import { Link } from "@/ui/link";
import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * A search form that filters a list through the URL (GET), so a filtered view can be bookmarked
 * and works without JavaScript. "Clear filters" shows only while a filter is set (`clearHref`).
 */
export function FilterForm({
  action,
  label,
  children,
  clearHref,
  submitLabel = "Filter",
  className = "grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3",
}: {
  action: string;
  label: string;
  children: ReactNode;
  clearHref?: string;
  submitLabel?: string;
  className?: string;
}) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
      <div className="flex items-end gap-2">
        <Button type="submit">{submitLabel}</Button>
        {clearHref ? (
          <Link
            href={clearHref}
            className="rounded-md px-3 py-2 text-sm font-medium text-blue-800 underline underline-offset-4"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
