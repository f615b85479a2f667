import { describe, expect, it } from "vitest";
import { latestQuestionnaire, questionnaireById } from "@/domain/content";
import type { Answer, Answers, Questionnaire } from "@/domain/content/schema";
import { notApplicableContradiction } from "@/domain/assessments/contradicted-answers";
import { listContradictedAnswers } from "@/domain/scoring";
import { compiledQuestionnaire, sectionViews } from "@/server/assessments/questionnaire-content";

const notApplicable: Answer = { kind: "notApplicable", reason: "We have no rota this quarter" };

/** Every team context the questionnaire's choice and yes/no context questions can give, one answer changed at a time. */
function contexts(questionnaire: Questionnaire): Answers[] {
  const found: Answers[] = [{}];
  for (const question of questionnaire.context) {
    const answer = question.answer;
    const values =
      answer.type === "choice"
        ? answer.options.map((option) => option.value)
        : answer.type === "yesNo"
          ? [true, false]
          : answer.type === "number"
            ? [answer.min, answer.max]
            : [];
    for (const value of values) found.push({ [question.id]: { kind: "value", value } });
    found.push({ [question.id]: { kind: "dontKnow" } });
  }
  return found;
}

describe("'not applicable' that the team's own context rules out", () => {
  const questionnaires = [latestQuestionnaire(), questionnaireById("v1")].filter(
    (questionnaire): questionnaire is Questionnaire => questionnaire !== undefined,
  );

  it("is said on the questionnaire exactly as the review and submitting say it, for every question and context", () => {
    let contradictions = 0;
    for (const questionnaire of questionnaires) {
      const compiled = compiledQuestionnaire(questionnaire);
      // What the questionnaire page has in the browser: the question views, context questions first.
      const views = sectionViews(questionnaire);
      const contextViews = new Map(views[0]!.questions.map((question) => [question.id, question]));
      const pitfallViews = views.slice(1).flatMap((section) => section.questions);
      for (const context of contexts(questionnaire)) {
        for (const question of pitfallViews) {
          const onThePage = notApplicableContradiction(
            question.applicableWhen,
            (field) => context[field],
            (field) => contextViews.get(field),
          );
          const [onReview] = listContradictedAnswers(compiled, { [question.id]: notApplicable }, context);
          expect(onThePage, `${questionnaire.id} ${question.id} ${JSON.stringify(context)}`).toBe(
            onReview?.message ?? null,
          );
          if (onThePage) contradictions++;
        }
      }
    }
    // The comparison is about something: some context does rule some "not applicable" out.
    expect(contradictions).toBeGreaterThan(0);
  });

  it("names the context answer that makes the question apply, and says what to do instead", () => {
    const questionnaire = latestQuestionnaire();
    const views = sectionViews(questionnaire);
    const contextViews = new Map(views[0]!.questions.map((question) => [question.id, question]));
    const question = views
      .flatMap((section) => section.questions)
      .find((candidate) => candidate.applicableWhen?.some((condition) => condition.op === "in"))!;
    const condition = question.applicableWhen!.find((candidate) => candidate.op === "in")!;
    const value = condition.op === "in" ? condition.values[0]! : null;
    const contextQuestion = contextViews.get(condition.field)!;
    const label =
      contextQuestion.answer.type === "choice"
        ? contextQuestion.answer.options.find((option) => option.value === value)!.label
        : String(value);
    const context: Answers = Object.fromEntries(
      question.applicableWhen!.map((each) => [
        each.field,
        { kind: "value", value: each.op === "in" ? each.values[0]! : 0 },
      ]),
    );
    expect(
      notApplicableContradiction(
        question.applicableWhen,
        (field) => context[field],
        (field) => contextViews.get(field),
      ),
    ).toBe(
      `Your team context says this applies to your team (${contextQuestion.prompt} ${label}), so it cannot be "not applicable". Answer it, or choose "don't know".`,
    );
  });

  it("says nothing while the context answer is blank or “don't know”, or for a question without conditions", () => {
    const question = sectionViews(latestQuestionnaire())
      .flatMap((section) => section.questions)
      .find((candidate) => candidate.applicableWhen)!;
    const field = question.applicableWhen![0]!.field;
    for (const context of [{}, { [field]: { kind: "dontKnow" } }] as Answers[]) {
      expect(
        notApplicableContradiction(
          question.applicableWhen,
          (name) => context[name],
          () => undefined,
        ),
      ).toBeNull();
    }
    expect(
      notApplicableContradiction(
        undefined,
        () => ({ kind: "value", value: "x" }),
        () => undefined,
      ),
    ).toBeNull();
  });
});
