import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EMPTY_DRAFT, type AnswerDraft } from "@/features/assessments/answer-draft";
import {
  AnswerSyncQueue,
  KEEPS_CHANGING_MESSAGE,
  MAX_RESENDS_AFTER_CONCURRENT_CHANGE,
  NETWORK_MESSAGE,
  TEXT_SAVE_DELAY_MS,
  type AnswerSyncTransport,
  type ConfirmAnswersRequest,
  type PageLifecycle,
  type SaveAnswerRequest,
} from "@/features/assessments/answer-sync-queue";
import type { ActionError, ActionResult } from "@/contracts/action-result";
import type {
  AnswerConflictDetails,
  ConfirmAnswersResult,
  QuestionView,
  SaveAnswerResult,
  ServerAnswer,
} from "@/contracts/assessments/types";

// ---- Fixtures ----

const agreement: QuestionView = {
  id: "agree",
  prompt: "We agree",
  help: "",
  answer: { type: "agreement" },
  allowDontKnow: true,
  allowNotApplicable: true,
  required: true,
};
const share: QuestionView = {
  id: "share",
  prompt: "Share of time",
  help: "",
  answer: { type: "number", unit: "percent", min: 0, max: 100, integer: false },
  allowDontKnow: true,
  allowNotApplicable: false,
  required: true,
};
const hours: QuestionView = {
  ...share,
  id: "hours",
  answer: { type: "number", unit: "hours", min: 0, max: 80, integer: true },
};
const yesNo: QuestionView = { ...agreement, id: "yes-no", answer: { type: "yesNo" } };

const ASSESSMENT_ID = "assessment-1";
const START_VERSION = 7;
const NOW = new Date("2026-11-27T09:00:00.000Z").getTime();

const me = { id: "me", name: "Sam Lee" };
const riley = { id: "riley", name: "Riley Chen" };

function stored(questionId: string, partial: Partial<ServerAnswer> = {}): ServerAnswer {
  return {
    questionId,
    kind: "value",
    value: null,
    reason: null,
    note: null,
    carriedOver: false,
    updatedBy: me,
    updatedAt: "2026-11-27T00:00:00.000Z",
    ...partial,
  };
}

const choose = (value: string): AnswerDraft => ({ ...EMPTY_DRAFT, mode: "value", value });

// ---- A transport whose calls the test answers one by one ----

interface Call<Request, Data> {
  request: Request;
  respond(result: ActionResult<Data>): Promise<void>;
  fail(error: unknown): Promise<void>;
}

/** Lets the queue's awaited continuations run (they are promise callbacks, not timers). */
async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

class FakeTransport implements AnswerSyncTransport {
  saves: Call<SaveAnswerRequest, SaveAnswerResult>[] = [];
  confirms: Call<ConfirmAnswersRequest, ConfirmAnswersResult>[] = [];

  saveAnswer = (request: SaveAnswerRequest) =>
    new Promise<ActionResult<SaveAnswerResult>>((resolve, reject) => {
      this.saves.push(call(request, resolve, reject));
    });

  confirmAnswers = (request: ConfirmAnswersRequest) =>
    new Promise<ActionResult<ConfirmAnswersResult>>((resolve, reject) => {
      this.confirms.push(call(request, resolve, reject));
    });

  /** The latest save, accepted as the server would: version + 1, the answer stored as sent. */
  async acceptLatestSave(): Promise<SaveAnswerRequest> {
    const latest = this.saves.at(-1)!;
    const { request } = latest;
    await latest.respond({
      ok: true,
      data: {
        version: request.expectedVersion + 1,
        answer: request.answer
          ? stored(request.questionId, {
              kind: request.answer.kind,
              value: request.answer.kind === "value" ? request.answer.value : null,
              reason: request.answer.kind === "notApplicable" ? request.answer.reason : null,
              note: request.note,
            })
          : null,
        contradiction: null,
      },
    });
    return request;
  }
}

function call<Request, Data>(
  request: Request,
  resolve: (result: ActionResult<Data>) => void,
  reject: (error: unknown) => void,
): Call<Request, Data> {
  return {
    request,
    async respond(result) {
      resolve(result);
      await settle();
    },
    async fail(error) {
      reject(error);
      await settle();
    },
  };
}

function refused(error: ActionError): ActionResult<never> {
  return { ok: false, error };
}

function answerConflict(currentVersion: number, answers: Record<string, ServerAnswer>): ActionResult<never> {
  const details: AnswerConflictDetails = {
    kind: "answer-conflict",
    currentVersion,
    questionId: null,
    current: null,
    answers,
  };
  return refused({ code: "conflict", message: "Someone else changed the assessment.", details });
}

function fakePage() {
  const hideListeners = new Set<() => void>();
  const unloadListeners = new Set<() => boolean>();
  const onlineListeners = new Set<() => void>();
  const leaveListeners = new Set<() => boolean>();
  const page: PageLifecycle = {
    onHide(listener) {
      hideListeners.add(listener);
      return () => hideListeners.delete(listener);
    },
    onBeforeUnload(listener) {
      unloadListeners.add(listener);
      return () => unloadListeners.delete(listener);
    },
    onOnline(listener) {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
    onLeaveWithinApp(listener) {
      leaveListeners.add(listener);
      return () => leaveListeners.delete(listener);
    },
  };
  return {
    page,
    hide: () => hideListeners.forEach((listener) => listener()),
    /** True when some listener asked the browser to warn. */
    beforeUnload: () => [...unloadListeners].map((listener) => listener()).some(Boolean),
    online: () => onlineListeners.forEach((listener) => listener()),
    /** True when some listener asked to confirm leaving for another page of the app. */
    leaveWithinApp: () => [...leaveListeners].map((listener) => listener()).some(Boolean),
    listenerCount: () =>
      hideListeners.size + unloadListeners.size + onlineListeners.size + leaveListeners.size,
  };
}

function setUp(answers: Record<string, ServerAnswer> = {}) {
  const transport = new FakeTransport();
  const queue = new AnswerSyncQueue({
    assessmentId: ASSESSMENT_ID,
    version: START_VERSION,
    questions: [agreement, share, hours, yesNo],
    answers,
    transport,
    timers: {
      setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    },
  });
  /** Every status kind the screen went through, repeats folded. */
  const statuses: string[] = [queue.getSnapshot().status.kind];
  queue.subscribe(() => {
    const kind = queue.getSnapshot().status.kind;
    if (statuses.at(-1) !== kind) statuses.push(kind);
  });
  return { queue, transport, statuses, state: () => queue.getSnapshot() };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

// ---- Tests ----

describe("answer sync queue: when edits are sent", () => {
  it("sends a choice at once, with the assessment and the version it was read at", () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });

    expect(transport.saves.map((save) => save.request)).toEqual([
      {
        assessmentId: ASSESSMENT_ID,
        questionId: "agree",
        answer: { kind: "value", value: 4 },
        note: null,
        expectedVersion: START_VERSION,
      },
    ]);
    expect(state().syncStates).toEqual({ agree: { kind: "pending" } });
    expect(state().status).toEqual({ kind: "saving" });
  });

  it("waits for a pause in typing, and each keystroke restarts the wait", async () => {
    const { queue, transport } = setUp();
    queue.updateDraft("share", choose("1"), { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 100);
    queue.updateDraft("share", choose("12"), { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 1);
    expect(transport.saves).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    expect(transport.saves.map((save) => save.request.answer)).toEqual([{ kind: "value", value: 12 }]);
  });

  it("sends typed text at once when the field is left, and only for that field", () => {
    const { queue, transport } = setUp();
    queue.updateDraft("share", choose("40"), { typed: true });
    queue.updateDraft("hours", choose("3"), { typed: true });
    queue.flush("share");

    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["share"]);
    queue.flush("agree"); // nothing waits there: nothing to send
    expect(transport.saves).toHaveLength(1);
  });

  it("does not send a draft that cannot be saved, and calls it invalid", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("share", choose("400"), { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);

    expect(transport.saves).toHaveLength(0);
    expect(state().syncStates.share).toMatchObject({ kind: "invalid", field: "value" });
    expect(state().drafts.share).toMatchObject({ mode: "value", value: "400" });
    expect(state().status).toEqual({ kind: "idle" }); // nothing was saved, so no "Saved" either
  });

  it("lets 'Not applicable' wait for its reason without calling it a mistake, and saves it once given", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable" }, { typed: false });
    expect(state().syncStates.agree).toEqual({ kind: "awaiting-reason" });
    // Typing the first letters is still writing the reason, not an invalid answer.
    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "no" }, { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);
    expect(state().syncStates.agree).toEqual({ kind: "awaiting-reason" });
    expect(transport.saves).toHaveLength(0);

    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "no rota" }, { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS);
    expect(transport.saves.map((save) => save.request.answer)).toEqual([
      { kind: "notApplicable", reason: "no rota" },
    ]);
    await transport.acceptLatestSave();
    expect(state().syncStates.agree).toBeUndefined();
    expect(state().status.kind).toBe("saved");
  });

  it("calls a reason too short once the reason field is left, and keeps waiting while it is empty", () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable" }, { typed: false });
    queue.flush("agree");
    expect(state().syncStates.agree).toEqual({ kind: "awaiting-reason" });

    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "no" }, { typed: true });
    queue.flush("agree");
    expect(state().syncStates.agree).toMatchObject({ kind: "invalid", field: "reason" });
    // Typing again is writing the reason again.
    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "no " }, { typed: true });
    expect(state().syncStates.agree).toEqual({ kind: "awaiting-reason" });
    // A reason far too long is a mistake at once.
    queue.updateDraft(
      "agree",
      { ...EMPTY_DRAFT, mode: "notApplicable", reason: "x".repeat(600) },
      { typed: true },
    );
    expect(state().syncStates.agree).toMatchObject({ kind: "invalid", field: "reason" });
    expect(transport.saves).toHaveLength(0);
  });

  it("sends nothing when the draft is back to what the server holds", async () => {
    const { queue, transport, state } = setUp({ share: stored("share", { value: 40 }) });
    queue.updateDraft("share", choose("41"), { typed: true });
    queue.updateDraft("share", choose("40"), { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS);

    expect(transport.saves).toHaveLength(0);
    expect(state().syncStates).toEqual({});
    expect(state().status.kind).toBe("saved");
  });
});

describe("answer sync queue: one write at a time, none lost", () => {
  it("coalesces several edits of one question made during a save into one more save of the latest", async () => {
    const { queue, transport } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("agree", choose("5"), { typed: false });
    queue.updateDraft("agree", choose("2"), { typed: false });
    expect(transport.saves).toHaveLength(1);

    await transport.acceptLatestSave();
    expect(transport.saves.map((save) => save.request.answer)).toEqual([
      { kind: "value", value: 4 },
      { kind: "value", value: 2 },
    ]);
    await transport.acceptLatestSave();
    expect(transport.saves).toHaveLength(2);
  });

  it("keeps an edit made while the previous save was in flight and sends it with the new version", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("agree", choose("5"), { typed: false });

    await transport.acceptLatestSave();
    // The answer for "4" is now stored, but the screen still shows and owes "5".
    expect(state().server.agree?.value).toBe(4);
    expect(state().drafts.agree).toEqual(choose("5"));
    expect(state().syncStates.agree).toEqual({ kind: "pending" });
    expect(transport.saves[1]!.request).toMatchObject({
      answer: { kind: "value", value: 5 },
      expectedVersion: START_VERSION + 1,
    });

    await transport.acceptLatestSave();
    expect(state().server.agree?.value).toBe(5);
    expect(state().syncStates).toEqual({});
    expect(state().status).toEqual({ kind: "saved", at: NOW });
  });

  it("sends different questions in order, each with the version the previous save returned", async () => {
    const { queue, transport } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("yes-no", choose("yes"), { typed: false });
    expect(transport.saves).toHaveLength(1);

    await transport.acceptLatestSave();
    await transport.acceptLatestSave();
    expect(transport.saves.map((save) => [save.request.questionId, save.request.expectedVersion])).toEqual([
      ["agree", START_VERSION],
      ["yes-no", START_VERSION + 1],
    ]);
  });
});

describe("answer sync queue: status", () => {
  it("goes idle → saving → saved, and leaves the introductory idle state only after an edit", async () => {
    const { queue, transport, statuses, state } = setUp();
    expect(state().status).toEqual({ kind: "idle" });

    queue.updateDraft("share", choose("40"), { typed: true });
    expect(state().status).toEqual({ kind: "saving" }); // waiting for the pause counts as saving
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS);
    expect(state().status).toEqual({ kind: "saving" });

    vi.setSystemTime(NOW + 5_000);
    await transport.acceptLatestSave();
    expect(state().status).toEqual({ kind: "saved", at: NOW + 5_000 });
    expect(statuses).toEqual(["idle", "saving", "saved"]);
  });

  it("goes saving → error with Retry → saving → saved after a network failure", async () => {
    const { queue, transport, statuses, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    await transport.saves[0]!.fail(new TypeError("Failed to fetch"));
    expect(state().status).toEqual({ kind: "error", message: NETWORK_MESSAGE, canRetry: true });
    expect(state().syncStates.agree).toEqual({ kind: "error", message: NETWORK_MESSAGE });

    queue.retry();
    expect(state().status).toEqual({ kind: "saving" });
    await transport.acceptLatestSave();
    expect(state().status.kind).toBe("saved");
    expect(state().syncStates).toEqual({});
    expect(statuses).toEqual(["idle", "saving", "error", "saving", "saved"]);
  });

  it("keeps saying 'not saved' with Retry for edits made while stalled, and sends them all on Retry", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    await transport.saves[0]!.fail(new TypeError("Failed to fetch"));

    // Still offline: a typed answer waits for its pause, then for the connection.
    queue.updateDraft("share", choose("40"), { typed: true });
    expect(state().status).toEqual({ kind: "error", message: NETWORK_MESSAGE, canRetry: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS + 30_000);
    expect(state().status).toEqual({ kind: "error", message: NETWORK_MESSAGE, canRetry: true });
    expect(state().syncStates.share).toEqual({ kind: "error", message: NETWORK_MESSAGE });
    expect(transport.saves).toHaveLength(1);

    queue.retry();
    expect(state().status).toEqual({ kind: "saving" });
    await transport.acceptLatestSave();
    await transport.acceptLatestSave();
    expect(state().status.kind).toBe("saved");
    expect(state().syncStates).toEqual({});
  });

  it("notifies subscribers on change only, with a new snapshot each time, until they unsubscribe", async () => {
    const { queue } = setUp();
    const listener = vi.fn();
    const unsubscribe = queue.subscribe(listener);
    const before = queue.getSnapshot();
    expect(queue.getSnapshot()).toBe(before);

    queue.updateDraft("share", choose("40"), { typed: true });
    expect(listener).toHaveBeenCalled();
    expect(queue.getSnapshot()).not.toBe(before);
    expect(before.drafts.share).toEqual(EMPTY_DRAFT); // earlier snapshots are never changed

    unsubscribe();
    listener.mockClear();
    queue.updateDraft("share", choose("41"), { typed: true });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("answer sync queue: someone else wrote first", () => {
  it("takes in their answers to questions not touched here and sends the refused write again", async () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("share", choose("40"), { typed: false });
    await transport.saves[0]!.respond(
      answerConflict(12, {
        agree: stored("agree", { value: 1, updatedBy: riley }),
        "yes-no": stored("yes-no", { value: true, updatedBy: riley }),
      }),
    );

    expect(state().server.agree?.value).toBe(1);
    expect(state().drafts.agree).toEqual(choose("1"));
    expect(state().drafts["yes-no"]).toEqual(choose("yes"));
    expect(transport.saves[1]!.request).toMatchObject({ questionId: "share", expectedVersion: 12 });
    expect(state().syncStates.agree).toBeUndefined();
  });

  it("stops saving a question changed on both sides and shows both values", async () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("agree", choose("5"), { typed: false });
    const theirs = stored("agree", { value: 1, updatedBy: riley });
    await transport.saves[0]!.respond(answerConflict(12, { agree: theirs }));

    expect(state().syncStates.agree).toEqual({ kind: "conflict", theirs });
    expect(state().drafts.agree).toEqual(choose("5")); // yours stays on screen
    expect(state().server.agree?.value).toBe(3); // and theirs is not taken yet
    expect(transport.saves).toHaveLength(1);

    // Further edits stay on screen but are not sent until the person chooses.
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("agree", choose("2"), { typed: true });
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);
    expect(transport.saves).toHaveLength(1);
    expect(state().drafts.agree).toEqual(choose("2"));
    expect(queue.hasUnsavedChanges()).toBe(true);
  });

  it("drops a typed save still waiting for a question that turns out to be in conflict", async () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("yes-no", choose("no"), { typed: false });
    queue.updateDraft("agree", { ...choose("3"), note: "because" }, { typed: true });
    await transport.saves[0]!.respond(
      answerConflict(12, { agree: stored("agree", { value: 1, updatedBy: riley }) }),
    );
    await transport.acceptLatestSave(); // "yes-no" again, with the new version
    expect(state().status.kind).toBe("saved"); // nothing waits any more for "agree"
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);

    expect(state().syncStates.agree?.kind).toBe("conflict");
    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["yes-no", "yes-no"]);
  });

  it("keep theirs: shows their answer and sends nothing", async () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("agree", choose("5"), { typed: false });
    const theirs = stored("agree", { value: 1, updatedBy: riley });
    await transport.saves[0]!.respond(answerConflict(12, { agree: theirs }));

    queue.resolveConflict("agree", "theirs");
    expect(state().drafts.agree).toEqual(choose("1"));
    expect(state().server.agree).toEqual(theirs);
    expect(state().syncStates).toEqual({});
    expect(transport.saves).toHaveLength(1);
    expect(queue.hasUnsavedChanges()).toBe(false);
  });

  it("use yours: saves your answer over theirs with the version that came with the conflict", async () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("agree", choose("5"), { typed: false });
    const theirs = stored("agree", { value: 1, updatedBy: riley });
    await transport.saves[0]!.respond(answerConflict(12, { agree: theirs }));

    queue.resolveConflict("agree", "mine");
    expect(transport.saves[1]!.request).toMatchObject({
      questionId: "agree",
      answer: { kind: "value", value: 5 },
      expectedVersion: 12,
    });
    await transport.acceptLatestSave();
    expect(state().server.agree?.value).toBe(5);
    expect(state().syncStates).toEqual({});
  });

  it("ignores a conflict choice for a question that is not in conflict", () => {
    const { queue, transport, state } = setUp({ agree: stored("agree", { value: 3 }) });
    queue.updateDraft("agree", choose("5"), { typed: false });
    queue.resolveConflict("agree", "theirs");
    expect(state().drafts.agree).toEqual(choose("5"));
    expect(transport.saves).toHaveLength(1);
  });

  it(`sends a refused write again at most ${MAX_RESENDS_AFTER_CONCURRENT_CHANGE} times, then asks for a retry`, async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    // Someone keeps writing elsewhere; the question here is never in conflict.
    for (let refusal = 1; refusal <= MAX_RESENDS_AFTER_CONCURRENT_CHANGE + 1; refusal++) {
      expect(transport.saves).toHaveLength(refusal);
      await transport.saves.at(-1)!.respond(
        answerConflict(START_VERSION + refusal, {
          share: stored("share", { value: refusal, updatedBy: riley }),
        }),
      );
    }

    expect(transport.saves).toHaveLength(MAX_RESENDS_AFTER_CONCURRENT_CHANGE + 1);
    expect(transport.saves.map((save) => save.request.expectedVersion)).toEqual(
      [0, 1, 2, 3, 4, 5].map((step) => START_VERSION + step),
    );
    expect(state().status).toEqual({ kind: "error", message: KEEPS_CHANGING_MESSAGE, canRetry: true });
    expect(state().syncStates.agree).toEqual({ kind: "pending" }); // still owed, not lost
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.saves).toHaveLength(MAX_RESENDS_AFTER_CONCURRENT_CHANGE + 1); // no retry on its own

    queue.retry();
    expect(transport.saves.at(-1)!.request).toMatchObject({
      questionId: "agree",
      expectedVersion: START_VERSION + MAX_RESENDS_AFTER_CONCURRENT_CHANGE + 1,
    });
    await transport.acceptLatestSave();
    expect(state().status.kind).toBe("saved");
  });

  it("counts the resends per write: a write that goes through resets the count for the next", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("yes-no", choose("yes"), { typed: false });
    for (let refusal = 1; refusal <= MAX_RESENDS_AFTER_CONCURRENT_CHANGE; refusal++) {
      await transport.saves.at(-1)!.respond(answerConflict(START_VERSION + refusal, {}));
    }
    await transport.acceptLatestSave(); // "agree" goes through on its last allowed resend
    for (let refusal = 1; refusal <= MAX_RESENDS_AFTER_CONCURRENT_CHANGE; refusal++) {
      await transport.saves.at(-1)!.respond(answerConflict(100 + refusal, {}));
    }
    await transport.acceptLatestSave();

    expect(state().status.kind).toBe("saved");
    expect(state().server["yes-no"]?.value).toBe(true);
  });

  it("confirms carried-over answers, skipping those no longer carried over", async () => {
    const { queue, transport, state } = setUp({
      agree: stored("agree", { value: 3, carriedOver: true }),
      "yes-no": stored("yes-no", { value: true, carriedOver: false }),
    });
    queue.confirm(["agree", "yes-no"]);
    expect(transport.confirms.map((confirm) => confirm.request)).toEqual([
      { assessmentId: ASSESSMENT_ID, questionIds: ["agree"], expectedVersion: START_VERSION },
    ]);
    await transport.confirms[0]!.respond({
      ok: true,
      data: { version: START_VERSION + 1, answers: [stored("agree", { value: 3, carriedOver: false })] },
    });
    expect(state().server.agree?.carriedOver).toBe(false);

    queue.updateDraft("share", choose("40"), { typed: false });
    expect(transport.saves[0]!.request.expectedVersion).toBe(START_VERSION + 1);
  });
});

describe("answer sync queue: writes the server refuses for good or for now", () => {
  it.each([
    ["not found", refused({ code: "not_found", message: "This assessment no longer exists." })],
    ["submitted or closed", refused({ code: "conflict", message: "This assessment was submitted." })],
  ])("stops everything when the assessment is %s", async (_case, refusal) => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", choose("4"), { typed: false });
    queue.updateDraft("yes-no", choose("yes"), { typed: false });
    await transport.saves[0]!.respond(refusal);

    const message = refusal.ok ? "" : refusal.error.message;
    expect(state().blocked).toBe(message);
    expect(state().status).toEqual({ kind: "error", message, canRetry: false });
    expect(transport.saves).toHaveLength(1); // the queued "yes-no" is not sent

    queue.updateDraft("share", choose("40"), { typed: false });
    queue.retry();
    queue.confirm(["agree"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.saves).toHaveLength(1);
    expect(transport.confirms).toHaveLength(0);
    expect(state().drafts.share).toEqual(EMPTY_DRAFT); // edits are no longer taken
    expect(state().status).toEqual({ kind: "error", message, canRetry: false });
  });

  it("holds the queue when signed out (forbidden) and resends everything after Retry", async () => {
    const { queue, transport, state } = setUp();
    const signedOut = "You have been signed out, so this answer was not saved.";
    queue.updateDraft("agree", choose("4"), { typed: false });
    await transport.saves[0]!.respond(refused({ code: "forbidden", message: signedOut }));

    expect(state().status).toEqual({ kind: "error", message: signedOut, canRetry: true });
    expect(state().syncStates.agree).toEqual({ kind: "error", message: signedOut });
    expect(state().blocked).toBeNull();

    queue.updateDraft("yes-no", choose("no"), { typed: false });
    expect(transport.saves).toHaveLength(1); // nothing more is sent until Retry
    expect(state().status.kind).toBe("error");

    queue.retry();
    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["agree", "agree"]);
    await transport.acceptLatestSave();
    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["agree", "agree", "yes-no"]);
    await transport.acceptLatestSave();
    expect(state().syncStates).toEqual({});
    expect(state().status.kind).toBe("saved");
  });

  it("shows a server validation refusal next to the question and carries on with the next write", async () => {
    const { queue, transport, state } = setUp();
    queue.updateDraft("agree", { ...choose("4"), note: "x" }, { typed: false });
    queue.updateDraft("yes-no", choose("yes"), { typed: false });
    await transport.saves[0]!.respond(
      refused({ code: "validation", message: "Check the answer.", fieldErrors: { note: ["Too long."] } }),
    );

    expect(state().syncStates.agree).toEqual({ kind: "invalid", field: "note", message: "Too long." });
    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["agree", "yes-no"]);
  });
});

describe("answer sync queue: leaving the page", () => {
  it("sends every typed edit still waiting when the page is hidden, and none twice", async () => {
    const { queue, transport, state } = setUp();
    const browser = fakePage();
    queue.attachToPage(browser.page);
    queue.updateDraft("share", choose("40"), { typed: true });
    queue.updateDraft("hours", choose("6"), { typed: true });
    queue.updateDraft("agree", { ...choose("4"), note: "because" }, { typed: true });

    browser.hide();
    expect(transport.saves).toHaveLength(1); // one at a time; the others are queued, not waiting
    await transport.acceptLatestSave();
    await transport.acceptLatestSave();
    await transport.acceptLatestSave();
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);

    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["share", "hours", "agree"]);
    expect(state().server).toMatchObject({
      share: { value: 40 },
      hours: { value: 6 },
      agree: { note: "because" },
    });
    expect(state().status.kind).toBe("saved");
  });

  it("asks the browser to warn before unloading only while something is unsaved", async () => {
    const { queue, transport } = setUp();
    const browser = fakePage();
    queue.attachToPage(browser.page);
    expect(browser.beforeUnload()).toBe(false);

    queue.updateDraft("share", choose("40"), { typed: true });
    expect(browser.beforeUnload()).toBe(true);
    expect(transport.saves).toHaveLength(1); // unloading also sends the typed edit at once

    await transport.acceptLatestSave();
    expect(browser.beforeUnload()).toBe(false);

    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "" }, { typed: false });
    expect(browser.beforeUnload()).toBe(true); // an answer that cannot be saved yet is still unsaved
  });

  it("on detach (navigation within the app) stops listening and sends what still waits", async () => {
    const { queue, transport } = setUp();
    const browser = fakePage();
    const detach = queue.attachToPage(browser.page);
    queue.updateDraft("share", choose("40"), { typed: true });

    detach();
    expect(browser.listenerCount()).toBe(0);
    expect(transport.saves.map((save) => save.request.questionId)).toEqual(["share"]);
    await transport.acceptLatestSave();
    await vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS * 2);
    expect(transport.saves).toHaveLength(1);
  });

  it("sends a save that failed for want of a connection again as soon as the connection is back", async () => {
    const { queue, transport, state } = setUp();
    const browser = fakePage();
    queue.attachToPage(browser.page);
    browser.online(); // nothing failed: nothing is sent
    expect(transport.saves).toHaveLength(0);

    queue.updateDraft("agree", choose("4"), { typed: false });
    await transport.saves[0]!.fail(new TypeError("Failed to fetch"));
    expect(state().status).toEqual({ kind: "error", message: NETWORK_MESSAGE, canRetry: true });

    browser.online();
    expect(state().status).toEqual({ kind: "saving" });
    expect(transport.saves).toHaveLength(2);
    await transport.acceptLatestSave();
    expect(state().status.kind).toBe("saved");
  });

  it("asks before leaving for another page of the app only when an edit would be lost", async () => {
    const { queue, transport } = setUp();
    const browser = fakePage();
    queue.attachToPage(browser.page);
    expect(browser.leaveWithinApp()).toBe(false);

    // A save still on its way carries on after such a navigation: nothing to ask.
    queue.updateDraft("share", choose("40"), { typed: true });
    expect(browser.leaveWithinApp()).toBe(false);
    expect(transport.saves).toHaveLength(1); // leaving sends typed text at once
    await transport.acceptLatestSave();

    // A failed save would be lost, and so would an answer that cannot be saved as it stands.
    queue.updateDraft("agree", choose("4"), { typed: false });
    await transport.saves[1]!.fail(new TypeError("Failed to fetch"));
    expect(browser.leaveWithinApp()).toBe(true);
    queue.retry();
    await transport.acceptLatestSave();
    expect(browser.leaveWithinApp()).toBe(false);
    queue.updateDraft("agree", { ...EMPTY_DRAFT, mode: "notApplicable", reason: "" }, { typed: false });
    expect(browser.leaveWithinApp()).toBe(true);
  });

  it("detaching with nothing waiting sends nothing and leaves the status alone", () => {
    const { queue, transport, state } = setUp();
    const detach = queue.attachToPage(fakePage().page);
    detach();
    expect(transport.saves).toHaveLength(0);
    expect(state().status).toEqual({ kind: "idle" });
  });
});
