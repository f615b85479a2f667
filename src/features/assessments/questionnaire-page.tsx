import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { teamPath } from "@/contracts/assessments/paths";
import { NotEditableNotice } from "./not-editable-notice";
import { Questionnaire } from "./questionnaire";
import { StartAssessmentForm } from "./start-assessment-form";
import type { QuestionnairePageState } from "@/contracts/assessments/types";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

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
