/**
 * The worked example of docs/scoring.md, computed by the engine. If a number here changes, the
 * document must change with it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { content } from "../../../src/domain/content";
import type { Answers } from "../../../src/domain/content/schema";
import { BANDS, SYMPTOM_TRIGGER_RISK, scoreAssessment, scoreOrganisation } from "../../../src/domain/scoring";
import { allQuestions, answerEvery, dontKnow, fixtureContent, healthiestValue, value } from "./fixtures";
import { pitfallOf } from "./helpers";

const otherPitfallsHealthy = answerEvery(allQuestions, (question) => value(healthiestValue(question)));
const context: Answers = {
  "availability-target": value("99-9"),
  "on-call-setup": value("own-schedule"),
  "team-size": value(5),
};
const answers: Answers = {
  ...otherPitfallsHealthy,
  "locs-rota-size": value(2),
  "locs-time-on-call": value(40),
  "locs-pay-model": value("standby"),
  "locs-feel-prepared": value(2),
};

describe("worked example: Limited on-call schedule", () => {
  const result = scoreAssessment(fixtureContent, answers, context);
  const pitfall = pitfallOf(result, "limited-on-call-schedule");

  it("scores 58.5, medium, with full confidence", () => {
    expect(pitfall).toMatchObject({ status: "scored", score: 58.5, band: "medium", confidence: 1 });
    expect(pitfall.evidence).toMatchObject({ answeredWeight: 10, applicableWeight: 10 });
  });

  it("explains the score with each answer's risk, weight and points", () => {
    expect(
      pitfall.contributions.map((c) => [
        c.source === "question" ? c.questionId : c.ruleId,
        c.risk,
        c.weight,
        c.points,
      ]),
    ).toEqual([
      ["small-team-own-schedule", 1, 2, 20],
      ["locs-rota-size", 0.5, 3, 15],
      ["locs-time-on-call", 0.6, 2, 12],
      ["locs-feel-prepared", 0.75, 1, 7.5],
      ["locs-pay-model", 0.2, 2, 4],
    ]);
  });

  it("triggers both symptoms, but not through the pay model (risk 0.2)", () => {
    expect(
      pitfall.triggeredSymptoms.map((s) => [
        s.symptomId,
        s.answers.map((a) => a.questionId),
        s.contextRules.map((r) => r.ruleId),
      ]),
    ).toEqual([
      ["minority-on-call", ["locs-rota-size", "locs-feel-prepared"], []],
      ["on-call-burnout", ["locs-time-on-call"], ["small-team-own-schedule"]],
    ]);
  });

  it("ranks the countermeasures by the points they would remove", () => {
    expect(pitfall.countermeasures.map((c) => [c.countermeasureId, c.riskRemoved])).toEqual([
      ["craft-sustainable-schedule", 58.5],
      ["re-architect-for-adaptability", 32],
      ["prepare-on-call-from-day-one", 26.5],
    ]);
  });

  it("scores 68.1, high, at confidence 0.8 when the pay model is \u201cdon't know\u201d", () => {
    const unsure = pitfallOf(
      scoreAssessment(fixtureContent, { ...answers, "locs-pay-model": dontKnow }, context),
      "limited-on-call-schedule",
    );
    expect(unsure).toMatchObject({ score: 68.1, band: "high", confidence: 0.8 });
  });
});

describe("worked example: percentiles", () => {
  it("ranks four teams scoring 0, 22.2, 22.2 and 77.8 at 0, 50, 50 and 100", () => {
    const approved = { "cmt-every-deploy-approved": value(true) };
    const rows: [string, Answers][] = [
      ["a", {}],
      ["b", approved],
      ["c", approved],
      ["d", { ...approved, "cmt-deploys-per-week": value(0), "cmt-approval-days": value(10) }],
    ];
    const regulated: Answers = { regulated: value(true) };
    const teams = rows.map(([teamId, overrides]) => ({
      teamId,
      context: regulated,
      result: scoreAssessment(fixtureContent, { ...otherPitfallsHealthy, ...overrides }, regulated),
    }));
    expect(teams.map((team) => pitfallOf(team.result, "change-management-treacle").score)).toEqual([
      0, 22.2, 22.2, 77.8,
    ]);
    const signals = scoreOrganisation(teams);
    expect(signals.standings.map((s) => s.percentiles["change-management-treacle"])).toEqual([
      0, 50, 50, 100,
    ]);
  });
});

describe("docs/scoring.md", () => {
  // Runs of spaces collapsed, so the checks survive a formatter padding the table columns.
  const document = readFileSync(
    fileURLToPath(new URL("../../../docs/scoring.md", import.meta.url)),
    "utf8",
  ).replace(/ +/g, " ");

  it("states the band cut-offs the engine uses", () => {
    for (const band of BANDS) {
      const range = band.band === "critical" ? `${band.from} to 100` : `${band.from} to below ${band.to}`;
      expect(document).toContain(`| ${band.label} | ${range} |`);
    }
  });

  it("states the trigger threshold the engine uses", () => {
    expect(document).toContain(`risk of **${SYMPTOM_TRIGGER_RISK} or more**`);
  });

  it("lists every context rule of questionnaire v1", () => {
    const v1 = content.questionnaires.find((questionnaire) => questionnaire.id === "v1")!;
    for (const rule of v1.contextRules) expect(document).toContain(`| \`${rule.id}\` |`);
  });

  it("quotes the worked example's numbers", () => {
    for (const figure of [
      "**58.5**",
      "**medium**",
      "**32**",
      "**26.5**",
      "**68.1**",
      "**0.8**",
      "(1 + 0.5) ÷ 3 = **50**",
    ]) {
      expect(document).toContain(figure);
    }
  });
});
