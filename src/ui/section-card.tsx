import { useId, type ReactNode } from "react";

/**
 * A titled part of a page: a section named by its heading, so it is a landmark screen reader
 * users can jump to. `plain` drops the card's border and background for sections that hold a
 * table or list with its own frame.
 */
export function SectionCard({
  title,
  description,
  actions,
  headingLevel = 2,
  as: Element = "section",
  id,
  plain = false,
  className = "",
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
  /** "article" for a self-contained item in a list, e.g. one plan item. */
  as?: "section" | "article";
  id?: string;
  plain?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const generatedId = useId();
  const headingId = id ?? generatedId;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const frame = plain ? "" : "rounded-lg border border-slate-200 bg-white p-5";
  return (
    <Element aria-labelledby={headingId} className={`space-y-4 ${frame} ${className}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <Heading
            id={headingId}
            className={headingLevel === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}
          >
            {title}
          </Heading>
          {description ? <div className="text-sm text-slate-700">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </Element>
  );
}
