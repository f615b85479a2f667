import { describe, expect, it } from "vitest";
import type { Answer, Answers, Questionnaire } from "../../../src/domain/content/schema";
import { pitfallSchema, questionnaireSchema } from "../../../src/domain/content/schema";
import {
  compileQuestionnaire,
  scoreAssessment,
  type ScoringContent,
  ScoringContentError,
  SCORING_METHOD_VERSION,
  SYMPTOM_TRIGGER_RISK,
} from "../../../src/domain/scoring";
import {
  allQuestions,
  answerEvery,
  dontKnow,
  fixtureContent,
  fixtureCountermeasures,
  fixturePitfalls,
  fixtureQuestionnaire,
  healthiestValue,
  healthyContext,
  notApplicable,
  riskiestValue,
  riskyContext,
  value,
} from "./fixtures";
import { pitfallOf } from "./helpers";

const healthyAnswers = answerEvery(allQuestions, (question) => value(healthiestValue(question)));
const riskiestAnswers = answerEvery(allQuestions, (question) => value(riskiestValue(question)));

function score(overrides: Answers, context: Answers = healthyContext) {
  return scoreAssessment(fixtureContent, { ...healthyAnswers, ...overrides }, context);
}

describe("the fixture", () => {
  it("satisfies the content schema, so the tests exercise content the app could really load", () => {
    expect(questionnaireSchema.safeParse(fixtureQuestionnaire).success).toBe(true);
    for (const pitfall of fixturePitfalls) expect(pitfallSchema.safeParse(pitfall).success).toBe(true);
  });
});

describe("scoreAssessment: overall", () => {
  it("scores healthy answers 0 in band none with full confidence and nothing to fix", () => {
    const result = scoreAssessment(fixtureContent, healthyAnswers, healthyContext);
    expect(result.methodVersion).toBe(SCORING_METHOD_VERSION);
    expect(result.questionnaireId).toBe("fixture-v1");
    expect(result.pitfalls.map((pitfall) => pitfall.pitfallId)).toEqual(
      fixtureQuestionnaire.sections.map((section) => section.pitfallId),
    );
    for (const pitfall of result.pitfalls) {
      expect(pitfall).toMatchObject({
        status: "scored",
        score: 0,
        averageScore: 0,
        band: "none",
        confidence: 1,
      });
      expect(pitfall.findings).toEqual([]);
      expect(pitfall.contradictions).toEqual([]);
      expect(pitfall.contributions).toEqual([]);
      expect(pitfall.triggeredSymptoms).toEqual([]);
      expect(pitfall.countermeasures.every((countermeasure) => countermeasure.riskRemoved === 0)).toBe(true);
    }
    expect(result.countermeasures).toEqual([]);
  });

  it("scores the riskiest answers in a risky context 100, critical", () => {
    const result = scoreAssessment(fixtureContent, riskiestAnswers, riskyContext);
    for (const pitfall of result.pitfalls) {
      expect(pitfall).toMatchObject({
        status: "scored",
        score: 100,
        averageScore: 100,
        band: "critical",
        confidence: 1,
      });
      expect(pitfall.triggeredSymptoms.map((symptom) => symptom.symptomId)).toEqual(
        fixturePitfalls.find((p) => p.id === pitfall.pitfallId)!.symptoms.map((symptom) => symptom.id),
      );
    }
    // Both high-risk findings fire, though at an average of 100 neither has anything to lift.
    expect(
      result.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.findings.map((f) => [f.ruleId, f.floor])]),
    ).toEqual([
      ["linear-run-costs", [["out-of-hours-on-95", "medium"]]],
      ["change-management-treacle", []],
      ["excessive-bau", [["callouts-with-untracked-rework", "high"]]],
      ["limited-on-call-schedule", []],
    ]);
  });

  it("is the weighted mean risk of the answered evidence, and lands exactly on a band cut-off", () => {
    // Risks 0.5 (w3), 0.7 (w2), 1 (w2), 0.5 (w1) and a rule known not to hold (0, w1): 5.4 / 9.
    const result = score(
      {
        "cmt-deploys-per-week": value(1),
        "cmt-approval-days": value(3),
        "cmt-every-deploy-approved": value(true),
        "cmt-pre-approved-share": value("some"),
      },
      { ...healthyContext, regulated: value(false) },
    );
    const treacle = pitfallOf(result, "change-management-treacle");
    expect(treacle.score).toBe(60);
    expect(treacle.averageScore).toBe(60);
    expect(treacle.band).toBe("high");
    expect(treacle.evidence).toEqual({
      questions: 4,
      answered: 4,
      dontKnow: 0,
      notApplicable: 0,
      unanswered: 0,
      dontKnowAsEvidence: 0,
      contradictions: 0,
      outOfContext: 0,
      answeredWeight: 9,
      applicableWeight: 9,
    });
  });

  it("rounds scores to one decimal", () => {
    // 1 of 9 weight fully risky (questions 3 + 2 + 2 + 1 and the rule known not to hold, 1): 11.11… → 11.1
    const result = score({ "cmt-pre-approved-share": value("none") });
    expect(pitfallOf(result, "change-management-treacle").score).toBe(11.1);
    expect(pitfallOf(result, "change-management-treacle").band).toBe("low");
  });

  it("returns plain data that survives a JSON round trip", () => {
    const result = scoreAssessment(fixtureContent, riskiestAnswers, riskyContext);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("confidence and status", () => {
  it("lowers confidence for \u201cdon't know\u201d and scores the rest", () => {
    const result = score({ "cmt-pre-approved-share": dontKnow, "cmt-every-deploy-approved": value(true) });
    const treacle = pitfallOf(result, "change-management-treacle");
    // Answered 3+2+2 + rule 1 = 8 of 9 applicable; the question has no dontKnowRisk, so 2 / 8 = 25.
    expect(treacle.confidence).toBe(0.89);
    expect(treacle.score).toBe(25);
    expect(treacle.evidence).toMatchObject({ dontKnow: 1, dontKnowAsEvidence: 0 });
    expect(treacle.contributions.map((c) => (c.source === "question" ? c.questionId : c.ruleId))).toEqual([
      "cmt-every-deploy-approved",
    ]);
  });

  it("counts “don't know” as evidence at the question's dontKnowRisk where not knowing is a sign", () => {
    const bau = fixtureQuestionnaire.sections.find((section) => section.pitfallId === "excessive-bau")!;
    const result = score(
      answerEvery(bau.questions, (question) => (question.weight === 3 ? notApplicable() : dontKnow)),
    );
    const pitfall = pitfallOf(result, "excessive-bau");
    // Only bau-rework-tracked (w1, dontKnowRisk 0.75) is evidence: 100 × 0.75 / 1 = 75, an average
    // in High. Applicable: 2 + 1 + 2 = 5 (planned share is not applicable; the weight-0 rule is
    // unassessed), so a confidence of 0.2: resting on "don't know" alone with less than half of
    // the evidence answered, the score stops at the top of Medium.
    const evidence = {
      source: "question",
      questionId: "bau-rework-tracked",
      answer: "dontKnow",
      value: null,
      risk: 0.75,
      weight: 1,
      points: 59.9,
      share: 1,
      triggers: true,
    };
    expect(pitfall).toMatchObject({
      status: "scored",
      score: 59.9,
      averageScore: 75,
      band: "medium",
      confidence: 0.2,
    });
    expect(pitfall.evidence).toEqual({
      questions: 4,
      answered: 0,
      dontKnow: 3,
      notApplicable: 1,
      unanswered: 0,
      dontKnowAsEvidence: 1,
      contradictions: 0,
      outOfContext: 0,
      answeredWeight: 1,
      applicableWeight: 5,
    });
    expect(pitfall.contributions).toEqual([evidence]);
    expect(pitfall.triggeredSymptoms.map((s) => [s.symptomId, s.answers])).toEqual([
      ["slow-planned-work", [evidence]],
    ]);
    expect(pitfall.triggeredCauses.map((c) => [c.causeId, c.answers])).toEqual([
      ["unplanned-work-invisible", [evidence]],
    ]);
    // Its points go to the countermeasure removing its cause.
    expect(pitfall.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["track-unplanned-rework", 59.9],
      ["re-architect-for-adaptability", 0],
    ]);
  });

  it("treats a blank like \u201cdon't know\u201d but counts it separately", () => {
    const answers = { ...healthyAnswers };
    delete (answers as Record<string, unknown>)["cmt-pre-approved-share"];
    const treacle = pitfallOf(
      scoreAssessment(fixtureContent, answers, healthyContext),
      "change-management-treacle",
    );
    expect(treacle.confidence).toBe(0.89);
    expect(treacle.evidence).toMatchObject({ unanswered: 1, dontKnow: 0 });
  });

  it("removes \u201cnot applicable\u201d from the denominator instead of lowering confidence", () => {
    const result = score({
      "cmt-pre-approved-share": notApplicable(),
      "cmt-every-deploy-approved": value(true),
    });
    const treacle = pitfallOf(result, "change-management-treacle");
    expect(treacle.confidence).toBe(1);
    expect(treacle.score).toBe(25);
    expect(treacle.evidence).toMatchObject({ notApplicable: 1, applicableWeight: 8, answeredWeight: 8 });
  });

  it("marks a pitfall not assessed when every question is not applicable", () => {
    const bau = fixtureQuestionnaire.sections.find((section) => section.pitfallId === "excessive-bau")!;
    const result = score(answerEvery(bau.questions, () => notApplicable()));
    expect(pitfallOf(result, "excessive-bau")).toMatchObject({
      status: "not-assessed",
      score: null,
      band: null,
      confidence: 0,
      contributions: [],
      triggeredSymptoms: [],
    });
  });

  it("marks a pitfall insufficient evidence when nothing is answered, with confidence 0 and no score", () => {
    const bau = fixtureQuestionnaire.sections.find((section) => section.pitfallId === "excessive-bau")!;
    const mixed: Record<string, Answer> = {
      ...healthyAnswers,
      ...answerEvery(bau.questions, (question) => (question.weight === 3 ? notApplicable() : dontKnow)),
    };
    // Left blank: its "don't know" would be evidence (dontKnowRisk), a blank never is.
    delete mixed["bau-rework-tracked"];
    const result = scoreAssessment(fixtureContent, mixed, healthyContext);
    expect(pitfallOf(result, "excessive-bau").evidence).toMatchObject({
      dontKnow: 2,
      unanswered: 1,
      notApplicable: 1,
    });
    expect(pitfallOf(result, "excessive-bau")).toMatchObject({
      status: "insufficient-evidence",
      score: null,
      band: null,
      confidence: 0,
    });
    expect(pitfallOf(result, "excessive-bau").countermeasures.every((c) => c.riskRemoved === 0)).toBe(true);
  });

  it("scores a pitfall on a fired context rule alone, at low confidence", () => {
    const locs = fixtureQuestionnaire.sections.find(
      (section) => section.pitfallId === "limited-on-call-schedule",
    )!;
    const result = score(
      answerEvery(locs.questions, () => dontKnow),
      riskyContext,
    );
    const pitfall = pitfallOf(result, "limited-on-call-schedule");
    // No question carries a dontKnowRisk, so the rule (w2, risk 1) is the only answered evidence:
    // 100 × 2 / 2 = 100; confidence 2 of 3 + 2 + 2 + 1 + 2 = 10 applicable → 0.2.
    expect(pitfall).toMatchObject({ status: "scored", score: 100, band: "critical", confidence: 0.2 });
    expect(pitfall.evidence).toMatchObject({
      answered: 0,
      dontKnow: 4,
      answeredWeight: 2,
      applicableWeight: 10,
    });
    expect(
      pitfall.contributions.map((c) => (c.source === "context-rule" ? [c.ruleId, c.points] : null)),
    ).toEqual([["small-team-own-schedule", 100]]);
    expect(pitfall.contextRules).toEqual([
      {
        ruleId: "small-team-own-schedule",
        outcome: "fired",
        weight: 2,
        explanation: "A team of fewer than six people runs its own out-of-hours schedule.",
        floor: null,
      },
    ]);
  });

  it("is insufficient evidence, not scored, when the only rule is healthy and nothing is answered", () => {
    const locs = fixtureQuestionnaire.sections.find(
      (section) => section.pitfallId === "limited-on-call-schedule",
    )!;
    // Team of 9 on its own schedule: the rule applies and does not hold. Healthy context alone is no score.
    const pitfall = pitfallOf(score(answerEvery(locs.questions, () => dontKnow)), "limited-on-call-schedule");
    expect(pitfall.contextRules.map((r) => r.outcome)).toEqual(["not-holding"]);
    expect(pitfall).toMatchObject({
      status: "insufficient-evidence",
      score: null,
      band: null,
      confidence: 0,
    });
  });

  it("scores an empty draft as insufficient evidence everywhere", () => {
    const result = scoreAssessment(fixtureContent, {}, {});
    for (const pitfall of result.pitfalls) expect(pitfall.status).toBe("insufficient-evidence");
  });
});

describe("context rules", () => {
  const rule = (result: ReturnType<typeof score>, pitfallId: Parameters<typeof pitfallOf>[1]) =>
    pitfallOf(result, pitfallId).contextRules[0]!;

  it("fires when every condition holds and counts as risk 1 at its weight, carrying its explanation", () => {
    // Team of 4 on its own schedule: the rule applies (own schedule) and holds (4 < 6).
    const result = score({}, riskyContext);
    const locs = pitfallOf(result, "limited-on-call-schedule");
    expect(rule(result, "limited-on-call-schedule").outcome).toBe("fired");
    // Healthy answers (weight 8, risk 0) plus the rule (weight 2, risk 1): 100 × 2 / 10 = 20.
    expect(locs).toMatchObject({ score: 20, averageScore: 20, band: "low", findings: [] });
    expect(locs.contributions).toEqual([
      {
        source: "context-rule",
        ruleId: "small-team-own-schedule",
        explanation: "A team of fewer than six people runs its own out-of-hours schedule.",
        risk: 1,
        weight: 2,
        points: 20,
        share: 1,
        floor: null,
      },
    ]);
    expect(locs.triggeredSymptoms).toEqual([
      {
        symptomId: "on-call-burnout",
        title: "Symptom on-call-burnout",
        suspected: false,
        answers: [],
        contextRules: [locs.contributions[0]],
      },
    ]);
  });

  it("counts as healthy evidence (risk 0) when it applies and is known not to hold", () => {
    // Target 95% (the rule applies), no out-of-hours schedule (it does not hold). The own-schedule
    // share is out of context, so: questions 3 + 1 + 2 and the rule 3 = 9; 100 × 1 / 9 = 11.1.
    const context = {
      ...healthyContext,
      "availability-target": value("95"),
      "on-call-setup": value("no-out-of-hours"),
    };
    const result = score({ "lrc-standby-reviewed": value(1) }, context);
    expect(rule(result, "linear-run-costs").outcome).toBe("not-holding");
    expect(pitfallOf(result, "linear-run-costs")).toMatchObject({ score: 11.1, confidence: 1, findings: [] });
    expect(pitfallOf(result, "linear-run-costs").evidence).toMatchObject({
      answeredWeight: 9,
      applicableWeight: 9,
    });
  });

  it("is not applicable, and carries no weight, when its precondition is known not to hold", () => {
    // Target 99.9%: the 95% rule is no question at all. Questions 3 + 2 + 1 + 2 = 8; 100 × 1 / 8 = 12.5
    // (method v1 counted the rule as 3 healthy points: 1 / 11 = 9.1).
    const result = score({ "lrc-standby-reviewed": value(1) }, healthyContext);
    expect(pitfallOf(result, "linear-run-costs").contextRules).toEqual([
      {
        ruleId: "out-of-hours-on-95",
        outcome: "not-applicable",
        weight: 3,
        explanation: "An out-of-hours schedule covers a service whose availability target is 95%.",
        floor: "medium",
      },
    ]);
    expect(pitfallOf(result, "linear-run-costs")).toMatchObject({ score: 12.5, confidence: 1 });
    expect(pitfallOf(result, "linear-run-costs").evidence).toMatchObject({
      answeredWeight: 8,
      applicableWeight: 8,
    });
  });

  it("changes neither score nor confidence when not applicable: the same as having no such rule", () => {
    const withoutRule: ScoringContent = {
      ...fixtureContent,
      questionnaire: {
        ...fixtureQuestionnaire,
        contextRules: fixtureQuestionnaire.contextRules.filter((r) => r.id !== "out-of-hours-on-95"),
      },
    };
    const answers = {
      ...healthyAnswers,
      "lrc-standby-reviewed": value(2),
      "lrc-schedule-kind": value("own"),
    };
    for (const target of ["99", "99-9", "99-99"]) {
      const context = { ...riskyContext, "availability-target": value(target) };
      const withRule = pitfallOf(scoreAssessment(fixtureContent, answers, context), "linear-run-costs");
      const without = pitfallOf(scoreAssessment(withoutRule, answers, context), "linear-run-costs");
      expect(withRule.contextRules.map((r) => r.outcome)).toEqual(["not-applicable"]);
      // Risks 0.75 (w1) and 1 (w2) of 8: 100 × 2.75 / 8 = 34.4.
      expect(withRule.score).toBe(34.4);
      expect({ ...withRule, contextRules: [] }).toEqual({ ...without, contextRules: [] });
    }
  });

  it("is unassessed when a tested field is \u201cdon't know\u201d or blank, lowering confidence", () => {
    const contexts: Answers[] = [
      { ...riskyContext, "availability-target": dontKnow },
      { "on-call-setup": value("own-schedule") },
    ];
    for (const context of contexts) {
      const result = score({}, context);
      expect(rule(result, "linear-run-costs").outcome).toBe("unassessed");
      expect(pitfallOf(result, "linear-run-costs").confidence).toBe(0.73); // 8 / 11
    }
  });

  it("is not applicable when its precondition is unknown and its finding is known not to hold", () => {
    // Target "don't know", no out-of-hours schedule: whatever the target, nothing would be found.
    const result = score(
      {},
      { ...healthyContext, "availability-target": dontKnow, "on-call-setup": value("no-out-of-hours") },
    );
    expect(rule(result, "linear-run-costs").outcome).toBe("not-applicable");
    // Own-schedule share is out of context: 3 + 1 + 2 = 6, all answered.
    expect(pitfallOf(result, "linear-run-costs")).toMatchObject({ confidence: 1 });
    expect(pitfallOf(result, "linear-run-costs").evidence).toMatchObject({
      answeredWeight: 6,
      applicableWeight: 6,
    });
  });

  it("is settled by one false condition even when another is unknown", () => {
    // regulated is blank (unknown); approval in 1 day is not more than 5: the finding is known false.
    const result = score({ "cmt-approval-days": value(1) }, {});
    expect(rule(result, "change-management-treacle").outcome).toBe("not-holding");
    expect(pitfallOf(result, "change-management-treacle").evidence).toMatchObject({
      answeredWeight: 9,
      applicableWeight: 9,
    });
  });

  it("drops out when a tested question is not applicable", () => {
    const result = score({ "cmt-approval-days": notApplicable() }, { ...riskyContext });
    expect(rule(result, "change-management-treacle").outcome).toBe("not-applicable");
    // Remaining weights 3 + 2 + 1; the rule's weight is in neither total.
    expect(pitfallOf(result, "change-management-treacle").evidence).toMatchObject({
      applicableWeight: 6,
      answeredWeight: 6,
    });
  });

  it("compares with gt strictly, on a question's answer", () => {
    const context = { ...healthyContext, regulated: value(false) };
    expect(rule(score({ "cmt-approval-days": value(5) }, context), "change-management-treacle").outcome).toBe(
      "not-holding",
    );
    expect(
      rule(score({ "cmt-approval-days": value(5.5) }, context), "change-management-treacle").outcome,
    ).toBe("fired");
  });

  it("compares with lt strictly, on a context number", () => {
    const own = { "on-call-setup": value("own-schedule") };
    expect(rule(score({}, { ...own, "team-size": value(5) }), "limited-on-call-schedule").outcome).toBe(
      "fired",
    );
    expect(rule(score({}, { ...own, "team-size": value(6) }), "limited-on-call-schedule").outcome).toBe(
      "not-holding",
    );
    // A team of 5 on a domain schedule: the rule's precondition (own schedule) does not hold.
    expect(
      rule(
        score({}, { "on-call-setup": value("domain-schedule"), "team-size": value(5) }),
        "limited-on-call-schedule",
      ).outcome,
    ).toBe("not-applicable");
  });

  it("matches boolean context values with in", () => {
    const days = { "cmt-approval-days": value(8) };
    expect(rule(score(days, { regulated: value(true) }), "change-management-treacle").outcome).toBe(
      "not-holding",
    );
    expect(rule(score(days, { regulated: value(false) }), "change-management-treacle").outcome).toBe("fired");
  });
});

describe("high-risk findings", () => {
  it("lift the score to the floor of their band, and the lift is the finding's points", () => {
    // Target 95% with an own schedule: out-of-hours-on-95 fires (w3, floor medium).
    // Average 100 × 3 / 11 = 27.27… → 27.3; the floor holds the pitfall at 30, medium.
    const result = score({}, riskyContext);
    const lrc = pitfallOf(result, "linear-run-costs");
    expect(lrc).toMatchObject({
      status: "scored",
      score: 30,
      averageScore: 27.3,
      band: "medium",
      confidence: 1,
    });
    expect(lrc.findings).toEqual([
      {
        ruleId: "out-of-hours-on-95",
        explanation: "An out-of-hours schedule covers a service whose availability target is 95%.",
        floor: "medium",
      },
    ]);
    // Its points: 27.27 of the average plus the lift 30 − 27.27 = 2.73, so 30 and a share of 1.
    expect(lrc.contributions).toEqual([
      {
        source: "context-rule",
        ruleId: "out-of-hours-on-95",
        explanation: "An out-of-hours schedule covers a service whose availability target is 95%.",
        risk: 1,
        weight: 3,
        points: 30,
        share: 1,
        floor: "medium",
      },
    ]);
  });

  it("set the floor with weight 0, sharing the lift out while the answers keep their points", () => {
    // Callouts 4 a shift (risk 1, w2) and rework untracked (risk 1, w1): average 100 × 3 / 8 = 37.5.
    // The weight-0 finding adds no weight and holds the pitfall at 60: lift 60 − 37.5 = 22.5.
    const result = score({ "bau-callouts-per-shift": value(4), "bau-rework-tracked": value(false) });
    const bau = pitfallOf(result, "excessive-bau");
    expect(bau).toMatchObject({ score: 60, averageScore: 37.5, band: "high", confidence: 1 });
    expect(bau.evidence).toMatchObject({ answeredWeight: 8, applicableWeight: 8 });
    expect(bau.findings.map((f) => [f.ruleId, f.floor])).toEqual([
      ["callouts-with-untracked-rework", "high"],
    ]);
    expect(
      bau.contributions.map((c) => [
        c.source === "question" ? c.questionId : c.ruleId,
        c.weight,
        c.points,
        c.share,
      ]),
    ).toEqual([
      ["bau-callouts-per-shift", 2, 25, 0.417],
      ["callouts-with-untracked-rework", 0, 22.5, 0.375],
      ["bau-rework-tracked", 1, 12.5, 0.208],
    ]);
    expect(bau.contributions.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(60, 9);
    // The finding's points go to both countermeasures, each removing one of its two causes:
    // re-architect 25 (callouts) + 11.25 = 36.25 → 36.3; track 12.5 (rework) + 11.25 = 23.75 → 23.8.
    expect(bau.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["re-architect-for-adaptability", 36.3],
      ["track-unplanned-rework", 23.8],
    ]);
  });

  it("leave the score alone when the average is already above the floor", () => {
    // Callouts 4 (1, w2), rework untracked (1, w1), planned share 50% (1, w3): 100 × 6 / 8 = 75 ≥ 60.
    const result = score({
      "bau-callouts-per-shift": value(4),
      "bau-rework-tracked": value(false),
      "bau-planned-share": value(50),
    });
    const bau = pitfallOf(result, "excessive-bau");
    expect(bau).toMatchObject({ score: 75, averageScore: 75, band: "high" });
    expect(bau.findings.map((f) => f.ruleId)).toEqual(["callouts-with-untracked-rework"]);
    const finding = bau.contributions.find((c) => c.source === "context-rule")!;
    expect(finding.points).toBe(0);
  });

  it("do not fire on a value just below the threshold", () => {
    // 3 callouts is not more than 3: the finding is known not to hold; (0.75 × 2 + 1) / 8 = 31.3.
    const bau = pitfallOf(
      score({ "bau-callouts-per-shift": value(3), "bau-rework-tracked": value(false) }),
      "excessive-bau",
    );
    expect(bau).toMatchObject({ score: 31.3, averageScore: 31.3, findings: [] });
    expect(bau.contextRules.map((r) => r.outcome)).toEqual(["not-holding"]);
  });
});

describe("team context and questions", () => {
  it("leaves out a question whose appliesWhen is known not to hold, whatever was answered", () => {
    // Domain schedule: the own-schedule share is out of context even at 100%. Questions 3 + 1 + 2 = 6
    // (the 95% rule does not apply at 99.9%); 100 × 1 / 6 = 16.7.
    const context = { ...healthyContext, "on-call-setup": value("domain-schedule") };
    const lrc = pitfallOf(
      score({ "lrc-standby-reviewed": value(1), "lrc-own-schedule-share": value(100) }, context),
      "linear-run-costs",
    );
    expect(lrc).toMatchObject({ score: 16.7, confidence: 1 });
    expect(lrc.evidence).toEqual({
      questions: 4,
      answered: 3,
      dontKnow: 0,
      notApplicable: 1,
      unanswered: 0,
      dontKnowAsEvidence: 0,
      contradictions: 0,
      outOfContext: 1,
      answeredWeight: 6,
      applicableWeight: 6,
    });
    expect(lrc.contributions.map((c) => (c.source === "question" ? c.questionId : c.ruleId))).toEqual([
      "lrc-standby-reviewed",
    ]);
  });

  it("keeps a question whose appliesWhen is unknown", () => {
    // On-call setup "don't know": the own-schedule share counts (risk 1, w2); 100 × 2 / 8 = 25.
    const context = { ...healthyContext, "on-call-setup": dontKnow };
    const lrc = pitfallOf(score({ "lrc-own-schedule-share": value(100) }, context), "linear-run-costs");
    expect(lrc).toMatchObject({ score: 25 });
    expect(lrc.evidence).toMatchObject({ outOfContext: 0, answeredWeight: 8 });
  });

  it("reports \u201cnot applicable\u201d that the context contradicts, and scores it like \u201cdon't know\u201d", () => {
    // Own schedule: time on call applies. Its "not applicable" becomes a contradiction; without a
    // dontKnowRisk it only lowers confidence. Rota of 1 (risk 1, w3): 100 × 3 / (3 + 2 + 1 + rule 2) = 37.5,
    // confidence 8 / 10 = 0.8.
    const answers = { "locs-time-on-call": notApplicable(), "locs-rota-size": value(1) };
    const contradicted = pitfallOf(score(answers), "limited-on-call-schedule");
    expect(contradicted).toMatchObject({
      score: 37.5,
      confidence: 0.8,
      contradictions: ["locs-time-on-call"],
    });
    expect(contradicted.evidence).toMatchObject({
      contradictions: 1,
      notApplicable: 0,
      dontKnow: 0,
      answeredWeight: 8,
      applicableWeight: 10,
    });
    const unsure = pitfallOf(
      score({ ...answers, "locs-time-on-call": dontKnow }),
      "limited-on-call-schedule",
    );
    expect({
      score: unsure.score,
      confidence: unsure.confidence,
      contributions: unsure.contributions,
    }).toEqual({
      score: contradicted.score,
      confidence: contradicted.confidence,
      contributions: contradicted.contributions,
    });
  });

  it("accepts \u201cnot applicable\u201d where the context does not say the question applies", () => {
    // No out-of-hours schedule: the answer stands, and the small-team rule does not apply either.
    // Rota of 1 (risk 1, w3) of 3 + 2 + 1 = 6: 50, full confidence.
    const context = { ...healthyContext, "on-call-setup": value("no-out-of-hours") };
    const locs = pitfallOf(
      score({ "locs-time-on-call": notApplicable(), "locs-rota-size": value(1) }, context),
      "limited-on-call-schedule",
    );
    expect(locs).toMatchObject({ score: 50, confidence: 1, contradictions: [] });
    expect(locs.evidence).toMatchObject({ notApplicable: 1, contradictions: 0 });
  });

  it("scores a contradiction as evidence at dontKnowRisk when the question has one", () => {
    const questionnaire = structuredClone(fixtureQuestionnaire);
    const timeOnCall = questionnaire.sections[3]!.questions.find((q) => q.id === "locs-time-on-call")!;
    timeOnCall.dontKnowRisk = 0.5;
    const content: ScoringContent = { ...fixtureContent, questionnaire };
    const locs = pitfallOf(
      scoreAssessment(
        content,
        { ...healthyAnswers, "locs-time-on-call": notApplicable(), "locs-rota-size": value(1) },
        healthyContext,
      ),
      "limited-on-call-schedule",
    );
    // Rota 1 × 3 + contradiction 0.5 × 2 = 4 of 10: 40, full confidence.
    expect(locs).toMatchObject({ score: 40, confidence: 1, contradictions: ["locs-time-on-call"] });
    expect(locs.evidence).toMatchObject({ contradictions: 1, dontKnowAsEvidence: 0 });
    expect(locs.contributions[1]).toEqual({
      source: "question",
      questionId: "locs-time-on-call",
      answer: "contradiction",
      value: null,
      risk: 0.5,
      weight: 2,
      points: 10,
      share: 0.25,
      triggers: true,
    });
  });
});

describe("triggered symptoms and causes", () => {
  it(`triggers at risk ${SYMPTOM_TRIGGER_RISK} and above, listing the answers with their contributions`, () => {
    // On-call: rota of 2 (0.5, w3) and feel prepared 2 (0.75, w1) of 10: 22.5. BAU: 2 callouts (0.5, w2) of 8: 12.5.
    const atThreshold = score({
      "locs-feel-prepared": value(2),
      "locs-rota-size": value(2),
      "bau-callouts-per-shift": value(2),
    });
    const locs = pitfallOf(atThreshold, "limited-on-call-schedule");
    expect(locs.score).toBe(22.5);
    const rotaSize = {
      source: "question",
      questionId: "locs-rota-size",
      answer: "value",
      value: 2,
      risk: 0.5,
      weight: 3,
      points: 15,
      share: 0.667,
      triggers: true,
    };
    const feelPrepared = {
      source: "question",
      questionId: "locs-feel-prepared",
      answer: "value",
      value: 2,
      risk: 0.75,
      weight: 1,
      points: 7.5,
      share: 0.333,
      triggers: true,
    };
    expect(locs.triggeredSymptoms).toEqual([
      {
        symptomId: "minority-on-call",
        title: "Symptom minority-on-call",
        suspected: false,
        answers: [rotaSize, feelPrepared],
        contextRules: [],
      },
    ]);
    expect(locs.triggeredCauses).toEqual([
      {
        causeId: "unprepared-for-on-call",
        text: "Cause unprepared-for-on-call.",
        suspected: false,
        answers: [feelPrepared],
        contextRules: [],
      },
    ]);
    expect(pitfallOf(atThreshold, "excessive-bau").score).toBe(12.5);
    expect(pitfallOf(atThreshold, "excessive-bau").triggeredSymptoms.map((s) => s.symptomId)).toEqual([
      "high-callouts",
    ]);
  });

  it("triggers nothing from the middle of an agreement scale, which takes no side, though it adds to the score", () => {
    // "Neither agree nor disagree" that people feel prepared: 0.5 at weight 1, alone with the rota
    // of 2 (0.5, w3): 20, Medium. The rota's risk 0.5 is on the risky half of its number scale and
    // triggers; the neutral answer, at the same risk, does not.
    const onTheFence = score({ "locs-feel-prepared": value(3), "locs-rota-size": value(2) });
    const locs = pitfallOf(onTheFence, "limited-on-call-schedule");
    expect(locs.score).toBe(20);
    expect(
      locs.contributions.find((c) => c.source === "question" && c.questionId === "locs-feel-prepared"),
    ).toMatchObject({ risk: 0.5, points: 5, triggers: false });
    expect(locs.triggeredSymptoms.map((s) => [s.symptomId, s.answers.map((a) => a.questionId)])).toEqual([
      ["minority-on-call", ["locs-rota-size"]],
    ]);
    expect(locs.triggeredCauses).toEqual([]);
    // Its 5 points go to no countermeasure: only the rota's 15 are handed out.
    expect(locs.countermeasures.reduce((sum, c) => sum + c.riskRemoved, 0)).toBe(15);
  });

  it("does not trigger below the threshold, though the answer still adds to the score", () => {
    // Linear run costs: schedule kind "domain" (0.3, w2) and standby never reviewed (1, w1, detects
    // nothing): 100 × 1.6 / 8 = 20. On-call: 0.2 × 2 + 0.2 × 2 + 0.25 × 1 = 1.05 of 10: 10.5.
    // Both are Low, so only the threshold keeps their symptoms quiet.
    const below = score({
      "lrc-schedule-kind": value("domain"),
      "lrc-standby-reviewed": value(1),
      "locs-time-on-call": value(30),
      "locs-pay-model": value("standby"),
      "locs-feel-prepared": value(4),
    });
    for (const [pitfallId, expected] of [
      ["linear-run-costs", 20],
      ["limited-on-call-schedule", 10.5],
    ] as const) {
      const pitfall = pitfallOf(below, pitfallId);
      expect(pitfall).toMatchObject({ score: expected, band: "low" });
      expect(pitfall.triggeredSymptoms).toEqual([]);
      expect(pitfall.triggeredCauses).toEqual([]);
    }
  });

  it("shows no symptoms or causes and removes nothing in band None, though the answer still counts", () => {
    // Feel prepared 3 (0.5, w1) alone: 100 × 0.5 / 10 = 5, band None.
    const none = pitfallOf(score({ "locs-feel-prepared": value(3) }), "limited-on-call-schedule");
    expect(none).toMatchObject({ score: 5, band: "none" });
    expect(
      none.contributions.map((c) => (c.source === "question" ? [c.questionId, c.points] : null)),
    ).toEqual([["locs-feel-prepared", 5]]);
    expect(none.triggeredSymptoms).toEqual([]);
    expect(none.triggeredCauses).toEqual([]);
    expect(
      none.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved, c.addressesTriggered]),
    ).toEqual([
      ["craft-sustainable-schedule", 0, []],
      ["prepare-on-call-from-day-one", 0, []],
      ["re-architect-for-adaptability", 0, []],
    ]);
  });
});

describe("contributions", () => {
  const result = score({
    "bau-planned-share": value(70),
    "bau-rework-tracked": value(false),
    "bau-callouts-per-shift": value(2),
    "bau-graceful-degradation": value(3),
  });
  const bau = pitfallOf(result, "excessive-bau");

  it("lists answers with risk above 0, largest first, ties in questionnaire order", () => {
    expect(bau.score).toBe(56.3); // 4.5 / 8; the weight-0 finding does not hold (2 callouts) and adds nothing
    expect(
      bau.contributions.map((c) => (c.source === "question" ? [c.questionId, c.points, c.share] : null)),
    ).toEqual([
      ["bau-planned-share", 18.8, 0.333],
      ["bau-callouts-per-shift", 12.5, 0.222],
      ["bau-rework-tracked", 12.5, 0.222],
      ["bau-graceful-degradation", 12.5, 0.222],
    ]);
  });

  it("carries the answer value, risk and weight", () => {
    expect(bau.contributions[0]).toEqual({
      source: "question",
      questionId: "bau-planned-share",
      answer: "value",
      value: 70,
      risk: 0.5,
      weight: 3,
      points: 18.8,
      share: 0.333,
      triggers: true,
    });
  });

  it("adds up to the score and to a share of 1, up to rounding", () => {
    const points = bau.contributions.reduce((sum, c) => sum + c.points, 0);
    const share = bau.contributions.reduce((sum, c) => sum + c.share, 0);
    expect(Math.abs(points - bau.score!)).toBeLessThanOrEqual(0.05 * (bau.contributions.length + 1) + 1e-9);
    expect(share).toBeCloseTo(1, 2);
  });
});

describe("countermeasure ranking", () => {
  // BAU: planned-share 0.5 (w3), rework untracked 1 (w1), callouts 0.5 (w2), degradation "neither
  // agree nor disagree" 0.5 (w2) → 56.3, medium. On-call: time on call 50% → 1 (w2) of answered
  // weight 10 → 20, low.
  const result = score({
    "bau-planned-share": value(70),
    "bau-rework-tracked": value(false),
    "bau-callouts-per-shift": value(2),
    "bau-graceful-degradation": value(3),
    "locs-time-on-call": value(50),
  });

  it("ranks a pitfall's countermeasures by the score points of the causes they remove", () => {
    const bau = pitfallOf(result, "excessive-bau");
    // Causes: rework untracked (12.5 points) → track-unplanned-rework; callouts (12.5) →
    // re-architect-for-adaptability. The neutral answer on degradation counts in the score (12.5)
    // but is no cause found, so its points go to no countermeasure. Planned share (18.75) shows
    // only a symptom (slow planned work), relieved only by track-unplanned-rework: 12.5 + 18.75 =
    // 31.25 → 31.3.
    expect(bau.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved, c.addressesTriggered])).toEqual(
      [
        ["track-unplanned-rework", 31.3, ["slow-planned-work"]],
        ["re-architect-for-adaptability", 12.5, ["high-callouts"]],
      ],
    );
    expect(bau.countermeasures[0]).toMatchObject({
      action: "Treat unplanned operational rework like planned work",
      rationale: "rework is visible",
      addresses: ["slow-planned-work"],
      removesCauses: ["unplanned-work-invisible"],
    });
  });

  it("shares symptom-only evidence in proportion to the cause points a countermeasure already holds", () => {
    // Rota of 1 (1, w3; symptom minority-on-call only) and feel prepared 2 (0.75, w1; cause
    // unprepared-for-on-call): 3.75 of 10 → 37.5. The cause's 7.5 points go to all three
    // countermeasures (2.5 each). The rota's 30 go to the two relieving minority-on-call, in
    // proportion to their cause points (equal): 15 each. craft and prepare 17.5, re-architect 2.5.
    const locs = pitfallOf(
      score({ "locs-rota-size": value(1), "locs-feel-prepared": value(2) }),
      "limited-on-call-schedule",
    );
    expect(locs.score).toBe(37.5);
    expect(locs.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["craft-sustainable-schedule", 17.5],
      ["prepare-on-call-from-day-one", 17.5],
      ["re-architect-for-adaptability", 2.5],
    ]);

    // With re-architect-for-adaptability also relieving slow planned work, and the services said
    // not to degrade gracefully (2: 0.75, w2), BAU is 5 of 8: 62.5. The planned share's 18.75
    // points are split 12.5 : 31.25 by the cause points the two hold (rework; callouts and
    // degradation): track 5.36, re-architect 13.39. track 17.86 → 17.9; re-architect 44.64 → 44.6
    // (an even split would give 21.9 and 40.6).
    const relievesBoth: ScoringContent = {
      ...fixtureContent,
      pitfalls: fixturePitfalls.map((p) =>
        p.id !== "excessive-bau"
          ? p
          : {
              ...p,
              countermeasures: p.countermeasures.map((link) =>
                link.countermeasureId === "re-architect-for-adaptability"
                  ? { ...link, addresses: ["high-callouts", "slow-planned-work"] }
                  : link,
              ),
            },
      ),
    };
    const bau = pitfallOf(
      scoreAssessment(
        relievesBoth,
        {
          ...healthyAnswers,
          "bau-planned-share": value(70),
          "bau-rework-tracked": value(false),
          "bau-callouts-per-shift": value(2),
          "bau-graceful-degradation": value(2),
        },
        healthyContext,
      ),
      "excessive-bau",
    );
    expect(bau.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["re-architect-for-adaptability", 44.6],
      ["track-unplanned-rework", 17.9],
    ]);
  });

  it("gives a symptom no cause explains to the least effort when the answers rule out every cause", () => {
    const locs = pitfallOf(result, "limited-on-call-schedule");
    // Time on call shows on-call-burnout only, and no cause has points. Both countermeasures
    // relieving it remove a cause the team's healthy answer on feeling prepared rules out, so the
    // burnout has a cause the questionnaire does not see: its 20 points go to the least effort,
    // craft-sustainable-schedule (medium), not to re-architecting (high), which also serves
    // Excessive BAU.
    expect(locs.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["craft-sustainable-schedule", 20],
      ["prepare-on-call-from-day-one", 0],
      ["re-architect-for-adaptability", 0],
    ]);
  });

  it("ranks assessment-wide by urgency (risk removed weighted by band), each countermeasure once", () => {
    // Urgency: track 31.3 × 2 (medium) = 62.6; re-architect 12.5 × 2 = 25; craft 20 × 1 (low) = 20.
    expect(
      result.countermeasures.map((c) => [
        c.countermeasureId,
        c.urgency,
        c.totalRiskRemoved,
        c.effort,
        c.pitfalls.map((p) => [p.pitfallId, p.riskRemoved]),
      ]),
    ).toEqual([
      ["track-unplanned-rework", 62.6, 31.3, "low", [["excessive-bau", 31.3]]],
      ["re-architect-for-adaptability", 25, 12.5, "high", [["excessive-bau", 12.5]]],
      ["craft-sustainable-schedule", 20, 20, "medium", [["limited-on-call-schedule", 20]]],
    ]);
    const shared = result.countermeasures.find(
      (c) => c.countermeasureId === "re-architect-for-adaptability",
    )!;
    expect(shared.action).toBe("Re-architect digital services for adaptability");
  });

  it("lists only the addressed symptoms that were triggered", () => {
    const locs = pitfallOf(result, "limited-on-call-schedule");
    const craft = locs.countermeasures.find((c) => c.countermeasureId === "craft-sustainable-schedule")!;
    expect(craft.addresses).toEqual(["minority-on-call", "on-call-burnout"]);
    expect(craft.addressesTriggered).toEqual(["on-call-burnout"]);
  });

  it("breaks a tie in risk removed by least effort, then by id, never by content order", () => {
    // Linear run costs: the finding's 30 points go to both countermeasures removing per-team-standby,
    // 15 each. select-targets-on-exposure (low effort) beats select-schedules-on-exposure (medium),
    // although the id would put schedules first.
    const lrc = pitfallOf(score({}, riskyContext), "linear-run-costs");
    expect(lrc.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["select-targets-on-exposure", 15],
      ["select-schedules-on-exposure", 15],
    ]);
    // Change management: every deploy approved (1, w2) of 9 → 22.2, all on single-change-category,
    // 11.1 each to two medium-effort countermeasures: the id decides, against content order.
    const treacle = pitfallOf(
      score({ "cmt-every-deploy-approved": value(true) }),
      "change-management-treacle",
    );
    expect(treacle.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["automate-change-auditing", 11.1],
      ["pre-approve-standard-changes", 11.1],
    ]);
    // Content in reverse order ranks the same.
    const reversed: ScoringContent = {
      ...fixtureContent,
      pitfalls: fixturePitfalls.map((p) => ({ ...p, countermeasures: [...p.countermeasures].reverse() })),
      countermeasures: [...fixtureCountermeasures].reverse(),
    };
    const answers = { ...healthyAnswers, "cmt-every-deploy-approved": value(true) };
    expect(scoreAssessment(reversed, answers, riskyContext)).toEqual(
      scoreAssessment(fixtureContent, answers, riskyContext),
    );
  });

  it("lists every countermeasure by effort then id when none removes anything", () => {
    const healthy = scoreAssessment(fixtureContent, healthyAnswers, healthyContext);
    expect(
      healthy.pitfalls.map((p) => [p.pitfallId, p.countermeasures.map((c) => c.countermeasureId)]),
    ).toEqual([
      ["linear-run-costs", ["select-targets-on-exposure", "select-schedules-on-exposure"]],
      ["change-management-treacle", ["automate-change-auditing", "pre-approve-standard-changes"]],
      ["excessive-bau", ["track-unplanned-rework", "re-architect-for-adaptability"]],
      [
        "limited-on-call-schedule",
        ["craft-sustainable-schedule", "prepare-on-call-from-day-one", "re-architect-for-adaptability"],
      ],
    ]);
  });
});

describe("compilation", () => {
  it("compiles once per content, keyed by identity", () => {
    const first = compileQuestionnaire(fixtureContent);
    expect(compileQuestionnaire({ ...fixtureContent })).toBe(first);
    expect(compileQuestionnaire({ ...fixtureContent, pitfalls: [...fixturePitfalls] })).not.toBe(first);
  });

  it("scores the same from a compiled questionnaire as from raw content", () => {
    const compiled = compileQuestionnaire(fixtureContent);
    expect(scoreAssessment(compiled, riskiestAnswers, riskyContext)).toEqual(
      scoreAssessment(fixtureContent, riskiestAnswers, riskyContext),
    );
  });

  it("keeps only the countermeasures some pitfall uses", () => {
    const compiled = compileQuestionnaire(fixtureContent);
    expect(compiled.countermeasures.map((c) => c.id)).not.toContain("unused-countermeasure");
    expect(compiled.countermeasures).toHaveLength(fixtureCountermeasures.length - 1);
  });

  function compileWith(change: (questionnaire: Questionnaire) => Questionnaire) {
    return () =>
      compileQuestionnaire({
        questionnaire: change(structuredClone(fixtureQuestionnaire)),
        pitfalls: fixturePitfalls,
        countermeasures: fixtureCountermeasures,
      });
  }

  it("refuses a context rule on a field that does not exist", () => {
    expect(
      compileWith((q) => {
        q.contextRules[0]!.when[0]!.field = "no-such-field";
        return q;
      }),
    ).toThrow(
      new ScoringContentError(
        'Questionnaire "fixture-v1": context rule "out-of-hours-on-95" tests "no-such-field", which is neither a context question nor a question',
      ),
    );
  });

  it("refuses a context rule comparing a value the field can never have", () => {
    expect(
      compileWith((q) => {
        q.contextRules[0]!.when[0] = { field: "availability-target", op: "in", values: ["100"] };
        return q;
      }),
    ).toThrow(/can never be answered with/);
    expect(
      compileWith((q) => {
        q.contextRules[0]!.when[0] = { field: "availability-target", op: "lt", value: 3 };
        return q;
      }),
    ).toThrow(/is not answered with a number/);
  });

  it("refuses a rule of weight 0 without a floor, which could never count", () => {
    expect(
      compileWith((q) => {
        delete q.contextRules.find((r) => r.id === "callouts-with-untracked-rework")!.floor;
        return q;
      }),
    ).toThrow(
      new ScoringContentError(
        'Questionnaire "fixture-v1": context rule "callouts-with-untracked-rework" has weight 0 and no floor, so it could never count',
      ),
    );
  });

  it("refuses a question whose appliesWhen tests another question rather than the team context", () => {
    expect(
      compileWith((q) => {
        q.sections[0]!.questions[1]!.appliesWhen = [
          { field: "lrc-targets-from-exposure", op: "in", values: [true] },
        ];
        return q;
      }),
    ).toThrow(
      new ScoringContentError(
        'Questionnaire "fixture-v1": question "lrc-own-schedule-share" (appliesWhen) tests "lrc-targets-from-exposure", which is not a context question',
      ),
    );
  });

  it("refuses a countermeasure removing a cause its pitfall does not have", () => {
    const pitfalls = structuredClone(fixturePitfalls);
    pitfalls[2]!.countermeasures[0]!.removesCauses = ["per-team-standby"];
    expect(() =>
      compileQuestionnaire({
        questionnaire: fixtureQuestionnaire,
        pitfalls,
        countermeasures: fixtureCountermeasures,
      }),
    ).toThrow(/countermeasure "track-unplanned-rework" removes unknown cause "per-team-standby"/);
  });

  it("refuses a question detecting a symptom its pitfall does not have", () => {
    expect(
      compileWith((q) => {
        q.sections[0]!.questions[0]!.detects.symptoms = ["on-call-burnout"];
        return q;
      }),
    ).toThrow(ScoringContentError);
  });

  it("refuses a pitfall referencing a countermeasure that does not exist", () => {
    expect(() =>
      compileQuestionnaire({
        questionnaire: fixtureQuestionnaire,
        pitfalls: fixturePitfalls,
        countermeasures: fixtureCountermeasures.filter((c) => c.id !== "track-unplanned-rework"),
      }),
    ).toThrow(/countermeasure "track-unplanned-rework", which does not exist/);
  });
});

describe("a rule's `unless`: answers that rule its finding out", () => {
  // The small-team rule, except where people are paid standby and callout: there a small team's
  // own schedule is not taken as a sign (for this test's sake).
  const questionnaire: Questionnaire = structuredClone(fixtureQuestionnaire);
  const rule = questionnaire.contextRules.find((candidate) => candidate.id === "small-team-own-schedule")!;
  rule.unless = [{ field: "locs-pay-model", op: "in", values: ["standby-and-callout"] }];
  const content: ScoringContent = { ...fixtureContent, questionnaire };
  const outcome = (pay: Answer, teamSize = 4) =>
    pitfallOf(
      scoreAssessment(
        content,
        { ...healthyAnswers, "locs-pay-model": pay },
        {
          ...healthyContext,
          "team-size": value(teamSize),
        },
      ),
      "limited-on-call-schedule",
    ).contextRules.find((candidate) => candidate.ruleId === "small-team-own-schedule")!.outcome;

  it("makes the rule known not to hold when all of them hold, so it still counts, as healthy evidence", () => {
    expect(outcome(value("standby-and-callout"))).toBe("not-holding");
  });

  it("leaves the finding to the rule's own conditions when one of them is known false or not applicable", () => {
    expect(outcome(value("callout-only"))).toBe("fired");
    expect(outcome(notApplicable())).toBe("fired");
    expect(outcome(value("callout-only"), 9)).toBe("not-holding");
  });

  it("leaves the finding unknown when one of them is unknown, unless the conditions already fail", () => {
    expect(outcome(dontKnow)).toBe("unassessed");
    expect(outcome(dontKnow, 9)).toBe("not-holding");
  });

  it("never lowers the score when its answer turns riskier", () => {
    const locsScore = (pay: string) =>
      pitfallOf(
        scoreAssessment(
          content,
          { ...healthyAnswers, "locs-pay-model": value(pay) },
          {
            ...healthyContext,
            "team-size": value(4),
          },
        ),
        "limited-on-call-schedule",
      ).score!;
    expect(locsScore("standby")).toBeGreaterThanOrEqual(locsScore("standby-and-callout"));
    expect(locsScore("callout-only")).toBeGreaterThan(locsScore("standby"));
  });
});

describe("shares of the score", () => {
  it("add up to the whole score: one answer behind all of it is 100% of it, never a rounding step more", () => {
    // Standby reviewed "agree" (0.25 at weight 1) alone: 0.25 of 8 answered weight, 3.125 points,
    // a score of 3.1 once rounded. Its share is of the unrounded points: exactly 1, not 1.008.
    const lrc = pitfallOf(score({ "lrc-standby-reviewed": value(4) }), "linear-run-costs");
    expect(lrc.score).toBe(3.1);
    expect(lrc.contributions).toHaveLength(1);
    expect(lrc.contributions[0]!.share).toBe(1);
    const bau = pitfallOf(
      score({
        "bau-planned-share": value(70),
        "bau-callouts-per-shift": value(2),
        "bau-rework-tracked": value(false),
      }),
      "excessive-bau",
    );
    const total = bau.contributions.reduce((sum, contribution) => sum + contribution.share, 0);
    expect(total).toBeCloseTo(1, 2);
  });
});

describe("what rests only on \u201cdon't know\u201d", () => {
  it("marks a pitfall whose every risk is a \u201cdon't know\u201d, and its symptoms as suspected, not seen", () => {
    // Rework tracking "don't know" (0.75, w1), the other answers "don't know" too (no evidence
    // there): the only risk behind Excessive BAU, 75.
    const allUnknown = {
      "bau-planned-share": dontKnow,
      "bau-callouts-per-shift": dontKnow,
      "bau-rework-tracked": dontKnow,
      "bau-graceful-degradation": dontKnow,
    };
    const unknown = pitfallOf(score(allUnknown), "excessive-bau");
    expect(unknown.band).not.toBe("none");
    expect(unknown.dontKnowOnly).toBe(true);
    expect(unknown.triggeredSymptoms.map((s) => [s.symptomId, s.suspected])).toEqual([
      ["slow-planned-work", true],
    ]);
    // One risky answer given as a value, behind the same symptom, and it is seen.
    const known = pitfallOf(score({ ...allUnknown, "bau-planned-share": value(60) }), "excessive-bau");
    expect(known.dontKnowOnly).toBe(false);
    expect(known.triggeredSymptoms.map((s) => [s.symptomId, s.suspected])).toEqual([
      ["slow-planned-work", false],
    ]);
    // A healthy pitfall rests on nothing at all.
    expect(pitfallOf(score({}), "excessive-bau").dontKnowOnly).toBe(false);
  });
});
