"use client";

/**
 * Keeps the questionnaire and the server in step. Every change is saved at once (typed text after
 * a short pause); saves run one at a time so each carries the version the previous one returned.
 * When someone else (or another tab) wrote first, the server refuses and sends its current
 * answers: questions this screen did not touch take the new answers, and only questions changed on
 * both sides ask the person which to keep. Nothing is ever overwritten silently.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { confirmAnswersAction, saveAnswerAction } from "@/server/assessments/actions";
import type { ActionResult } from "@/features/shared/action-result";
import {
  draftFromServer,
  draftMatchesServer,
  draftToPayload,
  mergeServerAnswers,
  type AnswerDraft,
} from "./answer-draft";
import type { AnswerConflictDetails, QuestionnaireSession, QuestionView, ServerAnswer } from "./types";

/** Typing pauses shorter than this are one edit, so a number or a reason is not saved per keystroke. */
export const TEXT_SAVE_DELAY_MS = 600;

export type QuestionSyncState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "invalid"; field: "value" | "reason" | "note"; message: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: ServerAnswer | null };

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; message: string; canRetry: boolean };

type Operation = { type: "save"; questionId: string } | { type: "confirm"; questionIds: string[] };
type Outcome = "done" | "again" | "halt";

const IDLE: QuestionSyncState = { kind: "idle" };
const NETWORK_MESSAGE = "Could not reach the server. Check your connection, then retry.";

function isAnswerConflict(details: unknown): details is AnswerConflictDetails {
  return (
    typeof details === "object" &&
    details !== null &&
    (details as { kind?: unknown }).kind === "answer-conflict"
  );
}

export function useAnswerSync(session: QuestionnaireSession) {
  const questions = useMemo(() => {
    const map = new Map<string, QuestionView>();
    for (const section of session.sections)
      for (const question of section.questions) map.set(question.id, question);
    return map;
  }, [session.sections]);

  const [server, setServerState] = useState<Record<string, ServerAnswer>>(session.answers);
  const [drafts, setDraftState] = useState<Record<string, AnswerDraft>>(() => {
    const initial: Record<string, AnswerDraft> = {};
    for (const [questionId, question] of questions)
      initial[questionId] = draftFromServer(question, session.answers[questionId]);
    return initial;
  });
  const [syncStates, setSyncStateMap] = useState<Record<string, QuestionSyncState>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  /** Set when the assessment can no longer be edited here (submitted, cycle closed, access lost). */
  const [blocked, setBlocked] = useState<string | null>(null);

  // Refs mirror the state so the save loop, which outlives renders, always reads the latest values.
  const serverRef = useRef(server);
  const draftsRef = useRef(drafts);
  const syncRef = useRef(syncStates);
  const versionRef = useRef(session.assessment.version);
  const editCount = useRef(new Map<string, number>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const queue = useRef<Operation[]>([]);
  const running = useRef(false);
  const halted = useRef(false);
  /** Set when a write failed for a reason a retry may fix (network, server error); holds the message. */
  const stalled = useRef<string | null>(null);

  const setServer = useCallback(
    (update: (current: Record<string, ServerAnswer>) => Record<string, ServerAnswer>) => {
      serverRef.current = update(serverRef.current);
      setServerState(serverRef.current);
    },
    [],
  );
  const setDrafts = useCallback(
    (update: (current: Record<string, AnswerDraft>) => Record<string, AnswerDraft>) => {
      draftsRef.current = update(draftsRef.current);
      setDraftState(draftsRef.current);
    },
    [],
  );
  const setSync = useCallback((questionId: string, state: QuestionSyncState) => {
    const next = { ...syncRef.current };
    if (state.kind === "idle") delete next[questionId];
    else next[questionId] = state;
    syncRef.current = next;
    setSyncStateMap(next);
  }, []);

  const hasPendingWork = useCallback(
    () => running.current || queue.current.length > 0 || timers.current.size > 0,
    [],
  );

  const refreshStatus = useCallback(() => {
    if (halted.current) return;
    if (stalled.current !== null) {
      setStatus({ kind: "error", message: stalled.current, canRetry: true });
      return;
    }
    if (hasPendingWork()) {
      setStatus({ kind: "saving" });
      return;
    }
    const failed = Object.values(syncRef.current).find((state) => state.kind === "error");
    if (failed && failed.kind === "error")
      setStatus({ kind: "error", message: failed.message, canRetry: true });
    else
      setStatus((current) =>
        current.kind === "saving" || current.kind === "error" ? { kind: "saved", at: Date.now() } : current,
      );
  }, [hasPendingWork]);

  /** Takes in the server's answers after a refused write; returns the questions changed on both sides. */
  const takeInServerAnswers = useCallback(
    (details: AnswerConflictDetails): Set<string> => {
      const merged = mergeServerAnswers(questions, serverRef.current, draftsRef.current, details.answers);
      serverRef.current = merged.server;
      setServerState(merged.server);
      draftsRef.current = merged.drafts;
      setDraftState(merged.drafts);
      versionRef.current = details.currentVersion;
      for (const [questionId, theirs] of merged.conflicts) {
        const timer = timers.current.get(questionId);
        if (timer) clearTimeout(timer);
        timers.current.delete(questionId);
        queue.current = queue.current.filter(
          (operation, index) =>
            index === 0 || operation.type !== "save" || operation.questionId !== questionId,
        );
        setSync(questionId, { kind: "conflict", theirs });
      }
      return new Set(merged.conflicts.keys());
    },
    [questions, setSync],
  );

  /** Handles a refused write that is not a version conflict. */
  const handleFailure = useCallback(
    (result: Extract<ActionResult<unknown>, { ok: false }>, questionId: string | null): Outcome => {
      const { error } = result;
      if (error.code === "validation" && questionId) {
        const field = error.fieldErrors?.note ? "note" : "value";
        const message = error.fieldErrors?.answer?.[0] ?? error.fieldErrors?.note?.[0] ?? error.message;
        setSync(questionId, { kind: "invalid", field, message });
        return "done";
      }
      if (error.code === "conflict" || error.code === "not_found") {
        // Submitted, cycle closed, or gone: nothing more can be saved from this page.
        halted.current = true;
        setBlocked(error.message);
        setStatus({ kind: "error", message: error.message, canRetry: false });
        return "halt";
      }
      if (questionId) setSync(questionId, { kind: "error", message: error.message });
      stalled.current = error.message;
      return "halt";
    },
    [setSync],
  );

  const runSave = useCallback(
    async (questionId: string): Promise<Outcome> => {
      const question = questions.get(questionId);
      const draft = draftsRef.current[questionId];
      if (!question || !draft || syncRef.current[questionId]?.kind === "conflict") return "done";
      const payload = draftToPayload(question, draft);
      if (!payload.ok) {
        setSync(questionId, { kind: "invalid", field: payload.field, message: payload.message });
        return "done";
      }
      if (draftMatchesServer(question, draft, serverRef.current[questionId])) {
        setSync(questionId, IDLE);
        return "done";
      }
      const editsAtSend = editCount.current.get(questionId) ?? 0;
      let result: ActionResult<{ version: number; answer: ServerAnswer | null }>;
      try {
        result = await saveAnswerAction({
          assessmentId: session.assessment.id,
          questionId,
          answer: payload.answer,
          note: payload.note,
          expectedVersion: versionRef.current,
        });
      } catch {
        setSync(questionId, { kind: "error", message: NETWORK_MESSAGE });
        stalled.current = NETWORK_MESSAGE;
        return "halt";
      }
      if (result.ok) {
        versionRef.current = result.data.version;
        const saved = result.data.answer;
        setServer((current) => {
          const next = { ...current };
          if (saved) next[questionId] = saved;
          else delete next[questionId];
          return next;
        });
        const editedSince = (editCount.current.get(questionId) ?? 0) !== editsAtSend;
        if (!editedSince) setSync(questionId, IDLE);
        return "done";
      }
      if (result.error.code === "conflict" && isAnswerConflict(result.error.details)) {
        const conflicted = takeInServerAnswers(result.error.details);
        return conflicted.has(questionId) ? "done" : "again";
      }
      return handleFailure(result, questionId);
    },
    [questions, session.assessment.id, setServer, setSync, takeInServerAnswers, handleFailure],
  );

  const runConfirm = useCallback(
    async (questionIds: string[]): Promise<Outcome> => {
      const ids = questionIds.filter(
        (questionId) =>
          serverRef.current[questionId]?.carriedOver && syncRef.current[questionId]?.kind !== "conflict",
      );
      if (ids.length === 0) return "done";
      let result: ActionResult<{ version: number; answers: ServerAnswer[] }>;
      try {
        result = await confirmAnswersAction({
          assessmentId: session.assessment.id,
          questionIds: ids,
          expectedVersion: versionRef.current,
        });
      } catch {
        stalled.current = NETWORK_MESSAGE;
        return "halt";
      }
      if (result.ok) {
        versionRef.current = result.data.version;
        const confirmed = result.data.answers;
        setServer((current) => {
          const next = { ...current };
          for (const answer of confirmed) next[answer.questionId] = answer;
          return next;
        });
        return "done";
      }
      if (result.error.code === "conflict" && isAnswerConflict(result.error.details)) {
        takeInServerAnswers(result.error.details);
        return "again";
      }
      return handleFailure(result, null);
    },
    [session.assessment.id, setServer, takeInServerAnswers, handleFailure],
  );

  const pump = useCallback(async () => {
    if (running.current || halted.current || stalled.current !== null) return;
    running.current = true;
    setStatus({ kind: "saving" });
    try {
      let attemptsForHead = 0;
      while (queue.current.length > 0 && !halted.current) {
        const operation = queue.current[0]!;
        const outcome =
          operation.type === "save"
            ? await runSave(operation.questionId)
            : await runConfirm(operation.questionIds);
        if (outcome === "halt") break;
        // A refused write is retried with the new version; a bounded number of times, in case
        // someone else keeps writing in between.
        if (outcome === "again") {
          if (attemptsForHead < 5) {
            attemptsForHead++;
            continue;
          }
          stalled.current = "The assessment keeps changing while this is saved. Retry in a moment.";
          break;
        }
        attemptsForHead = 0;
        queue.current = queue.current.filter((queued) => queued !== operation);
      }
    } finally {
      running.current = false;
      refreshStatus();
    }
  }, [runSave, runConfirm, refreshStatus]);

  const enqueue = useCallback(
    (operation: Operation) => {
      if (operation.type === "save") {
        const duplicate = queue.current.some(
          (queued, index) =>
            index > 0 && queued.type === "save" && queued.questionId === operation.questionId,
        );
        if (duplicate) return;
      }
      queue.current.push(operation);
      void pump();
    },
    [pump],
  );

  const scheduleSave = useCallback(
    (questionId: string, delay: number) => {
      const existing = timers.current.get(questionId);
      if (existing) clearTimeout(existing);
      timers.current.delete(questionId);
      if (delay <= 0) {
        enqueue({ type: "save", questionId });
        return;
      }
      timers.current.set(
        questionId,
        setTimeout(() => {
          timers.current.delete(questionId);
          enqueue({ type: "save", questionId });
        }, delay),
      );
      setStatus({ kind: "saving" });
    },
    [enqueue],
  );

  /** Records an edit; radio choices save at once, typed text after a pause. */
  const updateDraft = useCallback(
    (questionId: string, draft: AnswerDraft, options: { typed: boolean }) => {
      if (halted.current) return;
      editCount.current.set(questionId, (editCount.current.get(questionId) ?? 0) + 1);
      setDrafts((current) => ({ ...current, [questionId]: draft }));
      const question = questions.get(questionId);
      if (!question) return;
      const payload = draftToPayload(question, draft);
      if (!payload.ok) {
        // Not saveable yet (e.g. "Not applicable" without its reason); the stored answer stays.
        const timer = timers.current.get(questionId);
        if (timer) clearTimeout(timer);
        timers.current.delete(questionId);
        setSync(questionId, { kind: "invalid", field: payload.field, message: payload.message });
        refreshStatus();
        return;
      }
      if (syncRef.current[questionId]?.kind === "conflict") return;
      setSync(questionId, { kind: "pending" });
      scheduleSave(questionId, options.typed ? TEXT_SAVE_DELAY_MS : 0);
    },
    [questions, setDrafts, setSync, scheduleSave, refreshStatus],
  );

  /** Saves typed text now instead of after the pause (on leaving the field or the page). */
  const flush = useCallback(
    (questionId?: string) => {
      const ids = questionId ? [questionId] : [...timers.current.keys()];
      for (const id of ids) if (timers.current.has(id)) scheduleSave(id, 0);
    },
    [scheduleSave],
  );

  const confirm = useCallback(
    (questionIds: string[]) => {
      if (halted.current || questionIds.length === 0) return;
      enqueue({ type: "confirm", questionIds });
    },
    [enqueue],
  );

  const resolveConflict = useCallback(
    (questionId: string, choice: "theirs" | "mine") => {
      const state = syncRef.current[questionId];
      const question = questions.get(questionId);
      if (state?.kind !== "conflict" || !question) return;
      const theirs = state.theirs;
      // Either way their answer becomes the known server state; "mine" then saves over it knowingly.
      setServer((current) => {
        const next = { ...current };
        if (theirs) next[questionId] = theirs;
        else delete next[questionId];
        return next;
      });
      if (choice === "theirs") {
        setDrafts((current) => ({ ...current, [questionId]: draftFromServer(question, theirs) }));
        setSync(questionId, IDLE);
        refreshStatus();
        return;
      }
      setSync(questionId, { kind: "pending" });
      scheduleSave(questionId, 0);
    },
    [questions, setServer, setDrafts, setSync, scheduleSave, refreshStatus],
  );

  const retry = useCallback(() => {
    if (halted.current) return;
    stalled.current = null;
    for (const [questionId, state] of Object.entries(syncRef.current)) {
      if (state.kind === "error") {
        setSync(questionId, { kind: "pending" });
        if (!queue.current.some((queued) => queued.type === "save" && queued.questionId === questionId)) {
          queue.current.push({ type: "save", questionId });
        }
      }
    }
    void pump();
  }, [pump, setSync]);

  // Leaving the page saves typed text at once; the browser warns while anything is unsaved.
  useEffect(() => {
    const onPageHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      const unsaved = Object.values(syncRef.current).some((state) => state.kind !== "idle");
      if (hasPendingWork() || unsaved) event.preventDefault();
    };
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("beforeunload", onBeforeUnload);
    const pendingTimers = timers.current;
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Navigating within the app unmounts the page: send what is still waiting for its pause.
      for (const [questionId, timer] of pendingTimers) {
        clearTimeout(timer);
        queue.current.push({ type: "save", questionId });
      }
      pendingTimers.clear();
      void pump();
    };
  }, [flush, hasPendingWork, pump]);

  return { server, drafts, syncStates, status, blocked, updateDraft, flush, confirm, resolveConflict, retry };
}
