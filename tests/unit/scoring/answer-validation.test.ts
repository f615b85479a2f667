import { describe, expect, it } from "vitest";
import type { Answers, Question } from "../../../src/domain/content/schema";
import {
  AnswerValidationError,
  describeAnswerValue,
  listContradictedAnswers,
  listMissingRequiredAnswers,
  scoreAssessment,
  validateAnswer,
} from "../../../src/domain/scoring";
import {
  allQuestions,
  dontKnow,
  fixtureContent,
  fixtureContextQuestions,
  notApplicable,
  value,
} from "./fixtures";

function question(id: string): Question {
  return allQuestions.find((candidate) => candidate.id === id)!;
}

function messageFor(id: string, answer: unknown): string | undefined {
  const target =
    allQuestions.find((candidate) => candidate.id === id) ??
    fixtureContextQuestions.find((c) => c.id === id)!;
  return validateAnswer(target, answer)?.message;
}

function issuesOf(answers: Answers, teamContext: Answers = {}): AnswerValidationError["issues"] {
  try {
    scoreAssessment(fixtureContent, answers, teamContext);
  } catch (error) {
    if (error instanceof AnswerValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected the answers to be rejected");
}

describe("validateAnswer", () => {
  it("accepts a valid value of every answer type", () => {
    expect(validateAnswer(question("lrc-standby-reviewed"), value(4))).toBeNull();
    expect(validateAnswer(question("lrc-targets-from-exposure"), value(true))).toBeNull();
    expect(validateAnswer(question("lrc-schedule-kind"), value("domain"))).toBeNull();
    expect(validateAnswer(question("cmt-approval-days"), value(2.5))).toBeNull();
    expect(validateAnswer(question("cmt-deploys-per-week"), value(0))).toBeNull();
    expect(validateAnswer(question("cmt-deploys-per-week"), value(100))).toBeNull();
  });

  it("refuses agreement outside 1..5 or not a whole step", () => {
    const expected = "Choose a point on the scale from 1 (strongly disagree) to 5 (strongly agree).";
    for (const bad of [0, 6, 2.5, "3", true]) {
      expect(messageFor("lrc-standby-reviewed", value(bad))).toBe(expected);
    }
  });

  it("refuses anything but a boolean for yes/no", () => {
    for (const bad of ["yes", 1, 0])
      expect(messageFor("lrc-targets-from-exposure", value(bad))).toBe("Answer yes or no.");
  });

  it("refuses a choice that is not an option, listing the options", () => {
    expect(messageFor("lrc-schedule-kind", value("shared"))).toBe("Choose one of: None, Domain, Own.");
    expect(messageFor("lrc-schedule-kind", value(1))).toBe("Choose one of: None, Domain, Own.");
  });

  it("refuses numbers out of range with the range and unit", () => {
    expect(messageFor("cmt-deploys-per-week", value(101))).toBe(
      "Enter a whole number between 0 and 100 per week (you entered 101).",
    );
    expect(messageFor("cmt-deploys-per-week", value(-1))).toBe(
      "Enter a whole number between 0 and 100 per week (you entered -1).",
    );
    expect(messageFor("lrc-own-schedule-share", value(120))).toBe(
      "Enter a number between 0% and 100% (you entered 120).",
    );
  });

  it("refuses a fraction where a whole number is required", () => {
    expect(messageFor("cmt-deploys-per-week", value(2.5))).toBe(
      "Enter a whole number between 0 and 100 per week (you entered 2.5).",
    );
  });

  it("refuses non-finite and non-numeric numbers", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "3", false]) {
      expect(messageFor("cmt-approval-days", value(bad as number))).toBe(
        "Enter a number between 0 and 60 days.",
      );
    }
  });

  it("refuses \u201cdon't know\u201d where the question does not allow it", () => {
    expect(messageFor("lrc-schedule-kind", dontKnow)).toBe(
      "\u201cDon't know\u201d is not accepted for this question; choose an answer.",
    );
    expect(messageFor("lrc-standby-reviewed", dontKnow)).toBeUndefined();
  });

  it("refuses \u201cnot applicable\u201d where not allowed, and without a reason", () => {
    expect(messageFor("lrc-targets-from-exposure", notApplicable())).toBe(
      "\u201cNot applicable\u201d is not accepted for this question; choose an answer.",
    );
    const missingReason = "Say briefly why this question does not apply (at least 3 characters).";
    expect(messageFor("lrc-standby-reviewed", { kind: "notApplicable" })).toBe(missingReason);
    expect(messageFor("lrc-standby-reviewed", notApplicable("  x  "))).toBe(missingReason);
    expect(messageFor("lrc-standby-reviewed", notApplicable("x".repeat(501)))).toBe(
      "Keep the reason for \u201cnot applicable\u201d under 500 characters.",
    );
    expect(messageFor("lrc-standby-reviewed", notApplicable("We have no standby"))).toBeUndefined();
  });

  it("refuses \u201cnot applicable\u201d for team context questions", () => {
    expect(messageFor("on-call-setup", notApplicable())).toBe(
      "\u201cNot applicable\u201d is not accepted for team context questions; choose an answer.",
    );
  });

  it("refuses malformed answer objects", () => {
    for (const bad of [null, 3, "value", {}, { kind: "maybe" }]) {
      expect(messageFor("lrc-standby-reviewed", bad)).toMatch(/^The answer is malformed/);
    }
  });
});

describe("scoreAssessment rejects malformed input instead of scoring it", () => {
  it("lists every issue, in questionnaire order, whatever the key order", () => {
    const answers: Answers = {
      "cmt-deploys-per-week": value(1.5),
      "made-up-question": value(1),
      "lrc-standby-reviewed": value(9),
      "on-call-setup": value("own-schedule"),
    };
    expect(
      issuesOf(answers, { "availability-target": value("100"), "lrc-standby-reviewed": value(3) }),
    ).toEqual([
      {
        questionId: "lrc-standby-reviewed",
        message: "Choose a point on the scale from 1 (strongly disagree) to 5 (strongly agree).",
      },
      {
        questionId: "cmt-deploys-per-week",
        message: "Enter a whole number between 0 and 100 per week (you entered 1.5).",
      },
      { questionId: "availability-target", message: "Choose one of: 95.0%, 99.0%, 99.9%, 99.99%." },
      {
        questionId: "lrc-standby-reviewed",
        message: "This is a pitfall question; record it in the answers, not in the team context.",
      },
      { questionId: "made-up-question", message: 'This question is not part of questionnaire "fixture-v1".' },
      {
        questionId: "on-call-setup",
        message: "This is a team context question; record it in the team context, not in the answers.",
      },
    ]);
  });

  it("says how many answers are invalid in the error message", () => {
    expect(() => scoreAssessment(fixtureContent, { "lrc-schedule-kind": dontKnow }, {})).toThrow(
      /^1 invalid answer: lrc-schedule-kind/,
    );
  });

  it("refuses an unknown team context question", () => {
    expect(issuesOf({}, { "team-mood": value("good") })).toEqual([
      {
        questionId: "team-mood",
        message: 'This is not a team context question of questionnaire "fixture-v1".',
      },
    ]);
  });

  it("refuses \u201cdon't know\u201d on a context question that does not allow it", () => {
    expect(issuesOf({}, { regulated: dontKnow })).toEqual([
      {
        questionId: "regulated",
        message: "\u201cDon't know\u201d is not accepted for this question; choose an answer.",
      },
    ]);
  });
});

describe("listMissingRequiredAnswers", () => {
  it("lists required questions and context questions left blank, but not optional ones", () => {
    const missing = listMissingRequiredAnswers(
      fixtureContent,
      { "lrc-targets-from-exposure": dontKnow },
      { regulated: value(true) },
    );
    const ids = missing.map((issue) => issue.questionId);
    expect(ids).not.toContain("lrc-targets-from-exposure");
    expect(ids).not.toContain("cmt-pre-approved-share");
    expect(ids).not.toContain("team-size");
    expect(ids).toContain("lrc-schedule-kind");
    expect(ids).toContain("availability-target");
    expect(ids).toHaveLength(allQuestions.length - 2 + 2);
  });
});

describe("listContradictedAnswers", () => {
  const timeOnCallNotApplicable: Answers = {
    "locs-time-on-call": notApplicable(),
    "lrc-standby-reviewed": notApplicable(),
  };

  it("refuses “not applicable” where the team context says the question applies, naming the context answer", () => {
    expect(
      listContradictedAnswers(fixtureContent, timeOnCallNotApplicable, {
        "on-call-setup": value("own-schedule"),
      }),
    ).toEqual([
      {
        questionId: "locs-time-on-call",
        message:
          'Your team context says this applies to your team (How are out-of-hours callouts covered? Our own schedule), so it cannot be "not applicable". Answer it, or choose "don\'t know".',
      },
    ]);
  });

  it("accepts it when the context says otherwise or is not known", () => {
    for (const context of [
      { "on-call-setup": value("no-out-of-hours") },
      { "on-call-setup": dontKnow },
      {},
    ] as Answers[]) {
      expect(listContradictedAnswers(fixtureContent, timeOnCallNotApplicable, context)).toEqual([]);
    }
  });

  it("lists nothing for other answers to the same question", () => {
    const context = { "on-call-setup": value("domain-schedule") };
    expect(listContradictedAnswers(fixtureContent, { "locs-time-on-call": dontKnow }, context)).toEqual([]);
    expect(listContradictedAnswers(fixtureContent, { "locs-time-on-call": value(10) }, context)).toEqual([]);
  });

  it("does not make scoring refuse the answer: a stored contradiction is scored, as “don't know”", () => {
    const result = scoreAssessment(fixtureContent, timeOnCallNotApplicable, {
      "on-call-setup": value("own-schedule"),
    });
    const locs = result.pitfalls.find((pitfall) => pitfall.pitfallId === "limited-on-call-schedule")!;
    expect(locs.contradictions).toEqual(["locs-time-on-call"]);
  });
});

describe("describeAnswerValue", () => {
  it("renders values the way a person would say them", () => {
    expect(describeAnswerValue(question("lrc-standby-reviewed"), 4)).toBe("Agree");
    expect(describeAnswerValue(question("lrc-targets-from-exposure"), false)).toBe("No");
    expect(describeAnswerValue(question("lrc-schedule-kind"), "domain")).toBe("Domain");
    expect(describeAnswerValue(question("cmt-deploys-per-week"), 3)).toBe("3 per week");
    expect(describeAnswerValue(question("lrc-own-schedule-share"), 45)).toBe("45%");
  });
});
