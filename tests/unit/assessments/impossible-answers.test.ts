/**
 * Answers of one team that cannot all be true: which combinations count (only impossible ones),
 * what the questionnaire, the review and submitting say, and what scoring does with them.
 */
import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answer, Answers, PitfallId } from "@/domain/content/schema";
import { impossibleAnswerMessages, impossibleAnswers } from "@/domain/assessments/impossible-answers";
import { listContradictedAnswers, scoreAssessment, type AssessmentScore } from "@/domain/scoring";
import { compiledQuestionnaire } from "@/server/assessments/questionnaire-content";
import { healthyAnswers, healthyContext, v } from "../../calibration/profiles";

const questionnaire = latestQuestionnaire();
const scoringContent = {
  questionnaire,
  pitfalls: content.pitfalls,
  countermeasures: content.countermeasures,
};

function lookup(answers: Answers) {
  return (field: string) => answers[field];
}

const ownRota = (team: number, rota: number): Answers => ({
  "out-of-hours-on-call-setup": v("own-team-schedule"),
  "team-size": v(team),
  "on-call-rota-size": v(rota),
});

describe("answers that cannot all be true", () => {
  it("finds a team's own rota larger than the team, and names both answers", () => {
    const [found, ...rest] = impossibleAnswers(lookup(ownRota(3, 6)));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: "own-rota-larger-than-team",
      questionIds: ["team-size", "on-call-rota-size"],
    });
    expect(found!.message).toBe(
      "Your team context says your team runs its own on-call schedule with 6 people on the rota, but has 3 people in the team. A team's own rota cannot be larger than the team: correct one of the two, or choose the schedule shared with sibling teams if they take turns on it too.",
    );
  });

  it("leaves alone what is merely unusual: a shared rota larger than the team, or the whole team on it", () => {
    expect(
      impossibleAnswers(
        lookup({ ...ownRota(3, 6), "out-of-hours-on-call-setup": v("shared-domain-schedule") }),
      ),
    ).toEqual([]);
    expect(impossibleAnswers(lookup(ownRota(3, 3)))).toEqual([]);
    expect(impossibleAnswers(lookup(ownRota(1, 1)))).toEqual([]);
  });

  it("draws nothing from a blank or 'don't know'", () => {
    const dontKnow: Answer = { kind: "dontKnow" };
    expect(impossibleAnswers(lookup({ ...ownRota(3, 6), "on-call-rota-size": dontKnow }))).toEqual([]);
    const { "team-size": _team, ...withoutTeamSize } = ownRota(3, 6);
    expect(impossibleAnswers(lookup(withoutTeamSize))).toEqual([]);
  });

  it("finds an own rota of nobody that some of the team's engineers take part in", () => {
    const answers = { ...ownRota(6, 0), "locs-share-of-team-on-call": v(50) };
    expect(impossibleAnswerMessages(lookup(answers))).toEqual({
      "on-call-rota-size":
        "Your team context says nobody takes turns on your team's own out-of-hours rota, yet 50% of your team's engineers take part in it. Both cannot be true: correct one of the two.",
      "locs-share-of-team-on-call":
        "Your team context says nobody takes turns on your team's own out-of-hours rota, yet 50% of your team's engineers take part in it. Both cannot be true: correct one of the two.",
    });
    expect(impossibleAnswers(lookup({ ...ownRota(6, 0), "locs-share-of-team-on-call": v(0) }))).toEqual([]);
  });

  it("is listed for both answers by the check the review and submitting use", () => {
    const issues = listContradictedAnswers(compiledQuestionnaire(questionnaire), healthyAnswers, {
      ...healthyContext,
      ...ownRota(3, 6),
    });
    expect(issues.map((issue) => issue.questionId)).toEqual(["team-size", "on-call-rota-size"]);
    expect(new Set(issues.map((issue) => issue.message)).size).toBe(1);
    expect(
      listContradictedAnswers(compiledQuestionnaire(questionnaire), healthyAnswers, healthyContext),
    ).toEqual([]);
  });
});

describe("scoring an impossible pair", () => {
  function score(context: Answers, answers: Answers = {}): AssessmentScore {
    return scoreAssessment(
      scoringContent,
      { ...healthyAnswers, ...answers },
      { ...healthyContext, ...context },
    );
  }
  const onCall = (result: AssessmentScore) =>
    result.pitfalls.find(
      (pitfall) => pitfall.pitfallId === ("limited-on-call-schedule" satisfies PitfallId),
    )!;

  it("computes no per-person load from a rota larger than the team: the rota size counts as unanswered", () => {
    const impossible = onCall(score(ownRota(3, 6)));
    const { "on-call-rota-size": _rota, ...withoutRota } = { ...healthyContext, ...ownRota(3, 6) };
    const blank = onCall(scoreAssessment(scoringContent, healthyAnswers, withoutRota));
    expect(impossible.score).toBe(blank.score);
    expect(impossible.confidence).toBe(blank.confidence);
    expect(impossible.confidence).toBeLessThan(1);
    // The rota-size rules are unassessed, neither fired nor healthy.
    const rotaRules = impossible.contextRules.filter((rule) => rule.ruleId.startsWith("on-call-rota-"));
    expect(rotaRules.length).toBeGreaterThan(0);
    expect(rotaRules.every((rule) => rule.outcome === "unassessed")).toBe(true);
  });

  it("still reads a possible rota: three of a team of three is a warning", () => {
    const result = onCall(score(ownRota(3, 3)));
    expect(result.contextRules.find((rule) => rule.ruleId === "on-call-rota-below-four")?.outcome).toBe(
      "fired",
    );
  });

  it("holds no one-person rota finding against an empty rota some engineers are on", () => {
    const result = onCall(score(ownRota(6, 0), { "locs-share-of-team-on-call": v(50) }));
    expect(result.contextRules.find((rule) => rule.ruleId === "on-call-rota-of-one")?.outcome).toBe(
      "unassessed",
    );
    expect(result.findings).toEqual([]);
  });
});
