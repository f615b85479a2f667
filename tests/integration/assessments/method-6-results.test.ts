/**
 * Scoring method 6 end to end through the data layer: a pitfall resting on "don't know" alone,
 * with less than half of its evidence answered, stops at Medium and does not take the headline
 * from a pitfall with confirmed evidence; a headline naming a suspected pitfall says so, and so
 * does a cause whose every answer is "don't know".
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { confirmCarriedOverAnswers, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { getAssessmentResult } from "@/server/assessments/queries";
import { getPitfallExplanation } from "@/server/dashboards/team-dashboard";
import { healthyAnswers, healthyContext } from "../../calibration/profiles";
import { createOrganisation, createSubmittedAssessment, createTeam, type TestOrganisation } from "./fixtures";

async function submitted(org: TestOrganisation, name: string, answers: Record<string, Answer>) {
  const team = await createTeam(org.orgUnitId, name);
  await createSubmittedAssessment(team.id, org.previousCycle.id, { ...healthyContext, ...answers });
  const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
  const confirmed = await confirmCarriedOverAnswers(team.lead, {
    assessmentId,
    questionIds: Object.keys({ ...healthyContext, ...answers }),
    expectedVersion: 1,
  });
  await submitAssessment(team.lead, { assessmentId, expectedVersion: confirmed.version });
  return team;
}

const dontKnow: Answer = { kind: "dontKnow" };
const value = (answer: string | number | boolean): Answer => ({ kind: "value", value: answer });
const BAU_QUESTIONS = [
  "ebau-planned-work-share",
  "ebau-callouts-per-shift",
  "ebau-unplanned-work-tracking",
  "ebau-planned-features-delivered",
  "ebau-graceful-degradation",
  "ebau-deployment-automation",
  "ebau-telemetry-automation",
];

describe("results under scoring method 6", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("leads with the pitfall whose defining cause is known, not one resting on 'don't know' alone", async () => {
    const team = await submitted(org, "Payments", {
      ...healthyAnswers,
      ...Object.fromEntries(BAU_QUESTIONS.map((id) => [id, dontKnow])),
      "cmt-deployment-frequency": value("fortnightly"),
      "cmt-approval-wait-days": value(5),
      "cmt-pre-approved-share": value(0),
      "cmt-one-change-category": value(true),
      "cmt-changes-reviewed-one-by-one": value(5),
      "cmt-batching-for-approval": value(4),
    });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    const bau = result.pitfalls.find((entry) => entry.pitfallId === "excessive-bau")!;
    expect(bau).toMatchObject({ score: 59.9, band: "medium" });
    expect(bau.ceilingAverage).toBeGreaterThanOrEqual(80);
    expect(result.overall.headline).toMatchObject({
      worstBand: "high",
      worstPitfalls: ["change-management-treacle"],
      worstSuspected: false,
    });
    expect(result.topSteps[0]?.countermeasureId).toBe("pre-approve-low-risk-changes");
  });

  it("says a headline's pitfall and its causes are suspected when every answer behind them is 'don't know'", async () => {
    const team = await submitted(org, "Checkout", {
      ...healthyAnswers,
      "nmim-incident-managers-informed": dontKnow,
      "nmim-incident-commander-share": dontKnow,
      "nmim-leadership-updated-share": dontKnow,
      "nmim-know-how-to-involve-others": dontKnow,
      "nmim-automated-touchpoints": dontKnow,
      "nmim-crisis-communications-plan": dontKnow,
      "nmim-time-to-restore-major-incidents": dontKnow,
    });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    expect(result.overall.headline).toMatchObject({
      worstBand: "high",
      worstPitfalls: ["no-major-incident-management"],
      worstSuspected: true,
    });
    const explanation = await getPitfallExplanation(
      team.member,
      team.slug,
      "no-major-incident-management",
      {},
    );
    expect(explanation.triggeredCauses.length).toBeGreaterThan(0);
    expect(explanation.triggeredCauses.every((cause) => cause.suspected)).toBe(true);
  });
});
