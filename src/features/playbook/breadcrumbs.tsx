import { Link } from "@/ui/link";

export interface Breadcrumb {
  label: string;
  /** Omitted for the current page, which is the last crumb. */
  href?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: readonly Breadcrumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-6 text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-x-2 text-slate-700">
        {crumbs.map((crumb, index) => (
          <li key={crumb.label} className="flex items-center gap-x-2">
            {index > 0 && (
              <span aria-hidden="true" className="text-slate-500">
                /
              </span>
            )}
            {crumb.href ? (
              <Link
                href={crumb.href}
                className="rounded text-blue-700 underline underline-offset-2 hover:text-blue-900"
              >
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-slate-900">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
