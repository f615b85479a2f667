import { DISAGREEMENT_ANCHOR } from "@/contracts/assessments/paths";
import type { PitfallDisagreementView } from "@/contracts/responses/types";
import { SectionCard } from "@/ui/section-card";
import { TeamSplitMarker } from "./team-split-marker";

/**
 * "Where the team disagreed" on a result: per pitfall, the questions the team's own answers were
 * split on, how many gave each answer (never who) and the team answer that was submitted.
 * Disagreement is often the most useful finding, so it is shown to everyone who reads the result,
 * except while the assessment is reopened: then the answers are live, and only people who may see
 * them before submission do.
 */
export function Disagreements({
  disagreements,
  respondents,
  hiddenWhileReopened,
  reopened,
}: {
  disagreements: PitfallDisagreementView[];
  respondents: number;
  hiddenWhileReopened: boolean;
  reopened: boolean;
}) {
  const answeredOnTheirOwn =
    respondents === 1
      ? "1 person in the team answered on their own"
      : `${respondents} people in the team answered on their own`;
  if (hiddenWhileReopened) {
    if (respondents === 0) return null;
    return (
      <SectionCard id={DISAGREEMENT_ANCHOR} title="Where the team disagreed">
        <p className="text-sm text-slate-700">
          {answeredOnTheirOwn} as well. While the assessment is reopened their answers may still change, so
          where they disagreed is shown again once it is submitted.
        </p>
      </SectionCard>
    );
  }
  if (disagreements.length === 0) return null;
  const count = disagreements.reduce((sum, pitfall) => sum + pitfall.questions.length, 0);
  return (
    <SectionCard
      id={DISAGREEMENT_ANCHOR}
      title="Where the team disagreed"
      description={
        <>
          {answeredOnTheirOwn} as well. On {count === 1 ? "this question" : `these ${count} questions`} their
          answers lay half the risk scale or more apart; the team answer settled it.
          {reopened ? " While the assessment is reopened, this shows the answers as they stand now." : ""}
        </>
      }
    >
      <div className="space-y-4">
        {disagreements.map((pitfall) => (
          <div key={pitfall.pitfallId}>
            <h3 className="text-base font-semibold text-slate-900">{pitfall.pitfallName}</h3>
            <ul className="mt-2 space-y-3">
              {pitfall.questions.map((question) => (
                <li key={question.questionId} className="border-l-4 border-amber-600 pl-3 text-sm">
                  <p className="font-medium text-slate-900">{question.prompt}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-800">
                    <TeamSplitMarker />
                    <span>Answers on their own: {question.distribution}</span>
                  </p>
                  <p className="text-slate-700">Team answer: {question.teamAnswer ?? "left unanswered"}</p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </SectionCard>
  );
}
