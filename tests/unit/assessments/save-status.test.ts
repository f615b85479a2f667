import { describe, expect, it } from "vitest";
import { saveStatusView } from "@/features/assessments/save-status";

const questions = [
  { id: "size", prompt: "How many people are in your team?" },
  { id: "budget", prompt: "Does the budget holder take part?" },
];

describe("the questionnaire's save status", () => {
  it("says Saved only when nothing is waiting, refused or in conflict", () => {
    expect(saveStatusView({ kind: "saved", at: 1 }, {}, questions).text).toBe("Saved");
    expect(saveStatusView({ kind: "idle" }, {}, questions).text).toBe(
      "Answers save automatically as you go.",
    );
  });

  it("asks, neutrally, for the reason 'Not applicable' waits for, and lets a real problem speak first", () => {
    expect(
      saveStatusView({ kind: "saved", at: 1 }, { budget: { kind: "awaiting-reason" } }, questions),
    ).toEqual({
      tone: "neutral",
      text: "Add a reason to save “Not applicable” for “Does the budget holder take part?”.",
      canRetry: false,
      questionId: "budget",
    });
    const both = saveStatusView(
      { kind: "saved", at: 1 },
      {
        size: { kind: "invalid", field: "value", message: "Enter a number." },
        budget: { kind: "awaiting-reason" },
      },
      questions,
    );
    expect(both).toMatchObject({ tone: "problem", questionId: "size" });
  });

  it("does not say a plain Saved for saved answers that cannot all be true, and points at the first", () => {
    const message =
      "Your team context says your team runs its own on-call schedule with 6 people on the rota, but has 3 people in the team.";
    expect(saveStatusView({ kind: "saved", at: 1 }, {}, questions, [], { size: message })).toEqual({
      tone: "neutral",
      text: "Saved. Two answers cannot both be true: the message beside “How many people are in your team?” says which, and how to correct one.",
      canRetry: false,
      questionId: "size",
    });
    expect(saveStatusView({ kind: "idle" }, {}, questions, [], { size: message }).text).toBe(
      "Two answers cannot both be true: the message beside “How many people are in your team?” says which, and how to correct one.",
    );
  });

  it("does not say a plain Saved for a 'Not applicable' the team context rules out, before or after it is saved", () => {
    const saved = saveStatusView({ kind: "saved", at: 1 }, {}, questions, ["budget"]);
    expect(saved).toEqual({
      tone: "neutral",
      text: "Saved. “Does the budget holder take part?” cannot be “Not applicable”: your team context says it applies to your team. Answer it, or choose “Don't know”.",
      canRetry: false,
      questionId: "budget",
    });
    // Chosen, its reason not written yet: the contradiction is what matters, not the reason.
    // Not "Saved." either while it waits for its reason, whatever was saved before it.
    for (const status of [{ kind: "idle" }, { kind: "saved", at: 1 }] as const) {
      const awaiting = saveStatusView(status, { budget: { kind: "awaiting-reason" } }, questions, ["budget"]);
      expect(awaiting.text).toBe(
        "“Does the budget holder take part?” cannot be “Not applicable”: your team context says it applies to your team. Answer it, or choose “Don't know”.",
      );
    }
    expect(saveStatusView({ kind: "saved", at: 1 }, {}, questions, ["size", "budget"]).text).toMatch(
      /^Saved\. “How many people are in your team\?” \(and 1 more question\) cannot be/,
    );
    // A change that could not be sent still speaks first.
    const both = saveStatusView(
      { kind: "saved", at: 1 },
      { size: { kind: "invalid", field: "value", message: "Enter a number." } },
      questions,
      ["budget"],
    );
    expect(both).toMatchObject({ tone: "problem", questionId: "size" });
  });

  it("says Not saved, naming the question and what is missing, when a change could not be sent", () => {
    const view = saveStatusView(
      { kind: "saved", at: 1 },
      {
        budget: {
          kind: "invalid",
          field: "reason",
          message: "Say briefly why this question does not apply.",
        },
      },
      questions,
    );
    expect(view).toEqual({
      tone: "problem",
      text: "Not saved: “Does the budget holder take part?”: Say briefly why this question does not apply.",
      canRetry: false,
      questionId: "budget",
    });
  });

  it("does not leave the introduction up after an invalid number", () => {
    const view = saveStatusView(
      { kind: "idle" },
      {
        size: { kind: "invalid", field: "value", message: "Enter a whole number between 1 and 100 people." },
        budget: { kind: "conflict", theirs: null },
      },
      questions,
    );
    expect(view.text).toBe(
      "Not saved: “How many people are in your team?” (and 1 more question): Enter a whole number between 1 and 100 people.",
    );
  });

  it("shows saving first, and a failed write with its retry above everything", () => {
    const invalid = {
      size: { kind: "invalid" as const, field: "value" as const, message: "Enter a number." },
    };
    expect(saveStatusView({ kind: "saving" }, invalid, questions).text).toBe("Saving…");
    const failed = saveStatusView(
      { kind: "error", message: "Could not reach the server.", canRetry: true },
      invalid,
      questions,
    );
    expect(failed).toMatchObject({ text: "Not saved: Could not reach the server.", canRetry: true });
  });
});
