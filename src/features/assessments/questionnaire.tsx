"use client";

import { Link } from "@/ui/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { draftMatchesServer, type AnswerDraft } from "./answer-draft";
import {
  assessmentProgress,
  firstSectionWithWorkLeft,
  type AssessmentProgress,
  type ProgressQuestion,
} from "@/domain/assessments/progress";
import { questionsNotAsked, type ContextLookup } from "@/domain/assessments/asked-questions";
import { notApplicableContradiction } from "@/domain/assessments/contradicted-answers";
import { impossibleAnswerMessages } from "@/domain/assessments/impossible-answers";
import { playbookPath, questionAnchor, reviewPath, teamPath } from "@/contracts/assessments/paths";
import { QuestionField } from "./question-field";
import { ProgressSummary } from "./progress-summary";
import { saveStatusView } from "./save-status";
import type {
  QuestionnaireSession,
  QuestionView,
  SectionView,
  ServerAnswer,
} from "@/contracts/assessments/types";
import { useAnswerSync, type QuestionSyncState, type SaveStatus } from "./use-answer-sync";
import { dueDateWithDistance } from "@/domain/cycles/due-date";

/** The section holding an anchor: a section's own, or one of its questions'. */
function sectionIndexOf(sections: readonly SectionView[], anchor: string): number {
  return sections.findIndex(
    (section) =>
      section.anchor === anchor ||
      section.questions.some((question) => questionAnchor(question.id) === anchor),
  );
}

/**
 * The questionnaire, one section at a time: the section list beside it (above it on a phone) says
 * what each section still needs and switches sections; links to a question (from the review page)
 * open its section. The save status stays in view: beside the questions on a wide screen, along
 * the bottom of the screen on a phone.
 *
 * The same questionnaire edits the team's answers (then it ends at the review) or, on "My answers",
 * the person's own (then it leads back to the team page, keeps no notes, and confirms all remaining
 * carried-over answers here, as there is no review of one's own answers).
 */
export function Questionnaire({ session }: { session: QuestionnaireSession }) {
  const sync = useAnswerSync(session);
  const { server, drafts, syncStates, status, blocked } = sync;
  // The questions the saved team context leaves out are not shown, counted or required; they come
  // back as soon as a changed context answer is saved.
  const savedContext = useMemo<ContextLookup>(
    () => (field) => session.teamContext?.[field] ?? server[field],
    [session.teamContext, server],
  );
  const sections = useMemo(
    () => askedSections(session.sections, savedContext),
    [session.sections, savedContext],
  );
  // "Not applicable" the saved team context rules out, per question: said on the question as soon
  // as it is chosen, and in the save status, in the words the review and submitting use.
  const contradictions = useMemo(
    () => contradictionsOf(session.sections, session.contextQuestions, savedContext),
    [session.sections, session.contextQuestions, savedContext],
  );
  // Saved answers that cannot all be true, per question concerned: said beside each of them, in
  // the words the review and submitting use, whatever is being answered now.
  const impossible = useMemo(() => impossibleAnswerMessages(savedContext), [savedContext]);
  const own = session.respondent === "self";
  // Coming back to the questionnaire opens the first section with work left (answers to confirm,
  // required ones missing), not the first section; a link to a section or question still wins.
  const [current, setCurrent] = useState(() =>
    firstSectionWithWorkLeft(
      sections.map((section) => ({ questions: countedAs(section.questions, own) })),
      server,
    ),
  );
  const headingRefs = useRef(new Map<string, HTMLHeadingElement>());
  const questions = useMemo(() => sections.flatMap((section) => section.questions), [sections]);
  const progressOf = (items: readonly QuestionView[]) => assessmentProgress(countedAs(items, own), server);
  const progress = progressOf(questions);

  const showSection = useCallback(
    (index: number, focus: "heading" | string) => {
      const section = sections[index];
      if (!section) return;
      setCurrent(index);
      // After the section renders: move focus to its heading (or the linked question) and bring it into view.
      requestAnimationFrame(() => {
        const target =
          focus === "heading"
            ? headingRefs.current.get(section.anchor)
            : fieldToFix(document.getElementById(focus));
        const scrollTarget =
          focus === "heading" ? document.getElementById(section.anchor) : document.getElementById(focus);
        scrollTarget?.scrollIntoView({ block: "start" });
        target?.focus({ preventScroll: true });
      });
    },
    [sections],
  );

  // A link to a section or question (#question-…) opens the section it is in: once when the page
  // opens and whenever the address's hash changes, never again on a save. `sections` is rebuilt
  // after every save (a context answer can change which questions are asked), so an effect that
  // depended on it would scroll back to the hash and take focus from the field being typed in.
  const latest = useRef({ sections, showSection });
  useEffect(() => {
    latest.current = { sections, showSection };
  }, [sections, showSection]);
  useEffect(() => {
    const openFromHash = () => {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      if (!anchor) return;
      const { sections: asked, showSection: show } = latest.current;
      const index = sectionIndexOf(asked, anchor);
      if (index >= 0) show(index, anchor === asked[index]!.anchor ? "heading" : anchor);
    };
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
    return () => window.removeEventListener("hashchange", openFromHash);
  }, []);

  const goTo = (index: number) => {
    const section = sections[index];
    if (!section) return;
    window.history.replaceState(null, "", `#${section.anchor}`);
    showSection(index, "heading");
  };

  const section = sections[current]!;
  const next = sections[current + 1];
  const previous = sections[current - 1];
  const finish = own
    ? { href: teamPath(session.team.slug), label: `Back to ${session.team.name}` }
    : { href: reviewPath(session.team.slug), label: "Review and submit" };
  const remaining = own ? awaitingConfirmation(questions, server, drafts, syncStates) : [];
  const needsCorrection = questions
    .filter((question) => drafts[question.id]?.mode === "notApplicable" && contradictions[question.id])
    .map((question) => question.id);

  return (
    <div className="grid gap-6 pb-[max(7rem,var(--save-status-reserve,0px))] lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-8 lg:pb-0">
      {/* On a wide screen the sidebar stays in view; only its upper part scrolls, so the main
          button under it is always whole, however long the save status grows. */}
      <aside className="space-y-4 lg:sticky lg:top-20 lg:flex lg:max-h-[calc(100vh-6rem)] lg:flex-col lg:space-y-0 lg:gap-4 lg:self-start">
        <div className="space-y-4 lg:min-h-0 lg:overflow-y-auto" data-testid="questionnaire-sidebar-scroll">
          <div className="hidden lg:block">
            <ProgressSummary progress={progress} idPrefix="questionnaire-progress" />
          </div>
          <SaveStatusBar
            status={status}
            syncStates={syncStates}
            session={session}
            progress={progress}
            needsCorrection={needsCorrection}
            impossible={impossible}
            onRetry={sync.retry}
            onShowQuestion={(questionId) => {
              const index = sectionIndexOf(sections, questionAnchor(questionId));
              if (index >= 0) showSection(index, questionAnchor(questionId));
            }}
          />
          <nav
            aria-label="Questionnaire sections"
            className="rounded-lg border border-slate-200 bg-white p-3"
          >
            <h2 className="px-1 text-sm font-semibold text-slate-900">Sections</h2>
            <ol className="mt-1 grid gap-0.5 text-sm sm:grid-cols-2 lg:grid-cols-1">
              {sections.map((item, index) => {
                const counts = progressOf(item.questions);
                return (
                  <li key={item.anchor}>
                    <a
                      href={`#${item.anchor}`}
                      aria-current={index === current ? "step" : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        goTo(index);
                      }}
                      className={`flex justify-between gap-2 rounded px-2 py-1 underline-offset-2 hover:underline ${
                        index === current ? "bg-blue-50 font-semibold text-blue-950" : "text-blue-800"
                      }`}
                    >
                      <span>{item.title}</span>
                      <SectionState counts={counts} />
                    </a>
                  </li>
                );
              })}
            </ol>
          </nav>
        </div>
        <Link
          href={finish.href}
          className="hidden rounded-md bg-blue-700 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-blue-800 lg:block lg:shrink-0"
        >
          {finish.label}
        </Link>
      </aside>

      <div className="min-w-0 space-y-6">
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
          Due {dueDateWithDistance(session.cycle)}. Every answer is saved as you go, so you can stop and come
          back at any time.
          {session.carriedFromCycleName
            ? ` ${own ? "Your answers" : "Answers"} from ${session.carriedFromCycleName} are filled in: confirm each one that still holds, or change it.`
            : ""}
        </p>
        {remaining.length > 0 ? (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              disabled={blocked !== null}
              onClick={() => {
                // The button goes once they are confirmed: keep focus in the section, on its heading.
                headingRefs.current.get(section.anchor)?.focus();
                sync.confirm(remaining);
              }}
              className="rounded-md border border-amber-700 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-950 hover:bg-amber-100 disabled:cursor-not-allowed disabled:opacity-60"
            >
              Confirm all {remaining.length} remaining
            </button>
            <span className="text-sm text-slate-700">
              if every answer carried over from {session.carriedFromCycleName ?? "last quarter"} still holds
            </span>
          </div>
        ) : null}
        <QuestionnaireSection
          key={section.anchor}
          section={section}
          position={{ index: current, count: sections.length }}
          headingRef={(element) => {
            if (element) headingRefs.current.set(section.anchor, element);
            else headingRefs.current.delete(section.anchor);
          }}
          server={server}
          drafts={drafts}
          syncStates={syncStates}
          session={session}
          disabled={blocked !== null}
          contradictions={contradictions}
          impossible={impossible}
          actions={sync}
        />
        <nav
          aria-label="Next and previous section"
          className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6"
        >
          {previous ? (
            <button
              type="button"
              onClick={() => goTo(current - 1)}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50"
            >
              <span aria-hidden="true">← </span>Previous: {previous.title}
            </button>
          ) : null}
          {next ? (
            <button
              type="button"
              onClick={() => goTo(current + 1)}
              className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
            >
              Next: {next.title}
              <span aria-hidden="true"> →</span>
            </button>
          ) : null}
          <Link
            href={finish.href}
            className={
              next
                ? "text-sm font-semibold text-blue-800 underline hover:text-blue-950"
                : "rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
            }
          >
            {finish.label}
          </Link>
        </nav>
        <p className="text-sm text-slate-700">
          {own
            ? "The team lead sees how many people gave each answer, never who gave which, and settles the team answer."
            : "The review lists anything still missing before the team lead submits."}
        </p>
      </div>
    </div>
  );
}

/** A section with only the questions the team is asked, and how many it leaves out. */
type AskedSection = SectionView & { notAskedCount: number };

/**
 * The sections with only the questions the team is asked, given its saved team context (the team's
 * own answers on its questionnaire; read with the page on "My answers"), and how many each leaves
 * out.
 */
function askedSections(sections: readonly SectionView[], context: ContextLookup): AskedSection[] {
  const notAsked = questionsNotAsked(
    {
      context: sections
        .filter((section) => section.pitfallId === null)
        .flatMap((section) => section.questions),
      pitfall: sections
        .filter((section) => section.pitfallId !== null)
        .flatMap((section) => section.questions),
    },
    context,
  );
  return sections.map((section) => {
    const questions = section.questions.filter((question) => !notAsked.has(question.id));
    return { ...section, questions, notAskedCount: section.questions.length - questions.length };
  });
}

/** For each question whose "not applicable" the saved team context rules out: the reason why. */
function contradictionsOf(
  sections: readonly SectionView[],
  hiddenContextQuestions: readonly QuestionView[] | undefined,
  context: ContextLookup,
): Record<string, string> {
  const contextQuestions = new Map(
    [
      ...(hiddenContextQuestions ?? []),
      ...sections.filter((section) => section.pitfallId === null).flatMap((section) => section.questions),
    ].map((question) => [question.id, question] as const),
  );
  const found: Record<string, string> = {};
  for (const question of sections.flatMap((section) => section.questions)) {
    const message = notApplicableContradiction(question.applicableWhen, context, (field) =>
      contextQuestions.get(field),
    );
    if (message) found[question.id] = message;
  }
  return found;
}

/** Why a section shows fewer questions than it has: in the team context, its own earlier answers. */
function notAskedSentence(section: AskedSection): string {
  const count = section.notAskedCount;
  const questions = count === 1 ? "1 question of this section is" : `${count} questions of this section are`;
  const reason = section.pitfallId === null ? "your answers above say" : "your team context says";
  return `${questions} not asked: ${reason} ${count === 1 ? "it does" : "they do"} not apply to your team.`;
}

/**
 * The questions as progress counts them. One's own answers are all optional: "required" is about
 * what the team must answer before the lead submits.
 */
function countedAs(questions: readonly QuestionView[], own: boolean): readonly ProgressQuestion[] {
  return own ? questions.map((question) => ({ id: question.id, required: false })) : questions;
}

/** Carried-over answers shown as they are, ready to confirm (not changed, not in conflict). */
function awaitingConfirmation(
  questions: readonly QuestionView[],
  server: Record<string, ServerAnswer>,
  drafts: Record<string, AnswerDraft>,
  syncStates: Record<string, QuestionSyncState>,
): string[] {
  return questions
    .filter((question) => {
      const answer = server[question.id];
      return (
        answer?.carriedOver &&
        syncStates[question.id]?.kind !== "conflict" &&
        draftMatchesServer(question, drafts[question.id]!, answer)
      );
    })
    .map((question) => question.id);
}

/** "done", "3 to confirm", "2 missing": what a section still needs, in a few words. */
function SectionState({ counts }: { counts: AssessmentProgress }) {
  const parts = [
    counts.toConfirm > 0 ? `${counts.toConfirm} to confirm` : null,
    counts.missingRequired > 0 ? `${counts.missingRequired} missing` : null,
  ].filter(Boolean);
  return (
    <span className="shrink-0 text-right font-normal text-slate-700">
      {parts.length > 0 ? parts.join(", ") : `${counts.answered}/${counts.total}`}
      <span className="sr-only">{parts.length > 0 ? "" : " answered"}</span>
    </span>
  );
}

function QuestionnaireSection({
  section,
  position,
  headingRef,
  server,
  drafts,
  syncStates,
  session,
  disabled,
  contradictions,
  impossible,
  actions,
}: {
  section: AskedSection;
  position: { index: number; count: number };
  headingRef: (element: HTMLHeadingElement | null) => void;
  server: Record<string, ServerAnswer>;
  drafts: Record<string, AnswerDraft>;
  syncStates: Record<string, QuestionSyncState>;
  session: QuestionnaireSession;
  disabled: boolean;
  contradictions: Readonly<Record<string, string>>;
  impossible: Readonly<Record<string, string>>;
  actions: ReturnType<typeof useAnswerSync>;
}) {
  const headingId = `${section.anchor}-heading`;
  const localHeading = useRef<HTMLHeadingElement | null>(null);
  const awaiting = awaitingConfirmation(section.questions, server, drafts, syncStates);

  return (
    <section id={section.anchor} aria-labelledby={headingId} className="scroll-mt-24 space-y-4">
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-600">
          Section {position.index + 1} of {position.count}
        </p>
        <h2
          id={headingId}
          ref={(element) => {
            localHeading.current = element;
            headingRef(element);
          }}
          tabIndex={-1}
          className="text-2xl font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700"
        >
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
              onClick={() => {
                // The button goes once they are confirmed: keep focus in the section, on its heading.
                localHeading.current?.focus();
                actions.confirm(awaiting);
              }}
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
        {section.notAskedCount > 0 ? (
          <p className="max-w-3xl text-sm text-slate-700">{notAskedSentence(section)}</p>
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
          allowNote={session.respondent === "team"}
          individual={session.individual?.[question.id]}
          contradiction={contradictions[question.id] ?? null}
          impossible={impossible[question.id] ?? null}
          onChange={actions.updateDraft}
          onFlush={actions.flush}
          onConfirm={actions.confirm}
          onResolveConflict={actions.resolveConflict}
        />
      ))}
    </section>
  );
}

/**
 * Where a link to a question puts the cursor: on what needs fixing (a field marked invalid, or the
 * reason "Not applicable" waits for), else on the question's first control.
 */
function fieldToFix(question: HTMLElement | null): HTMLElement | null {
  if (!question) return null;
  return (
    question.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    question.querySelector<HTMLElement>('[data-field="reason"]') ??
    question.querySelector<HTMLElement>("input, textarea, button")
  );
}

/**
 * Whether changes are saved, always in view: in the side column on a wide screen, fixed along the
 * bottom of the screen on a phone (with the progress in a line), so answering halfway down a
 * section still shows "Saved" or "Not saved: …".
 */
function SaveStatusBar({
  status,
  syncStates,
  session,
  progress,
  needsCorrection,
  impossible,
  onRetry,
  onShowQuestion,
}: {
  status: SaveStatus;
  syncStates: Record<string, QuestionSyncState>;
  session: QuestionnaireSession;
  progress: AssessmentProgress;
  needsCorrection: readonly string[];
  impossible: Readonly<Record<string, string>>;
  onRetry: () => void;
  onShowQuestion: (questionId: string) => void;
}) {
  const questions = useMemo(
    () => session.sections.flatMap((section) => section.questions),
    [session.sections],
  );
  const view = saveStatusView(status, syncStates, questions, needsCorrection, impossible);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // On a phone the panel is fixed along the bottom of the screen and grows with a long message.
  // The page keeps that much room below whatever is scrolled to or focused (scroll padding), and
  // when the panel grows, the field being typed in is brought back above it instead of hidden.
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const root = document.documentElement;
    let height = 0;
    const reserve = () => {
      const fixed = getComputedStyle(panel).position === "fixed";
      // What the panel covers, measured from the bottom of the viewport the page scrolls in.
      const covered = root.clientHeight - panel.getBoundingClientRect().top;
      root.style.scrollPaddingBottom = fixed ? `${Math.ceil(covered) + 8}px` : "";
      // And room below the page's last buttons, so scrolled to the end they are never under it.
      if (fixed) root.style.setProperty("--save-status-reserve", `${Math.ceil(covered) + 16}px`);
      else root.style.removeProperty("--save-status-reserve");
      const grew = panel.offsetHeight > height;
      height = panel.offsetHeight;
      const field = document.activeElement;
      if (
        fixed &&
        grew &&
        field instanceof HTMLElement &&
        field.closest("fieldset") &&
        !panel.contains(field)
      )
        field.scrollIntoView({ block: "nearest" });
    };
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(panel);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
      root.style.removeProperty("--save-status-reserve");
    };
  }, []);
  const tone =
    view.tone === "problem"
      ? "border-red-700 bg-red-50 text-red-950"
      : view.tone === "ok"
        ? "border-green-700 bg-green-50 text-green-950"
        : "border-slate-300 bg-white text-slate-800";
  return (
    <div
      ref={panelRef}
      data-testid="save-status-panel"
      className={`fixed inset-x-0 bottom-0 z-30 border-t-2 px-4 py-2 text-sm shadow-[0_-2px_6px_rgba(0,0,0,0.08)] lg:static lg:rounded-lg lg:border lg:p-4 lg:shadow-none ${tone}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p
          ref={statusRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          aria-atomic="true"
          data-testid="save-status"
          className="min-w-48 flex-1 font-medium focus:outline-none"
        >
          {view.text}
        </p>
        {view.canRetry ? (
          <button
            type="button"
            onClick={() => {
              statusRef.current?.focus();
              onRetry();
            }}
            className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900"
          >
            Retry saving
          </button>
        ) : null}
        {view.questionId ? (
          <button
            type="button"
            onClick={() => onShowQuestion(view.questionId!)}
            className={`rounded-md border bg-white px-3 py-1 text-sm font-semibold ${
              view.tone === "problem"
                ? "border-red-800 text-red-900 hover:bg-red-100"
                : "border-slate-500 text-slate-900 hover:bg-slate-100"
            }`}
          >
            Show the question
          </button>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-slate-700 lg:hidden">
        {progress.answered} of {progress.total} answered
        {progress.toConfirm > 0 ? ` · ${progress.toConfirm} to confirm` : ""}
        {progress.missingRequired > 0 ? ` · ${progress.missingRequired} required missing` : ""}
      </p>
    </div>
  );
}
