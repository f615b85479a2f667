import { describe, expect, it } from "vitest";
import { latestQuestionnaire } from "@/domain/content";
import type { Answer } from "@/domain/content/schema";
import {
  answersNeededToShow,
  EVERYONE,
  OTHER_ANSWERS_NEEDED,
  splitQuestionsByPitfall,
  summariseIndividualAnswers,
  type IndividualAnswersAudience,
} from "@/domain/assessments/split-questions";
import { value } from "../scoring/fixtures";

const questionnaire = latestQuestionnaire();
const section = questionnaire.sections.find((candidate) =>
  candidate.questions.some((question) => question.answer.type === "yesNo"),
)!;
const question = section.questions.find((candidate) => candidate.answer.type === "yesNo")!;

/** `yes` answers of true, then `no` answers of false, to the one question. */
function answers(yes: number, no: number): Map<string, Answer[]> {
  return new Map([
    [question.id, [...new Array<Answer>(yes).fill(value(true)), ...new Array<Answer>(no).fill(value(false))]],
  ]);
}

const answeredIt: IndividualAnswersAudience = { kind: "viewer", answeredByViewer: new Set([question.id]) };
const didNotAnswer: IndividualAnswersAudience = {
  kind: "viewer",
  answeredByViewer: new Set(["another-question"]),
};

describe("the floor for individual answers", () => {
  it("needs three answers besides the viewer's own", () => {
    expect(OTHER_ANSWERS_NEEDED).toBe(3);
    expect(answersNeededToShow(didNotAnswer, question.id)).toBe(3);
    expect(answersNeededToShow(answeredIt, question.id)).toBe(4);
    // Stored or shown to everyone alike: any reader may be one who answered.
    expect(answersNeededToShow(EVERYONE, question.id)).toBe(4);
  });

  it("hides three answers from someone who gave one of them, and shows them to someone who did not", () => {
    // "Yes 2 · No 1": the one who answered No would know both others answered Yes.
    expect(summariseIndividualAnswers(questionnaire, answers(2, 1), answeredIt).has(question.id)).toBe(false);
    expect(
      summariseIndividualAnswers(questionnaire, answers(2, 1), didNotAnswer).get(question.id),
    ).toMatchObject({ respondents: 3, split: true });
  });

  it("shows four answers to someone who gave one of them: exactly at the floor", () => {
    expect(
      summariseIndividualAnswers(questionnaire, answers(3, 1), answeredIt).get(question.id),
    ).toMatchObject({
      respondents: 4,
      split: true,
    });
  });

  it("hides two answers even from someone who gave neither", () => {
    expect(summariseIndividualAnswers(questionnaire, answers(1, 1), didNotAnswer).has(question.id)).toBe(
      false,
    );
  });

  it("counts a split towards what is stored only once four people answered", () => {
    const stored = (byQuestion: Map<string, Answer[]>) =>
      splitQuestionsByPitfall(
        questionnaire,
        summariseIndividualAnswers(questionnaire, byQuestion, EVERYONE),
      ).get(section.pitfallId);
    expect(stored(answers(2, 1))).toBe(0);
    expect(stored(answers(3, 1))).toBe(1);
  });
});
