import type { ReactNode } from "react";

/**
 * What a page or list shows when it has nothing yet: a title, why, and what to do about it. Without
 * a title it is a single quiet note, for a list inside a page that already has its heading.
 */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = 2,
}: {
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  if (title === undefined) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
        {children}
        {action ? <div className="mt-3">{action}</div> : null}
      </div>
    );
  }
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
      <Heading className="text-xl font-semibold">{title}</Heading>
      {children ? <div className="mx-auto mt-2 max-w-xl text-slate-700">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </section>
  );
}
