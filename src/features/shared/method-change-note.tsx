import type { MethodChange } from "@/domain/dashboards/trend";

/**
 * Says that compared results come from different scoring methods, so what looks like a change may
 * be the method. Renders nothing when every compared result used the same method.
 */
export function MethodChangeNote({
  change,
  historyNote,
}: {
  change?: MethodChange | null;
  historyNote?: string | null;
}) {
  const lines = [change?.text, historyNote].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <div
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p className="font-semibold">Scoring method changed</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>An administrator can re-score the stored results so that every cycle uses the current method.</p>
    </div>
  );
}
