import type { ReactNode } from "react";

/**
 * The top of a page: its one h1, an optional line on what the page is for, and actions beside the
 * title. `children` go above the title (e.g. a link back to the parent page).
 */
export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-2">
      {children}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {actions ? <div className="flex flex-wrap items-center gap-3">{actions}</div> : null}
      </div>
      {description ? <div className="text-slate-700">{description}</div> : null}
    </div>
  );
}
