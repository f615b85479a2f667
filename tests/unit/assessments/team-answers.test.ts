import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { latestQuestionnaire } from "@/domain/content";
import type { Answer, Question } from "@/domain/content/schema";
import { SPLIT_SPREAD, summariseTeamAnswers } from "@/domain/assessments/team-answers";
import { answerRisk } from "@/domain/scoring";
import { validValue } from "../scoring/arbitraries";
import { allQuestions, dontKnow, notApplicable, value } from "../scoring/fixtures";

function fixture(id: string): Question {
  const question = allQuestions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no fixture question ${id}`);
  return question;
}

/** Yes/no, "no" is risky; don't know allowed, not applicable not. */
const yesNo = fixture("lrc-targets-from-exposure");
/** Agreement, disagreeing is risky (1 = strongly disagree = risk 1). */
const agreement = fixture("lrc-standby-reviewed");
/** Choice: none (risk 0), domain (0.3), own (1); no "don't know". */
const choice = fixture("lrc-schedule-kind");
/** Whole numbers, per week; 0 is risk 1, 1 is 0.5, 5 or more is 0. */
const deploys = fixture("cmt-deploys-per-week");
/** Percent, not whole: 20 or less is risk 0, 80 or more is 1. */
const share = fixture("lrc-own-schedule-share");

const values = (...answers: (number | string | boolean)[]): Answer[] => answers.map(value);

describe("summariseTeamAnswers: agreement", () => {
  it("counts each answer, most common first, and suggests the median point", () => {
    const summary = summariseTeamAnswers(agreement, values(4, 4, 2));
    expect(summary.respondents).toBe(3);
    expect(summary.counts).toEqual([
      { value: 4, kind: "value", count: 2 },
      { value: 2, kind: "value", count: 1 },
    ]);
    expect(summary.suggestion).toEqual(value(4));
    // Agree (risk 0.25) against disagree (0.75): half the scale apart.
    expect(summary.spread).toBe(0.5);
    expect(summary.split).toBe(true);
  });

  it("with an even count, suggests the riskier of the two middle points", () => {
    // Disagreeing is risky here, so of 2 and 4 the suggestion is 2.
    expect(summariseTeamAnswers(agreement, values(5, 4, 2, 1)).suggestion).toEqual(value(2));
    const riskyWhenAgreeing: Question = { ...agreement, answer: { type: "agreement", riskyWhen: "agree" } };
    expect(summariseTeamAnswers(riskyWhenAgreeing, values(5, 4, 2, 1)).suggestion).toEqual(value(4));
  });

  it("is not split when everyone is on the same side of the scale", () => {
    const summary = summariseTeamAnswers(agreement, values(4, 5, 4));
    expect(summary.spread).toBe(0.25);
    expect(summary.split).toBe(false);
  });
});

describe("summariseTeamAnswers: yes/no", () => {
  it("suggests the most common answer and is split when yes meets no", () => {
    const summary = summariseTeamAnswers(yesNo, values(true, true, false));
    expect(summary.counts).toEqual([
      { value: true, kind: "value", count: 2 },
      { value: false, kind: "value", count: 1 },
    ]);
    expect(summary.suggestion).toEqual(value(true));
    expect(summary.spread).toBe(1);
    expect(summary.split).toBe(true);
  });

  it("breaks a tie towards the risky answer", () => {
    expect(summariseTeamAnswers(yesNo, values(true, false)).suggestion).toEqual(value(false));
    expect(summariseTeamAnswers(yesNo, values(false, true)).suggestion).toEqual(value(false));
  });

  it("lists yes before no among equally common answers", () => {
    expect(summariseTeamAnswers(yesNo, values(false, true)).counts.map((count) => count.value)).toEqual([
      true,
      false,
    ]);
  });
});

describe("summariseTeamAnswers: choice", () => {
  it("suggests the most common option", () => {
    const summary = summariseTeamAnswers(choice, values("none", "domain", "domain"));
    expect(summary.suggestion).toEqual(value("domain"));
    expect(summary.spread).toBe(0.3);
    expect(summary.split).toBe(false);
  });

  it("breaks a tie towards the riskier option, whatever the order of the options", () => {
    expect(summariseTeamAnswers(choice, values("own", "none")).suggestion).toEqual(value("own"));
    expect(summariseTeamAnswers(choice, values("none", "domain")).suggestion).toEqual(value("domain"));
    expect(summariseTeamAnswers(choice, values("none", "own")).split).toBe(true);
  });

  it("lists equally common options in the order the question offers them", () => {
    const summary = summariseTeamAnswers(choice, values("own", "domain", "none"));
    expect(summary.counts.map((count) => count.value)).toEqual(["none", "domain", "own"]);
  });
});

describe("summariseTeamAnswers: numbers", () => {
  it("suggests the median, and measures the spread on the risk curve", () => {
    const summary = summariseTeamAnswers(deploys, values(0, 3, 10));
    expect(summary.suggestion).toEqual(value(3));
    // 0 deploys is risk 1, 10 deploys risk 0.
    expect(summary.spread).toBe(1);
    expect(summary.split).toBe(true);
  });

  it("takes the mean of the two middle values for an even count, rounded for whole numbers", () => {
    expect(summariseTeamAnswers(deploys, values(1, 2, 3, 4)).suggestion).toEqual(value(3));
    expect(summariseTeamAnswers(share, values(10, 20, 25, 90)).suggestion).toEqual(value(22.5));
  });

  it("is not split when different numbers mean the same risk", () => {
    // Anything from five deploys a week up carries no risk: the numbers differ, the risk does not.
    const summary = summariseTeamAnswers(deploys, values(5, 20, 60));
    expect(summary.spread).toBe(0);
    expect(summary.split).toBe(false);
  });

  it("never suggests a number outside the answers given, however it is rounded", () => {
    const summary = summariseTeamAnswers(share, values(0.001, 0.002));
    const suggested = summary.suggestion?.kind === "value" ? (summary.suggestion.value as number) : NaN;
    expect(suggested).toBeGreaterThanOrEqual(0.001);
    expect(suggested).toBeLessThanOrEqual(0.002);
  });
});

describe("summariseTeamAnswers: don't know and not applicable", () => {
  it("counts them after the values and leaves them out of the spread", () => {
    const summary = summariseTeamAnswers(yesNo, [value(true), dontKnow, dontKnow, value(false)]);
    expect(summary.counts).toEqual([
      { value: true, kind: "value", count: 1 },
      { value: false, kind: "value", count: 1 },
      { value: null, kind: "dontKnow", count: 2 },
    ]);
    expect(summary.spread).toBe(1);
    expect(summary.split).toBe(true);
    // Two values against two "don't know": not a majority, so the values decide.
    expect(summary.suggestion).toEqual(value(false));
  });

  it("suggests don't know when most people did not know", () => {
    const summary = summariseTeamAnswers(yesNo, [dontKnow, dontKnow, value(true)]);
    expect(summary.suggestion).toEqual({ kind: "dontKnow" });
    expect(summary.spread).toBeNull();
    expect(summary.split).toBe(false);
  });

  it("suggests not applicable, with the most common reason, when most said it does not apply", () => {
    const summary = summariseTeamAnswers(agreement, [
      notApplicable("No standby at all"),
      notApplicable("We have no standby"),
      notApplicable("We have no standby"),
      value(2),
    ]);
    expect(summary.suggestion).toEqual({ kind: "notApplicable", reason: "We have no standby" });
  });

  it("does not suggest an answer the question does not allow", () => {
    // The choice question allows no "don't know": the one value given is the suggestion.
    expect(summariseTeamAnswers(choice, [dontKnow, dontKnow, value("own")]).suggestion).toEqual(value("own"));
    expect(summariseTeamAnswers(choice, [dontKnow]).suggestion).toBeNull();
  });

  it("is not split with a single value answer, however many others answered", () => {
    const summary = summariseTeamAnswers(agreement, [value(1), dontKnow, notApplicable("Not ours")]);
    expect(summary.spread).toBeNull();
    expect(summary.split).toBe(false);
  });

  it("suggests nothing without answers", () => {
    expect(summariseTeamAnswers(agreement, [])).toEqual({
      respondents: 0,
      counts: [],
      spread: null,
      split: false,
      suggestion: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over every pitfall question of the real questionnaire
// ---------------------------------------------------------------------------------------------

const realQuestions: readonly Question[] = latestQuestionnaire().sections.flatMap(
  (section) => section.questions,
);

function anyAnswer(question: Question): fc.Arbitrary<Answer> {
  const options: fc.Arbitrary<Answer>[] = [
    validValue(question.answer).map((answerValue): Answer => ({ kind: "value", value: answerValue })),
    validValue(question.answer).map((answerValue): Answer => ({ kind: "value", value: answerValue })),
  ];
  if (question.allowDontKnow) options.push(fc.constant<Answer>({ kind: "dontKnow" }));
  if (question.allowNotApplicable) {
    options.push(
      fc
        .constantFrom("Not how we work", "We have no such service", "Out of our hands")
        .map((reason): Answer => ({ kind: "notApplicable", reason })),
    );
  }
  return fc.oneof(...options);
}

/** A real pitfall question and what a team of one to twelve people answered to it. */
const teamAnswers = fc
  .constantFrom(...realQuestions)
  .chain((question) =>
    fc.array(anyAnswer(question), { minLength: 1, maxLength: 12 }).map((answers) => ({ question, answers })),
  );

const valuesOf = (answers: readonly Answer[]) =>
  answers.flatMap((answer) => (answer.kind === "value" ? [answer.value] : []));

describe("summariseTeamAnswers: properties", () => {
  it("a suggested choice, yes/no or agreement point is one of the answers given", () => {
    fc.assert(
      fc.property(teamAnswers, ({ question, answers }) => {
        const suggestion = summariseTeamAnswers(question, answers).suggestion;
        if (question.answer.type === "number" || suggestion?.kind !== "value") return;
        expect(valuesOf(answers)).toContain(suggestion.value);
      }),
    );
  });

  it("a suggested number lies within the numbers given and within the question's range", () => {
    fc.assert(
      fc.property(teamAnswers, ({ question, answers }) => {
        if (question.answer.type !== "number") return;
        const suggestion = summariseTeamAnswers(question, answers).suggestion;
        if (suggestion?.kind !== "value") return;
        const numbers = valuesOf(answers) as number[];
        const suggested = suggestion.value as number;
        expect(suggested).toBeGreaterThanOrEqual(Math.min(...numbers));
        expect(suggested).toBeLessThanOrEqual(Math.max(...numbers));
        if (question.answer.integer) expect(Number.isInteger(suggested)).toBe(true);
      }),
    );
  });

  it("suggests an answer whenever someone answered with a value, and only answers the question allows", () => {
    fc.assert(
      fc.property(teamAnswers, ({ question, answers }) => {
        const suggestion = summariseTeamAnswers(question, answers).suggestion;
        if (valuesOf(answers).length > 0) expect(suggestion).not.toBeNull();
        if (suggestion?.kind === "dontKnow") expect(question.allowDontKnow).toBe(true);
        if (suggestion?.kind === "notApplicable") expect(question.allowNotApplicable).toBe(true);
      }),
    );
  });

  it("is split exactly when at least two values lie SPLIT_SPREAD or more apart in risk", () => {
    fc.assert(
      fc.property(teamAnswers, ({ question, answers }) => {
        const summary = summariseTeamAnswers(question, answers);
        const risks = valuesOf(answers).map((answerValue) => answerRisk(question, answerValue));
        if (risks.length < 2) {
          expect(summary.spread).toBeNull();
          expect(summary.split).toBe(false);
          return;
        }
        const spread = Math.max(...risks) - Math.min(...risks);
        // The spread is reported to three decimals.
        expect(Math.abs(summary.spread! - spread)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(summary.spread).toBeGreaterThanOrEqual(0);
        expect(summary.spread).toBeLessThanOrEqual(1);
        expect(summary.split).toBe(summary.spread! >= SPLIT_SPREAD);
      }),
    );
  });

  it("counts every answer once", () => {
    fc.assert(
      fc.property(teamAnswers, ({ question, answers }) => {
        const summary = summariseTeamAnswers(question, answers);
        expect(summary.respondents).toBe(answers.length);
        expect(summary.counts.reduce((sum, entry) => sum + entry.count, 0)).toBe(answers.length);
      }),
    );
  });

  it("does not depend on the order of the answers", () => {
    fc.assert(
      fc.property(
        teamAnswers.chain(({ question, answers }) =>
          fc
            .shuffledSubarray(answers, { minLength: answers.length, maxLength: answers.length })
            .map((shuffled) => ({ question, answers, shuffled })),
        ),
        ({ question, answers, shuffled }) => {
          expect(summariseTeamAnswers(question, shuffled)).toEqual(summariseTeamAnswers(question, answers));
        },
      ),
    );
  });
});
