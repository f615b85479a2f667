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
  onOnline(listener) {
    window.addEventListener("online", listener);
    return () => window.removeEventListener("online", listener);
  },
  onLeaveWithinApp(listener) {
    // Links between the app's pages swap the page without unloading it, so beforeunload never
    // fires; a click on one is checked first, in the capture phase, before the router sees it.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download"))
        return;
      const to = new URL(link.href, window.location.href);
      // Another site unloads the page (beforeunload asks); a link within the page stays on it.
      if (to.origin !== window.location.origin || to.pathname === window.location.pathname) return;
      if (listener() && !window.confirm(LEAVE_WITH_UNSAVED_ANSWERS)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  },
};

export const LEAVE_WITH_UNSAVED_ANSWERS =
  "Some answers are not saved (see the message on this page). Leave anyway and lose them?";

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
