/**
 * A team's percentile on a pitfall ranks it among the teams *scored* on that pitfall in the cycle:
 * a team with the pitfall not assessed (or without enough answers) is no part of it. The team
 * dashboard and "why this score" say how many teams that is, per pitfall; a team that is the only
 * one scored has no percentile; an archived team, whose dashboard stays readable, is ranked among
 * the active teams and never told that a scored pitfall was not scored.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { percentileBasis } from "@/domain/dashboards/coverage";
import { percentileSentence, shownPercentile } from "@/domain/dashboards/team-dashboard";
import { archiveTeam } from "@/server/admin/org-mutations";
import { db } from "@/server/db";
import { getPitfallExplanation, getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;

async function unscore(assessmentId: string, pitfallId: string, status: string) {
  await db.pitfallResult.updateMany({
    where: { assessmentId, pitfallId },
    data: { status, score: null, band: null },
  });
}

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  const checkout = await submit(teams.checkout.id, cycles.q3, {
    "embedded-specialists": 70,
    "limited-on-call-schedule": 65,
    "linear-run-costs": 70,
  });
  const billing = await submit(teams.billing.id, cycles.q3, {
    "embedded-specialists": 20,
    "linear-run-costs": 20,
  });
  await unscore(billing, "limited-on-call-schedule", "insufficient-evidence");
  for (const team of [teams.search, teams.accounts, teams.returns]) {
    const id = await submit(team.id, cycles.q3, { "linear-run-costs": 40 });
    // These teams have no embedded specialists, and no out-of-hours rota to judge.
    await unscore(id, "embedded-specialists", "not-assessed");
    await unscore(id, "limited-on-call-schedule", "not-assessed");
  }
  expect(checkout).toBeTruthy();
});

function pitfallOf(view: Awaited<ReturnType<typeof getTeamDashboard>>, pitfallId: string) {
  return view.pitfalls.find((pitfall) => pitfall.pitfallId === pitfallId)!;
}

describe("percentiles and the teams they rank against", () => {
  it("rank a team among the teams scored on the pitfall, and say how many", async () => {
    const view = await getTeamDashboard(org.head, "checkout", { cycle: "2026-q3" });
    expect(view.comparedTeams).toBe(5);

    const specialists = pitfallOf(view, "embedded-specialists");
    expect(specialists).toMatchObject({ percentile: 100, scoredTeams: 2 });
    expect(percentileSentence(specialists.percentile, specialists.scoredTeams)).toBe(
      "Riskier than the one other team scored on this pitfall",
    );
    expect(percentileBasis(specialists.scoredTeams, false)).toBe(
      "ranked against 2 teams scored on this pitfall",
    );

    const linear = pitfallOf(view, "linear-run-costs");
    expect(linear).toMatchObject({ percentile: 100, scoredTeams: 5 });
    expect(percentileSentence(linear.percentile, linear.scoredTeams)).toBe(
      "Riskier than 100% of the 4 other teams scored on this pitfall",
    );

    const explained = await getPitfallExplanation(org.head, "checkout", "embedded-specialists", {
      cycle: "2026-q3",
    });
    expect(explained).toMatchObject({ percentile: 100, scoredTeams: 2, comparedTeams: 5 });
  });

  it("give no percentile to the only team scored on a pitfall", async () => {
    const view = await getTeamDashboard(org.head, "checkout", { cycle: "2026-q3" });
    const onCall = pitfallOf(view, "limited-on-call-schedule");
    expect(onCall).toMatchObject({ status: "scored", scoredTeams: 1 });
    expect(shownPercentile(onCall.percentile, onCall.scoredTeams)).toBeNull();
    expect(percentileSentence(onCall.percentile, onCall.scoredTeams)).toBe(
      "No percentile: no other team was scored on this pitfall.",
    );
    // Billing had too few answers to score it: it has no percentile, and says why.
    const billing = pitfallOf(
      await getTeamDashboard(org.head, "billing", { cycle: "2026-q3" }),
      "limited-on-call-schedule",
    );
    expect(billing).toMatchObject({ percentile: null, scoredTeams: 1 });
    expect(percentileSentence(billing.percentile, billing.scoredTeams)).toMatch(/not scored for the team/);
  });

  it("rank an archived team among the active teams, leaving theirs as they were", async () => {
    const billingBefore = await getTeamDashboard(org.head, "billing", { cycle: "2026-q3" });
    await archiveTeam(org.admin, { teamId: org.teams.checkout.id });

    const view = await getTeamDashboard(org.head, "checkout", { cycle: "2026-q3" });
    const linear = pitfallOf(view, "linear-run-costs");
    expect(linear).toMatchObject({ score: 70, percentile: 100, scoredTeams: 5 });
    expect(percentileSentence(linear.percentile, linear.scoredTeams)).not.toMatch(/not scored/);
    expect(pitfallOf(view, "embedded-specialists")).toMatchObject({ percentile: 100, scoredTeams: 2 });
    // The four active teams, and this one.
    expect(view.comparedTeams).toBe(5);

    // The active teams are ranked among themselves: Checkout is out of their comparisons now.
    const billing = await getTeamDashboard(org.head, "billing", { cycle: "2026-q3" });
    expect(billing.comparedTeams).toBe(4);
    expect(pitfallOf(billing, "embedded-specialists")).toMatchObject({ percentile: 50, scoredTeams: 1 });
    expect(pitfallOf(billingBefore, "embedded-specialists")).toMatchObject({ percentile: 0, scoredTeams: 2 });
    expect(pitfallOf(billing, "linear-run-costs")).toMatchObject({ percentile: 0, scoredTeams: 4 });
  });
});
