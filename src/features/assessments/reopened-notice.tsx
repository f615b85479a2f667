import type { ReactNode } from "react";
import { formatMomentDayLong } from "@/domain/format";
import type { ReopeningView } from "@/contracts/assessments/types";

/**
 * "Reopened by Morgan Reyes on 29 November 2026: “Lead asked: wrong on-call answers”." The reason
 * tells the team which answers to revisit; the person and the day, whom to ask.
 */
export function reopeningSentence(reopening: ReopeningView, timeZone: string): string {
  const who = reopening.byName ?? "someone no longer listed";
  const reason = reopening.reason ? `: “${reopening.reason}”` : "";
  return `Reopened by ${who} on ${formatMomentDayLong(reopening.at, timeZone)}${reason}.`;
}

/** Why the team is answering again: on the questionnaire, "My answers" and the review. */
export function ReopenedNotice({
  reopening,
  timeZone,
  children,
}: {
  reopening: ReopeningView;
  timeZone: string;
  /** What the page adds: what to do now. */
  children?: ReactNode;
}) {
  return (
    <div
      role="note"
      data-testid="reopened-notice"
      className="max-w-3xl rounded-md border border-purple-300 bg-purple-50 px-4 py-3 text-sm text-purple-950"
    >
      <p className="font-semibold">{reopeningSentence(reopening, timeZone)}</p>
      {children ? <p className="mt-1">{children}</p> : null}
    </div>
  );
}
