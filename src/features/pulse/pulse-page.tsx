import { teamPath } from "@/contracts/assessments/paths";
import type { PulsePageState } from "@/contracts/pulse/views";
import { formatDayLong } from "@/domain/format";
import { Breadcrumbs } from "@/features/playbook/breadcrumbs";
import { TextLink } from "@/ui/text-link";
import { PulseForm } from "./pulse-form";
import { participantsSentence } from "./pulse-summary";

const box = "max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6";

export function PulsePage({ state, showMyTeamsCrumb }: { state: PulsePageState; showMyTeamsCrumb: boolean }) {
  const { team } = state;
  const cycleName = state.kind === "no-open-cycle" ? null : state.cycle.name;
  const title = cycleName ? `${cycleName} anonymous pulse` : "Anonymous pulse";
  return (
    <div className="space-y-6">
      <Breadcrumbs
        crumbs={[
          ...(showMyTeamsCrumb ? [{ label: "My teams", href: "/team" }] : []),
          { label: team.name, href: teamPath(team.slug) },
          { label: title },
        ]}
      />
      <h1 className="text-3xl font-bold tracking-tight">
        {team.name}: {title}
      </h1>
      {state.kind === "ready" ? (
        <div className="max-w-3xl space-y-6">
          <PulseIntro threshold={state.threshold} />
          <p className="text-sm text-slate-700">
            {participantsSentence({ participants: state.participants, cycleName: state.cycle.name })}
            {state.availability.kind === "open"
              ? ` It stays open until the team submits its ${state.cycle.name} assessment (due ${formatDayLong(state.cycle.closesOn)}).`
              : null}
          </p>
          {state.availability.kind === "open" || state.availability.kind === "answered" ? (
            <PulseForm
              teamSlug={team.slug}
              teamName={team.name}
              cycleId={state.cycle.id}
              cycleName={state.cycle.name}
              groups={state.groups}
              alreadyAnswered={state.availability.kind === "answered"}
            />
          ) : (
            <div className={box}>
              <p className="text-slate-700">{state.availability.reason}</p>
              <TextLink href={teamPath(team.slug)}>Back to {team.name}</TextLink>
            </div>
          )}
        </div>
      ) : (
        <div className={box}>
          <p className="text-slate-700">
            {state.kind === "no-open-cycle"
              ? "No assessment cycle is open right now, so there is no pulse to answer. An admin or the head of engineering opens a cycle each quarter."
              : `The ${state.cycle.name} questionnaire has no pulse questions, so there is nothing to answer this quarter.`}
          </p>
          <TextLink href={teamPath(team.slug)}>Back to {team.name}</TextLink>
        </div>
      )}
    </div>
  );
}

function PulseIntro({ threshold }: { threshold: number }) {
  return (
    <div className="space-y-3 rounded-lg border border-blue-200 bg-blue-50 p-5 text-sm text-slate-900">
      <p>
        Only the people concerned know how on-call and the specialist workload really feel. Answer for
        yourself: nobody else answers these questions for you.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Anonymous.</strong> Only how many people chose each answer is kept. That you answered is
          recorded (so nobody answers twice), but never what you answered.
        </li>
        <li>
          <strong>Only counts of at least {threshold} people are shown</strong>, to everyone who can see the
          team, admins included. Below that, nobody sees anything about the answers.
        </li>
        <li>
          <strong>Final once sent.</strong> Nothing links your answers to you, so they cannot be changed or
          withdrawn afterwards.
        </li>
      </ul>
    </div>
  );
}
