import { Link } from "@/ui/link";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { formatDayLong } from "@/domain/format";
import { teamPath } from "@/contracts/assessments/paths";
import { Questionnaire } from "./questionnaire";
import { StartAssessmentForm } from "./start-assessment-form";
import type { QuestionnairePageState } from "@/contracts/assessments/types";

export function QuestionnairePage({ state }: { state: QuestionnairePageState }) {
  const team = state.kind === "editable" ? state.session.team : state.team;
  const cycleName =
    state.kind === "no-open-cycle"
      ? null
      : state.kind === "editable"
        ? state.session.cycle.name
        : state.cycle.name;
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
      {state.kind === "editable" ? <Questionnaire session={state.session} /> : <NotEditable state={state} />}
    </div>
  );
}

function NotEditable({ state }: { state: Exclude<QuestionnairePageState, { kind: "editable" }> }) {
  const box = "max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6";
  switch (state.kind) {
    case "no-open-cycle":
      return (
        <div className={box}>
          <p className="text-slate-700">
            No assessment cycle is open right now. An admin or the head of engineering opens one each quarter.
          </p>
          <Link href={teamPath(state.team.slug)} className="text-blue-800 underline">
            Back to {state.team.name}
          </Link>
        </div>
      );
    case "not-started":
      return (
        <div className={box}>
          <p className="text-slate-700">
            Your team has not started the {state.cycle.name} assessment yet. It is due{" "}
            {formatDayLong(state.cycle.closesOn)}.
            {state.hasPrevious
              ? " It starts from last quarter's answers: confirm each one or change it."
              : ""}
          </p>
          <StartAssessmentForm teamSlug={state.team.slug} cycleName={state.cycle.name} />
        </div>
      );
    case "submitted":
      return (
        <div className={box}>
          <p className="text-slate-700">
            The {state.cycle.name} assessment was submitted
            {state.submittedAt ? ` on ${formatDayLong(state.submittedAt)}` : ""}, so its answers can no longer be
            changed. An admin or the head of engineering can reopen it.
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
