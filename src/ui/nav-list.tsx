"use client";

import { Link } from "@/ui/link";
import { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

export interface NavListLink {
  href: string;
  label: string;
}

const currentStyles = {
  /** The main navigation: a solid chip on the current area. */
  solid: "bg-slate-900 text-white",
  /** A section's own navigation (admin): a tinted, underlined current page. */
  tinted: "bg-blue-50 text-blue-900 underline underline-offset-4",
} as const;

const otherStyles = {
  solid: "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
  tinted: "text-slate-700 hover:bg-slate-100",
} as const;

/**
 * A link is current on its own page and on every page below it, except the section's root, which
 * is current only on itself (otherwise "Overview" at /admin would light up on every admin page).
 */
function isCurrent(pathname: string, href: string, rootHref: string): boolean {
  return href === rootHref ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A bar under the link while the page it opens is on its way: pages render per request, so a
 * click can take a moment on a slow connection. Shown after a short delay, so quick answers do
 * not flicker.
 */
function PendingBar() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={`pointer-events-none absolute inset-x-2 bottom-0.5 h-0.5 rounded bg-current transition-opacity ${pending ? "opacity-100 delay-150" : "opacity-0"}`}
    />
  );
}

/** A labelled list of navigation links that marks the current page with aria-current. */
export function NavList({
  label,
  links,
  rootHref,
  variant,
  className,
}: {
  label: string;
  links: readonly NavListLink[];
  rootHref: string;
  variant: keyof typeof currentStyles;
  className?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const current = isCurrent(pathname, link.href, rootHref);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`relative rounded-md px-3 py-2 text-sm font-medium ${current ? currentStyles[variant] : otherStyles[variant]}`}
              >
                {link.label}
                <PendingBar />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
