import { Link } from "@/ui/link";

const ORG_VIEWS = [
  { href: "/org", label: "Heatmap" },
  { href: "/org/priorities", label: "At risk" },
  { href: "/org/rollups", label: "Roll-ups" },
  { href: "/org/run-cost", label: "Run cost" },
] as const;

/** Tabs between the organisation views; `current` is the view being shown. */
export function OrgDashboardNav({
  current,
  search = "",
}: {
  current: (typeof ORG_VIEWS)[number]["href"];
  search?: string;
}) {
  return (
    <nav aria-label="Organisation views" className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {ORG_VIEWS.map((view) => {
          const isCurrent = view.href === current;
          return (
            <li key={view.href}>
              <Link
                href={`${view.href}${search}`}
                aria-current={isCurrent ? "page" : undefined}
                // Narrower on a phone, so the four views fit one row at 390 px instead of two.
                className={`inline-block rounded-t-md border px-3 py-2 text-sm font-medium sm:px-4 ${
                  isCurrent
                    ? "border-slate-300 border-b-white bg-white text-slate-900"
                    : "border-transparent text-blue-800 underline-offset-2 hover:underline"
                }`}
              >
                {view.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
