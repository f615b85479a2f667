import { describe, expect, it } from "vitest";
import { content, latestQuestionnaire } from "@/domain/content";
import { PITFALL_IDS, type Answer, type Questionnaire } from "@/domain/content/schema";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import { BAND_URGENCY, compileQuestionnaire, scoreAssessment } from "@/domain/scoring";
import { parseStoredDetail, readStoredResults, topSymptoms } from "@/domain/plans/stored-rankings";

/** Answers at one level of risk propensity (0 healthy .. 1 risky) for every question. */
function answersAt(questionnaire: Questionnaire, level: number): { pitfall: Record<string, Answer>; context: Record<string, Answer> } {
  const valueFor = (type: Questionnaire["sections"][number]["questions"][number]["answer"]): Answer => {
    switch (type.type) {
      case "agreement":
        return { kind: "value", value: type.riskyWhen === "agree" ? 1 + Math.round(level * 4) : 5 - Math.round(level * 4) };
      case "yesNo":
        return { kind: "value", value: level >= 0.5 ? type.riskyAnswer === "yes" : type.riskyAnswer !== "yes" };
      case "choice": {
        const sorted = [...type.options].sort((a, b) => a.risk - b.risk);
        return { kind: "value", value: sorted[Math.round(level * (sorted.length - 1))]!.value };
      }
      case "number": {
        const value = type.min + level * (type.max - type.min);
        return { kind: "value", value: type.integer ? Math.round(value) : value };
      }
    }
  };
  const pitfall: Record<string, Answer> = {};
  for (const section of questionnaire.sections) for (const question of section.questions) pitfall[question.id] = valueFor(question.answer);
  const context: Record<string, Answer> = {};
  for (const question of questionnaire.context) {
    const type = question.answer;
    context[question.id] =
      type.type === "yesNo"
        ? { kind: "value", value: true }
        : type.type === "choice"
          ? { kind: "value", value: type.options[0]!.value }
          : { kind: "value", value: type.integer ? Math.round((type.min + type.max) / 2) : (type.min + type.max) / 2 };
  }
  return { pitfall, context };
}

function scoredAt(level: number) {
  const questionnaire = latestQuestionnaire();
  const compiled = compileQuestionnaire({ questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures });
  const answers = answersAt(questionnaire, level);
  return scoreAssessment(compiled, answers.pitfall, answers.context);
}

function storedRows(level: number) {
  return toStoredPitfallResults(scoredAt(level));
}

describe("reading stored results", () => {
  const scored = scoredAt(0.9);
  const rows = toStoredPitfallResults(scored);
  const reading = readStoredResults([...rows].reverse());

  it("lists the pitfalls in playbook order whatever order the rows come in", () => {
    expect(reading.pitfalls.map((pitfall) => pitfall.pitfallId)).toEqual([...PITFALL_IDS]);
    expect(reading.pitfalls.every((pitfall) => pitfall.pitfallName.length > 0)).toBe(true);
  });

  it("ranks countermeasures in the engine's order: leading steps, then most urgent first", () => {
    const totals = reading.recommendations.map((recommendation) => recommendation.totalRiskRemoved);
    expect(totals.length).toBeGreaterThan(0);
    expect(totals[0]).toBeGreaterThan(0);
    // The worst pitfall's own first step leads, then each other Critical pitfall's.
    const atRisk = scored.pitfalls
      .filter((pitfall) => pitfall.score !== null && pitfall.band !== "none")
      .sort((a, b) => BAND_URGENCY[b.band!] - BAND_URGENCY[a.band!] || b.score! - a.score!);
    const leading = [
      ...new Set(
        atRisk
          .filter((pitfall, index) => index === 0 || pitfall.band === "critical")
          .map((pitfall) => pitfall.countermeasures[0]!.countermeasureId),
      ),
    ];
    expect(leading.length).toBeGreaterThan(0);
    expect(reading.recommendations.slice(0, leading.length).map((entry) => entry.countermeasureId)).toEqual(leading);
    const bandOf = new Map(reading.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.band]));
    const urgency = reading.recommendations.slice(leading.length).map((recommendation) =>
      recommendation.pitfalls.reduce(
        (sum, pitfall) => sum + pitfall.riskRemoved * BAND_URGENCY[bandOf.get(pitfall.pitfallId) ?? "none"],
        0,
      ),
    );
    for (let index = 1; index < urgency.length; index++)
      expect(urgency[index - 1]! + 0.05).toBeGreaterThanOrEqual(urgency[index]!);
    // The same order as the engine's own assessment-wide list, for the ones that remove anything.
    const removing = reading.recommendations.filter((recommendation) => recommendation.totalRiskRemoved > 0);
    expect(removing.map((recommendation) => recommendation.countermeasureId)).toEqual(
      scored.countermeasures.map((ranking) => ranking.countermeasureId),
    );
    for (const recommendation of reading.recommendations) {
      const sum = recommendation.pitfalls.reduce((total, pitfall) => total + pitfall.riskRemoved, 0);
      expect(Math.abs(sum - recommendation.totalRiskRemoved)).toBeLessThanOrEqual(0.05 * recommendation.pitfalls.length + 0.05);
      const perPitfall = recommendation.pitfalls.map((pitfall) => pitfall.riskRemoved);
      expect([...perPitfall].sort((a, b) => b - a)).toEqual(perPitfall);
    }
  });

  it("lists each countermeasure once, with every pitfall it serves", () => {
    const ids = reading.recommendations.map((recommendation) => recommendation.countermeasureId);
    expect(new Set(ids).size).toBe(ids.length);
    const shared = reading.recommendations.find((recommendation) => recommendation.countermeasureId === "re-architect-for-adaptability");
    expect(shared?.pitfalls.length).toBeGreaterThanOrEqual(2);
  });

  it("names the symptoms a countermeasure addresses and marks the triggered ones", () => {
    const top = reading.recommendations[0]!;
    const addresses = top.pitfalls[0]!.addresses;
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((symptom) => symptom.title.length > 0 && symptom.title !== symptom.symptomId)).toBe(true);
    expect(addresses.some((symptom) => symptom.triggered)).toBe(true);
  });

  it("orders the top symptoms by the score points behind them", () => {
    const top = topSymptoms(reading.pitfalls, 5);
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(5);
    const points = top.map((symptom) => symptom.points);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it("finds less to remove for a healthier team", () => {
    const healthy = readStoredResults(storedRows(0));
    const risky = reading.recommendations.reduce((sum, entry) => sum + entry.totalRiskRemoved, 0);
    const calm = healthy.recommendations.reduce((sum, entry) => sum + entry.totalRiskRemoved, 0);
    expect(calm).toBeLessThan(risky);
  });

  it("still reads the score of a row whose detail is damaged or from another method version", () => {
    const damaged = readStoredResults([
      { pitfallId: "excessive-bau", status: "scored", score: 55, band: "medium", confidence: 0.5, detail: "{not json" },
      { pitfallId: "linear-run-costs", status: "scored", score: 12, band: "weird", confidence: 1, detail: JSON.stringify({ countermeasures: [{ nope: 1 }] }) },
    ]);
    expect(damaged.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.score, pitfall.band])).toEqual([
      ["linear-run-costs", 12, null],
      ["excessive-bau", 55, "medium"],
    ]);
    expect(damaged.recommendations).toEqual([]);
    expect(parseStoredDetail("null")).toEqual({ dontKnowOnly: false, triggeredSymptoms: [], countermeasures: [] });
  });

  it("shows no symptoms and no risk removed for a pitfall in band None or not scored, whatever the stored detail lists", () => {
    // Older stored results list symptoms and countermeasures for quiet pitfalls; they are not shown.
    const detail = JSON.stringify({
      triggeredSymptoms: [{ symptomId: "s-1", title: "A symptom", answers: [{ points: 2 }] }],
      countermeasures: [
        { countermeasureId: "cm-1", action: "Do a thing", rationale: "it helps", addresses: ["s-1"], addressesTriggered: ["s-1"], riskRemoved: 2.6 },
      ],
    });
    const reading = readStoredResults([
      { pitfallId: "excessive-bau", status: "scored", score: 2.6, band: "none", confidence: 1, detail },
      { pitfallId: "linear-run-costs", status: "not-assessed", score: null, band: null, confidence: 0, detail },
      { pitfallId: "embedded-specialists", status: "scored", score: 40, band: "medium", confidence: 1, detail },
    ]);
    const byId = new Map(reading.pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall]));
    expect(byId.get("excessive-bau")!.triggeredSymptoms).toEqual([]);
    expect(byId.get("linear-run-costs")!.triggeredSymptoms).toEqual([]);
    expect(byId.get("embedded-specialists")!.triggeredSymptoms).toHaveLength(1);
    const [recommendation] = reading.recommendations;
    expect(recommendation!.totalRiskRemoved).toBe(2.6);
    expect(recommendation!.pitfalls[0]).toMatchObject({ pitfallId: "embedded-specialists", riskRemoved: 2.6 });
    for (const pitfall of recommendation!.pitfalls.slice(1)) {
      expect(pitfall.riskRemoved).toBe(0);
      expect(pitfall.addresses.every((symptom) => !symptom.triggered)).toBe(true);
    }
  });
});

describe("a pitfall resting on 'don't know' answers alone", () => {
  const row = (band: string, score: number, detail: object) => ({
    pitfallId: "excessive-bau",
    status: "scored",
    score,
    band,
    confidence: 0.5,
    detail: JSON.stringify(detail),
  });
  const detail = {
    dontKnowOnly: true,
    triggeredSymptoms: [
      { symptomId: "slow-delivery-of-planned-work", title: "Slow delivery", suspected: true, answers: [] },
      { symptomId: "firefighting", title: "Firefighting", suspected: false, answers: [] },
    ],
    countermeasures: [],
  };

  it("is read as such, with each symptom suspected or seen as stored", () => {
    const [pitfall] = readStoredResults([row("high", 70, detail)]).pitfalls;
    expect(pitfall!.dontKnowOnly).toBe(true);
    expect(pitfall!.triggeredSymptoms.map((symptom) => symptom.suspected)).toEqual([true, false]);
  });

  it("is not, in band None, or for a result stored before the method recorded it", () => {
    expect(readStoredResults([row("none", 5, detail)]).pitfalls[0]!.dontKnowOnly).toBe(false);
    const older = { triggeredSymptoms: [{ symptomId: "firefighting", title: "Firefighting" }] };
    const [pitfall] = readStoredResults([row("high", 70, older)]).pitfalls;
    expect(pitfall!.dontKnowOnly).toBe(false);
    expect(pitfall!.triggeredSymptoms[0]!.suspected).toBe(false);
  });
});
