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

  it("stay plain counts for a coach or a team lead, without the Critical teams", async () => {
    for (const actor of [org.coach, org.lead]) {
      const overview = await getOrganisationOverview(actor);
      expect(overview.currentCycle).toMatchObject({ submitted: 3, draft: 1, notStarted: 1 });
      expect(overview.links).toBeNull();
      expect(overview.criticalTeams).toBeNull();
    }
  });
});
