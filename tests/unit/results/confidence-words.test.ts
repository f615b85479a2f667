import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answers } from "@/domain/content/schema";
import { parseStoredDetail } from "@/domain/dashboards/team-dashboard";
import { CONFIDENCE_MEANING, evidenceSentence } from "@/domain/results/confidence-words";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import { scoreAssessment } from "@/domain/scoring";
import { healthyAnswers, healthyContext } from "../../calibration/profiles";

describe("confidence in words", () => {
  it("defines confidence as docs/scoring.md does: a “don't know” that is a sign of the pitfall counts as answered", () => {
    expect(CONFIDENCE_MEANING).toBe(
      "the share of the evidence that was answered, counting a “don't know” that is itself a sign of the pitfall",
    );
  });

  it("says which “don't know” answers count as evidence and which lower the confidence, from a stored result", () => {
    const questionnaire = latestQuestionnaire();
    // A pitfall with a question where not knowing is a sign, and one where it is not.
    const section = questionnaire.sections.find(
      (candidate) =>
        candidate.questions.some((question) => question.dontKnowRisk !== undefined) &&
        candidate.questions.some((question) => question.allowDontKnow && question.dontKnowRisk === undefined),
    )!;
    const sign = section.questions.find((question) => question.dontKnowRisk !== undefined)!;
    const plain = section.questions.find(
      (question) => question.allowDontKnow && question.dontKnowRisk === undefined,
    )!;
    const answers: Answers = {
      ...healthyAnswers,
      [sign.id]: { kind: "dontKnow" },
      [plain.id]: { kind: "dontKnow" },
    };
    const score = scoreAssessment(
      { questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures },
      answers,
      healthyContext,
    );
    const stored = toStoredPitfallResults(score).find((result) => result.pitfallId === section.pitfallId)!;
    const evidence = parseStoredDetail(stored.detail).evidence!;
    expect(evidence.dontKnowAsEvidence).toBe(1);
    expect(evidenceSentence(evidence)).toBe(
      `${evidence.answered} of ${evidence.questions} questions answered with a value, 1 “don't know” that counts as evidence (not knowing is itself a sign of the pitfall), 1 “don't know” that lowers the confidence${evidence.notApplicable > 0 ? `, ${evidence.notApplicable} not applicable` : ""}`,
    );
    // The confidence itself agrees: only the plain “don't know” is missing from it.
    expect(stored.confidence).toBeLessThan(1);
  });

  it("counts every “don't know” in a result stored before the split was kept, without guessing", () => {
    expect(evidenceSentence({ questions: 5, answered: 4, dontKnow: 1, notApplicable: 0 })).toBe(
      "4 of 5 questions answered with a value, 1 “don't know”",
    );
    expect(
      evidenceSentence({ questions: 5, answered: 4, dontKnow: 1, notApplicable: 0, dontKnowAsEvidence: 1 }),
    ).toBe(
      "4 of 5 questions answered with a value, 1 “don't know” that counts as evidence (not knowing is itself a sign of the pitfall)",
    );
  });
});
