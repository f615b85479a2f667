import { Link } from "@/ui/link";
import { PageHeader } from "@/ui/page-header";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { formatDayLong } from "@/domain/format";
import { teamPath } from "@/contracts/assessments/paths";
import type { QuestionnairePageState } from "@/contracts/assessments/types";
import { Questionnaire } from "../assessments/questionnaire";
import { StartMyAnswersForm } from "./start-my-answers-form";

/**
 * "My answers": the person answers the questionnaire on their own. The page says plainly that these
 * are their own answers and that the team lead settles the team answer, which is what is scored.
 */
export function MyAnswersPage({ state }: { state: QuestionnairePageState }) {
  const team = state.kind === "editable" ? state.session.team : state.team;
  const cycle =
    state.kind === "no-open-cycle" ? null : state.kind === "editable" ? state.session.cycle : state.cycle;
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
            No assessment cycle is open right now, so there is nothing to answer. An admin or the head of
            engineering opens one each quarter.
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
            {state.team.name} has not started the {state.cycle.name} assessment yet. It is due{" "}
            {formatDayLong(state.cycle.closesOn)}. Starting lets you, and everyone in the team, answer on your
            own; the team&apos;s questionnaire starts with it.
          </p>
          <StartMyAnswersForm teamSlug={state.team.slug} />
        </div>
      );
    case "submitted":
      return (
        <div className={box}>
          <p className="text-slate-700">
            The {state.cycle.name} assessment was submitted
            {state.submittedAt ? ` on ${formatDayLong(state.submittedAt)}` : ""}, so your answers can no
            longer be changed. If it is reopened, you can change them again.
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
