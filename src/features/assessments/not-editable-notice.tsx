import type { ReactNode } from "react";
import { Link } from "@/ui/link";
import { ArchivedTeamNotice } from "./archived-team-notice";
import { formatMomentDayLong } from "@/domain/format";
import { teamPath } from "@/contracts/assessments/paths";
import type { QuestionnairePageState } from "@/contracts/assessments/types";

type NotEditable = Exclude<QuestionnairePageState, { kind: "editable" }>;
type NotStarted = Extract<NotEditable, { kind: "not-started" }>;

/**
 * What a questionnaire page (the team's, or a person's own answers) shows when there is nothing to
 * answer: the team archived, no cycle open, the assessment not started, or already submitted. Each page says it in its
 * own words and brings its own start form.
 */
export function NotEditableNotice({
  state,
  noOpenCycle,
  notStarted,
  start,
  afterSubmission,
}: {
  state: NotEditable;
  noOpenCycle: string;
  /** That the assessment has not started, when it is due, and what starting does. */
  notStarted: (state: NotStarted) => ReactNode;
  start: (state: NotStarted) => ReactNode;
  /** What the submission means for the answers, after "…was submitted on <day>, so". */
  afterSubmission: string;
}) {
  const box = "max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6";
  switch (state.kind) {
    case "archived":
      return (
        <div className={box}>
          <ArchivedTeamNotice />
          <Link href={teamPath(state.team.slug)} className="text-blue-800 underline">
            Back to {state.team.name}
          </Link>
        </div>
      );
    case "no-open-cycle":
      return (
        <div className={box}>
          <p className="text-slate-700">{noOpenCycle}</p>
          <Link href={teamPath(state.team.slug)} className="text-blue-800 underline">
            Back to {state.team.name}
          </Link>
        </div>
      );
    case "not-started":
      return (
        <div className={box}>
          <p className="text-slate-700">{notStarted(state)}</p>
          {start(state)}
        </div>
      );
    case "submitted":
      return (
        <div className={box}>
          <p className="text-slate-700">
            The {state.cycle.name} assessment was submitted
            {state.submittedAt ? ` on ${formatMomentDayLong(state.submittedAt, state.timeZone)}` : ""}, so{" "}
            {afterSubmission}
          </p>
          <Link
            href={state.resultHref}
            className="inline-flex rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
          >
            View the {state.cycle.name} result
          </Link>
        </div>
      );
  }
}
