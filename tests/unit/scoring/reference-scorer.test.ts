/**
 * The optimised engine against the plain reference implementation of the current method
 * (tests/support/reference-scorer.ts), on generated answers over the real questionnaires: an
 * optimisation can never change a verdict without this failing. A few hand-worked examples check
 * the reference on its own, so it is not only checked against the engine.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { content } from "../../../src/domain/content";
import type {
  Answers,
  Condition,
  Countermeasure,
  Pitfall,
  Question,
  Questionnaire,
} from "../../../src/domain/content/schema";
import {
  type AssessmentScore,
  compileQuestionnaire,
  type PitfallScore,
  type ScoringContent,
  scoreAssessment,
} from "../../../src/domain/scoring";
import { referenceScoreAssessment } from "../../support/reference-scorer";
import { pitfallOf } from "./helpers";
import { answersOf, dontKnow, notApplicable, teamContextOf, value } from "./real-content-arbitraries";

function scoringContentFor(questionnaireId: string): ScoringContent {
  const questionnaire = content.questionnaires.find((candidate) => candidate.id === questionnaireId);
  if (!questionnaire) throw new Error(`no questionnaire ${questionnaireId}`);
  return { questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures };
}

/* ------------------------------------------------------------------------------------------------
 * The engine equals the reference
 * ---------------------------------------------------------------------------------------------- */

const QUESTIONNAIRE_IDS = ["v1", "v2"] as const;
/** Per questionnaire: 1100 + 150 + 100 generated assessments, 2700 in all. */
const RUNS_COMPILED = 1100;
const RUNS_UNCOMPILED = 150;
const RUNS_WITHOUT_CONTEXT = 100;

/**
 * Strict deep equality, checked cheaply first; on a difference vitest's assertion shows the diff
 * (and fast-check the counterexample).
 */
function expectSameScore(engine: AssessmentScore, reference: AssessmentScore): void {
  if (!isDeepStrictEqual(engine, reference)) expect(engine).toStrictEqual(reference);
}

describe.each(QUESTIONNAIRE_IDS)(
  "scoreAssessment equals the reference scorer on questionnaire %s",
  (questionnaireId) => {
    const scoringContent = scoringContentFor(questionnaireId);
    const questionnaire = scoringContent.questionnaire;

    it("on generated answers and team contexts (compiled once, scratch reused across runs)", () => {
      const compiled = compileQuestionnaire(scoringContent);
      fc.assert(
        fc.property(answersOf(questionnaire), teamContextOf(questionnaire), (answers, teamContext) => {
          expectSameScore(
            scoreAssessment(compiled, answers, teamContext),
            referenceScoreAssessment(scoringContent, answers, teamContext),
          );
        }),
        { numRuns: RUNS_COMPILED },
      );
    });

    it("on generated answers and team contexts (content compiled on each call)", () => {
      fc.assert(
        fc.property(answersOf(questionnaire), teamContextOf(questionnaire), (answers, teamContext) => {
          expectSameScore(
            scoreAssessment(scoringContent, answers, teamContext),
            referenceScoreAssessment(scoringContent, answers, teamContext),
          );
        }),
        { numRuns: RUNS_UNCOMPILED },
      );
    });

    it("with no answers at all, and with no team context", () => {
      expectSameScore(
        scoreAssessment(scoringContent, {}, {}),
        referenceScoreAssessment(scoringContent, {}, {}),
      );
      fc.assert(
        fc.property(answersOf(questionnaire), (answers) => {
          expectSameScore(
            scoreAssessment(scoringContent, answers, {}),
            referenceScoreAssessment(scoringContent, answers, {}),
          );
        }),
        { numRuns: RUNS_WITHOUT_CONTEXT },
      );
    });
  },
);

/* ------------------------------------------------------------------------------------------------
 * The reference on its own, on hand-worked answers to a tiny questionnaire (its own, so edits to
 * the real content do not move these figures)
 * ---------------------------------------------------------------------------------------------- */

const ON_OWN_SCHEDULE: Condition = { field: "setup", op: "in", values: ["own"] };

function tinyQuestion(
  partial: Pick<Question, "id" | "answer" | "weight" | "detects"> & Partial<Question>,
): Question {
  return {
    prompt: `Prompt of ${partial.id}?`,
    help: `Help for ${partial.id}.`,
    allowDontKnow: true,
    allowNotApplicable: true,
    required: true,
    ...partial,
  };
}

const tinyPitfall: Pitfall = {
  id: "limited-on-call-schedule",
  name: "Thin rota",
  summary: "Summary.",
  whyItMatters: "Why it matters.",
  symptoms: [
    { id: "burnout", title: "Burnout", description: "Description." },
    { id: "minority", title: "Minority on call", description: "Description." },
  ],
  causes: [
    { id: "thin-rota", text: "Too few people on the rota." },
    { id: "unprepared", text: "People are unprepared." },
    { id: "pay", text: "People are not paid for standby." },
  ],
  countermeasures: [
    {
      countermeasureId: "cm-sustainable",
      rationale: "r",
      addresses: ["burnout"],
      removesCauses: ["thin-rota"],
    },
    {
      countermeasureId: "cm-prepare",
      rationale: "r",
      addresses: ["burnout", "minority"],
      removesCauses: ["unprepared"],
    },
    { countermeasureId: "cm-pay", rationale: "r", addresses: ["burnout"], removesCauses: ["pay"] },
  ],
  notes: [],
  related: [],
};

const tinyCountermeasures: Countermeasure[] = [
  { id: "cm-sustainable", action: "Craft a sustainable rota", guidance: "g", effort: "low" },
  { id: "cm-prepare", action: "Prepare people for on-call", guidance: "g", effort: "low" },
  { id: "cm-pay", action: "Pay for standby", guidance: "g", effort: "medium" },
];

const tinyQuestionnaire: Questionnaire = {
  id: "tiny",
  title: "Tiny",
  publishedOn: "2026-01-01",
  context: [
    {
      id: "exposure",
      prompt: "Exposure?",
      help: "h",
      answer: {
        type: "choice",
        options: [
          { value: "low", label: "Low" },
          { value: "high", label: "High" },
        ],
      },
      allowDontKnow: true,
      required: true,
    },
    {
      id: "setup",
      prompt: "Setup?",
      help: "h",
      answer: {
        type: "choice",
        options: [
          { value: "none", label: "None" },
          { value: "own", label: "Own" },
        ],
      },
      allowDontKnow: false,
      required: true,
    },
    {
      id: "rota",
      prompt: "Rota?",
      help: "h",
      answer: { type: "number", unit: "people", min: 0, max: 20, integer: true },
      allowDontKnow: true,
      required: true,
    },
  ],
  sections: [
    {
      pitfallId: "limited-on-call-schedule",
      intro: "Intro.",
      questions: [
        tinyQuestion({
          id: "q-disruption",
          answer: { type: "agreement", riskyWhen: "agree" },
          weight: 3,
          detects: { symptoms: ["burnout"], causes: [] },
        }),
        tinyQuestion({
          id: "q-ready",
          answer: {
            type: "number",
            unit: "count",
            min: 0,
            max: 4,
            integer: true,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 4, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["unprepared"] },
          dontKnowRisk: 0.8,
        }),
        tinyQuestion({
          id: "q-share-on-call",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 50, risk: 0 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["minority"], causes: [] },
          appliesWhen: [ON_OWN_SCHEDULE],
          applicableWhen: [ON_OWN_SCHEDULE],
        }),
        tinyQuestion({
          id: "q-paid-standby",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 1,
          detects: { symptoms: [], causes: ["pay"] },
          applicableWhen: [ON_OWN_SCHEDULE],
        }),
      ],
    },
  ],
  contextRules: [
    {
      id: "rota-of-one",
      pitfallId: "limited-on-call-schedule",
      explanation: "One person carries the rota.",
      appliesWhen: [ON_OWN_SCHEDULE],
      when: [{ field: "rota", op: "lt", value: 2 }],
      weight: 0,
      floor: "critical",
      detects: { symptoms: [], causes: ["thin-rota"] },
    },
    {
      id: "rota-below-four",
      pitfallId: "limited-on-call-schedule",
      explanation: "Fewer than four people share the rota.",
      appliesWhen: [ON_OWN_SCHEDULE],
      when: [{ field: "rota", op: "lt", value: 4 }],
      weight: 2,
      floor: "medium",
      detects: { symptoms: [], causes: ["thin-rota"] },
    },
    {
      id: "cover-on-low-exposure",
      pitfallId: "limited-on-call-schedule",
      explanation: "An own schedule on a low-exposure service.",
      appliesWhen: [{ field: "exposure", op: "in", values: ["low"] }],
      when: [ON_OWN_SCHEDULE],
      weight: 3,
      detects: { symptoms: ["burnout"], causes: [] },
    },
  ],
};

const tiny: ScoringContent = {
  questionnaire: tinyQuestionnaire,
  pitfalls: [tinyPitfall],
  countermeasures: tinyCountermeasures,
};

function scoreTiny(answers: Answers, teamContext: Answers): PitfallScore {
  return pitfallOf(referenceScoreAssessment(tiny, answers, teamContext), "limited-on-call-schedule");
}

const outcomesOf = (result: PitfallScore) =>
  Object.fromEntries(result.contextRules.map((rule) => [rule.ruleId, rule.outcome]));
const removedBy = (result: PitfallScore) =>
  result.countermeasures.map((ranking) => [ranking.countermeasureId, ranking.riskRemoved]);

describe("referenceScoreAssessment on hand-worked examples", () => {
  const ownRota = (size: number): Answers => ({
    exposure: value("high"),
    setup: value("own"),
    rota: value(size),
  });
  const healthy: Answers = {
    "q-disruption": value(1),
    "q-ready": value(4),
    "q-share-on-call": value(100),
    "q-paid-standby": value(true),
  };

  it("lifts the score to the highest floor of the findings that fired; a rule that does not apply carries no weight", () => {
    const result = scoreTiny(healthy, ownRota(1));
    // Questions 3+2+3+1 = 9 at risk 0; the rota-below-four rule fires at weight 2 (risk 1); the
    // rota-of-one rule fires at weight 0; the low-exposure rule does not apply: no weight at all.
    expect(outcomesOf(result)).toEqual({
      "rota-of-one": "fired",
      "rota-below-four": "fired",
      "cover-on-low-exposure": "not-applicable",
    });
    expect(result.evidence.answeredWeight).toBe(11);
    expect(result.evidence.applicableWeight).toBe(11);
    expect(result.confidence).toBe(1);
    // Average 200 / 11 = 18.18; the critical finding holds the pitfall at 80.
    expect(result.averageScore).toBe(18.2);
    expect(result.score).toBe(80);
    expect(result.band).toBe("critical");
    expect(result.findings.map((finding) => [finding.ruleId, finding.floor])).toEqual([
      ["rota-of-one", "critical"],
      ["rota-below-four", "medium"],
    ]);
    // The finding that set the floor carries the lift (80 - 18.18 = 61.82).
    expect(result.contributions).toEqual([
      {
        source: "context-rule",
        ruleId: "rota-of-one",
        explanation: "One person carries the rota.",
        risk: 1,
        weight: 0,
        points: 61.8,
        share: 0.773,
        floor: "critical",
      },
      {
        source: "context-rule",
        ruleId: "rota-below-four",
        explanation: "Fewer than four people share the rota.",
        risk: 1,
        weight: 2,
        points: 18.2,
        share: 0.227,
        floor: "medium",
      },
    ]);
    expect(
      result.triggeredCauses.map((cause) => [cause.causeId, cause.contextRules.map((rule) => rule.ruleId)]),
    ).toEqual([["thin-rota", ["rota-of-one", "rota-below-four"]]]);
    expect(result.triggeredSymptoms).toEqual([]);
    // All of it is evidence of the thin rota. The rest: quickest first, then by id.
    expect(removedBy(result)).toEqual([
      ["cm-sustainable", 80],
      ["cm-prepare", 0],
      ["cm-pay", 0],
    ]);
  });

  it("counts don't know as evidence where not knowing is a sign, and a contradicted 'not applicable' against confidence", () => {
    const result = scoreTiny({ "q-ready": dontKnow, "q-share-on-call": notApplicable }, ownRota(6));
    expect(result.evidence).toEqual({
      questions: 4,
      answered: 0,
      dontKnow: 1,
      notApplicable: 0,
      unanswered: 2,
      dontKnowAsEvidence: 1,
      contradictions: 1,
      outOfContext: 0,
      // Don't know at 0.8 (weight 2) and the rota-below-four rule known not to hold (2).
      answeredWeight: 4,
      // Plus the contradiction (3) and the two blanks (3 + 1).
      applicableWeight: 11,
    });
    expect(result.contradictions).toEqual(["q-share-on-call"]);
    expect(outcomesOf(result)).toEqual({
      "rota-of-one": "not-holding",
      "rota-below-four": "not-holding",
      "cover-on-low-exposure": "not-applicable",
    });
    expect(result.status).toBe("scored");
    expect(result.score).toBe(40); // 100 * 1.6 / 4
    expect(result.band).toBe("medium");
    expect(result.confidence).toBe(0.36); // 4 / 11
    expect(result.contributions).toEqual([
      {
        source: "question",
        questionId: "q-ready",
        answer: "dontKnow",
        value: null,
        risk: 0.8,
        weight: 2,
        points: 40,
        share: 1,
        triggers: true,
      },
    ]);
    expect(result.triggeredCauses.map((cause) => cause.causeId)).toEqual(["unprepared"]);
    expect(removedBy(result)).toEqual([
      ["cm-prepare", 40],
      ["cm-sustainable", 0],
      ["cm-pay", 0],
    ]);
  });

  it("gives a symptom's points to the countermeasures that already remove causes, in proportion", () => {
    const result = scoreTiny({ ...healthy, "q-disruption": value(5), "q-ready": value(0) }, ownRota(6));
    // Weighted risk 3 + 2 = 5 over 9 + 2 = 11: 45.45. Disruption 27.27 points, readiness 18.18.
    expect(result.score).toBe(45.5);
    expect(
      result.contributions.map((entry) => [
        entry.source === "question" ? entry.questionId : "",
        entry.points,
      ]),
    ).toEqual([
      ["q-disruption", 27.3],
      ["q-ready", 18.2],
    ]);
    // Readiness is evidence of a cause only preparing removes; burnout follows it there.
    expect(removedBy(result)).toEqual([
      ["cm-prepare", 45.5],
      ["cm-sustainable", 0],
      ["cm-pay", 0],
    ]);
    // Only a countermeasure that removes something is offered against the triggered symptom.
    expect(
      result.countermeasures.map((ranking) => [ranking.countermeasureId, ranking.addressesTriggered]),
    ).toEqual([
      ["cm-prepare", ["burnout"]],
      ["cm-sustainable", []],
      ["cm-pay", []],
    ]);
  });

  it("shares a symptom evenly when no countermeasure has cause points", () => {
    const result = scoreTiny({ "q-disruption": value(5) }, ownRota(6));
    // Disruption (3 at risk 1) and the rota rule known not to hold (2): 60, shared three ways.
    expect(result.score).toBe(60);
    expect(removedBy(result)).toEqual([
      ["cm-prepare", 20],
      ["cm-sustainable", 20],
      ["cm-pay", 20],
    ]);
  });

  it("triggers nothing from the middle of an agreement scale, and hands out only the points of evidence found", () => {
    // Disruption "neither agree nor disagree" (0.5, w3) and readiness 3 of 4 (0.25, w2): 2 of 11
    // (the rota-below-four rule known not to hold adds 2): 18.2, Low. Neither triggers anything,
    // so no countermeasure is offered: the score is there, the steps are not.
    const onTheFence = scoreTiny({ ...healthy, "q-disruption": value(3), "q-ready": value(3) }, ownRota(6));
    expect(onTheFence.score).toBe(18.2);
    expect(onTheFence.band).toBe("low");
    expect(onTheFence.triggeredSymptoms).toEqual([]);
    expect(
      onTheFence.contributions.map((c) => (c.source === "question" ? [c.questionId, c.triggers] : null)),
    ).toEqual([
      ["q-disruption", false],
      ["q-ready", false],
    ]);
    expect(removedBy(onTheFence).every(([, removed]) => removed === 0)).toBe(true);
    // "Agree" is on the risky half: burnout is triggered, and its 20.5 points (0.75 × 3 of 11) go
    // to the countermeasures relieving it. None has a cause found, and the healthy answers rule
    // out the causes of all three, so they go to the least effort among them, then the one the
    // fewest healthy answers rule out: all 20.5 to one step, none to the others.
    const agreeing = scoreTiny({ ...healthy, "q-disruption": value(4), "q-ready": value(3) }, ownRota(6));
    expect(agreeing.triggeredSymptoms.map((symptom) => symptom.symptomId)).toEqual(["burnout"]);
    expect(removedBy(agreeing).map(([, points]) => points)).toEqual([20.5, 0, 0]);
  });

  it("leaves out-of-context questions out, and marks the pitfall not assessed when nothing applies", () => {
    const noCover: Answers = { exposure: value("high"), setup: value("none") };
    const answers: Answers = {
      "q-disruption": notApplicable,
      "q-ready": notApplicable,
      "q-share-on-call": value(10), // out of context without an own schedule, whatever the answer
      "q-paid-standby": notApplicable, // no contradiction: the team has no schedule
    };
    const result = scoreTiny(answers, noCover);
    expect(result.status).toBe("not-assessed");
    expect(result.score).toBeNull();
    expect(result.band).toBeNull();
    expect(result.confidence).toBe(0);
    expect(result.evidence.notApplicable).toBe(4);
    expect(result.evidence.outOfContext).toBe(1);
    expect(result.evidence.applicableWeight).toBe(0);
    expect(result.contradictions).toEqual([]);
    expect(Object.values(outcomesOf(result))).toEqual(["not-applicable", "not-applicable", "not-applicable"]);
    expect(removedBy(result)).toEqual([
      ["cm-prepare", 0],
      ["cm-sustainable", 0],
      ["cm-pay", 0],
    ]);
  });

  it("reads blanks and don't know in conditions as unknown (Kleene logic)", () => {
    // No setup: whether the rota rules apply is unknown; a rota of one could fire them.
    expect(outcomesOf(scoreTiny({}, { exposure: value("low"), rota: value(1) }))).toEqual({
      "rota-of-one": "unassessed",
      "rota-below-four": "unassessed",
      "cover-on-low-exposure": "unassessed",
    });
    // ...but a rota of six settles them: they cannot fire, so they carry no weight.
    const settled = scoreTiny({}, { exposure: value("low"), rota: value(6) });
    expect(outcomesOf(settled)).toEqual({
      "rota-of-one": "not-applicable",
      "rota-below-four": "not-applicable",
      "cover-on-low-exposure": "unassessed",
    });
    expect(settled.status).toBe("insufficient-evidence");
    expect(settled.evidence.applicableWeight).toBe(9 + 3);
    // An own schedule with a rota nobody knows.
    expect(
      outcomesOf(scoreTiny({}, { exposure: value("high"), setup: value("own"), rota: dontKnow })),
    ).toEqual({
      "rota-of-one": "unassessed",
      "rota-below-four": "unassessed",
      "cover-on-low-exposure": "not-applicable",
    });
  });

  it("gives the same results as the engine on these examples", () => {
    const examples: [Answers, Answers][] = [
      [healthy, ownRota(1)],
      [{ "q-ready": dontKnow, "q-share-on-call": notApplicable }, ownRota(6)],
      [{ ...healthy, "q-disruption": value(5), "q-ready": value(0) }, ownRota(6)],
      [{ "q-disruption": value(5) }, ownRota(6)],
      [{ "q-share-on-call": value(10) }, { exposure: value("high"), setup: value("none") }],
      [{}, { exposure: value("low"), rota: value(1) }],
    ];
    for (const [answers, teamContext] of examples) {
      expect(scoreAssessment(tiny, answers, teamContext)).toStrictEqual(
        referenceScoreAssessment(tiny, answers, teamContext),
      );
    }
  });
});
