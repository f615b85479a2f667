import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isAsked,
  questionnaireQuestionsNotAsked,
  questionsNotAsked,
} from "@/domain/assessments/asked-questions";
import { content } from "@/domain/content";
import type { Answers, Condition } from "@/domain/content/schema";
import { listMissingRequiredAnswers, scoreAssessment, type ScoringContent } from "@/domain/scoring";
import { validAnswers, validContext } from "../scoring/arbitraries";

const value = (answerValue: number | string | boolean) => ({ kind: "value", value: answerValue }) as const;
const lookup = (answers: Answers) => (field: string) => answers[field];

describe("isAsked", () => {
  const topTarget: Condition[] = [{ field: "availability-target", op: "in", values: ["99-99"] }];

  it("asks a question without conditions, and one whose conditions hold or are not known yet", () => {
    expect(isAsked(undefined, lookup({}))).toBe(true);
    expect(isAsked(topTarget, lookup({ "availability-target": value("99-99") }))).toBe(true);
    expect(isAsked(topTarget, lookup({}))).toBe(true);
    expect(isAsked(topTarget, lookup({ "availability-target": { kind: "dontKnow" } }))).toBe(true);
  });

  it("does not ask once a condition is known not to hold", () => {
    expect(isAsked(topTarget, lookup({ "availability-target": value("99-9") }))).toBe(false);
    const smallRota: Condition[] = [{ field: "on-call-rota-size", op: "lt", value: 4 }];
    expect(isAsked(smallRota, lookup({ "on-call-rota-size": value(3) }))).toBe(true);
    expect(isAsked(smallRota, lookup({ "on-call-rota-size": value(4) }))).toBe(false);
    const notKnown: Condition[] = [{ field: "financial-exposure-band", op: "dontKnow" }];
    expect(isAsked(notKnown, lookup({ "financial-exposure-band": { kind: "dontKnow" } }))).toBe(true);
    expect(isAsked(notKnown, lookup({ "financial-exposure-band": value("low") }))).toBe(false);
  });

  it("reads no answer of a context question it does not ask: what depends on it is as if unanswered", () => {
    const questions = {
      context: [
        { id: "a" },
        { id: "b", appliesWhen: [{ field: "a", op: "in", values: [true] }] as Condition[] },
        { id: "c", appliesWhen: [{ field: "b", op: "in", values: [true] }] as Condition[] },
      ],
      pitfall: [{ id: "q", appliesWhen: [{ field: "b", op: "in", values: [true] }] as Condition[] }],
    };
    // Asked while a was true, b was answered false, which leaves c and q out.
    expect([...questionsNotAsked(questions, lookup({ a: value(true), b: value(false) }))].sort()).toEqual([
      "c",
      "q",
    ]);
    // With a now false, b is not asked and its old answer is not read: c and q are asked again, as
    // they would be with b blank.
    expect([...questionsNotAsked(questions, lookup({ a: value(false), b: value(false) }))]).toEqual(["b"]);
  });
});

describe.each(["v2", "v1"])("questionnaire %s", (questionnaireId) => {
  const questionnaire = content.questionnaires.find((candidate) => candidate.id === questionnaireId)!;
  const real: ScoringContent = {
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  };

  it("asks about a documented need for the top availability target only of a service that may have it", () => {
    const notAskedWith = (target: string) =>
      questionnaireQuestionsNotAsked(questionnaire, lookup({ "availability-target": value(target) }));
    expect(notAskedWith("99-99").has("documented-need-for-top-target")).toBe(false);
    for (const lower of ["95-0", "99-0", "99-9"]) {
      expect(notAskedWith(lower).has("documented-need-for-top-target")).toBe(true);
    }
  });

  it("asks the size of the out-of-hours rota only of a team on a rota", () => {
    const asked = (setup?: string) =>
      !questionnaireQuestionsNotAsked(
        questionnaire,
        lookup(setup ? { "out-of-hours-on-call-setup": value(setup) } : {}),
      ).has("on-call-rota-size");
    expect(asked()).toBe(true);
    expect(asked("shared-domain-schedule")).toBe(true);
    expect(asked("own-team-schedule")).toBe(true);
    expect(asked("none")).toBe(false);
    expect(asked("central-ops")).toBe(false);
  });

  it("leaves out exactly the questions scoring leaves out of the score, in every pitfall", () => {
    fc.assert(
      fc.property(validAnswers(questionnaire), validContext(questionnaire), (answers, context) => {
        const notAsked = questionnaireQuestionsNotAsked(questionnaire, lookup(context));
        const result = scoreAssessment(real, answers, context);
        for (const section of questionnaire.sections) {
          const pitfall = result.pitfalls.find((candidate) => candidate.pitfallId === section.pitfallId)!;
          const leftOut = section.questions.filter((question) => notAsked.has(question.id)).length;
          expect(pitfall.evidence.outOfContext, section.pitfallId).toBe(leftOut);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("scores the same whether answers to questions it does not ask are kept or left out", () => {
    // Submitting and rescoring leave them out (stored-answers.ts); nothing may change by it.
    const without = (given: Answers, notAsked: ReadonlySet<string>) =>
      Object.fromEntries(Object.entries(given).filter(([questionId]) => !notAsked.has(questionId)));
    fc.assert(
      fc.property(validAnswers(questionnaire), validContext(questionnaire), (answers, context) => {
        const notAsked = questionnaireQuestionsNotAsked(questionnaire, lookup(context));
        expect(scoreAssessment(real, without(answers, notAsked), without(context, notAsked))).toEqual(
          scoreAssessment(real, answers, context),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("never requires an answer to a question it does not ask", () => {
    const onCallShare = questionnaire.sections
      .flatMap((section) => section.questions)
      .find((question) => question.id === "locs-share-of-team-on-call")!;
    const sharedRota = { "out-of-hours-on-call-setup": value("shared-domain-schedule") };
    const ownRota = { "out-of-hours-on-call-setup": value("own-team-schedule") };
    const missing = (context: Answers) =>
      listMissingRequiredAnswers(real, {}, context).map((issue) => issue.questionId);
    expect(missing(ownRota)).toContain(onCallShare.id);
    expect(missing(sharedRota)).not.toContain(onCallShare.id);
    // Nobody on call, or central operations covering: no question about the rota is asked.
    const onCallQuestions = [
      "locs-share-of-time-on-call",
      "locs-personal-disruption",
      "ebau-callouts-per-shift",
    ];
    expect(missing(sharedRota)).toEqual(expect.arrayContaining(onCallQuestions));
    for (const setup of ["none", "central-ops"]) {
      const asked = missing({ "out-of-hours-on-call-setup": value(setup) });
      for (const questionId of onCallQuestions) expect(asked).not.toContain(questionId);
    }
    fc.assert(
      fc.property(validContext(questionnaire), (context) => {
        const notAsked = questionnaireQuestionsNotAsked(questionnaire, lookup(context));
        for (const questionId of missing(context)) expect(notAsked.has(questionId)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
