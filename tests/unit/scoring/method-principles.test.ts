/**
 * The principles of the scoring method (docs/scoring.md, "Principles"), each checked on the real
 * questionnaire a team answers, so the judgement the product shows is the one documented.
 */
import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answer, Answers, PitfallId, Questionnaire } from "@/domain/content/schema";
import {
  DONT_KNOW_CEILING,
  DONT_KNOW_LOW_CONFIDENCE_CEILING,
  listContradictedAnswers,
  scoreAssessment,
  type AssessmentScore,
  type PitfallScore,
} from "@/domain/scoring";
import { dontKnow, healthyAnswers, healthyContext, na, v } from "../../calibration/profiles";

const questionnaire = latestQuestionnaire();
const scoringContent = {
  questionnaire,
  pitfalls: content.pitfalls,
  countermeasures: content.countermeasures,
};

function score(answers: Answers = {}, context: Answers = {}, base = healthyAnswers): AssessmentScore {
  return scoreAssessment(scoringContent, { ...base, ...answers }, { ...healthyContext, ...context });
}

function pitfall(result: AssessmentScore, pitfallId: PitfallId): PitfallScore {
  return result.pitfalls.find((candidate) => candidate.pitfallId === pitfallId)!;
}

/** The riskiest valid answer to every question of one pitfall. */
function worstAnswers(pitfallId: PitfallId, of: Questionnaire = questionnaire): Answers {
  const section = of.sections.find((candidate) => candidate.pitfallId === pitfallId)!;
  const worst: Record<string, Answer> = {};
  for (const question of section.questions) {
    const type = question.answer;
    if (type.type === "agreement") worst[question.id] = v(type.riskyWhen === "agree" ? 5 : 1);
    else if (type.type === "yesNo") worst[question.id] = v(type.riskyAnswer === "yes");
    else if (type.type === "choice")
      worst[question.id] = v(type.options.reduce((a, b) => (b.risk > a.risk ? b : a)).value);
    else {
      const riskiest = type.riskCurve.reduce((a, b) => (b.risk > a.risk ? b : a));
      worst[question.id] = v(Math.min(type.max, Math.max(type.min, riskiest.at)));
    }
  }
  return worst;
}

const BAND_ORDER = ["none", "low", "medium", "high", "critical"] as const;
const atLeast = (result: PitfallScore, band: (typeof BAND_ORDER)[number]) =>
  BAND_ORDER.indexOf(result.band!) >= BAND_ORDER.indexOf(band);

describe("principle 1: a rule whose precondition is false is not applicable and carries no weight", () => {
  it("leaves the 95% rules out for a 99.9% service, so the worst answers score as the worst", () => {
    const result = pitfall(score(worstAnswers("linear-run-costs")), "linear-run-costs");
    const rule = result.contextRules.find(
      (candidate) => candidate.ruleId === "out-of-hours-schedule-on-95-target",
    )!;
    expect(rule.outcome).toBe("not-applicable");
    // v1 capped Linear run costs at 68.8 for any 99.9% team, because healthy-looking rules that did
    // not apply were averaged in at risk 0. Only the one rule that applies here and does not hold
    // (the target is not below what the high exposure band calls for) is a real healthy sign, and
    // it alone joins the questions in the average. (The target fits the band, so not having chosen
    // or reviewed it on exposure counts as no sign on its own, at 0.25.)
    const questions = questionnaire.sections.find((s) => s.pitfallId === "linear-run-costs")!.questions;
    const weighted = result.contributions.reduce(
      (sum, c) => sum + (c.source === "question" ? c.weight * c.risk : 0),
      0,
    );
    const weights = questions.reduce((sum, question) => sum + question.weight, 0) + 2;
    expect(result.averageScore).toBe(Math.round((1000 * weighted) / weights) / 10);
    const applying = result.contextRules.filter((candidate) => candidate.outcome !== "not-applicable");
    expect(applying.map((candidate) => [candidate.ruleId, candidate.outcome])).toEqual([
      ["target-below-exposure-high-band", "not-holding"],
    ]);
    // v1 gave 60.9 here. Rules that do apply still count: central operations not covering this
    // 99.9% service is a healthy sign, so the worst answers score Critical rather than 100.
    expect(
      pitfall(score(worstAnswers("responsible-but-unaccountable")), "responsible-but-unaccountable").band,
    ).toBe("critical");
  });

  it("leaves out answers about a rota from a team that says nobody is on call, or central operations covers", () => {
    const heavyRota = {
      "locs-share-of-time-on-call": v(40),
      "ebau-callouts-per-shift": v(3),
      "locs-personal-disruption": v(5),
      "locs-left-rota-from-strain": v(true),
    };
    for (const setup of ["none", "central-ops"]) {
      const result = score(heavyRota, { "out-of-hours-on-call-setup": v(setup) });
      const onCall = pitfall(result, "limited-on-call-schedule");
      expect(onCall.triggeredSymptoms.map((symptom) => symptom.symptomId)).not.toContain(
        "on-call-burnout-risk",
      );
      expect(onCall.triggeredCauses).toEqual([]);
      expect(onCall.evidence.outOfContext).toBeGreaterThanOrEqual(6);
      expect(pitfall(result, "excessive-bau").triggeredSymptoms).toEqual([]);
    }
    // Nobody on call for a 99.9% high-exposure service is the finding, and enough for High.
    const nobody = pitfall(
      score(heavyRota, { "out-of-hours-on-call-setup": v("none") }),
      "limited-on-call-schedule",
    );
    expect(nobody.findings.map((finding) => finding.ruleId)).toEqual([
      "no-out-of-hours-cover-for-99-9-target",
    ]);
    expect(nobody.band).toBe("high");
  });

  it("adds nothing to the weights when it does not apply", () => {
    const result = pitfall(score(), "linear-run-costs");
    const questionWeight = questionnaire.sections
      .find((section) => section.pitfallId === "linear-run-costs")!
      .questions.reduce((sum, question) => sum + question.weight, 0);
    const applyingRules = result.contextRules.filter((rule) => rule.outcome !== "not-applicable");
    expect(result.evidence.applicableWeight).toBe(
      questionWeight + applyingRules.reduce((sum, rule) => sum + rule.weight, 0),
    );
    expect(result.contextRules.filter((rule) => rule.outcome === "not-applicable").length).toBeGreaterThan(0);
  });
});

describe("principle 2: defining findings set a floor", () => {
  it("holds a team whose Head of Operations is accountable at High or above, however healthy the rest", () => {
    const result = pitfall(
      score({ "rbu-accountable-for-incidents": v("head-of-operations") }),
      "responsible-but-unaccountable",
    );
    expect(result.averageScore!).toBeLessThan(60);
    expect(result.score).toBe(60);
    expect(result.band).toBe("high");
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["head-of-operations-accountable"]);
    // The lift belongs to the finding, and the points still add up to the score.
    const finding = result.contributions.find(
      (contribution) =>
        contribution.source === "context-rule" && contribution.ruleId === "head-of-operations-accountable",
    )!;
    expect(finding.points).toBeGreaterThan(30);
    const total = result.contributions.reduce((sum, contribution) => sum + contribution.points, 0);
    expect(Math.abs(total - result.score!)).toBeLessThanOrEqual(0.1 * result.contributions.length);
  });

  it("makes a rota of one Critical and a rota of two at least High", () => {
    expect(
      pitfall(
        score({ "locs-share-of-time-on-call": v(100) }, { "on-call-rota-size": v(1) }),
        "limited-on-call-schedule",
      ).band,
    ).toBe("critical");
    expect(
      atLeast(pitfall(score({}, { "on-call-rota-size": v(2) }), "limited-on-call-schedule"), "high"),
    ).toBe(true);
  });

  it("makes an incident management team that is not involved at least High", () => {
    const result = pitfall(
      score({ "nmim-incident-managers-informed": v("not-involved") }),
      "no-major-incident-management",
    );
    expect(atLeast(result, "high")).toBe(true);
  });

  it("holds treacle at High when every deployment waits a day or more for its own approval in one category", () => {
    // A weekly CAB: the team deploys weekly, so rare deployments are not the finding; the seed's
    // defining cause is, and it holds whatever the frequency.
    const cab = {
      "cmt-deployment-frequency": v("weekly"),
      "cmt-approval-wait-days": v(2),
      "cmt-pre-approved-share": v(0),
      "cmt-one-change-category": v(true),
    };
    const held = pitfall(score(cab), "change-management-treacle");
    expect(held.averageScore!).toBeLessThan(60);
    expect(held.score).toBe(60);
    expect(held.findings.map((finding) => finding.ruleId)).toEqual(["every-deployment-approved-one-by-one"]);
    // Half the deployments pre-approved, or a category per risk, and it is no longer the finding.
    for (const relief of [{ "cmt-pre-approved-share": v(50) }, { "cmt-one-change-category": v(false) }]) {
      const relieved = pitfall(score({ ...cab, ...relief }), "change-management-treacle");
      expect(relieved.findings.map((finding) => finding.ruleId)).not.toContain(
        "every-deployment-approved-one-by-one",
      );
      expect(relieved.score!).toBeLessThan(60);
    }
  });
});

describe("principle 3: financial exposure drives Linear run costs and Responsible but unaccountable", () => {
  it("flags a low-exposure service run to 99.99% in both pitfalls where someone else pays for its on-call", () => {
    const inflated = {
      "financial-exposure-band": v("low"),
      "availability-target": v("99-99"),
      "documented-need-for-top-target": v(false),
    };
    const paidCentrally = score(
      { "lrc-target-chosen-on-exposure": v(false), "rbu-on-call-budget-owner": v("shared-it-budget") },
      inflated,
    );
    expect(atLeast(pitfall(paidCentrally, "linear-run-costs"), "medium")).toBe(true);
    const unaccountable = pitfall(paidCentrally, "responsible-but-unaccountable");
    expect(atLeast(unaccountable, "medium")).toBe(true);
    expect(unaccountable.triggeredSymptoms.map((symptom) => symptom.symptomId)).toContain(
      "inflated-availability-targets",
    );

    // The same target where the product budget holder answers for incidents and pays for on-call
    // is a target not chosen on exposure, not a sign that someone else pays: Linear run costs
    // alone, and its first step is the team's first step.
    const paidByProduct = score({ "lrc-target-chosen-on-exposure": v(false) }, inflated);
    expect(atLeast(pitfall(paidByProduct, "linear-run-costs"), "medium")).toBe(true);
    const accountable = pitfall(paidByProduct, "responsible-but-unaccountable");
    expect(["none", "low"]).toContain(accountable.band);
    expect(accountable.triggeredSymptoms).toEqual([]);
    expect(paidByProduct.countermeasures[0]!.countermeasureId).toBe(
      "select-availability-targets-on-financial-exposure",
    );
  });

  it("reads 99.99% without a documented need as a target not chosen on exposure, whoever pays", () => {
    const result = score(
      {},
      { "availability-target": v("99-99"), "documented-need-for-top-target": v(false) },
    );
    const runCosts = pitfall(result, "linear-run-costs");
    expect(runCosts.findings.map((finding) => finding.ruleId)).toEqual([
      "top-target-without-documented-need",
    ]);
    expect(runCosts.triggeredCauses.map((cause) => cause.causeId)).toEqual([
      "targets-not-chosen-on-exposure",
    ]);
    expect(result.countermeasures[0]!.countermeasureId).toBe(
      "select-availability-targets-on-financial-exposure",
    );
    // With a documented need it is no finding at all.
    const needed = score(
      {},
      { "availability-target": v("99-99"), "documented-need-for-top-target": v(true) },
    );
    expect(pitfall(needed, "linear-run-costs").findings).toEqual([]);
  });

  it("holds Linear run costs at Medium for a medium-exposure service on the team's own schedule", () => {
    const result = pitfall(
      score(
        { "lrc-out-of-hours-cover-decided-by": v("team-preference") },
        { "financial-exposure-band": v("medium"), "availability-target": v("99-0") },
      ),
      "linear-run-costs",
    );
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["own-schedule-on-medium-exposure"]);
    expect(result.band).toBe("medium");
    expect(result.countermeasures[0]!.countermeasureId).toBe(
      "select-out-of-hours-schedules-on-financial-exposure",
    );
  });

  it("reads a target not chosen on exposure as no sign on its own when it fits the band anyway", () => {
    const process = {
      "lrc-target-chosen-on-exposure": v(false),
      "lrc-target-reviewed-this-quarter": v(false),
      "lrc-out-of-hours-cover-decided-by": v("organisation-default"),
      "lrc-share-of-teams-with-own-schedule": v(100),
      "lrc-standby-cost-per-new-team": v(5),
    };
    // High exposure, 99.9%: the target fits, so re-selecting it is not the step, and the two
    // process answers cannot make the pitfall Critical.
    const fits = pitfall(score(process), "linear-run-costs");
    expect(fits.band).not.toBe("critical");
    const chosen = fits.contributions.find(
      (c) => c.source === "question" && c.questionId === "lrc-target-chosen-on-exposure",
    );
    expect(chosen).toMatchObject({ risk: 0.25, triggers: false });
    expect(fits.triggeredCauses.map((cause) => cause.causeId)).not.toContain(
      "targets-not-chosen-on-exposure",
    );
    expect(fits.countermeasures[0]!.countermeasureId).toBe(
      "select-out-of-hours-schedules-on-financial-exposure",
    );
    // Medium exposure run to 99.9%: the target does not fit, and not choosing it on exposure is
    // the cause it is.
    const inflated = pitfall(score(process, { "financial-exposure-band": v("medium") }), "linear-run-costs");
    expect(inflated.triggeredCauses.map((cause) => cause.causeId)).toContain(
      "targets-not-chosen-on-exposure",
    );
  });

  it("scores 'not estimated' as a finding of its own, never like a high exposure band", () => {
    const notEstimated = pitfall(
      score({}, { "financial-exposure-band": v("not-estimated") }),
      "linear-run-costs",
    );
    const high = pitfall(score({}, { "financial-exposure-band": v("high") }), "linear-run-costs");
    expect(notEstimated.score!).toBeGreaterThan(high.score!);
    expect(notEstimated.findings.map((finding) => finding.ruleId)).toContain("exposure-not-estimated");
    const unknown = pitfall(score({}, { "financial-exposure-band": dontKnow }), "linear-run-costs");
    expect(unknown.score).toBe(notEstimated.score);
  });
});

describe("principle 4: countermeasures are ranked by the causes and findings they remove", () => {
  it("puts the deployment pipeline before re-architecting when deployments are manual", () => {
    const result = pitfall(
      score({
        "ebau-deployment-automation": v("largely-manual"),
        "ebau-callouts-per-shift": v(3),
        "ebau-planned-work-share": v(60),
      }),
      "excessive-bau",
    );
    expect(result.countermeasures[0]!.countermeasureId).toBe("create-automated-deployment-pipeline");
  });

  it("puts a sustainable schedule first for a rota of two", () => {
    const result = pitfall(score({}, { "on-call-rota-size": v(2) }), "limited-on-call-schedule");
    expect(result.countermeasures[0]!.countermeasureId).toBe("craft-sustainable-on-call-schedule");
  });

  it("does not hand a symptom's points to a countermeasure because of a healthy answer", () => {
    // Four pages a shift on an otherwise healthy team: services degrade gracefully ("agree", a
    // small risk on the healthy side), deployments and telemetry automated. No cause is found, so
    // the callouts' points are shared between the countermeasures relieving them; method 3 gave
    // all of them to re-architecting, the costliest step, for a team that says it is not needed.
    const result = pitfall(
      score({ "ebau-callouts-per-shift": v(4), "ebau-planned-work-share": v(70) }),
      "excessive-bau",
    );
    expect(result.triggeredCauses).toEqual([]);
    const sharing = result.countermeasures.filter((ranking) => ranking.riskRemoved > 0);
    expect(sharing.length).toBeGreaterThanOrEqual(3);
    expect(sharing[0]!.riskRemoved).toBeLessThan(result.score! / 2);
  });

  it("never lets an answer on the healthy side decide the first step; a tie goes to the least effort", () => {
    // 90% of the week planned, rework tracked, services degrade gracefully ("agree"): only 30% of
    // planned features delivered. The slow delivery has no cause found, and the team's answers
    // rule out the causes of every step that relieves it, so its points go to the low-effort step,
    // never to re-architecting: the "agree" adds to the score but gives re-architecting nothing.
    const result = pitfall(
      score({ "ebau-planned-work-share": v(90), "ebau-planned-features-delivered": v(30) }),
      "excessive-bau",
    );
    const agree = result.contributions.find(
      (contribution) =>
        contribution.source === "question" && contribution.questionId === "ebau-graceful-degradation",
    );
    expect(agree).toMatchObject({ risk: 0.25, triggers: false });
    expect(agree!.points).toBeGreaterThan(0);
    const offered = result.countermeasures.filter((ranking) => ranking.riskRemoved > 0);
    expect(offered.map((ranking) => ranking.countermeasureId)).toEqual([
      "treat-unplanned-rework-as-planned-work",
    ]);
    // Together the steps remove only what was found: the score less the healthy answer's points.
    const removed = result.countermeasures.reduce((sum, ranking) => sum + ranking.riskRemoved, 0);
    expect(removed).toBeCloseTo(result.score! - agree!.points, 0);
  });

  it("never offers a step for a practice the team says it has, when a symptom alone is found", () => {
    // A rota of 6 at 17% of each person's time, paid standby and callout, prepared and confident,
    // yet only 10% of a large team on call: neither preparing nor pay explains the minority.
    const result = pitfall(
      score({ "locs-share-of-team-on-call": v(10), "locs-share-of-time-on-call": v(17) }),
      "limited-on-call-schedule",
    );
    const offered = result.countermeasures.filter((ranking) => ranking.riskRemoved > 0);
    expect(offered.map((ranking) => ranking.countermeasureId)).toEqual([
      "craft-sustainable-on-call-schedule",
    ]);
    // Where a cause is not ruled out, the symptom's points go to its steps only.
    const unpaid = pitfall(
      score({ "locs-share-of-team-on-call": v(10), "locs-on-call-pay-model": dontKnow }),
      "limited-on-call-schedule",
    );
    expect(
      unpaid.countermeasures.filter((ranking) => ranking.riskRemoved > 0).map((r) => r.countermeasureId),
    ).toEqual(["ensure-fair-on-call-remuneration"]);
  });

  it("never lets a countermeasure claim more than the score, nor all of them together", () => {
    const result = score(worstAnswers("excessive-bau"));
    for (const scored of result.pitfalls) {
      if (scored.score === null) continue;
      const removed = scored.countermeasures.map((ranking) => ranking.riskRemoved);
      for (const value of removed) expect(value).toBeLessThanOrEqual(scored.score);
      expect(removed.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(
        scored.score + 0.05 * removed.length,
      );
    }
  });

  it("ranks the same whatever order the content lists countermeasures in", () => {
    const answers = { ...worstAnswers("limited-on-call-schedule"), "locs-ready-before-first-shift": v(4) };
    const reversed = {
      ...scoringContent,
      pitfalls: content.pitfalls.map((candidate) => ({
        ...candidate,
        countermeasures: [...candidate.countermeasures].reverse(),
      })),
      countermeasures: [...content.countermeasures].reverse(),
    };
    const order = (result: AssessmentScore) =>
      result.pitfalls.map((scored) => scored.countermeasures.map((ranking) => ranking.countermeasureId));
    expect(order(scoreAssessment(reversed, { ...healthyAnswers, ...answers }, healthyContext))).toEqual(
      order(score(answers)),
    );
  });
});

describe("principle 5: don't know counts as evidence where not knowing is a sign, and N/A cannot contradict the context", () => {
  it("counts 'don't know' on the share of planned work as a sign of Excessive BAU", () => {
    const result = pitfall(
      score({ "ebau-planned-work-share": dontKnow, "ebau-unplanned-work-tracking": v("not-tracked") }),
      "excessive-bau",
    );
    const planned = result.contributions.find(
      (contribution) =>
        contribution.source === "question" && contribution.questionId === "ebau-planned-work-share",
    );
    expect(planned).toMatchObject({ answer: "dontKnow", value: null });
    expect(atLeast(result, "medium")).toBe(true);
  });

  it("never makes a pitfall Critical on 'don't know' alone: the score stops at the top of High", () => {
    const unknown = Object.fromEntries(
      questionnaire.sections
        .find((section) => section.pitfallId === "no-major-incident-management")!
        .questions.map((question) => [question.id, dontKnow]),
    );
    const capped = pitfall(score(unknown), "no-major-incident-management");
    expect(capped.confidence).toBeGreaterThanOrEqual(0.5);
    expect(capped.averageScore).toBeGreaterThanOrEqual(80);
    expect(capped).toMatchObject({ score: DONT_KNOW_CEILING, band: "high", dontKnowOnly: true });
    // The points are shares of the capped score, and no step removes more than it.
    const points = capped.contributions.reduce((sum, contribution) => sum + contribution.points, 0);
    expect(points).toBeCloseTo(DONT_KNOW_CEILING, 0);
    expect(capped.countermeasures.every((step) => step.riskRemoved <= DONT_KNOW_CEILING)).toBe(true);
    // One known risky answer is enough for the average to count in full.
    const known = pitfall(
      score({ ...unknown, "nmim-leadership-updated-share": v(0) }),
      "no-major-incident-management",
    );
    expect(known.band).toBe("critical");
  });

  it("stops at the top of Medium on 'don't know' alone while less than half of the evidence is answered", () => {
    const unknown = Object.fromEntries(
      questionnaire.sections
        .find((section) => section.pitfallId === "excessive-bau")!
        .questions.map((question) => [question.id, dontKnow]),
    );
    const capped = pitfall(score(unknown), "excessive-bau");
    // Two unknowns that are evidence, five that only lower the confidence.
    expect(capped.confidence).toBeLessThan(0.5);
    expect(capped.averageScore).toBeGreaterThanOrEqual(80);
    expect(capped).toMatchObject({ score: DONT_KNOW_LOW_CONFIDENCE_CEILING, band: "medium" });
    const points = capped.contributions.reduce((sum, contribution) => sum + contribution.points, 0);
    expect(points).toBeCloseTo(DONT_KNOW_LOW_CONFIDENCE_CEILING, 0);
    // Knowing more healthy answers never scores below knowing fewer: the unknowns that are no
    // evidence cannot lift the score above what the same evidence shows among healthy answers...
    const twoUnknown = pitfall(
      score({ "ebau-planned-work-share": dontKnow, "ebau-unplanned-work-tracking": dontKnow }),
      "excessive-bau",
    );
    expect(twoUnknown.band).toBe("medium");
    // ...and one known risky answer lets the average count in full.
    const known = pitfall(score({ ...unknown, "ebau-callouts-per-shift": v(5) }), "excessive-bau");
    expect(known.band).toBe("critical");
  });

  it("elsewhere lowers confidence but scores exactly what the known answers show", () => {
    const known = pitfall(
      score({ "es-specialist-workload": v("mostly-overloaded") }),
      "embedded-specialists",
    );
    const unknown = pitfall(score({ "es-specialist-workload": dontKnow }), "embedded-specialists");
    const blank = { ...healthyAnswers } as Record<string, Answer>;
    delete blank["es-specialist-workload"];
    const left = pitfall(scoreAssessment(scoringContent, blank, healthyContext), "embedded-specialists");
    expect(unknown.score).toBe(left.score);
    expect(unknown.confidence).toBeLessThan(known.confidence);
  });

  it("refuses 'not applicable' on on-call questions from a team that runs its own schedule", () => {
    const answers = { ...healthyAnswers, "locs-share-of-time-on-call": na("we have no rota") };
    expect(
      listContradictedAnswers(scoringContent, answers, healthyContext).map((issue) => issue.questionId),
    ).toEqual(["locs-share-of-time-on-call"]);
    const result = pitfall(
      scoreAssessment(scoringContent, answers, healthyContext),
      "limited-on-call-schedule",
    );
    expect(result.contradictions).toEqual(["locs-share-of-time-on-call"]);
    expect(
      listContradictedAnswers(scoringContent, answers, {
        ...healthyContext,
        "out-of-hours-on-call-setup": v("none"),
      }),
    ).toEqual([]);
  });
});

describe("principle 6: symptoms are triggered only by evidence of that symptom", () => {
  it("fires no symptom for a healthy team on a shared domain rota paid from a shared IT budget", () => {
    const result = score(
      { "rbu-on-call-budget-owner": v("shared-it-budget"), "locs-share-of-team-on-call": v(25) },
      {
        "availability-target": v("99-0"),
        "financial-exposure-band": v("medium"),
        "out-of-hours-on-call-setup": v("shared-domain-schedule"),
      },
    );
    expect(
      result.pitfalls.flatMap((scored) => scored.triggeredSymptoms.map((symptom) => symptom.symptomId)),
    ).toEqual([]);
    // The budget answer is a cause, and shows as one where its pitfall is at risk at all.
    expect(
      pitfall(result, "responsible-but-unaccountable").triggeredCauses.map((cause) => cause.causeId),
    ).not.toContain("on-call-funding-pressure");
  });

  it("triggers nothing from 'neither agree nor disagree', the middle of the scale", () => {
    const onTheFence = pitfall(
      score({ "locs-personal-disruption": v(3), "locs-share-of-team-on-call": v(40) }),
      "limited-on-call-schedule",
    );
    expect(onTheFence.band).not.toBe("none");
    expect(onTheFence.triggeredSymptoms.map((symptom) => symptom.symptomId)).toEqual([
      "minority-of-team-on-call",
    ]);
    const agreeing = pitfall(
      score({ "locs-personal-disruption": v(4), "locs-share-of-team-on-call": v(40) }),
      "limited-on-call-schedule",
    );
    expect(agreeing.triggeredSymptoms.map((symptom) => symptom.symptomId)).toEqual([
      "minority-of-team-on-call",
      "on-call-burnout-risk",
    ]);
  });

  it("reports rare deployments only from how often the team deploys, not from batching for approval", () => {
    const batching = pitfall(
      score({
        "cmt-deployment-frequency": v("several-a-day"),
        "cmt-batching-for-approval": v(5),
        "cmt-approval-wait-days": v(4),
      }),
      "change-management-treacle",
    );
    expect(batching.triggeredSymptoms.map((symptom) => symptom.symptomId)).not.toContain(
      "insufficient-deployment-frequency",
    );
    expect(batching.triggeredCauses.map((cause) => cause.causeId)).toContain("approval-for-every-deployment");
  });

  it("shows a cause only from an answer that says it", () => {
    // "Shared or unclear" accountability says the team is not held to account, not that the Head
    // of Operations answers; an audited pipeline is no cause of manual change records.
    const unclear = pitfall(
      score({ "rbu-accountable-for-incidents": v("shared-or-unclear") }),
      "responsible-but-unaccountable",
    );
    expect(unclear.triggeredCauses.map((cause) => cause.causeId)).toEqual(["teams-not-held-accountable"]);
    const headOfOperations = pitfall(
      score({ "rbu-accountable-for-incidents": v("head-of-operations") }),
      "responsible-but-unaccountable",
    );
    expect(headOfOperations.triggeredCauses.map((cause) => cause.causeId)).toContain(
      "head-of-operations-accountable",
    );
    const reviewedOneByOne = pitfall(
      score({
        "cmt-changes-reviewed-one-by-one": v(5),
        "cmt-approval-wait-days": v(3),
        "cmt-pre-approved-share": v(0),
      }),
      "change-management-treacle",
    );
    const causes = reviewedOneByOne.triggeredCauses.map((cause) => cause.causeId);
    expect(causes).toContain("reactive-change-management");
    expect(causes).not.toContain("manual-change-records");
    expect(reviewedOneByOne.countermeasures[0]!.countermeasureId).toBe("pre-approve-low-risk-changes");
    expect(
      reviewedOneByOne.countermeasures.find(
        (ranking) => ranking.countermeasureId === "automate-change-auditing",
      )!.riskRemoved,
    ).toBe(0);
  });

  it("never names the Head of Operations for central operations cover the team's answers deny", () => {
    const centralOps = { "out-of-hours-on-call-setup": v("central-ops") };
    // The product team answers for incidents, operations pays for on-call: operations runs and
    // funds the service out of hours, which holds the pitfall at High.
    const operationsPays = pitfall(
      score(
        {
          "rbu-accountable-for-incidents": v("product-team"),
          "rbu-on-call-budget-owner": v("operations-budget"),
        },
        centralOps,
      ),
      "responsible-but-unaccountable",
    );
    expect(operationsPays.band).toBe("high");
    expect(operationsPays.triggeredCauses.map((cause) => cause.causeId)).toEqual([
      "on-call-funded-by-operations",
    ]);
    expect(operationsPays.countermeasures[0]!.countermeasureId).toBe("fund-on-call-from-product-budgets");
    // The product budget holder answers and pays: no accountability gap, the cover is what is wrong.
    const result = score({}, centralOps);
    const accountable = pitfall(result, "responsible-but-unaccountable");
    expect(accountable.band).toBe("none");
    expect(accountable.triggeredCauses).toEqual([]);
    const runCosts = pitfall(result, "linear-run-costs");
    expect(runCosts.findings.map((finding) => finding.ruleId)).toContain(
      "central-ops-cover-on-team-exposure-band",
    );
    expect(runCosts.countermeasures[0]!.countermeasureId).toBe(
      "select-out-of-hours-schedules-on-financial-exposure",
    );
  });

  it("keeps every question to symptoms or causes, never both", () => {
    for (const section of questionnaire.sections)
      for (const question of section.questions)
        expect(question.detects.symptoms.length === 0 || question.detects.causes.length === 0).toBe(true);
    // The anonymous pulse's questions too: they join the sections as evidence when shown.
    expect(questionnaire.pulse?.length).toBeGreaterThan(0);
    for (const question of questionnaire.pulse ?? [])
      expect(question.detects.symptoms.length === 0 || question.detects.causes.length === 0).toBe(true);
  });
});

describe("principle 7: one consistent scale for rota size and time on call (one-week rotation)", () => {
  it("reads a rota of n as 100/n % of each person's time on call", () => {
    const byRota = (size: number) =>
      pitfall(
        score({ "locs-share-of-time-on-call": v(100 / size) }, { "on-call-rota-size": v(size) }),
        "limited-on-call-schedule",
      );
    expect(byRota(3).band).toBe("medium");
    expect(atLeast(byRota(2), "high")).toBe(true);
    expect(byRota(1).band).toBe("critical");
    expect(["none", "low"]).toContain(byRota(4).band);
    expect(["none", "low"]).toContain(byRota(6).band);
  });
});

describe("principle 8: nothing to act on in band None", () => {
  it("lists no symptoms and no countermeasure gains for a pitfall scored below 10", () => {
    const result = pitfall(score(), "embedded-specialists");
    expect(result.band).toBe("none");
    expect(result.score!).toBeGreaterThan(0);
    expect(result.triggeredSymptoms).toEqual([]);
    expect(result.countermeasures.every((ranking) => ranking.riskRemoved === 0)).toBe(true);
  });
});
