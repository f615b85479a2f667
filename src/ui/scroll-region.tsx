"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls its content sideways when it is wider than the screen (a table on a phone).
 * While it overflows, it is a named region in the tab order, so a keyboard user can focus it and
 * scroll with the arrow keys; while everything fits, it is a plain box and adds no tab stop.
 * Whether it overflows is known only in the browser, after layout, and again whenever the box or
 * its content changes size (a rotated phone, a wider window, rows loaded).
 */
export function ScrollRegion({
  labelledBy,
  className,
  children,
}: {
  /** The id of the element naming the region, e.g. its table's caption. */
  labelledBy: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  const region = overflows ? { role: "region", "aria-labelledby": labelledBy, tabIndex: 0 } : {};
  return (
    <div ref={ref} {...region} className={className}>
      {children}
    </div>
  );
}
