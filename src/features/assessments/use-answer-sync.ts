"use client";

/**
 * Connects the questionnaire to the answer sync queue (`answer-sync-queue.ts`, where the saving,
 * conflict and retry rules live and are unit-tested). This file only supplies the real world: the
 * autosave routes as the transport (`autosave-transport.ts`; the team's answers, or the person's
 * own on "My answers"), the browser's timers and clock, and the page events (pagehide, the tab
 * hidden, beforeunload); React reads the queue through `useSyncExternalStore`.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  AnswerSyncQueue,
  type AnswerSyncTimers,
  type AnswerSyncTransport,
  type PageLifecycle,
} from "./answer-sync-queue";
import { autosaveTransport } from "./autosave-transport";
import type { QuestionnaireSession } from "@/contracts/assessments/types";

export { TEXT_SAVE_DELAY_MS, type QuestionSyncState, type SaveStatus } from "./answer-sync-queue";

const transports: Record<QuestionnaireSession["respondent"], AnswerSyncTransport> = {
  team: autosaveTransport("team", (input, init) => fetch(input, init)),
  self: autosaveTransport("self", (input, init) => fetch(input, init)),
};

const browserTimers: AnswerSyncTimers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

const browserPage: PageLifecycle = {
  onHide(listener) {
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") listener();
    };
    window.addEventListener("pagehide", listener);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      window.removeEventListener("pagehide", listener);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  },
  onBeforeUnload(listener) {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (listener()) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  },
};

export function useAnswerSync(session: QuestionnaireSession) {
  // One queue for the life of the page: it holds unsaved edits and in-flight saves across renders.
  const [queue] = useState(
    () =>
      new AnswerSyncQueue({
        assessmentId: session.assessment.id,
        version: session.assessment.version,
        questions: session.sections.flatMap((section) => section.questions),
        answers: session.answers,
        transport: transports[session.respondent],
        timers: browserTimers,
      }),
  );
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);

  useEffect(() => queue.attachToPage(browserPage), [queue]);

  return {
    ...snapshot,
    updateDraft: queue.updateDraft,
    flush: queue.flush,
    confirm: queue.confirm,
    resolveConflict: queue.resolveConflict,
    retry: queue.retry,
  };
}
