import { describe, expect, it } from "vitest";
import type { Answers, Questionnaire } from "../../../src/domain/content/schema";
import { pitfallSchema, questionnaireSchema } from "../../../src/domain/content/schema";
import {
  compileQuestionnaire,
  scoreAssessment,
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
      expect(pitfall).toMatchObject({ status: "scored", score: 0, band: "none", confidence: 1 });
      expect(pitfall.contributions).toEqual([]);
      expect(pitfall.triggeredSymptoms).toEqual([]);
      expect(pitfall.countermeasures.every((countermeasure) => countermeasure.riskRemoved === 0)).toBe(true);
    }
    expect(result.countermeasures).toEqual([]);
  });

  it("scores the riskiest answers in a risky context 100, critical", () => {
    const result = scoreAssessment(fixtureContent, riskiestAnswers, riskyContext);
    for (const pitfall of result.pitfalls) {
      expect(pitfall).toMatchObject({ status: "scored", score: 100, band: "critical", confidence: 1 });
      expect(pitfall.triggeredSymptoms.map((symptom) => symptom.symptomId)).toEqual(
        fixturePitfalls.find((p) => p.id === pitfall.pitfallId)!.symptoms.map((symptom) => symptom.id),
      );
    }
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
    expect(treacle.band).toBe("high");
    expect(treacle.evidence).toEqual({
      questions: 4,
      answered: 4,
      dontKnow: 0,
      notApplicable: 0,
      unanswered: 0,
      answeredWeight: 9,
      applicableWeight: 9,
    });
  });

  it("rounds scores to one decimal", () => {
    // 1 of 11 weight fully risky: 9.0909... → 9.1
    const result = score({ "lrc-standby-reviewed": value(1) });
    expect(pitfallOf(result, "linear-run-costs").score).toBe(9.1);
    expect(pitfallOf(result, "linear-run-costs").band).toBe("none");
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
    // Answered 3+2+2 + rule 1 = 8 of 9 applicable.
    expect(treacle.confidence).toBe(0.89);
    expect(treacle.score).toBe(25);
    expect(treacle.evidence.dontKnow).toBe(1);
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
    const mixed = answerEvery(bau.questions, (question) =>
      question.weight === 3 ? notApplicable() : dontKnow,
    );
    const result = score(mixed);
    expect(pitfallOf(result, "excessive-bau")).toMatchObject({
      status: "insufficient-evidence",
      score: null,
      band: null,
      confidence: 0,
    });
    expect(pitfallOf(result, "excessive-bau").countermeasures.every((c) => c.riskRemoved === 0)).toBe(true);
  });

  it("never scores a pitfall on context rules alone, but still reports the rule", () => {
    const locs = fixtureQuestionnaire.sections.find(
      (section) => section.pitfallId === "limited-on-call-schedule",
    )!;
    const result = score(
      answerEvery(locs.questions, () => dontKnow),
      riskyContext,
    );
    const pitfall = pitfallOf(result, "limited-on-call-schedule");
    expect(pitfall.status).toBe("insufficient-evidence");
    expect(pitfall.score).toBeNull();
    expect(pitfall.contextRules).toEqual([
      {
        ruleId: "small-team-own-schedule",
        outcome: "fired",
        weight: 2,
        explanation: "A team of fewer than six people runs its own out-of-hours schedule.",
      },
    ]);
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
    const result = score({}, riskyContext);
    const lrc = pitfallOf(result, "linear-run-costs");
    expect(rule(result, "linear-run-costs").outcome).toBe("fired");
    // Healthy answers (weight 8, risk 0) plus the rule (weight 3, risk 1): 3 / 11.
    expect(lrc.score).toBe(27.3);
    expect(lrc.contributions).toEqual([
      {
        source: "context-rule",
        ruleId: "out-of-hours-on-95",
        explanation: "An out-of-hours schedule covers a service whose availability target is 95%.",
        risk: 1,
        weight: 3,
        points: 27.3,
        share: 1,
      },
    ]);
    expect(lrc.triggeredSymptoms).toEqual([
      {
        symptomId: "run-cost-tied-to-team-count",
        title: "Symptom run-cost-tied-to-team-count",
        answers: [],
        contextRules: [lrc.contributions[0]],
      },
    ]);
  });

  it("counts as healthy evidence (risk 0) when known not to hold", () => {
    const result = score({ "lrc-standby-reviewed": value(1) }, healthyContext);
    expect(rule(result, "linear-run-costs").outcome).toBe("not-holding");
    expect(pitfallOf(result, "linear-run-costs").evidence).toMatchObject({
      answeredWeight: 11,
      applicableWeight: 11,
    });
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

  it("is settled by one false condition even when another is unknown", () => {
    const result = score({}, { "availability-target": dontKnow, "on-call-setup": value("no-out-of-hours") });
    expect(rule(result, "linear-run-costs").outcome).toBe("not-holding");
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
  });

  it("matches boolean context values with in", () => {
    const days = { "cmt-approval-days": value(8) };
    expect(rule(score(days, { regulated: value(true) }), "change-management-treacle").outcome).toBe(
      "not-holding",
    );
    expect(rule(score(days, { regulated: value(false) }), "change-management-treacle").outcome).toBe("fired");
  });
});

describe("triggered symptoms and causes", () => {
  it(`triggers at risk ${SYMPTOM_TRIGGER_RISK} and above, listing the answers with their contributions`, () => {
    const atThreshold = score({ "locs-feel-prepared": value(3), "bau-callouts-per-shift": value(2) });
    const locs = pitfallOf(atThreshold, "limited-on-call-schedule");
    const feelPrepared = {
      source: "question",
      questionId: "locs-feel-prepared",
      value: 3,
      risk: 0.5,
      weight: 1,
      points: 5,
      share: 1,
    };
    expect(locs.triggeredSymptoms).toEqual([
      {
        symptomId: "minority-on-call",
        title: "Symptom minority-on-call",
        answers: [feelPrepared],
        contextRules: [],
      },
    ]);
    expect(locs.triggeredCauses).toEqual([
      {
        causeId: "unprepared-for-on-call",
        text: "Cause unprepared-for-on-call.",
        answers: [feelPrepared],
        contextRules: [],
      },
    ]);
    expect(pitfallOf(atThreshold, "excessive-bau").triggeredSymptoms.map((s) => s.symptomId)).toEqual([
      "high-callouts",
    ]);
  });

  it("does not trigger below the threshold, though the answer still adds to the score", () => {
    const below = score({
      "locs-feel-prepared": value(4),
      "bau-callouts-per-shift": value(1),
      "lrc-schedule-kind": value("domain"),
    });
    expect(pitfallOf(below, "limited-on-call-schedule").triggeredSymptoms).toEqual([]);
    expect(pitfallOf(below, "excessive-bau").triggeredSymptoms).toEqual([]);
    expect(pitfallOf(below, "linear-run-costs").triggeredSymptoms).toEqual([]);
    expect(pitfallOf(below, "limited-on-call-schedule").score).toBeGreaterThan(0);
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
    expect(bau.score).toBe(56.3); // 4.5 / 8
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
      value: 70,
      risk: 0.5,
      weight: 3,
      points: 18.8,
      share: 0.333,
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
  // BAU: planned-share 0.5 (w3), rework untracked 1 (w1), callouts 0.5 (w2), degradation 0.5 (w2) → 56.3.
  // On-call: time on call 50% → 1 (w2) of answered weight 10 → 20.
  const result = score({
    "bau-planned-share": value(70),
    "bau-rework-tracked": value(false),
    "bau-callouts-per-shift": value(2),
    "bau-graceful-degradation": value(3),
    "locs-time-on-call": value(50),
  });

  it("ranks a pitfall's countermeasures by the score points on the symptoms they address", () => {
    const bau = pitfallOf(result, "excessive-bau");
    expect(bau.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved, c.addressesTriggered])).toEqual(
      [
        ["track-unplanned-rework", 31.3, ["slow-planned-work"]],
        ["re-architect-for-adaptability", 25, ["high-callouts"]],
      ],
    );
    expect(bau.countermeasures[0]).toMatchObject({
      action: "Treat unplanned operational rework like planned work",
      rationale: "rework is visible",
      addresses: ["slow-planned-work"],
    });
  });

  it("breaks a tie within a pitfall in favour of the countermeasure that also serves other pitfalls", () => {
    const locs = pitfallOf(result, "limited-on-call-schedule");
    // re-architect-for-adaptability also removes 25 points from Excessive BAU; craft-sustainable-schedule
    // comes first in the content, so only the assessment-wide gain can put it second.
    expect(locs.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["re-architect-for-adaptability", 20],
      ["craft-sustainable-schedule", 20],
      ["prepare-on-call-from-day-one", 0],
    ]);
  });

  it("ranks assessment-wide by total risk removed, each countermeasure once, shared ones combining gains", () => {
    expect(
      result.countermeasures.map((c) => [
        c.countermeasureId,
        c.totalRiskRemoved,
        c.pitfalls.map((p) => [p.pitfallId, p.riskRemoved]),
      ]),
    ).toEqual([
      [
        "re-architect-for-adaptability",
        45,
        [
          ["excessive-bau", 25],
          ["limited-on-call-schedule", 20],
        ],
      ],
      ["track-unplanned-rework", 31.3, [["excessive-bau", 31.3]]],
      ["craft-sustainable-schedule", 20, [["limited-on-call-schedule", 20]]],
    ]);
    const shared = result.countermeasures[0]!;
    expect(shared.action).toBe("Re-architect digital services for adaptability");
    expect(shared.pitfalls[1]).toEqual({
      countermeasureId: "re-architect-for-adaptability",
      pitfallId: "limited-on-call-schedule",
      action: "Re-architect digital services for adaptability",
      rationale: "fewer callouts need a human",
      addresses: ["on-call-burnout"],
      addressesTriggered: ["on-call-burnout"],
      riskRemoved: 20,
    });
  });

  it("lists only the addressed symptoms that were triggered", () => {
    const locs = pitfallOf(result, "limited-on-call-schedule");
    const craft = locs.countermeasures.find((c) => c.countermeasureId === "craft-sustainable-schedule")!;
    expect(craft.addresses).toEqual(["minority-on-call", "on-call-burnout"]);
    expect(craft.addressesTriggered).toEqual(["on-call-burnout"]);
  });

  it("keeps content order for countermeasures that would remove the same risk", () => {
    const lrc = pitfallOf(score({}, riskyContext), "linear-run-costs");
    expect(lrc.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["select-targets-on-exposure", 27.3],
      ["select-schedules-on-exposure", 27.3],
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
