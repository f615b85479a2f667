import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { Link } from "@/ui/link";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { questionnairePath, teamPath } from "@/contracts/assessments/paths";
import { ArchivedTeamNotice } from "./archived-team-notice";
import { ReopenedNotice } from "./reopened-notice";
import { SubmitAssessmentForm } from "./submit-assessment-form";
import { ConfirmRemainingForm } from "./confirm-remaining-form";
import { ProgressSummary } from "./progress-summary";
import { QuestionLinkList } from "./question-link-list";
import { QuarterChanges } from "./quarter-changes";
import { PulseSummary } from "../pulse/pulse-summary";
import type { TeamPulseView } from "@/contracts/pulse/views";
import { ReviewIndividual } from "../responses/review-individual";
import type { ReactNode } from "react";
import type { ReviewItem, ReviewView } from "@/contracts/assessments/types";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

export function ReviewPage({
  review,
  pulse = null,
}: {
  review: ReviewView;
  /** The team's anonymous pulse so far, counts only; null when nobody answered it. */
  pulse?: TeamPulseView | null;
}) {
  const ready =
    review.missingRequired.length === 0 && review.unconfirmed.length === 0 && review.invalid.length === 0;
  const submitted = review.assessment.status === "submitted";
  const readOnly = submitted || review.archived;
  return (
    <div className="max-w-4xl space-y-8">
      <Breadcrumbs
        crumbs={[
          { label: "My teams", href: "/team" },
          { label: review.team.name, href: teamPath(review.team.slug) },
          { label: `${review.cycle.name} assessment`, href: questionnairePath(review.team.slug) },
          { label: "Review" },
        ]}
      />
      <PageHeader
        title={`Review the ${review.cycle.name} assessment`}
        description={`Due ${dueDateWithDistance(review.cycle)}.`}
      />
      {review.archived ? <ArchivedTeamNotice /> : null}
      {review.reopening ? (
        <ReopenedNotice reopening={review.reopening} timeZone={review.timeZone}>
          Submitting again replaces the results last submitted.
        </ReopenedNotice>
      ) : null}
      <ProgressSummary progress={review.progress} idPrefix="review-progress" />

      {submitted ? (
        <p className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-950">
          This assessment has been submitted.
        </p>
      ) : ready ? (
        <p className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-950">
          Every required question is answered and every carried-over answer is confirmed. Ready to submit.
        </p>
      ) : null}

      <ReviewList
        id="missing"
        title="Required questions without an answer"
        empty="None: every required question has an answer."
        items={review.missingRequired}
      />
      <ReviewList
        id="unconfirmed"
        title="Carried-over answers to confirm"
        empty="None: every carried-over answer is confirmed or changed."
        items={review.unconfirmed}
      >
        {readOnly ? null : (
          <ConfirmRemainingForm
            assessmentId={review.assessment.id}
            version={review.assessment.version}
            teamSlug={review.team.slug}
            questionIds={review.unconfirmed.map((item) => item.questionId)}
          />
        )}
      </ReviewList>
      {review.invalid.length > 0 ? (
        <ReviewList id="invalid" title="Answers to correct" empty="" items={review.invalid} />
      ) : null}

      <ReviewIndividual review={review} />

      {review.changes ? <QuarterChanges changes={review.changes} /> : null}

      {pulse && (
        <SectionCard
          id="pulse-heading"
          title={`Anonymous pulse so far, ${pulse.cycleName}`}
          description="Questions with enough answers count in the score as evidence when the assessment is submitted; the pulse closes then."
        >
          <PulseSummary pulse={pulse} />
        </SectionCard>
      )}

      {readOnly ? null : (
        <SectionCard id="submit-heading" title="Submit">
          {review.canSubmit ? (
            <>
              <p className="text-slate-700">
                Submitting scores the assessment and shows the result straight away. Answers cannot be changed
                afterwards unless an admin or the head of engineering reopens the assessment.
              </p>
              <SubmitAssessmentForm
                assessmentId={review.assessment.id}
                version={review.assessment.version}
                ready={ready}
                cycleName={review.cycle.name}
              />
            </>
          ) : (
            <p className="text-slate-700">
              The team lead submits the assessment
              {review.leadNames.length > 0 ? ` (${review.leadNames.join(", ")})` : ""}. Your answers are saved
              and they will see them.
            </p>
          )}
        </SectionCard>
      )}
      <p>
        <Link
          href={questionnairePath(review.team.slug)}
          className="text-blue-800 underline hover:text-blue-950"
        >
          Back to the questionnaire
        </Link>
      </p>
    </div>
  );
}

function ReviewList({
  id,
  title,
  empty,
  items,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  items: ReviewItem[];
  children?: ReactNode;
}) {
  return (
    <SectionCard id={`${id}-heading`} title={`${title} (${items.length})`} plain>
      {items.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <QuestionLinkList items={items} detail={(item) => item.message} />
      )}
      {children}
    </SectionCard>
  );
}
