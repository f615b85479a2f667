/**
 * Whether anything was found for a pitfall, as stored with its result: what the headline, the
 * leading steps and the exports go by when they name "the pitfalls to work on".
 */
import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answers, PitfallId } from "@/domain/content/schema";
import { headlineSentence, teamHeadline } from "@/domain/results/headline";
import { hasEvidence, toStoredPitfallResults } from "@/domain/results/stored-results";
import { scoreAssessment, type AssessmentScore, type PitfallScore } from "@/domain/scoring";
import { leadingCountermeasureIds } from "@/domain/scoring/remediation-order";
import { healthyAnswers, healthyContext, NEUTRAL, v } from "../../calibration/profiles";

const scoringContent = {
  questionnaire: latestQuestionnaire(),
  pitfalls: content.pitfalls,
  countermeasures: content.countermeasures,
};

function score(answers: Answers = {}, context: Answers = {}): AssessmentScore {
  return scoreAssessment(
    scoringContent,
    { ...healthyAnswers, ...answers },
    { ...healthyContext, ...context },
  );
}

function pitfall(result: AssessmentScore, pitfallId: PitfallId): PitfallScore {
  return result.pitfalls.find((candidate) => candidate.pitfallId === pitfallId)!;
}

/** On the fence about standby costs, in a domain where 45% of teams run their own schedule. */
const FENCE_SITTING: Answers = {
  "lrc-standby-cost-per-new-team": NEUTRAL,
  "lrc-share-of-teams-with-own-schedule": v(45),
};

describe("evidence found for a pitfall", () => {
  it("is none for a Low pitfall whose points come only from middle answers", () => {
    const result = pitfall(score(FENCE_SITTING), "linear-run-costs");
    expect(result.band).toBe("low");
    expect(result.triggeredSymptoms).toEqual([]);
    expect(result.countermeasures.every((countermeasure) => countermeasure.riskRemoved === 0)).toBe(true);
    expect(hasEvidence(result)).toBe(false);
  });

  it("is found for a symptom, and for a finding that sets a floor", () => {
    const unplanned = pitfall(score({ "ebau-planned-work-share": v(66) }), "excessive-bau");
    expect(hasEvidence(unplanned)).toBe(true);
    const rotaOfTwo = pitfall(score({}, { "on-call-rota-size": v(2) }), "limited-on-call-schedule");
    expect(rotaOfTwo.band).toBe("high");
    expect(hasEvidence(rotaOfTwo)).toBe(true);
  });

  it("is none in band None, whatever the answers", () => {
    for (const result of score().pitfalls) {
      expect(result.band).toBe("none");
      expect(hasEvidence(result)).toBe(false);
    }
  });

  it("is stored with each result, so the headline read from stored rows names only such pitfalls", () => {
    const stored = toStoredPitfallResults(score({ ...FENCE_SITTING, "ebau-planned-work-share": v(66) }));
    expect(stored.find((row) => row.pitfallId === "linear-run-costs")!.evidenceFound).toBe(false);
    expect(stored.find((row) => row.pitfallId === "excessive-bau")!.evidenceFound).toBe(true);
    expect(teamHeadline(stored).worstPitfalls).toEqual(["excessive-bau"]);

    const nothing = toStoredPitfallResults(score(FENCE_SITTING));
    expect(headlineSentence(teamHeadline(nothing), (id) => id)).toMatch(
      /^Low — no pitfall shows symptoms · average \d+\.\d$/,
    );
  });
});

describe("leading steps", () => {
  const step = (countermeasureId: string, riskRemoved: number) => ({ countermeasureId, riskRemoved });

  it("pass over a worst pitfall that offers no step, to the worst one that does", () => {
    expect(
      leadingCountermeasureIds([
        // Fence-sitting: Medium, nothing found, so no step removes anything.
        { band: "medium", score: 50, countermeasures: [step("select-targets", 0)] },
        { band: "low", score: 14.4, countermeasures: [step("treat-rework-as-planned", 7.2)] },
      ]),
    ).toEqual(["treat-rework-as-planned"]);
  });

  it("still open with every Critical pitfall's own first step", () => {
    expect(
      leadingCountermeasureIds([
        { band: "critical", score: 90, countermeasures: [step("a", 40)] },
        { band: "critical", score: 85, countermeasures: [step("b", 30)] },
        { band: "high", score: 70, countermeasures: [step("c", 50)] },
      ]),
    ).toEqual(["a", "b"]);
  });
});
