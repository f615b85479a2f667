/**
 * The headline names only pitfalls for which something was found, end to end: stored with each
 * result on submit, and read back by the result page, the team dashboard, the heatmap and the
 * export, which all say so when no pitfall shows symptoms.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { headlineSentence } from "@/domain/results/headline";
import { db } from "@/server/db";
import { confirmCarriedOverAnswers, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { getAssessmentResult } from "@/server/assessments/queries";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { loadTeamPlanExport } from "@/server/exports/team-export";
import { healthyAnswers, healthyContext, NEUTRAL, v } from "../../calibration/profiles";
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
  return { ...team, assessmentId };
}

/** On the fence about standby costs: Linear run costs Low, with nothing found. */
const FENCE_SITTING: Record<string, Answer> = {
  ...healthyAnswers,
  "lrc-standby-cost-per-new-team": NEUTRAL,
  "lrc-share-of-teams-with-own-schedule": v(45),
};

describe("a headline names only pitfalls with evidence", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("stores whether anything was found, and names no pitfall when nothing was", async () => {
    const team = await submitted(org, "Fence Sitters", FENCE_SITTING);
    const rows = await db.pitfallResult.findMany({
      where: { assessmentId: team.assessmentId },
      select: { pitfallId: true, band: true, evidenceFound: true },
    });
    expect(rows.find((row) => row.pitfallId === "linear-run-costs")).toEqual({
      pitfallId: "linear-run-costs",
      band: "low",
      evidenceFound: false,
    });
    expect(rows.every((row) => !row.evidenceFound)).toBe(true);

    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    expect(result.overall.headline).toMatchObject({ worstBand: "low", worstPitfalls: [], worstScore: null });
    expect(headlineSentence(result.overall.headline, (id) => id)).toMatch(/^Low — no pitfall shows symptoms/);

    const dashboard = await getTeamDashboard(team.member, team.slug, {});
    expect(dashboard.overall.headline).toMatchObject({ worstBand: "low", worstPitfallNames: [] });

    const exported = await loadTeamPlanExport(team.lead, team.slug, { year: 2026, quarter: 4 });
    expect(exported.assessment?.headline).toMatchObject({ band: "low", worstPitfalls: [], worstScore: null });

    const heatmap = await getOrgHeatmap(org.admin, { cycle: "2026-q4" });
    const row = heatmap.heatmap.groups
      .flatMap((group) => group.rows)
      .find((entry) => entry.slug === team.slug);
    expect(row?.headline).toMatchObject({ worstBand: "low", worstPitfalls: [] });
  });

  it("names the pitfall with evidence, not a higher-scoring one for which nothing was found", async () => {
    const team = await submitted(org, "A Third Unplanned", {
      ...FENCE_SITTING,
      "ebau-planned-work-share": v(66),
    });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    expect(result.overall.headline?.worstPitfalls).toEqual(["excessive-bau"]);
    const dashboard = await getTeamDashboard(team.member, team.slug, {});
    expect(dashboard.overall.headline?.worstPitfallNames).toEqual(["Excessive BAU"]);
  });
});
