import { describe, expect, it } from "vitest";
import {
  draftFromServer,
  draftMatchesServer,
  draftToPayload,
  describeAnswer,
  EMPTY_DRAFT,
  mergeServerAnswers,
  type AnswerDraft,
} from "@/features/assessments/answer-draft";
import { parseResultRef, resultPath } from "@/contracts/assessments/paths";
import { cycleSlug } from "@/domain/cycles/cycle-ref";
import type { QuestionView, ServerAnswer } from "@/contracts/assessments/types";

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
const yesNo: QuestionView = { ...agreement, id: "yes-no", answer: { type: "yesNo" } };

function stored(questionId: string, partial: Partial<ServerAnswer>): ServerAnswer {
  return {
    questionId,
    kind: "value",
    value: null,
    reason: null,
    note: null,
    carriedOver: false,
    updatedBy: { id: "u1", name: "Riley Chen" },
    updatedAt: "2026-11-27T00:00:00.000Z",
    ...partial,
  };
}

describe("answer drafts", () => {
  it("turns radio and number drafts into answers", () => {
    expect(draftToPayload(agreement, { ...EMPTY_DRAFT, mode: "value", value: "4" })).toEqual({
      ok: true,
      answer: { kind: "value", value: 4 },
      note: null,
    });
    expect(draftToPayload(yesNo, { ...EMPTY_DRAFT, mode: "value", value: "no", note: "  why  " })).toEqual({
      ok: true,
      answer: { kind: "value", value: false },
      note: "why",
    });
    expect(draftToPayload(share, { ...EMPTY_DRAFT, mode: "value", value: "12,5" })).toMatchObject({
      ok: true,
      answer: { kind: "value", value: 12.5 },
    });
  });

  it("refuses numbers out of range and not-applicable without a reason, with field-level messages", () => {
    expect(draftToPayload(share, { ...EMPTY_DRAFT, mode: "value", value: "120" })).toEqual({
      ok: false,
      field: "value",
      message: "Enter a number between 0% and 100% (you entered 120).",
    });
    expect(draftToPayload(share, { ...EMPTY_DRAFT, mode: "value", value: "abc" })).toMatchObject({
      ok: false,
      field: "value",
    });
    expect(draftToPayload(agreement, { ...EMPTY_DRAFT, mode: "notApplicable", reason: " x " })).toMatchObject(
      {
        ok: false,
        field: "reason",
      },
    );
    expect(draftToPayload(agreement, { ...EMPTY_DRAFT, mode: "notApplicable", reason: "No budget" })).toEqual(
      {
        ok: true,
        answer: { kind: "notApplicable", reason: "No budget" },
        note: null,
      },
    );
  });

  it("clears the answer (and its note) when the number is emptied or the choice removed", () => {
    expect(draftToPayload(share, { mode: "value", value: " ", reason: "", note: "kept?" })).toEqual({
      ok: true,
      answer: null,
      note: null,
    });
    expect(draftToPayload(agreement, EMPTY_DRAFT)).toEqual({ ok: true, answer: null, note: null });
  });

  it("round-trips stored answers and compares them with the server", () => {
    const server = stored("share", { value: 30, note: "estimate" });
    const draft = draftFromServer(share, server);
    expect(draft).toEqual({ mode: "value", value: "30", reason: "", note: "estimate" });
    expect(draftMatchesServer(share, draft, server)).toBe(true);
    expect(draftMatchesServer(share, { ...draft, note: "" }, server)).toBe(false);
    expect(draftMatchesServer(share, EMPTY_DRAFT, undefined)).toBe(true);
    expect(describeAnswer(share, server)).toBe("30%");
    expect(describeAnswer(agreement, stored("agree", { value: 2 }))).toBe("Disagree");
  });
});

describe("merging after a refused save", () => {
  const questions = new Map([agreement, share, yesNo].map((question) => [question.id, question]));

  it("takes their answers where nothing changed here, and flags questions changed on both sides", () => {
    const known = {
      agree: stored("agree", { value: 2 }),
      share: stored("share", { value: 30 }),
      "yes-no": stored("yes-no", { value: true, carriedOver: true }),
    };
    const drafts: Record<string, AnswerDraft> = {
      agree: draftFromServer(agreement, known.agree),
      share: { ...draftFromServer(share, known.share), value: "45" },
      "yes-no": draftFromServer(yesNo, known["yes-no"]),
    };
    const theirs = {
      agree: stored("agree", { value: 5 }),
      share: stored("share", { value: 60 }),
      "yes-no": stored("yes-no", { value: true, carriedOver: false }),
    };

    const merged = mergeServerAnswers(questions, known, drafts, theirs);

    // Untouched here: takes their value.
    expect(merged.server.agree).toEqual(theirs.agree);
    expect(merged.drafts.agree).toEqual(draftFromServer(agreement, theirs.agree));
    // Changed on both sides: a conflict, and this screen keeps its own draft until the person decides.
    expect([...merged.conflicts]).toEqual([["share", theirs.share]]);
    expect(merged.drafts.share!.value).toBe("45");
    expect(merged.server.share).toEqual(known.share);
    // Same value, confirmed elsewhere: only the flag changes.
    expect(merged.server["yes-no"]!.carriedOver).toBe(false);
  });

  it("treats an answer cleared elsewhere like any other change", () => {
    const known = { agree: stored("agree", { value: 2 }) };
    const untouched = mergeServerAnswers(
      questions,
      known,
      { agree: draftFromServer(agreement, known.agree) },
      {},
    );
    expect(untouched.server.agree).toBeUndefined();
    expect(untouched.drafts.agree).toEqual(EMPTY_DRAFT);

    const edited = mergeServerAnswers(questions, known, { agree: { ...EMPTY_DRAFT, mode: "dontKnow" } }, {});
    expect([...edited.conflicts]).toEqual([["agree", null]]);
  });
});

describe("result links", () => {
  it("uses readable cycle slugs and reads them back", () => {
    expect(cycleSlug("2026 Q4")).toBe("2026-q4");
    expect(resultPath("checkout", "2026 Q4")).toBe("/team/checkout/results/2026-q4");
    expect(parseResultRef("2026-q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseResultRef("2026 Q1")).toEqual({ year: 2026, quarter: 1 });
    expect(parseResultRef("clx0assessmentid")).toEqual({ assessmentId: "clx0assessmentid" });
    expect(parseResultRef("2026-q5")).toEqual({ assessmentId: "2026-q5" });
  });
});
