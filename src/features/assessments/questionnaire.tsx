"use client";

import Link from "next/link";
import { useMemo } from "react";
import { draftMatchesServer, type AnswerDraft } from "./answer-draft";
import { formatDayLong } from "@/domain/format";
import { playbookPath, reviewPath, teamPath } from "@/contracts/assessments/paths";
import { QuestionField } from "./question-field";
import type { QuestionnaireSession, SectionView, ServerAnswer } from "@/contracts/assessments/types";
import { useAnswerSync, type QuestionSyncState, type SaveStatus } from "./use-answer-sync";

export function Questionnaire({ session }: { session: QuestionnaireSession }) {
  const sync = useAnswerSync(session);
  const { server, drafts, syncStates, status, blocked } = sync;
  const total = useMemo(
    () => session.sections.reduce((sum, section) => sum + section.questions.length, 0),
    [session.sections],
  );
  const answered = Object.values(server).filter((answer) => !answer.carriedOver).length;
  const toConfirm = Object.values(server).filter((answer) => answer.carriedOver).length;

  return (
    <div className="grid gap-8 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside className="space-y-5 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        <ProgressSummary answered={answered} toConfirm={toConfirm} total={total} />
        <SaveStatusPanel status={status} onRetry={sync.retry} />
        <nav aria-label="Questionnaire sections" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-900">Sections</h2>
          <ol className="mt-2 space-y-1 text-sm">
            {session.sections.map((section) => {
              const done = section.questions.filter(
                (question) => server[question.id] && !server[question.id]!.carriedOver,
              ).length;
              return (
                <li key={section.anchor}>
                  <a
                    href={`#${section.anchor}`}
                    className="flex justify-between gap-2 rounded px-1 py-0.5 text-blue-800 underline-offset-2 hover:underline"
                  >
                    <span>{section.title}</span>
                    <span className="shrink-0 text-slate-700">
                      {done}/{section.questions.length}
                      <span className="sr-only"> answered</span>
                    </span>
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
        <Link
          href={reviewPath(session.team.slug)}
          className="block rounded-md bg-blue-700 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-blue-800"
        >
          Review and submit
        </Link>
      </aside>

      <div className="min-w-0 space-y-10">
        {blocked ? (
          <div
            role="alert"
            className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950"
          >
            <p className="font-semibold">Changes can no longer be saved here.</p>
            <p className="mt-1">{blocked}</p>
            <p className="mt-1">
              <Link href={teamPath(session.team.slug)} className="underline">
                Back to the team page
              </Link>
            </p>
          </div>
        ) : null}
        <p className="max-w-3xl text-slate-700">
          Due {formatDayLong(session.cycle.closesOn)}. Every answer is saved as you go, so you can stop and come
          back at any time.
          {session.carriedFromCycleName
            ? ` Answers from ${session.carriedFromCycleName} are filled in: confirm each one that still holds, or change it.`
            : ""}
        </p>
        {session.sections.map((section) => (
          <QuestionnaireSection
            key={section.anchor}
            section={section}
            server={server}
            drafts={drafts}
            syncStates={syncStates}
            session={session}
            disabled={blocked !== null}
            actions={sync}
          />
        ))}
        <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
          <Link
            href={reviewPath(session.team.slug)}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
          >
            Review and submit
          </Link>
          <p className="text-sm text-slate-700">
            The review lists anything still missing before the team lead submits.
          </p>
        </div>
      </div>
    </div>
  );
}

function QuestionnaireSection({
  section,
  server,
  drafts,
  syncStates,
  session,
  disabled,
  actions,
}: {
  section: SectionView;
  server: Record<string, ServerAnswer>;
  drafts: Record<string, AnswerDraft>;
  syncStates: Record<string, QuestionSyncState>;
  session: QuestionnaireSession;
  disabled: boolean;
  actions: ReturnType<typeof useAnswerSync>;
}) {
  const headingId = `${section.anchor}-heading`;
  const awaiting = section.questions
    .filter((question) => {
      const answer = server[question.id];
      return (
        answer?.carriedOver &&
        syncStates[question.id]?.kind !== "conflict" &&
        draftMatchesServer(question, drafts[question.id]!, answer)
      );
    })
    .map((question) => question.id);

  return (
    <section id={section.anchor} aria-labelledby={headingId} className="scroll-mt-24 space-y-4">
      <div className="space-y-2">
        <h2 id={headingId} className="text-2xl font-semibold text-slate-900">
          {section.title}
        </h2>
        <p className="max-w-3xl text-slate-700">{section.intro}</p>
        {section.pitfallId ? (
          <p className="text-sm">
            <a href={playbookPath(section.pitfallId)} className="text-blue-800 underline hover:text-blue-950">
              Read about {section.title} in the playbook
            </a>
          </p>
        ) : null}
        {awaiting.length > 0 ? (
          <div className="flex flex-wrap items-center gap-3 pt-1">
            <button
              type="button"
              disabled={disabled}
              onClick={() => actions.confirm(awaiting)}
              className="rounded-md border border-amber-700 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-950 hover:bg-amber-100 disabled:cursor-not-allowed disabled:opacity-60"
            >
              Confirm all in this section
              <span className="sr-only"> ({section.title})</span>
            </button>
            <span className="text-sm text-slate-700">
              {awaiting.length} carried-over {awaiting.length === 1 ? "answer" : "answers"} to confirm
            </span>
          </div>
        ) : null}
      </div>
      {section.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          draft={drafts[question.id]!}
          server={server[question.id]}
          sync={syncStates[question.id]}
          carriedFromCycleName={session.carriedFromCycleName}
          actorId={session.actorId}
          disabled={disabled}
          onChange={actions.updateDraft}
          onFlush={actions.flush}
          onConfirm={actions.confirm}
          onResolveConflict={actions.resolveConflict}
        />
      ))}
    </section>
  );
}

function ProgressSummary({
  answered,
  toConfirm,
  total,
}: {
  answered: number;
  toConfirm: number;
  total: number;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p id="questionnaire-progress-label" className="text-sm font-semibold text-slate-900">
        Progress
      </p>
      <progress
        aria-labelledby="questionnaire-progress-label"
        aria-describedby="questionnaire-progress-text"
        max={total}
        value={answered}
        className="mt-2 h-3 w-full appearance-none overflow-hidden rounded-full border border-slate-400 bg-slate-100 [&::-moz-progress-bar]:bg-blue-700 [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:bg-blue-700"
      />
      <p id="questionnaire-progress-text" className="mt-1 text-sm text-slate-700">
        {answered} of {total} questions answered
        {toConfirm > 0
          ? `; ${toConfirm} carried-over ${toConfirm === 1 ? "answer" : "answers"} to confirm`
          : ""}
      </p>
    </div>
  );
}

function SaveStatusPanel({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const text =
    status.kind === "saving"
      ? "Saving…"
      : status.kind === "saved"
        ? "Saved"
        : status.kind === "error"
          ? status.canRetry
            ? `Could not save — retry. ${status.message}`
            : `Could not save. ${status.message}`
          : "Answers save automatically as you go.";
  return (
    <div
      className={`rounded-lg border p-4 text-sm ${status.kind === "error" ? "border-red-700 bg-red-50 text-red-950" : "border-slate-200 bg-white text-slate-800"}`}
    >
      <p role="status" aria-live="polite" aria-atomic="true" data-testid="save-status">
        {text}
      </p>
      {status.kind === "error" && status.canRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded-md bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900"
        >
          Retry saving
        </button>
      ) : null}
    </div>
  );
}
