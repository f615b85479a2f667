import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { teamPath } from "@/contracts/assessments/paths";
import { NotEditableNotice } from "./not-editable-notice";
import { ReopenedNotice } from "./reopened-notice";
import { Questionnaire } from "./questionnaire";
import { StartAssessmentForm } from "./start-assessment-form";
import type { QuestionnairePageState } from "@/contracts/assessments/types";
import { dueDateWithDistance } from "@/domain/cycles/due-date";
import { submitterWords } from "@/domain/assessments/submitters";
import { myAnswersPath } from "@/contracts/responses/paths";
import { Link } from "@/ui/link";

export function QuestionnairePage({ state }: { state: QuestionnairePageState }) {
  const team = state.kind === "editable" ? state.session.team : state.team;
  const cycleName =
    state.kind === "editable" ? state.session.cycle.name : "cycle" in state ? state.cycle.name : null;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        crumbs={[
          { label: "My teams", href: "/team" },
          { label: team.name, href: teamPath(team.slug) },
          { label: cycleName ? `${cycleName} assessment` : "Assessment" },
        ]}
      />
      <h1 className="text-3xl font-bold tracking-tight">
        {team.name}: {cycleName ? `${cycleName} assessment` : "assessment"}
      </h1>
      {state.kind === "editable" && state.reopening ? (
        <ReopenedNotice reopening={state.reopening} timeZone={state.timeZone}>
          The answers below are the ones last submitted: change what needs changing, then{" "}
          {state.submittedBy ? `${submitterWords(state.submittedBy)} submits` : "submit"} the assessment again
          from the review. Until then the last submitted results stay the team&apos;s results.
        </ReopenedNotice>
      ) : null}
      {state.kind === "editable" && state.submittedBy ? (
        <p
          className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-950"
          data-testid="team-answers-notice"
        >
          You are editing the team&apos;s answers, which {submitterWords(state.submittedBy)} submits. What you
          change here changes the team&apos;s score for everyone. Your own view goes in{" "}
          <Link
            href={myAnswersPath(team.slug)}
            className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
          >
            My answers
          </Link>
          .
        </p>
      ) : null}
      {state.kind === "editable" ? (
        <Questionnaire session={state.session} />
      ) : (
        <NotEditableNotice
          state={state}
          noOpenCycle="No assessment cycle is open right now. An admin or the head of engineering opens one each quarter."
          notStarted={({ cycle, hasPrevious }) =>
            `Your team has not started the ${cycle.name} assessment yet. It is due ${dueDateWithDistance(cycle)}.${
              hasPrevious ? " It starts from last quarter's answers: confirm each one or change it." : ""
            }`
          }
          start={({ team, cycle }) => <StartAssessmentForm teamSlug={team.slug} cycleName={cycle.name} />}
          afterSubmission="its answers can no longer be changed. An admin or the head of engineering can reopen it."
        />
      )}
    </div>
  );
}
