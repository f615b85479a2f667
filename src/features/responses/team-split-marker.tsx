/**
 * "Team split": the team's own answers to a question lie half the risk scale or more apart. Said in
 * words, not by colour alone, and in a full sentence to screen readers.
 */
export function TeamSplitMarker() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-amber-700 bg-white px-2 py-0.5 text-xs font-semibold text-amber-950">
      <span aria-hidden="true">≠ Team split</span>
      <span className="sr-only">Team split: the team&apos;s own answers are far apart on this question.</span>
    </span>
  );
}
