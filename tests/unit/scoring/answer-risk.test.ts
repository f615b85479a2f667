import { describe, expect, it } from "vitest";
import type { Question } from "../../../src/domain/content/schema";
import { answerRisk, AnswerValidationError, interpolateRiskCurve } from "../../../src/domain/scoring";
import { allQuestions } from "./fixtures";

function questionById(id: string): Question {
  const question = allQuestions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no fixture question ${id}`);
  return question;
}

describe("agreement risk", () => {
  it("spreads the scale evenly towards the risky end when agreeing is risky", () => {
    const question: Question = {
      ...questionById("lrc-standby-reviewed"),
      answer: { type: "agreement", riskyWhen: "agree" },
    };
    expect([1, 2, 3, 4, 5].map((level) => answerRisk(question, level))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("mirrors the scale when disagreeing is risky", () => {
    const question = questionById("lrc-standby-reviewed");
    expect([1, 2, 3, 4, 5].map((level) => answerRisk(question, level))).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
});

describe("yes/no risk", () => {
  it("is 1 for the risky answer and 0 for the other", () => {
    const riskyYes = questionById("cmt-every-deploy-approved");
    const riskyNo = questionById("lrc-targets-from-exposure");
    expect(answerRisk(riskyYes, true)).toBe(1);
    expect(answerRisk(riskyYes, false)).toBe(0);
    expect(answerRisk(riskyNo, false)).toBe(1);
    expect(answerRisk(riskyNo, true)).toBe(0);
  });
});

describe("choice risk", () => {
  it("is the risk the content gives the chosen option", () => {
    const question = questionById("lrc-schedule-kind");
    expect(answerRisk(question, "none")).toBe(0);
    expect(answerRisk(question, "domain")).toBe(0.3);
    expect(answerRisk(question, "own")).toBe(1);
  });
});

describe("number risk (piecewise-linear curve)", () => {
  const deploys = questionById("cmt-deploys-per-week"); // (0,1) (1,0.5) (5,0)
  const approvalDays = questionById("cmt-approval-days"); // (2.99,0) (3,0.7) (10,1)

  it("hits each point exactly", () => {
    expect(answerRisk(deploys, 0)).toBe(1);
    expect(answerRisk(deploys, 1)).toBe(0.5);
    expect(answerRisk(deploys, 5)).toBe(0);
  });

  it("interpolates linearly between points", () => {
    expect(answerRisk(deploys, 3)).toBeCloseTo(0.25, 12);
    expect(answerRisk(approvalDays, 6.5)).toBeCloseTo(0.85, 12);
  });

  it("holds flat beyond both ends", () => {
    expect(answerRisk(deploys, 100)).toBe(0);
    expect(answerRisk(approvalDays, 0)).toBe(0);
    expect(answerRisk(approvalDays, 60)).toBe(1);
  });

  it("models a step with two close points", () => {
    expect(answerRisk(approvalDays, 2.99)).toBe(0);
    expect(answerRisk(approvalDays, 3)).toBe(0.7);
    expect(answerRisk(approvalDays, 2.995)).toBeCloseTo(0.35, 9);
  });

  it("interpolates a curve given directly", () => {
    const curve = [
      { at: -10, risk: 0.2 },
      { at: 10, risk: 0.6 },
    ];
    expect(interpolateRiskCurve(curve, -20)).toBe(0.2);
    expect(interpolateRiskCurve(curve, 0)).toBeCloseTo(0.4, 12);
    expect(interpolateRiskCurve(curve, 20)).toBe(0.6);
  });
});

describe("answerRisk on invalid values", () => {
  it("throws AnswerValidationError naming the question", () => {
    const question = questionById("cmt-deploys-per-week");
    let caught: unknown;
    try {
      answerRisk(question, 101);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnswerValidationError);
    expect((caught as AnswerValidationError).issues).toEqual([
      {
        questionId: "cmt-deploys-per-week",
        message: "Enter a whole number between 0 and 100 per week (you entered 101).",
      },
    ]);
  });

  it("refuses a value of another answer type", () => {
    expect(() => answerRisk(questionById("lrc-schedule-kind"), 1)).toThrow(AnswerValidationError);
    expect(() => answerRisk(questionById("lrc-targets-from-exposure"), "yes")).toThrow(AnswerValidationError);
  });
});
