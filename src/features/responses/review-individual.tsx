import { OTHER_ANSWERS_NEEDED } from "@/domain/assessments/split-questions";
import { QuestionLinkList } from "@/features/assessments/question-link-list";
import { SectionCard } from "@/ui/section-card";
import type { ReviewView } from "@/contracts/assessments/types";
import { FillFromIndividualForm } from "./fill-from-individual-form";
import { TeamSplitMarker } from "./team-split-marker";

/**
 * The review's part about individual answers: how many people answered on their own, and, for the
 * people who may see the spread, the questions the team is split on and the unanswered team
 * questions those answers can fill.
 */
export function ReviewIndividual({ review }: { review: ReviewView }) {
  const { respondents, spread } = review.individual;
  const submitted = review.assessment.status === "submitted";
  const people = respondents === 1 ? "1 person has" : `${respondents} people have`;
  return (
    <SectionCard id="individual-heading" title="Answers given on their own" plain>
      <p className="text-slate-700">
        {respondents === 0
          ? "Nobody has answered on their own yet. Everyone in the team can, under My answers on the team page."
          : `${people} answered on their own.`}{" "}
        {respondents > 0 &&
          `A question's own answers are shown to you, and can fill the team answer, once ${OTHER_ANSWERS_NEEDED} people besides you have answered it. The counts never say who gave which answer, but when everyone gives the same one they do show what each person answered.`}
      </p>
      {spread ? (
        <>
          <h3 className="mt-4 flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
            Questions the team is split on ({spread.split.length})
          </h3>
          {spread.shown === 0 ? (
            <p className="text-slate-700">
              Not known yet: no question&apos;s own answers are shown yet ({OTHER_ANSWERS_NEEDED} people
              besides you have to answer it first).
            </p>
          ) : spread.split.length === 0 ? (
            <p className="text-slate-700">
              None: on every question whose answers are shown, they are close together.
            </p>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-700">
                <TeamSplitMarker /> Their answers lie half the risk scale or more apart. Worth a conversation
                before the team answer is settled.
              </p>
              <QuestionLinkList items={spread.split} detail={(item) => item.distribution} />
            </>
          )}
          {submitted ? null : (
            <>
              <h3 className="mt-4 text-base font-semibold text-slate-900">
                Unanswered questions the team&apos;s own answers can fill ({spread.fillable.length})
              </h3>
              {spread.shown === 0 ? (
                <p className="text-slate-700">Not known yet: no question&apos;s own answers are shown yet.</p>
              ) : spread.fillable.length === 0 ? (
                <p className="text-slate-700">
                  None: every question whose own answers are shown already has a team answer, or its answers
                  suggest none.
                </p>
              ) : (
                <QuestionLinkList
                  items={spread.fillable}
                  detail={(item) => `${item.distribution} · would be filled with “${item.answerLabel}”`}
                />
              )}
              <FillFromIndividualForm
                assessmentId={review.assessment.id}
                version={review.assessment.version}
                teamSlug={review.team.slug}
                suggestions={spread.suggestions}
              />
            </>
          )}
        </>
      ) : null}
    </SectionCard>
  );
}
