/**
 * Scoring method 5 end to end through the data layer: what the result page, the team dashboard and
 * "why this score" say about answers that are no sign of a pitfall on their own, and about a worst
 * pitfall resting on "don't know" alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { confirmCarriedOverAnswers, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { getAssessmentResult } from "@/server/assessments/queries";
import { getPitfallExplanation, getTeamDashboard } from "@/server/dashboards/team-dashboard";
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

describe("results under scoring method 5", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("marks an answer that is no sign of the pitfall on its own, and shows one answer as 100% of a score", async () => {
    // Healthy apart from slow delivery: "agree" that services degrade gracefully still adds a little.
    const team = await submitted(org, "Storefront", {
      ...healthyAnswers,
      "ebau-planned-work-share": { kind: "value", value: 90 },
      "ebau-planned-features-delivered": { kind: "value", value: 30 },
    });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    const bau = result.pitfalls.find((entry) => entry.pitfallId === "excessive-bau")!;
    const agree = bau.contributions.find((contribution) => contribution.answer === "Agree")!;
    expect(agree.signOnItsOwn).toBe(false);
    expect(bau.contributions.find((contribution) => contribution.answer === "30%")!.signOnItsOwn).toBe(true);
    // The tie between the two steps relieving slow delivery goes to the low-effort one.
    expect(bau.nextSteps[0]?.countermeasureId).toBe("treat-unplanned-rework-as-planned-work");
    // A pitfall in band None whose only risk is one "agree": 100% of its score, never 101%.
    for (const pitfall of result.pitfalls) {
      if (pitfall.contributions.length === 1) expect(pitfall.contributions[0]!.share).toBe(1);
    }
    const explanation = await getPitfallExplanation(team.member, team.slug, "excessive-bau", {});
    const rows = explanation.contributions.flatMap((item) => (item.kind === "answer" ? [item] : []));
    expect(rows.find((item) => item.answer === "Agree")?.signOnItsOwn).toBe(false);
    expect(rows.find((item) => item.answer === "30%")?.signOnItsOwn).toBe(true);
    expect(result.findOutFirst).toBeNull();
  });

  it("says to find out first when the worst pitfall rests on 'don't know' alone, and calls its symptoms suspected", async () => {
    const team = await submitted(org, "Notifications", {
      ...healthyAnswers,
      "nmim-incident-managers-informed": dontKnow,
      "nmim-leadership-updated-share": dontKnow,
      "nmim-crisis-communications-plan": dontKnow,
    });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    const incidents = result.pitfalls.find((entry) => entry.pitfallId === "no-major-incident-management")!;
    expect(result.overall.headline.worstPitfalls[0]).toBe("no-major-incident-management");
    expect(incidents.symptoms.length).toBeGreaterThan(0);
    expect(incidents.symptoms.every((symptom) => symptom.suspected)).toBe(true);
    expect(result.findOutFirst).toEqual({
      pitfallName: "No major incident management",
      questions: expect.arrayContaining([
        expect.stringContaining("how does the incident management team find out"),
      ]),
    });
    expect(result.findOutFirst!.questions.length).toBeLessThanOrEqual(3);

    const dashboard = await getTeamDashboard(team.member, team.slug, {});
    expect(dashboard.findOutFirst).toEqual({ pitfallName: "No major incident management" });
    const summary = dashboard.pitfalls.find((entry) => entry.pitfallId === "no-major-incident-management")!;
    expect(summary.triggeredSymptoms.every((symptom) => symptom.suspected)).toBe(true);

    // One answer that says the incident management team is not involved, and it is seen, not suspected.
    const known = await submitted(org, "Payouts", {
      ...healthyAnswers,
      "nmim-incident-managers-informed": { kind: "value", value: "not-involved" },
      "nmim-leadership-updated-share": dontKnow,
      "nmim-crisis-communications-plan": dontKnow,
    });
    const knownResult = await getAssessmentResult(known.member, known.slug, "2026-q4");
    expect(knownResult.findOutFirst).toBeNull();
    const ignorance = knownResult.pitfalls
      .find((entry) => entry.pitfallId === "no-major-incident-management")!
      .symptoms.find((symptom) => symptom.id === "major-incident-ignorance")!;
    expect(ignorance.suspected).toBe(false);
  });
});
