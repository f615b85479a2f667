"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The header's navigation on a phone: one "Menu" button (a native disclosure, so it works by
 * keyboard and without JavaScript) instead of rows of links, keeping the sticky header one line
 * tall. It closes when a link inside leads to another page, and on Escape, returning focus to it.
 * The open panel hangs from the header's right edge, not from the button: the Sign out button
 * sits to the right of Menu, and a panel as wide as a phone's screen aligned to Menu's own edge
 * ran off the screen's left side.
 */
export function MobileMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={ref}
      className="group ml-auto md:hidden"
      onKeyDown={(event) => {
        if (event.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-base leading-none">
          ☰
        </span>
        Menu
      </summary>
      <div className="absolute right-4 top-full z-50 mt-1 w-[min(20rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        {children}
      </div>
    </details>
  );
}
