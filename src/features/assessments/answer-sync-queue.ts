/**
 * The answer sync queue: keeps the questionnaire and the server in step, as plain TypeScript.
 *
 * Every change is saved at once (typed text after a short pause); saves run one at a time so each
 * carries the version the previous one returned. When someone else (or another tab) wrote first,
 * the server refuses and sends its current answers: questions this screen did not touch take the
 * new answers, and only questions changed on both sides ask the person which to keep. Nothing is
 * ever overwritten silently.
 *
 * Why it is not a React hook: the save loop outlives renders and has to read the latest drafts,
 * versions and queue at every step. Held in one object, that state needs no refs mirroring React
 * state, and the whole machine can be driven in unit tests with a fake transport and fake timers.
 * Everything that touches the outside world is handed in: the transport (the autosave routes),
 * the timers (and clock), and the page lifecycle (leaving or hiding the page). `use-answer-sync.ts`
 * wires the real ones and reads the state through `subscribe`/`getSnapshot`
 * (`useSyncExternalStore`).
 *
 * How a write can end:
 * - saved: the new version is kept, the answer becomes the known server answer;
 * - refused as invalid: shown next to the question, the queue moves on;
 * - not sent yet: "Not applicable" waits for its reason (neutral, not an error) until the person
 *   leaves the reason field with too short a reason, which then reads as invalid;
 * - refused because the assessment moved on (version conflict): the server's answers are merged in;
 *   a question changed on both sides becomes a conflict and stops saving until the person chooses,
 *   anything else is sent again with the new version, a bounded number of times;
 * - refused because the assessment can no longer be edited (submitted, cycle closed, gone, access
 *   lost): everything stops for good and the page says so;
 * - failed for a reason a retry may fix (network, server error): the queue stalls, keeps the write,
 *   and waits for the person to press Retry.
 */
import type { Answer } from "@/domain/content/schema";
import type { ActionResult } from "@/contracts/action-result";
import {
  draftAwaitsReason,
  draftFromServer,
  draftMatchesServer,
  draftToPayload,
  mergeServerAnswers,
  type AnswerDraft,
} from "./answer-draft";
import type {
  AnswerConflictDetails,
  ConfirmAnswersResult,
  QuestionView,
  SaveAnswerResult,
  ServerAnswer,
} from "@/contracts/assessments/types";

/** Typing pauses shorter than this are one edit, so a number or a reason is not saved per keystroke. */
export const TEXT_SAVE_DELAY_MS = 600;

/**
 * How many times one write is sent again after the assessment changed underneath it. Someone else
 * may keep writing in between; past this the person is asked to retry rather than looping forever.
 */
export const MAX_RESENDS_AFTER_CONCURRENT_CHANGE = 5;

export const NETWORK_MESSAGE = "Could not reach the server. Check your connection, then retry.";
export const KEEPS_CHANGING_MESSAGE = "The assessment keeps changing while this is saved. Retry in a moment.";

export type QuestionSyncState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "invalid"; field: "value" | "reason" | "note"; message: string }
  /** "Not applicable" chosen, its reason still being written: nothing is sent, nothing is wrong. */
  | { kind: "awaiting-reason" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: ServerAnswer | null };

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; message: string; canRetry: boolean };

/** What the screen renders; replaced (never mutated) on every change, as `useSyncExternalStore` expects. */
export interface AnswerSyncSnapshot {
  /** The answers as this screen last knew them from the server. */
  server: Record<string, ServerAnswer>;
  /** What each question shows now, saved or not. */
  drafts: Record<string, AnswerDraft>;
  /** Only questions that are not idle have an entry. */
  syncStates: Record<string, QuestionSyncState>;
  status: SaveStatus;
  /** Set when the assessment can no longer be edited here (submitted, cycle closed, access lost). */
  blocked: string | null;
}

export interface SaveAnswerRequest {
  assessmentId: string;
  questionId: string;
  answer: Answer | null;
  note: string | null;
  expectedVersion: number;
}

export interface ConfirmAnswersRequest {
  assessmentId: string;
  questionIds: string[];
  expectedVersion: number;
}

/** The two writes the queue makes. A thrown error or rejected promise counts as a network failure. */
export interface AnswerSyncTransport {
  saveAnswer(request: SaveAnswerRequest): Promise<ActionResult<SaveAnswerResult>>;
  confirmAnswers(request: ConfirmAnswersRequest): Promise<ActionResult<ConfirmAnswersResult>>;
}

/** Timers and clock, so tests control time; the handle is whatever `setTimeout` returned. */
export interface AnswerSyncTimers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The moments the page may go away; each registration returns its own removal. */
export interface PageLifecycle {
  /** The page is hidden or being left (pagehide, or the tab hidden): typed text must go now. */
  onHide(listener: () => void): () => void;
  /** The page is about to unload; the listener returns true when the browser should warn. */
  onBeforeUnload(listener: () => boolean): () => void;
  /** The connection came back. */
  onOnline(listener: () => void): () => void;
  /**
   * A link to another page of the app is followed (no unload: the app swaps the page itself); the
   * listener returns true when the person should be asked before leaving.
   */
  onLeaveWithinApp(listener: () => boolean): () => void;
}

export interface AnswerSyncQueueOptions {
  assessmentId: string;
  /** The assessment version the answers were read at; every write sends the latest one known. */
  version: number;
  questions: Iterable<QuestionView>;
  answers: Record<string, ServerAnswer>;
  transport: AnswerSyncTransport;
  timers: AnswerSyncTimers;
}

type Operation = { type: "save"; questionId: string } | { type: "confirm"; questionIds: string[] };
/** done: drop the operation; again: send it again with the new version; halt: stop the loop. */
type Outcome = "done" | "again" | "halt";
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

function isAnswerConflict(details: unknown): details is AnswerConflictDetails {
  return (
    typeof details === "object" &&
    details !== null &&
    (details as { kind?: unknown }).kind === "answer-conflict"
  );
}

export class AnswerSyncQueue {
  private readonly questions: ReadonlyMap<string, QuestionView>;
  private readonly assessmentId: string;
  private readonly transport: AnswerSyncTransport;
  private readonly timers: AnswerSyncTimers;
  private readonly listeners = new Set<() => void>();

  private snapshot: AnswerSyncSnapshot;
  private version: number;
  /** Counts edits per question, so a save that returns after a newer edit does not mark it saved. */
  private readonly editCount = new Map<string, number>();
  /** Typed edits waiting for the pause to end. */
  private readonly waiting = new Map<string, unknown>();
  private queue: Operation[] = [];
  private running = false;
  /** Nothing more can be saved from this page (submitted, cycle closed, gone, access lost). */
  private halted = false;
  /** A write failed for a reason a retry may fix (network, server error); holds the message. */
  private stalled: string | null = null;

  constructor(options: AnswerSyncQueueOptions) {
    const questions = new Map<string, QuestionView>();
    for (const question of options.questions) questions.set(question.id, question);
    this.questions = questions;
    this.assessmentId = options.assessmentId;
    this.version = options.version;
    this.transport = options.transport;
    this.timers = options.timers;
    const drafts: Record<string, AnswerDraft> = {};
    for (const [questionId, question] of questions)
      drafts[questionId] = draftFromServer(question, options.answers[questionId]);
    this.snapshot = {
      server: options.answers,
      drafts,
      syncStates: {},
      status: { kind: "idle" },
      blocked: null,
    };
  }

  // ---- Reading the state (arrow functions: React calls them detached) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): AnswerSyncSnapshot => this.snapshot;

  /** True while something is waiting, queued, being sent, refused or in conflict: leaving would lose it. */
  hasUnsavedChanges = (): boolean =>
    this.hasPendingWork() || Object.values(this.snapshot.syncStates).some((state) => state.kind !== "idle");

  /**
   * Edits that leaving for another page of the app would lose: saves that failed, answers that
   * cannot be saved as they stand, conflicts to settle. Saves still pending carry on after such a
   * navigation (the queue outlives the page), so they are not counted.
   */
  hasEditsLeavingWouldLose = (): boolean =>
    this.stalled !== null ||
    Object.values(this.snapshot.syncStates).some(
      (state) =>
        state.kind === "error" ||
        state.kind === "invalid" ||
        state.kind === "awaiting-reason" ||
        state.kind === "conflict",
    );

  // ---- Commands ----

  /** Records an edit; choices save at once, typed text after a pause. */
  updateDraft = (questionId: string, draft: AnswerDraft, options: { typed: boolean }): void => {
    if (this.halted) return;
    this.editCount.set(questionId, (this.editCount.get(questionId) ?? 0) + 1);
    this.setDrafts({ ...this.snapshot.drafts, [questionId]: draft });
    const question = this.questions.get(questionId);
    if (!question) return;
    const payload = draftToPayload(question, draft);
    if (!payload.ok) {
      // Not saveable yet; the stored answer stays. "Not applicable" just chosen, or its reason
      // being typed, waits for the reason rather than reading as a mistake.
      this.cancelWaiting(questionId);
      this.setSync(
        questionId,
        payload.field === "reason" && draftAwaitsReason(draft)
          ? { kind: "awaiting-reason" }
          : { kind: "invalid", field: payload.field, message: payload.message },
      );
      this.refreshStatus();
      return;
    }
    // A question in conflict keeps the edit on screen but waits for the person's choice.
    if (this.snapshot.syncStates[questionId]?.kind === "conflict") return;
    this.setSync(questionId, { kind: "pending" });
    this.scheduleSave(questionId, options.typed ? TEXT_SAVE_DELAY_MS : 0);
  };

  /** Saves typed text now instead of after the pause (on leaving the field or the page). */
  flush = (questionId?: string): void => {
    const ids = questionId ? [questionId] : [...this.waiting.keys()];
    for (const id of ids) if (this.waiting.has(id)) this.scheduleSave(id, 0);
    // Leaving the reason field with a few characters typed: now it is too short, not unfinished.
    // Left empty, the answer keeps waiting for its reason.
    if (questionId && this.snapshot.syncStates[questionId]?.kind === "awaiting-reason") {
      const question = this.questions.get(questionId);
      const draft = this.snapshot.drafts[questionId];
      if (!question || !draft || draft.reason.trim() === "") return;
      const payload = draftToPayload(question, draft);
      if (payload.ok) return;
      this.setSync(questionId, { kind: "invalid", field: payload.field, message: payload.message });
      this.refreshStatus();
    }
  };

  /** Confirms answers carried over from the previous cycle, as they are. */
  confirm = (questionIds: string[]): void => {
    if (this.halted || questionIds.length === 0) return;
    this.enqueue({ type: "confirm", questionIds });
  };

  resolveConflict = (questionId: string, choice: "theirs" | "mine"): void => {
    const state = this.snapshot.syncStates[questionId];
    const question = this.questions.get(questionId);
    if (state?.kind !== "conflict" || !question) return;
    const theirs = state.theirs;
    // Either way their answer becomes the known server state; "mine" then saves over it knowingly.
    this.setKnownAnswer(questionId, theirs);
    if (choice === "theirs") {
      this.setDrafts({ ...this.snapshot.drafts, [questionId]: draftFromServer(question, theirs) });
      this.setSync(questionId, { kind: "idle" });
      this.refreshStatus();
      return;
    }
    this.setSync(questionId, { kind: "pending" });
    this.scheduleSave(questionId, 0);
  };

  /** Sends again what failed for a reason a retry may fix. */
  retry = (): void => {
    if (this.halted) return;
    this.stalled = null;
    for (const [questionId, state] of Object.entries(this.snapshot.syncStates)) {
      if (state.kind !== "error") continue;
      this.setSync(questionId, { kind: "pending" });
      const queued = this.queue.some(
        (operation) => operation.type === "save" && operation.questionId === questionId,
      );
      if (!queued) this.queue.push({ type: "save", questionId });
    }
    void this.pump();
  };

  /**
   * Listens for the page going away: hiding or leaving it sends typed text at once, and unloading
   * asks the browser to warn while anything is unsaved. The returned detach runs when the
   * questionnaire unmounts (navigation within the app), which sends what still waits for its pause.
   */
  attachToPage = (page: PageLifecycle): (() => void) => {
    const stopHide = page.onHide(() => this.flush());
    const stopBeforeUnload = page.onBeforeUnload(() => {
      this.flush();
      return this.hasUnsavedChanges();
    });
    // A save that failed for want of a connection goes again as soon as there is one.
    const stopOnline = page.onOnline(() => {
      if (this.stalled !== null) this.retry();
    });
    const stopLeave = page.onLeaveWithinApp(() => {
      this.flush();
      return this.hasEditsLeavingWouldLose();
    });
    return () => {
      stopHide();
      stopBeforeUnload();
      stopOnline();
      stopLeave();
      this.sendWaitingEdits();
    };
  };

  // ---- The save loop ----

  private hasPendingWork(): boolean {
    return this.running || this.queue.length > 0 || this.waiting.size > 0;
  }

  private enqueue(operation: Operation): void {
    if (operation.type === "save") {
      // One queued save per question is enough: it sends the draft as it is when its turn comes.
      // The head (index 0) may be in flight with an older draft, so it does not count.
      const duplicate = this.queue.some(
        (queued, index) => index > 0 && queued.type === "save" && queued.questionId === operation.questionId,
      );
      if (duplicate) return;
    }
    this.queue.push(operation);
    void this.pump();
  }

  private scheduleSave(questionId: string, delayMs: number): void {
    this.cancelWaiting(questionId);
    if (delayMs <= 0) {
      this.enqueue({ type: "save", questionId });
      return;
    }
    const handle = this.timers.setTimeout(() => {
      this.waiting.delete(questionId);
      this.enqueue({ type: "save", questionId });
    }, delayMs);
    this.waiting.set(questionId, handle);
    // While saving is stalled (offline, say) the status keeps saying so, with its Retry.
    this.refreshStatus();
  }

  private cancelWaiting(questionId: string): void {
    const handle = this.waiting.get(questionId);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.waiting.delete(questionId);
  }

  private sendWaitingEdits(): void {
    if (this.waiting.size === 0) return;
    for (const [questionId, handle] of this.waiting) {
      this.timers.clearTimeout(handle);
      this.queue.push({ type: "save", questionId });
    }
    this.waiting.clear();
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running || this.halted) return;
    if (this.stalled !== null) {
      // Nothing is sent until Retry (or the connection coming back): the new edit waits, and both
      // the page's status and the question say it is not saved yet.
      for (const operation of this.queue) {
        if (operation.type === "save")
          this.setSync(operation.questionId, { kind: "error", message: this.stalled });
      }
      this.refreshStatus();
      return;
    }
    this.running = true;
    this.setStatus({ kind: "saving" });
    try {
      let resends = 0;
      while (this.queue.length > 0 && !this.halted) {
        const operation = this.queue[0]!;
        const outcome =
          operation.type === "save"
            ? await this.runSave(operation.questionId)
            : await this.runConfirm(operation.questionIds);
        if (outcome === "halt") break;
        if (outcome === "again") {
          if (resends < MAX_RESENDS_AFTER_CONCURRENT_CHANGE) {
            resends++;
            continue;
          }
          this.stalled = KEEPS_CHANGING_MESSAGE;
          break;
        }
        resends = 0;
        this.queue = this.queue.filter((queued) => queued !== operation);
      }
    } finally {
      this.running = false;
      this.refreshStatus();
    }
  }

  private async runSave(questionId: string): Promise<Outcome> {
    const question = this.questions.get(questionId);
    const draft = this.snapshot.drafts[questionId];
    if (!question || !draft || this.snapshot.syncStates[questionId]?.kind === "conflict") return "done";
    const payload = draftToPayload(question, draft);
    if (!payload.ok) {
      this.setSync(questionId, { kind: "invalid", field: payload.field, message: payload.message });
      return "done";
    }
    if (draftMatchesServer(question, draft, this.snapshot.server[questionId])) {
      this.setSync(questionId, { kind: "idle" });
      return "done";
    }
    const editsAtSend = this.editCount.get(questionId) ?? 0;
    let result: ActionResult<SaveAnswerResult>;
    try {
      result = await this.transport.saveAnswer({
        assessmentId: this.assessmentId,
        questionId,
        answer: payload.answer,
        note: payload.note,
        expectedVersion: this.version,
      });
    } catch {
      this.setSync(questionId, { kind: "error", message: NETWORK_MESSAGE });
      this.stalled = NETWORK_MESSAGE;
      return "halt";
    }
    if (result.ok) {
      this.version = result.data.version;
      this.setKnownAnswer(questionId, result.data.answer);
      // Edited while the save was in flight: stay pending, the newer draft is already queued.
      const editedSince = (this.editCount.get(questionId) ?? 0) !== editsAtSend;
      if (!editedSince) this.setSync(questionId, { kind: "idle" });
      return "done";
    }
    if (result.error.code === "conflict" && isAnswerConflict(result.error.details)) {
      const conflicted = this.takeInServerAnswers(result.error.details);
      return conflicted.has(questionId) ? "done" : "again";
    }
    return this.handleFailure(result, questionId);
  }

  private async runConfirm(questionIds: string[]): Promise<Outcome> {
    const ids = questionIds.filter(
      (questionId) =>
        this.snapshot.server[questionId]?.carriedOver &&
        this.snapshot.syncStates[questionId]?.kind !== "conflict",
    );
    if (ids.length === 0) return "done";
    let result: ActionResult<ConfirmAnswersResult>;
    try {
      result = await this.transport.confirmAnswers({
        assessmentId: this.assessmentId,
        questionIds: ids,
        expectedVersion: this.version,
      });
    } catch {
      this.stalled = NETWORK_MESSAGE;
      return "halt";
    }
    if (result.ok) {
      this.version = result.data.version;
      const server = { ...this.snapshot.server };
      for (const answer of result.data.answers) server[answer.questionId] = answer;
      this.setServer(server);
      return "done";
    }
    if (result.error.code === "conflict" && isAnswerConflict(result.error.details)) {
      this.takeInServerAnswers(result.error.details);
      return "again";
    }
    return this.handleFailure(result, null);
  }

  /** Takes in the server's answers after a refused write; returns the questions changed on both sides. */
  private takeInServerAnswers(details: AnswerConflictDetails): Set<string> {
    const merged = mergeServerAnswers(
      this.questions,
      this.snapshot.server,
      this.snapshot.drafts,
      details.answers,
    );
    this.setServer(merged.server);
    this.setDrafts(merged.drafts);
    this.version = details.currentVersion;
    for (const [questionId, theirs] of merged.conflicts) {
      // The question stops saving until the person chooses; the head is the write being handled.
      this.cancelWaiting(questionId);
      this.queue = this.queue.filter(
        (operation, index) => index === 0 || operation.type !== "save" || operation.questionId !== questionId,
      );
      this.setSync(questionId, { kind: "conflict", theirs });
    }
    return new Set(merged.conflicts.keys());
  }

  /** Handles a refused write that is not a version conflict. */
  private handleFailure(result: Failure, questionId: string | null): Outcome {
    const { error } = result;
    if (error.code === "validation" && questionId) {
      const field = error.fieldErrors?.note ? "note" : "value";
      const message = error.fieldErrors?.answer?.[0] ?? error.fieldErrors?.note?.[0] ?? error.message;
      this.setSync(questionId, { kind: "invalid", field, message });
      return "done";
    }
    if (error.code === "conflict" || error.code === "not_found") {
      // Submitted, cycle closed, or gone: nothing more can be saved from this page.
      this.halted = true;
      this.update({
        blocked: error.message,
        status: { kind: "error", message: error.message, canRetry: false },
      });
      return "halt";
    }
    // Anything else (forbidden, throttled, internal) may pass on a later try: keep the write and stall.
    if (questionId) this.setSync(questionId, { kind: "error", message: error.message });
    this.stalled = error.message;
    return "halt";
  }

  private refreshStatus(): void {
    if (this.halted) return;
    if (this.stalled !== null) {
      this.setStatus({ kind: "error", message: this.stalled, canRetry: true });
      return;
    }
    if (this.hasPendingWork()) {
      this.setStatus({ kind: "saving" });
      return;
    }
    const failed = Object.values(this.snapshot.syncStates).find((state) => state.kind === "error");
    if (failed?.kind === "error") {
      this.setStatus({ kind: "error", message: failed.message, canRetry: true });
      return;
    }
    // "Saved" only follows work; an untouched page keeps its introductory line.
    const current = this.snapshot.status;
    if (current.kind === "saving" || current.kind === "error")
      this.setStatus({ kind: "saved", at: this.timers.now() });
  }

  // ---- Snapshot updates ----

  private update(patch: Partial<AnswerSyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  private setStatus(status: SaveStatus): void {
    this.update({ status });
  }

  private setServer(server: Record<string, ServerAnswer>): void {
    this.update({ server });
  }

  private setDrafts(drafts: Record<string, AnswerDraft>): void {
    this.update({ drafts });
  }

  private setKnownAnswer(questionId: string, answer: ServerAnswer | null): void {
    const server = { ...this.snapshot.server };
    if (answer) server[questionId] = answer;
    else delete server[questionId];
    this.setServer(server);
  }

  private setSync(questionId: string, state: QuestionSyncState): void {
    const syncStates = { ...this.snapshot.syncStates };
    if (state.kind === "idle") delete syncStates[questionId];
    else syncStates[questionId] = state;
    this.update({ syncStates });
  }
}
