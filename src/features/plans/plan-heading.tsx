"use client";

import { useEffect, useRef } from "react";

/**
 * The plan's heading, with its item count. When an item disappears (removed here, after the
 * confirmation dialog), focus moves to the heading, so keyboard and screen reader users are not
 * left on a control that no longer exists.
 */
export function PlanHeading({ id, count }: { id: string; count: number }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousCount = useRef(count);
  useEffect(() => {
    if (count < previousCount.current) headingRef.current?.focus();
    previousCount.current = count;
  }, [count]);
  return (
    <h2 ref={headingRef} id={id} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
      Plan ({count} item{count === 1 ? "" : "s"})
    </h2>
  );
}
