import type { TeamSpreadView } from "@/contracts/responses/types";
import { teamPath } from "@/contracts/assessments/paths";
import { OTHER_ANSWERS_NEEDED } from "@/domain/assessments/split-questions";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";
import { TeamSplitMarker } from "./team-split-marker";

/**
 * "How the team answered": the spread of the team's own answers before submission, read-only, for
 * the lead, the unit's coach and the head of engineering. Counts only, never who said what.
 */
export function TeamSpreadPage({ view }: { view: TeamSpreadView }) {
  const { team } = view;
  const title = `${team.name}: how the team answered`;
  const back = <TextLink href={teamPath(team.slug)}>Back to {team.name}</TextLink>;
  if (view.kind !== "ready") {
    return (
      <div className="space-y-6">
        <PageHeader title={title} />
        <EmptyState>
          {view.kind === "no-open-cycle"
            ? "No assessment cycle is open, so there are no answers of this quarter to show."
            : `${team.name} has not started its ${view.cycleName} assessment yet.`}{" "}
          {back}
        </EmptyState>
      </div>
    );
  }
  const split = view.sections.reduce(
    (sum, section) => sum + section.questions.filter((question) => question.split).length,
    0,
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={`${view.cycleName}: what the team's members answered on their own, question by question. The team answer, which the lead settles, is what gets scored.`}
      />
      <p className="text-slate-800">
        {view.respondents === 0
          ? "Nobody has answered on their own yet."
          : `${view.respondents} ${view.respondents === 1 ? "person has" : "people have"} answered on their own; ${
              view.sections.length === 0
                ? "no question's answers are shown yet, so whether the team is split is not known yet"
                : `the team is split on ${split} ${split === 1 ? "question" : "questions"}`
            }.`}{" "}
        Only counts are shown, never who gave which answer: a question shows once {OTHER_ANSWERS_NEEDED}{" "}
        people besides you have answered it. When everyone gives the same answer, the counts do show what each
        person answered. {back}
      </p>
      {view.sections.length === 0 ? (
        <EmptyState>
          {view.respondents === 0
            ? "No individual answers yet."
            : `No question has been answered on their own by ${OTHER_ANSWERS_NEEDED} people besides you yet.`}
        </EmptyState>
      ) : (
        view.sections.map((section) => (
          <SectionCard key={section.pitfallId} id={`spread-${section.pitfallId}`} title={section.title}>
            <ul className="space-y-4">
              {section.questions.map((question) => (
                <li
                  key={question.questionId}
                  className={`border-l-4 pl-3 text-sm ${question.split ? "border-amber-600" : "border-slate-200"}`}
                >
                  <p className="font-medium text-slate-900">
                    {question.prompt} {question.split ? <TeamSplitMarker /> : null}
                  </p>
                  <dl className="mt-1 grid gap-x-4 gap-y-0.5 sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-600">
                      {question.respondents} {question.respondents === 1 ? "answer" : "answers"}
                    </dt>
                    <dd className="text-slate-900">{question.distribution}</dd>
                    <dt className="text-slate-600">Suggested team answer</dt>
                    <dd className="text-slate-900">{question.suggestion ?? "None"}</dd>
                    <dt className="text-slate-600">Team answer now</dt>
                    <dd className="text-slate-900">{question.teamAnswer ?? "Not answered yet"}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </SectionCard>
        ))
      )}
    </div>
  );
}
