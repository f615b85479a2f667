import { describe, expect, it } from "vitest";
import {
  parseStoredDetail,
  percentileSentence,
  shownPercentile,
  topRemediationSteps,
  type StoredCountermeasure,
} from "@/domain/dashboards/team-dashboard";
import { content } from "@/domain/content";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import { scoreAssessment } from "@/domain/scoring";

function ranking(countermeasureId: string, riskRemoved: number): StoredCountermeasure {
  return {
    countermeasureId,
    action: `Do ${countermeasureId}`,
    rationale: `because ${countermeasureId}`,
    addressesTriggered: [],
    riskRemoved,
  };
}

describe("top remediation steps", () => {
  it("ranks countermeasures across pitfalls in the engine's order, each once", () => {
    const steps = topRemediationSteps([
      {
        pitfallId: "excessive-bau",
        band: "medium",
        score: 32,
        countermeasures: [ranking("track-rework", 20), ranking("re-architect", 12)],
      },
      {
        pitfallId: "limited-on-call-schedule",
        band: "medium",
        score: 36,
        countermeasures: [ranking("re-architect", 15), ranking("fair-pay", 5)],
      },
      { pitfallId: "linear-run-costs", band: "none", score: 0, countermeasures: [ranking("targets", 0)] },
    ]);
    expect(
      steps.map((step) => [step.countermeasureId, step.totalRiskRemoved, step.pitfallId, step.pitfallIds]),
    ).toEqual([
      ["re-architect", 27, "limited-on-call-schedule", ["limited-on-call-schedule", "excessive-bau"]],
      ["track-rework", 20, "excessive-bau", ["excessive-bau"]],
      ["fair-pay", 5, "limited-on-call-schedule", ["limited-on-call-schedule"]],
    ]);
  });

  it("puts work on a Critical pitfall before a larger gain on a Medium one", () => {
    const steps = topRemediationSteps([
      {
        pitfallId: "excessive-bau",
        band: "medium",
        score: 40,
        countermeasures: [ranking("track-rework", 30)],
      },
      {
        pitfallId: "limited-on-call-schedule",
        band: "critical",
        score: 85,
        countermeasures: [ranking("schedule", 20)],
      },
    ]);
    // Urgency 20 × 4 = 80 against 30 × 2 = 60.
    expect(steps.map((step) => step.countermeasureId)).toEqual(["schedule", "track-rework"]);
  });

  it("opens with the worst pitfall's own first step even when its risk is split between many", () => {
    // Excessive BAU is Critical at 93, shared between four steps (urgency 24 × 4 = 96 at most);
    // "budget" alone removes 46 from a High pitfall (urgency 138). A coach starts with the pitfall
    // that dominates: its own first step leads, then the rest by urgency.
    const steps = topRemediationSteps([
      {
        pitfallId: "responsible-but-unaccountable",
        band: "high",
        score: 46.4,
        countermeasures: [ranking("budget", 46.4)],
      },
      {
        pitfallId: "excessive-bau",
        band: "critical",
        score: 93.1,
        countermeasures: [
          ranking("re-architect", 24),
          ranking("pipeline", 23.1),
          ranking("telemetry", 23),
          ranking("track-rework", 23),
        ],
      },
    ]);
    expect(steps.map((step) => step.countermeasureId)).toEqual(["re-architect", "budget", "pipeline"]);
  });

  it("puts the first step of every Critical pitfall ahead of the rest, worst pitfall first", () => {
    const steps = topRemediationSteps(
      [
        {
          pitfallId: "excessive-bau",
          band: "high",
          score: 70,
          countermeasures: [ranking("track-rework", 70)],
        },
        {
          pitfallId: "embedded-specialists",
          band: "critical",
          score: 82,
          countermeasures: [ranking("specialists", 41), ranking("pairing", 41)],
        },
        {
          pitfallId: "limited-on-call-schedule",
          band: "critical",
          score: 90,
          countermeasures: [ranking("schedule", 30), ranking("pay", 30), ranking("prepare", 30)],
        },
      ],
      4,
    );
    // Urgency alone: track-rework 210, specialists 164, pairing 164, schedule 120.
    expect(steps.map((step) => step.countermeasureId)).toEqual([
      "schedule",
      "specialists",
      "track-rework",
      "pairing",
    ]);
  });

  it("keeps only the requested number and nothing that removes no risk", () => {
    const steps = topRemediationSteps(
      [
        {
          pitfallId: "excessive-bau",
          band: "high",
          score: 70,
          countermeasures: [
            ranking("a", 1),
            ranking("b", 2),
            ranking("c", 3),
            ranking("d", 4),
            ranking("e", 0),
          ],
        },
      ],
      3,
    );
    expect(steps.map((step) => step.countermeasureId)).toEqual(["d", "c", "b"]);
    expect(
      topRemediationSteps([
        { pitfallId: "excessive-bau", band: "high", score: 70, countermeasures: [ranking("e", 0)] },
      ]),
    ).toEqual([]);
  });
});

describe("stored explanation JSON", () => {
  it("reads what the scoring engine stores", () => {
    const questionnaire = content.questionnaires.at(-1)!;
    const answers = Object.fromEntries(
      questionnaire.sections
        .flatMap((section) => section.questions)
        .map((question) => [question.id, { kind: "dontKnow" as const }]),
    );
    const firstQuestion = questionnaire.sections[0]!.questions[0]!;
    const score = scoreAssessment(
      { questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures },
      {
        ...answers,
        [firstQuestion.id]: {
          kind: "value",
          value: firstQuestion.answer.type === "yesNo" ? firstQuestion.answer.riskyAnswer === "yes" : 5,
        },
      },
    );
    const stored = toStoredPitfallResults(score)[0]!;
    const detail = parseStoredDetail(stored.detail);
    // "Don't know" answers that count as evidence are stored with a null value and read back.
    expect(detail.contributions.some((entry) => entry.source === "question" && entry.value === null)).toBe(
      true,
    );
    expect(detail.contributions.length).toBeGreaterThan(0);
    expect(detail.contributions[0]).toMatchObject({ source: "question", questionId: firstQuestion.id });
    expect(detail.countermeasures.length).toBeGreaterThan(0);
    expect(detail.evidence).toMatchObject({ questions: expect.any(Number) });
  });

  it("turns damaged or foreign JSON into an empty explanation", () => {
    for (const json of ["not json", "null", "[]", '{"contributions": "many"}']) {
      expect(parseStoredDetail(json)).toEqual({
        averageScore: null,
        dontKnowOnly: false,
        findings: [],
        evidence: null,
        contributions: [],
        triggeredSymptoms: [],
        triggeredCauses: [],
        countermeasures: [],
      });
    }
  });
});

describe("percentile wording", () => {
  it("says riskier or less risky than which share of the other teams scored on the pitfall", () => {
    expect(percentileSentence(80, 10)).toBe("Riskier than 80% of the 9 other teams scored on this pitfall");
    expect(percentileSentence(50, 5)).toBe("Riskier than 50% of the 4 other teams scored on this pitfall");
    expect(percentileSentence(12.5, 9)).toBe(
      "Less risky than 87% of the 8 other teams scored on this pitfall",
    );
    expect(percentileSentence(null, 5)).toBe("No percentile: this pitfall was not scored for the team.");
  });

  it("compares with the one other team in words, and with none not at all", () => {
    expect(percentileSentence(100, 2)).toBe("Riskier than the one other team scored on this pitfall");
    expect(percentileSentence(0, 2)).toBe("Less risky than the one other team scored on this pitfall");
    expect(percentileSentence(50, 2)).toBe("As risky as the one other team scored on this pitfall");
    // The engine gives the only scored team 50: there is nobody to be riskier than.
    expect(percentileSentence(50, 1)).toBe("No percentile: no other team was scored on this pitfall.");
    expect(shownPercentile(50, 1)).toBeNull();
    expect(shownPercentile(null, 4)).toBeNull();
    expect(shownPercentile(62.5, 4)).toBe(62.5);
  });
});
