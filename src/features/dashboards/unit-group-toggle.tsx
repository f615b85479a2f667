"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Collapses one org unit's team rows. The rows are rendered on the server; this only marks its
 * table body collapsed, so without JavaScript every row simply stays visible.
 */
export function UnitGroupToggle({ name, teamCount }: { name: string; teamCount: number }) {
  const [expanded, setExpanded] = useState(true);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.closest("tbody")?.toggleAttribute("data-collapsed", !expanded);
  }, [expanded]);

  return (
    <button
      ref={button}
      type="button"
      aria-expanded={expanded}
      onClick={() => setExpanded((value) => !value)}
      className="inline-flex items-center gap-2 rounded px-1 py-0.5 text-left font-semibold text-slate-900 hover:bg-slate-100"
    >
      <span aria-hidden="true" className="inline-block w-3">
        {expanded ? "▾" : "▸"}
      </span>
      {name}
      <span className="font-normal text-slate-700">
        ({teamCount} {teamCount === 1 ? "team" : "teams"})
      </span>
    </button>
  );
}
