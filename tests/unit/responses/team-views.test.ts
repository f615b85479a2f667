import { describe, expect, it } from "vitest";
import { summariseTeamAnswers } from "@/domain/assessments/team-answers";
import type { Answer, Question } from "@/domain/content/schema";
import { describeDistribution, individualAnswersView } from "@/server/responses/team-views";
import { allQuestions, dontKnow, notApplicable, value } from "../scoring/fixtures";

function fixture(id: string): Question {
  const question = allQuestions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no fixture question ${id}`);
  return question;
}

const view = (question: Question, answers: Answer[]) =>
  individualAnswersView(question, summariseTeamAnswers(question, answers));

describe("how the team's own answers read", () => {
  it("counts each answer in words, most common first, and the kinds without a value last", () => {
    const agreement = fixture("lrc-standby-reviewed");
    expect(view(agreement, [value(4), dontKnow, value(2), value(4), notApplicable("No standby")])).toEqual({
      respondents: 5,
      distribution: "Agree 2 · Disagree 1 · Don't know 1 · Not applicable 1",
      split: true,
      suggestion: { kind: "value", value: 4, reason: null },
      suggestionLabel: "Agree",
    });
  });

  it("lists numbers from low to high with their median, naming the unit once", () => {
    const deploys = fixture("cmt-deploys-per-week");
    const summary = summariseTeamAnswers(deploys, [value(12), value(2), value(5), dontKnow]);
    expect(describeDistribution(deploys, summary)).toBe("2, 5, 12 (median 5 per week) · Don't know 1");
    const share = fixture("lrc-own-schedule-share");
    expect(describeDistribution(share, summariseTeamAnswers(share, [value(10), value(25)]))).toBe(
      "10%, 25% (median 17.5%)",
    );
  });

  it("says what a majority of 'not applicable' suggests, with its reason", () => {
    const agreement = fixture("lrc-standby-reviewed");
    const shown = view(agreement, [notApplicable("No standby"), notApplicable("No standby"), value(5)]);
    expect(shown.suggestion).toEqual({ kind: "notApplicable", value: null, reason: "No standby" });
    expect(shown.suggestionLabel).toBe("Not applicable: No standby");
    expect(shown.distribution).toBe("Strongly agree 1 · Not applicable 2");
  });

  it("offers no suggestion the question refuses", () => {
    // "Don't know" is not allowed here, and only "don't know" was given.
    const choice = fixture("lrc-schedule-kind");
    const shown = view(choice, [dontKnow, dontKnow]);
    expect(shown.suggestion).toBeNull();
    expect(shown.suggestionLabel).toBeNull();
    expect(shown.distribution).toBe("Don't know 2");
  });
});
