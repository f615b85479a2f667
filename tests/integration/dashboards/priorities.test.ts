import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { getOrgPriorities } from "@/server/dashboards/priorities";
import { getRunCostView } from "@/server/dashboards/run-cost";
import { getOrganisationOverview } from "@/server/overview/queries";
import { createDashboardOrganisation, draft, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;
let billingQ4: string;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
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
  billingQ4 = await submit(
    teams.billing.id,
    cycles.q4,
    { "linear-run-costs": 82, "excessive-bau": 65 },
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

describe("where the organisation is at risk", () => {
  it("shows the head the whole organisation, with coverage and the change among the same teams", async () => {
    const view = await getOrgPriorities(org.head, {});
    expect(view.cycle).toMatchObject({ name: "2026 Q4", status: "open" });
    const priorities = view.priorities!;
    expect(priorities.coverage).toEqual({ submitted: 3, teams: 5 });
    expect(priorities.pitfalls.map((risk) => [risk.pitfallId, risk.highOrCritical, risk.critical])).toEqual([
      ["linear-run-costs", 2, 2],
      ["excessive-bau", 1, 0],
    ]);
    // Billing, Accounts and Returns submitted in both cycles; Billing (70) and Returns (85) were
    // High or Critical in 2026 Q3 and still are.
    expect(priorities.pitfalls[0]!.change).toEqual({ teams: 3, before: 2, now: 2, since: "2026 Q3" });
    expect(priorities.criticalTeams.map((team) => [team.name, team.unitName])).toEqual([
      ["Returns", "Logistics"],
      ["Billing", "Payments"],
    ]);
  });

  it("ranks countermeasures across teams from their stored rankings and says who already plans them", async () => {
    const before = (await getOrgPriorities(org.head, {})).priorities!.countermeasures;
    expect(before.length).toBeGreaterThan(0);
    const first = before[0]!;
    expect(first.teams.map((team) => team.name)).toContain("Returns");
    expect(first.planned).toBe(0);

    const billing = first.teams.find((team) => team.name === "Billing");
    expect(billing).toBeDefined();
    await db.planItem.create({
      data: {
        teamId: org.teams.billing.id,
        countermeasureId: first.countermeasureId,
        pitfallId: "linear-run-costs",
        rationale: "so that",
        addresses: "[]",
        sourceAssessmentId: billingQ4,
        status: "todo",
      },
    });
    const after = (await getOrgPriorities(org.head, {})).priorities!.countermeasures;
    const same = after.find((entry) => entry.countermeasureId === first.countermeasureId)!;
    expect(same.planned).toBe(1);
    expect(same.teams.find((team) => team.name === "Billing")!.planStatus).toBe("todo");
  });

  it("shows a coach only the teams of the units they coach", async () => {
    const coach = (await getOrgPriorities(org.coach, {})).priorities!;
    expect(coach.coverage).toEqual({ submitted: 2, teams: 4 });
    expect(coach.criticalTeams.map((team) => team.name)).toEqual(["Billing"]);
    const teamsInRanking = new Set(
      coach.countermeasures.flatMap((entry) => entry.teams.map((team) => team.name)),
    );
    expect(teamsInRanking.has("Returns")).toBe(false);

    const logistics = await getOrgPriorities(org.logisticsCoach, {});
    expect(logistics.units.map((unit) => unit.slug)).toEqual(["logistics"]);
    expect(logistics.priorities!.criticalTeams.map((team) => team.name)).toEqual(["Returns"]);
    // A unit outside the coach's scope in the URL is ignored, not shown.
    const elsewhere = await getOrgPriorities(org.logisticsCoach, { unit: "payments" });
    expect(elsewhere.focusUnit).toBeNull();
    expect(elsewhere.priorities!.coverage).toEqual({ submitted: 1, teams: 1 });
  });

  it("narrows to one unit and an earlier cycle from the URL", async () => {
    const view = await getOrgPriorities(org.head, { unit: "payments", cycle: "2026-q3" });
    expect(view.focusUnit).toEqual({ slug: "payments", name: "Payments" });
    expect(view.cycle?.name).toBe("2026 Q3");
    expect(view.priorities!.coverage).toEqual({ submitted: 2, teams: 2 });
    expect(view.priorities!.pitfalls.map((risk) => risk.pitfallId)).toEqual(["linear-run-costs"]);
  });

  it("is not found for team leads, members and people without a role", async () => {
    for (const actor of [org.lead, org.member, org.nobody])
      await expect(getOrgPriorities(actor, {})).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the biggest changes since the previous cycle", () => {
  const moves = (entry: { moves: { pitfallId: string; before: number; now: number; change: number }[] }) =>
    entry.moves.map((move) => [move.pitfallId, move.before, move.now, move.change]);

  it("lists the teams that got worse, like with like, a headline that moved a band first", async () => {
    const changes = (await getOrgPriorities(org.head, {})).priorities!.changes!;
    expect(changes.since).toBe("2026 Q3");
    // Billing, Accounts and Returns have results in both; Checkout only in Q3, Search a Q4 draft.
    expect(changes.comparedTeams).toBe(3);
    expect(changes.worse.map((entry) => [entry.team.name, entry.headlineBefore, entry.headlineNow])).toEqual([
      ["Billing", "high", "critical"],
      ["Accounts", "low", "medium"],
      ["Returns", "critical", "critical"],
    ]);
    expect(moves(changes.worse[0]!)).toEqual([
      ["excessive-bau", 5, 65, 60],
      ["linear-run-costs", 70, 82, 12],
    ]);
    expect(moves(changes.worse[2]!)).toEqual([["linear-run-costs", 85, 95, 10]]);
    expect(changes.worse[0]!.team).toMatchObject({ slug: "billing", unitName: "Payments" });
    expect(changes.better).toEqual([]);
  });

  it("keeps to the teams a coach may read, and to the unit the URL names", async () => {
    const coach = (await getOrgPriorities(org.coach, {})).priorities!.changes!;
    expect(coach.comparedTeams).toBe(2);
    expect(coach.worse.map((entry) => entry.team.name)).toEqual(["Billing", "Accounts"]);
    const logistics = (await getOrgPriorities(org.head, { unit: "logistics" })).priorities!.changes!;
    expect(logistics.worse.map((entry) => entry.team.name)).toEqual(["Returns"]);
  });

  it("leaves out a team whose earlier result was scored with another method", async () => {
    const returnsQ3 = await db.assessment.findFirstOrThrow({
      where: { teamId: org.teams.returns.id, cycleId: org.cycles.q3 },
      select: { id: true, scoringMethodVersion: true },
    });
    const returnsQ4 = await db.assessment.findFirstOrThrow({
      where: { teamId: org.teams.returns.id, cycleId: org.cycles.q4 },
      select: { scoringMethodVersion: true },
    });
    await db.assessment.update({
      where: { id: returnsQ3.id },
      data: { scoringMethodVersion: (returnsQ4.scoringMethodVersion ?? 0) + 1 },
    });
    try {
      const changes = (await getOrgPriorities(org.head, {})).priorities!.changes!;
      expect(changes.comparedTeams).toBe(2);
      expect(changes.worse.map((entry) => entry.team.name)).toEqual(["Billing", "Accounts"]);
    } finally {
      await db.assessment.update({
        where: { id: returnsQ3.id },
        data: { scoringMethodVersion: returnsQ3.scoringMethodVersion },
      });
    }
  });

  it("is absent for the first cycle, which has none before it to compare with", async () => {
    const view = await getOrgPriorities(org.head, { cycle: "2026-q2" });
    expect(view.priorities!.changes).toBeNull();
  });
});

describe("run cost: teams off the playbook rule", () => {
  it("lists them with what moving each alone would change, within the viewer's scope", async () => {
    const head = await getRunCostView(org.head, {});
    // Checkout runs its own schedule at 95.0%; Returns is on central operations at 95.0%.
    expect(
      head.teamsOffRule.map((team) => [team.name, team.unitName, team.ruleSetup, team.yearlyDifference]),
    ).toEqual([
      ["Checkout", "Payments", "none", -26_000],
      ["Returns", "Logistics", "none", 0],
    ]);
    const logistics = await getRunCostView(org.logisticsCoach, {});
    expect(logistics.teamsOffRule.map((team) => team.name)).toEqual(["Returns"]);
  });
});

describe("the overview's figures", () => {
  it("lead the head to the filtered views and count the Critical teams", async () => {
    const overview = await getOrganisationOverview(org.head);
    expect(overview.criticalTeams).toBe(2);
    expect(overview.links).toMatchObject({
      submitted: "/org?cycle=2026-q4&completion=submitted",
      notStarted: "/org?cycle=2026-q4&completion=not-started",
      critical: "/org?cycle=2026-q4&band=critical",
      priorities: "/org/priorities?cycle=2026-q4",
    });
  });

  it("stay plain counts of the whole organisation for a team lead, without the Critical teams", async () => {
    const overview = await getOrganisationOverview(org.lead);
    expect(overview.scope).toEqual({ kind: "organisation" });
    expect(overview).toMatchObject({ orgUnitCount: 3, teamCount: 5 });
    expect(overview.currentCycle).toMatchObject({ submitted: 3, draft: 1, notStarted: 1 });
    expect(overview.links).toBeNull();
    expect(overview.criticalTeams).toBeNull();
    expect(overview.canManageCycles).toBe(false);
  });

  it("count a coach's own units, with the same links and Critical teams as the head's", async () => {
    // Payments (Checkout, Billing) and Customer Experience (Search, Accounts): Billing and Accounts
    // submitted, Search is in draft, Checkout has not started; Billing is Critical.
    const overview = await getOrganisationOverview(org.coach);
    expect(overview.scope).toEqual({ kind: "your-units", unitNames: ["Customer Experience", "Payments"] });
    expect(overview).toMatchObject({ orgUnitCount: 2, teamCount: 4 });
    expect(overview.currentCycle).toMatchObject({ submitted: 2, draft: 1, notStarted: 1 });
    expect(overview.criticalTeams).toBe(1);
    expect(overview.earlierCriticalTeams).toEqual([]);
    expect(overview.links).toMatchObject({
      critical: "/org?cycle=2026-q4&band=critical",
      changes: "/org/priorities?cycle=2026-q4#changes-heading",
    });
    expect(overview.previousCycleName).toBe("2026 Q3");
    expect(overview.canManageCycles).toBe(false);

    // Logistics' coach: Returns alone, submitted and Critical.
    const logistics = await getOrganisationOverview(org.logisticsCoach);
    expect(logistics.scope).toEqual({ kind: "your-units", unitNames: ["Logistics"] });
    expect(logistics).toMatchObject({ orgUnitCount: 1, teamCount: 1, criticalTeams: 1 });
    expect(logistics.currentCycle).toMatchObject({ submitted: 1, draft: 0, notStarted: 0 });
  });

  it("say how far the current cycle's due date is, and that it has passed", async () => {
    // 2026 Q4 is due on 15 December 2026.
    const before = await getOrganisationOverview(org.head, new Date("2026-11-29T12:00:00Z"));
    expect(before.currentCycle!.daysLeft).toBe(16);
    const after = await getOrganisationOverview(org.head, new Date("2027-01-04T12:00:00Z"));
    expect(after.currentCycle!.daysLeft).toBe(-20);
    expect(after.canManageCycles).toBe(true);
  });
});
