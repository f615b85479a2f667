import type { ReactNode } from "react";

export const playbookLinkClass = "rounded text-blue-700 underline underline-offset-2 hover:text-blue-900";

/** A top-level playbook section; the heading scrolls clear of the sticky header when linked to. */
export function PlaybookSection({
  id,
  title,
  className = "",
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`mt-10 ${className}`.trim()}>
      <h2 id={id} className="scroll-mt-20 text-2xl font-semibold text-slate-900 print:break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A list card whose heading is a link target (symptoms and countermeasures link to each other). */
export function AnchoredCard({
  anchor,
  title,
  children,
}: {
  anchor: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-5 print:break-inside-avoid print:border-slate-500">
      <h3 id={anchor} className="scroll-mt-20 text-xl font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </li>
  );
}
