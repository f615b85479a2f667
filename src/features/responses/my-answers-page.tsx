import { PageHeader } from "@/ui/page-header";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { teamPath } from "@/contracts/assessments/paths";
import type { MyAnswersPageState } from "@/contracts/assessments/types";
import { Questionnaire } from "../assessments/questionnaire";
import { NotEditableNotice } from "../assessments/not-editable-notice";
import { ReopenedNotice } from "../assessments/reopened-notice";
import { StartMyAnswersForm } from "./start-my-answers-form";
import { OwnAnswersRecord } from "./own-answers-record";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

/**
 * "My answers": the person answers the questionnaire on their own. The page says plainly that these
 * are their own answers and that the team lead settles the team answer, which is what is scored.
 */
export function MyAnswersPage({ state }: { state: MyAnswersPageState }) {
  const team = state.kind === "editable" ? state.session.team : state.team;
  const cycle = state.kind === "editable" ? state.session.cycle : "cycle" in state ? state.cycle : null;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        crumbs={[
          { label: "My teams", href: "/team" },
          { label: team.name, href: teamPath(team.slug) },
          { label: "My answers" },
        ]}
      />
      <PageHeader
        title={`${team.name}: my answers${cycle ? ` for ${cycle.name}` : ""}`}
        description={
          <p className="max-w-3xl">
            These are <strong>your own answers</strong>, given on your own. The team lead sees how many people
            gave each answer, never who gave which, and settles the team answer, which is what gets scored.
          </p>
        }
      />
      {state.kind === "editable" && state.reopening ? (
        <ReopenedNotice reopening={state.reopening} timeZone={state.timeZone}>
          Your answers can be changed again until the assessment is submitted again.
        </ReopenedNotice>
      ) : null}
      {state.kind === "editable" ? (
        <Questionnaire session={state.session} />
      ) : (
        <NotEditableNotice
          state={state}
          noOpenCycle="No assessment cycle is open right now, so there is nothing to answer. An admin or the head of engineering opens one each quarter."
          notStarted={({ team, cycle }) =>
            `${team.name} has not started the ${cycle.name} assessment yet. It is due ${dueDateWithDistance(cycle)}. Starting lets you, and everyone in the team, answer on your own; the team's questionnaire starts with it.`
          }
          start={({ team }) => <StartMyAnswersForm teamSlug={team.slug} />}
          afterSubmission="your answers can no longer be changed. If it is reopened, you can change them again."
        />
      )}
      {state.kind === "submitted" ? (
        state.ownAnswers ? (
          <OwnAnswersRecord record={state.ownAnswers} cycleName={state.cycle.name} />
        ) : (
          <p className="text-slate-700">You gave no answers of your own before it was submitted.</p>
        )
      ) : null}
    </div>
  );
}
