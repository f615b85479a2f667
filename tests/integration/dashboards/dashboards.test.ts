import { beforeAll, describe, expect, it } from "vitest";
import { latestQuestionnaire } from "@/domain/content";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { ownTeamDashboardPath } from "@/server/dashboards/access";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgRollups } from "@/server/dashboards/rollups";
import { getRunCostView } from "@/server/dashboards/run-cost";
import { getPitfallExplanation, getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { createDashboardOrganisation, draft, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  // Linear run costs scores per quarter; every other pitfall scores 5.
  await submit(teams.checkout.id, cycles.q2, { "linear-run-costs": 40 });
  await submit(teams.billing.id, cycles.q2, { "linear-run-costs": 60 });
  await submit(teams.search.id, cycles.q2, { "linear-run-costs": 20 });
  await submit(teams.accounts.id, cycles.q2, { "linear-run-costs": 30 });
  await submit(teams.returns.id, cycles.q2, { "linear-run-costs": 90 });

  await submit(
    teams.checkout.id,
    cycles.q3,
    { "linear-run-costs": 50 },
    { target: "95-0", setup: "own-team-schedule" },
  );
  await submit(teams.billing.id, cycles.q3, { "linear-run-costs": 70 });
  await submit(
    teams.search.id,
    cycles.q3,
    { "linear-run-costs": 20 },
    { target: "99-0", setup: "shared-domain-schedule" },
  );
  await submit(teams.accounts.id, cycles.q3, { "linear-run-costs": 10 });
  await submit(teams.returns.id, cycles.q3, { "linear-run-costs": 85 });

  // 2026 Q4 (open): Checkout has not started, Search is in draft.
  await submit(
    teams.billing.id,
    cycles.q4,
    { "linear-run-costs": 82 },
    { target: "99-9", setup: "own-team-schedule" },
  );
  await draft(teams.search.id, cycles.q4);
  await submit(
    teams.accounts.id,
    cycles.q4,
    { "linear-run-costs": 30 },
    { target: "99-0", setup: "shared-domain-schedule" },
  );
  await submit(
    teams.returns.id,
    cycles.q4,
    { "linear-run-costs": 95 },
    { target: "95-0", setup: "central-ops" },
  );
});

function teamSlugs(view: Awaited<ReturnType<typeof getOrgHeatmap>>): string[] {
  return view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)).sort();
}

async function expectNotFound(attempt: Promise<unknown>): Promise<void> {
  await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
}

describe("organisation heatmap", () => {
  it("groups every team by org unit for the head of engineering, latest cycle first", async () => {
    const view = await getOrgHeatmap(org.head, {});
    expect(view.cycle?.name).toBe("2026 Q4");
    expect(view.previousCycle?.name).toBe("2026 Q3");
    expect(view.cycles.map((cycle) => cycle.name)).toEqual(["2026 Q4", "2026 Q3", "2026 Q2"]);
    // Riskier first by default: Returns (Critical, worst 95) before Billing (Critical, worst 82)
    // before Accounts (Medium); teams without results last within their unit.
    expect(view.heatmap.groups.map((group) => [group.name, group.rows.map((row) => row.name)])).toEqual([
      ["Logistics", ["Returns"]],
      ["Payments", ["Billing", "Checkout"]],
      ["Customer Experience", ["Accounts", "Search"]],
    ]);
    const byName = await getOrgHeatmap(org.head, { sort: "team" });
    expect(byName.heatmap.groups.map((group) => [group.name, group.rows.map((row) => row.name)])).toEqual([
      ["Customer Experience", ["Accounts", "Search"]],
      ["Logistics", ["Returns"]],
      ["Payments", ["Billing", "Checkout"]],
    ]);
  });

  it("shows each team's completion status for the cycle", async () => {
    const view = await getOrgHeatmap(org.head, {});
    const status = Object.fromEntries(
      view.heatmap.groups.flatMap((group) => group.rows.map((row) => [row.slug, row.completion])),
    );
    expect(status).toEqual({
      accounts: "submitted",
      search: "draft",
      returns: "submitted",
      billing: "submitted",
      checkout: "not-started",
    });
    expect(view.heatmap.totals.completion).toEqual({ "not-started": 1, draft: 1, reopened: 0, submitted: 3 });
  });

  it("compares each score with the previous cycle", async () => {
    const view = await getOrgHeatmap(org.head, {});
    const payments = view.heatmap.groups.find((group) => group.name === "Payments")!;
    const billing = payments.rows.find((row) => row.slug === "billing")!;
    expect(billing.cells["linear-run-costs"]).toMatchObject({
      score: 82,
      band: "critical",
      trend: { text: "up 12 since 2026 Q3" },
    });
    // Checkout (50 in 2026 Q3) has not submitted in Q4: the unit's change is Billing's alone, not
    // 82 against the Q3 average of Billing and Checkout ("up 22").
    expect(payments.averages["linear-run-costs"]).toMatchObject({
      score: 82,
      scoredTeams: 1,
      comparedTeams: 1,
      trend: { text: "up 12 since 2026 Q3, among the 1 team with a result in both cycles" },
    });
    // A cycle that does not exist is not found, never another cycle shown in its place.
    await expectNotFound(getOrgHeatmap(org.head, { cycle: "2099-q1" }));
    await expectNotFound(getOrgRollups(org.head, { cycle: "2099-q1" }));
    await expectNotFound(getTeamDashboard(org.lead, "checkout", { cycle: "2099-q1" }));
    await expectNotFound(
      getPitfallExplanation(org.lead, "checkout", "linear-run-costs", { cycle: "2099-q1" }),
    );
    const closed = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    const accounts = closed.heatmap.groups
      .find((group) => group.name === "Customer Experience")!
      .rows.find((row) => row.slug === "accounts")!;
    expect(accounts.cells["linear-run-costs"]).toMatchObject({
      score: 10,
      trend: { text: "down 20 since 2026 Q2" },
    });
  });

  it("filters by unit and band and sorts by a pitfall", async () => {
    const payments = await getOrgHeatmap(org.head, { unit: "payments" });
    expect(teamSlugs(payments)).toEqual(["billing", "checkout"]);
    const critical = await getOrgHeatmap(org.head, {
      band: "critical",
      sort: "linear-run-costs",
      dir: "desc",
    });
    expect(critical.heatmap.groups.map((group) => group.rows.map((row) => row.slug))).toEqual([
      ["returns"],
      ["billing"],
      [],
    ]);
  });

  it("shows coaches only the teams of the units they coach", async () => {
    const view = await getOrgHeatmap(org.coach, {});
    expect(view.scope).toBe("org-units");
    expect(teamSlugs(view)).toEqual(["accounts", "billing", "checkout", "search"]);
    expect(view.units.map((unit) => unit.slug)).toEqual(["customer-experience", "payments"]);
    const logistics = await getOrgHeatmap(org.logisticsCoach, {});
    expect(teamSlugs(logistics)).toEqual(["returns"]);
  });

  it("never shows a coach another unit's team, even when the URL asks for that unit", async () => {
    const view = await getOrgHeatmap(org.coach, { unit: "logistics" });
    expect(view.unknownUnit).toBe(true);
    expect(teamSlugs(view)).not.toContain("returns");
    const rollups = await getOrgRollups(org.coach, { unit: "logistics" });
    expect(rollups.focusUnit).toBeNull();
    expect(rollups.rollups?.units.map((unit) => unit.slug)).toEqual(["customer-experience", "payments"]);
  });

  it("refuses team leads, members and people without a role", async () => {
    await expectNotFound(getOrgHeatmap(org.lead, {}));
    await expectNotFound(getOrgRollups(org.member, {}));
    await expectNotFound(getRunCostView(org.nobody, {}));
  });

  it("sends leads and members to their own team's dashboard", async () => {
    expect(await ownTeamDashboardPath(org.lead)).toBe("/team/checkout/dashboard");
    expect(await ownTeamDashboardPath(org.member)).toBe("/team/search/dashboard");
    expect(await ownTeamDashboardPath(org.nobody)).toBeNull();
  });
});

describe("roll-ups", () => {
  it("rolls up each unit per pitfall with its history", async () => {
    const view = await getOrgRollups(org.head, {});
    expect(view.history.map((cycle) => cycle.name)).toEqual(["2026 Q2", "2026 Q3", "2026 Q4"]);
    const payments = view.rollups!.units.find((unit) => unit.slug === "payments")!;
    const linear = payments.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!;
    expect(linear).toMatchObject({
      scored: 1,
      averageScore: 82,
      highOrCriticalShare: 1,
      // Billing alone has results in both cycles (70, then 82); Checkout submitted only in 2026 Q3.
      comparedTeams: 1,
      averageTrend: { text: "up 12 since 2026 Q3, among the 1 team with a result in both cycles" },
    });
    const organisation = view.rollups!.organisation.pitfalls.find(
      (pitfall) => pitfall.pitfallId === "linear-run-costs",
    )!;
    expect(organisation.bands).toEqual({ none: 0, low: 0, medium: 1, high: 0, critical: 2 });
    // The organisation's trend: averages of 48, 47 and 69 over the three cycles.
    expect(view.trend!["linear-run-costs"].map((point) => point.averageScore)).toEqual([48, 47, 69]);
    expect(view.trend!["linear-run-costs"].map((point) => point.highOrCriticalShare)).toEqual([
      0.4, 0.4, 0.667,
    ]);
  });

  it("shows the trend of one unit on request", async () => {
    const view = await getOrgRollups(org.head, { unit: "payments" });
    expect(view.focusUnit?.name).toBe("Payments");
    expect(view.trend!["linear-run-costs"].map((point) => point.averageScore)).toEqual([50, 60, 82]);
    expect(view.trend!["linear-run-costs"].map((point) => point.scored)).toEqual([2, 2, 1]);
  });
});

describe("run-cost view", () => {
  it("counts each team with its latest reported setup and compares with the playbook rule", async () => {
    const view = await getRunCostView(org.head, {});
    expect(view.teamsReporting).toBe(5);
    expect(view.teamsNotReporting).toBe(0);
    const whatIf = view.whatIf!;
    // Now: Checkout (Q3) and Billing run their own schedules, Customer Experience shares one, Returns is on central ops.
    expect(whatIf.now).toMatchObject({
      outOfHoursSchedules: 3,
      teamsWithOwnSchedule: 2,
      domainSchedules: 1,
      teamsOnCentralOps: 1,
    });
    // Under the rule Checkout (95.0%) and Returns (95.0%) need no schedule.
    expect(whatIf.underRule.outOfHoursSchedules).toBe(2);
    expect(whatIf.yearlyDifference).toBe(-500 * 52);
  });

  it("uses the rate from the form and scopes coaches to their units", async () => {
    const view = await getRunCostView(org.coach, { rate: "800" });
    expect(view.whatIf!.now.productTeams).toBe(4);
    expect(view.whatIf!.now.cost.weekly).toBe(3 * 800);
  });

  it("counts only what was reported up to the chosen cycle", async () => {
    const view = await getRunCostView(org.head, { cycle: "2026-q2" });
    expect(view.teamsReporting).toBe(5);
    expect(view.whatIf!.now.teamsWithUnknownSetup).toBe(5);
  });
});

describe("team dashboard", () => {
  it("shows the lead their team's latest submitted cycle with trends and percentiles", async () => {
    const view = await getTeamDashboard(org.lead, "checkout", {});
    expect(view.cycle?.name).toBe("2026 Q3");
    expect(view.cycles.map((cycle) => cycle.name)).toEqual(["2026 Q3", "2026 Q2"]);
    const linear = view.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!;
    expect(linear).toMatchObject({ score: 50, band: "medium", trend: { text: "up 10 since 2026 Q2" } });
    // 2026 Q3: Search 20 and Accounts 10 are lower, Billing 70 and Returns 85 higher.
    expect(linear.percentile).toBe(50);
    expect(view.comparedTeams).toBe(5);
    expect(view.history.map((point) => point.scores["linear-run-costs"])).toEqual([40, 50]);
    expect(view.pitfalls).toHaveLength(7);
    expect(view.remediation.length).toBeGreaterThan(0);
    expect(view.remediation.length).toBeLessThanOrEqual(3);
    expect(linear.triggeredSymptoms.length).toBeGreaterThan(0);
  });

  it("offers the remediation steps for the plan to those who may edit it, on the latest cycle only", async () => {
    const lead = await getTeamDashboard(org.lead, "checkout", {});
    expect(lead.canEditPlan).toBe(true);
    expect(lead.remediation.every((step) => step.planItemId === null)).toBe(true);
    // An earlier cycle's ranking is history: plans are made from the latest one.
    expect((await getTeamDashboard(org.lead, "checkout", { cycle: "2026-q2" })).canEditPlan).toBe(false);
    // The head of engineering reads every plan but edits none; the unit's coach edits it.
    expect((await getTeamDashboard(org.head, "checkout", {})).canEditPlan).toBe(false);
    expect((await getTeamDashboard(org.coach, "checkout", {})).canEditPlan).toBe(true);

    const first = lead.remediation[0]!;
    const item = await db.planItem.create({
      data: {
        teamId: org.teams.checkout.id,
        countermeasureId: first.countermeasureId,
        pitfallId: first.pitfallIds[0]!,
        rationale: first.rationale,
        addresses: "[]",
        sourceAssessmentId: "the-latest-assessment",
      },
    });
    try {
      const after = await getTeamDashboard(org.lead, "checkout", {});
      expect(
        after.remediation.find((step) => step.countermeasureId === first.countermeasureId)?.planItemId,
      ).toBe(item.id);
      expect(after.remediation.filter((step) => step.planItemId !== null)).toHaveLength(1);
    } finally {
      await db.planItem.delete({ where: { id: item.id } });
    }
  });

  it("computes percentiles against the whole organisation for the chosen cycle", async () => {
    const view = await getTeamDashboard(org.head, "returns", { cycle: "2026-q4" });
    expect(view.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!.percentile).toBe(100);
    const accounts = await getTeamDashboard(org.coach, "accounts", {});
    expect(accounts.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!.percentile).toBe(0);
  });

  it("explains a score with the questionnaire's own prompts", async () => {
    const view = await getPitfallExplanation(org.lead, "checkout", "linear-run-costs", {});
    const prompts = new Set(
      latestQuestionnaire().sections.flatMap((section) =>
        section.questions.map((question) => question.prompt),
      ),
    );
    const answers = view.contributions.filter((item) => item.kind === "answer");
    expect(answers.length).toBeGreaterThan(0);
    for (const item of answers) expect(prompts.has(item.prompt)).toBe(true);
    expect(view.score).toBe(50);
    expect(view.cycle.name).toBe("2026 Q3");
  });

  it("shows where the team's own answers were split, on the dashboard and in why this score", async () => {
    const { id: assessmentId } = await db.assessment.findUniqueOrThrow({
      where: { teamId_cycleId: { teamId: org.teams.accounts.id, cycleId: org.cycles.q4 } },
    });
    const where = { assessmentId_pitfallId: { assessmentId, pitfallId: "excessive-bau" } };
    await db.pitfallResult.update({ where, data: { splitQuestions: 2 } });
    try {
      const dashboard = await getTeamDashboard(org.head, "accounts", { cycle: "2026-q4" });
      const split = dashboard.pitfalls.filter((pitfall) => pitfall.splitQuestions > 0);
      expect(split.map((pitfall) => [pitfall.pitfallId, pitfall.splitQuestions])).toEqual([
        ["excessive-bau", 2],
      ]);

      const why = await getPitfallExplanation(org.head, "accounts", "excessive-bau", { cycle: "2026-q4" });
      expect(why.splitQuestions).toBe(2);
      expect(why.resultHref).toBe("/team/accounts/results/2026-q4#where-the-team-disagreed");
      const calm = await getPitfallExplanation(org.head, "accounts", "linear-run-costs", {
        cycle: "2026-q4",
      });
      expect(calm.splitQuestions).toBe(0);
    } finally {
      await db.pitfallResult.update({ where, data: { splitQuestions: 0 } });
    }
  });

  it("shows the team's anonymous pulse in counts, on the dashboard and for the pitfall it concerns", async () => {
    const teamId = org.teams.accounts.id;
    const cycleId = org.cycles.q4;
    const questionnaire = latestQuestionnaire();
    const disruption = questionnaire.pulse!.find((question) => question.id === "pulse-on-call-disruption")!;
    await db.pulseTally.createMany({
      data: questionnaire.pulse!.flatMap((question) =>
        question.options.map((option) => ({
          teamId,
          cycleId,
          questionId: question.id,
          option: option.value,
          count:
            question === disruption
              ? (({ hardly: 2, "a-lot": 2 } as Record<string, number>)[option.value] ?? 0)
              : 0,
        })),
      ),
    });
    await db.pulseParticipation.createMany({
      data: [org.head.id, org.admin.id, org.member.id, org.lead.id].map((userId) => ({
        teamId,
        cycleId,
        userId,
      })),
    });
    try {
      const dashboard = await getTeamDashboard(org.head, "accounts", { cycle: "2026-q4" });
      expect(dashboard.pulse?.participants).toBe(4);
      const shown = dashboard.pulse!.questions.filter((question) => question.shown);
      expect(shown.map((question) => question.questionId)).toEqual(["pulse-on-call-disruption"]);
      expect(JSON.stringify(dashboard.pulse)).not.toContain(org.member.id);

      const onCall = await getPitfallExplanation(org.head, "accounts", "limited-on-call-schedule", {
        cycle: "2026-q4",
      });
      expect(
        onCall.pulse?.questions.every((question) => question.pitfallId === "limited-on-call-schedule"),
      ).toBe(true);
      const bau = await getPitfallExplanation(org.head, "accounts", "excessive-bau", { cycle: "2026-q4" });
      expect(bau.pulse).toBeNull();
      // A team without any pulse answers shows no pulse at all.
      expect((await getTeamDashboard(org.head, "returns", { cycle: "2026-q4" })).pulse).toBeNull();
    } finally {
      await db.pulseTally.deleteMany({ where: { teamId, cycleId } });
      await db.pulseParticipation.deleteMany({ where: { teamId, cycleId } });
    }
  });

  it("is not found for teams the viewer may not read, unknown pitfalls and unknown teams", async () => {
    await expectNotFound(getTeamDashboard(org.lead, "billing", {}));
    await expectNotFound(getTeamDashboard(org.logisticsCoach, "checkout", {}));
    await expectNotFound(getTeamDashboard(org.member, "checkout", {}));
    await expectNotFound(getPitfallExplanation(org.lead, "checkout", "not-a-pitfall", {}));
    await expectNotFound(getTeamDashboard(org.head, "no-such-team", {}));
  });

  it("has an empty state for a team that never submitted", async () => {
    const fresh = await db.team.create({
      data: { name: "Fresh", slug: "fresh", orgUnitId: org.units.logistics },
    });
    const view = await getTeamDashboard(org.logisticsCoach, "fresh", {});
    expect(view.cycle).toBeNull();
    expect(view.pitfalls).toEqual([]);
    await expectNotFound(getPitfallExplanation(org.logisticsCoach, "fresh", "excessive-bau", {}));
    await db.team.delete({ where: { id: fresh.id } });
  });
});

describe("archived teams", () => {
  it("drop out of the organisation views", async () => {
    await db.team.update({ where: { id: org.teams.returns.id }, data: { archivedAt: new Date() } });
    const view = await getOrgHeatmap(org.head, {});
    expect(teamSlugs(view)).not.toContain("returns");
    expect(view.units.map((unit) => unit.slug)).not.toContain("logistics");
    await db.team.update({ where: { id: org.teams.returns.id }, data: { archivedAt: null } });
  });
});
