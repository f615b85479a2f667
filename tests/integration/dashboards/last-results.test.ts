/**
 * While a cycle is open, a team without a result in it shows its last result from an earlier cycle
 * on the heatmap, labelled with that cycle and kept out of the cycle's figures; the start page and
 * At risk name the teams whose last result was Critical.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgPriorities } from "@/server/dashboards/priorities";
import { getOrganisationOverview } from "@/server/overview/queries";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { createDashboardOrganisation, draft, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  // Search last submitted in 2026 Q2, Critical on one pitfall.
  await submit(teams.search.id, cycles.q2, { "excessive-bau": 91 });
  // Checkout was Critical on three pitfalls in 2026 Q3 and has only a draft in Q4.
  await submit(teams.checkout.id, cycles.q2, { "linear-run-costs": 40 });
  await submit(teams.checkout.id, cycles.q3, {
    "linear-run-costs": 96.1,
    "excessive-bau": 88,
    "limited-on-call-schedule": 85,
  });
  await draft(teams.checkout.id, cycles.q4);
  // Billing submitted in Q4, Low; its Q3 result is not a fallback.
  await submit(teams.billing.id, cycles.q3, { "linear-run-costs": 90 });
  await submit(teams.billing.id, cycles.q4, { "linear-run-costs": 20 });
  // Returns never submitted.
});

function rows(view: OrgHeatmapView) {
  return view.heatmap.groups.flatMap((group) => group.rows);
}

describe("the heatmap of an open cycle", () => {
  it("shows a team without a result its last earlier one, labelled with that cycle", async () => {
    const view = await getOrgHeatmap(org.head, {});
    const checkout = rows(view).find((row) => row.slug === "checkout")!;
    expect(checkout.completion).toBe("draft");
    expect(checkout.headline).toBeNull();
    expect(checkout.cells.overall.status).toBe("no-result");
    expect(checkout.lastResult).toMatchObject({
      cycleName: "2026 Q3",
      headline: { worstBand: "critical", criticalCount: 3 },
    });
    expect(checkout.lastResult!.cells["linear-run-costs"]).toMatchObject({ score: 96.1, trend: null });
    const search = rows(view).find((row) => row.slug === "search")!;
    expect(search.lastResult?.cycleName).toBe("2026 Q2");
    expect(rows(view).find((row) => row.slug === "billing")!.lastResult).toBeNull();
    expect(rows(view).find((row) => row.slug === "returns")!.lastResult).toBeNull();
    expect(view.heatmap.totals.withLastResult).toBe(2);
  });

  it("keeps earlier results out of the cycle's unit figures and filters, but sorts by them", async () => {
    const view = await getOrgHeatmap(org.head, {});
    const payments = view.heatmap.groups.find((group) => group.slug === "payments")!;
    expect(payments.headline).toMatchObject({ scoredTeams: 1, worstBand: "low" });
    expect(payments.averages["linear-run-costs"]).toMatchObject({ score: 20, scoredTeams: 1 });
    expect(payments.rows.map((row) => row.slug)).toEqual(["checkout", "billing"]);
    const critical = await getOrgHeatmap(org.head, { band: "critical" });
    expect(rows(critical)).toEqual([]);
  });

  it("shows a closed cycle as it was, falling back only for teams without a result in it", async () => {
    const view = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    expect(rows(view).find((row) => row.slug === "checkout")!.lastResult).toBeNull();
    expect(rows(view).find((row) => row.slug === "search")!.lastResult?.cycleName).toBe("2026 Q2");
  });

  it("keeps to the teams the viewer may read", async () => {
    const view = await getOrgHeatmap(org.logisticsCoach, {});
    expect(rows(view).map((row) => [row.slug, row.lastResult])).toEqual([["returns", null]]);
  });

  it("notices a result added to an earlier cycle", async () => {
    const first = await getOrgHeatmap(org.head, {});
    expect(rows(first).find((row) => row.slug === "accounts")!.lastResult).toBeNull();
    const late = await submit(org.teams.accounts.id, org.cycles.q2, { "excessive-bau": 80 });
    const second = await getOrgHeatmap(org.head, {});
    expect(rows(second).find((row) => row.slug === "accounts")!.lastResult?.cycleName).toBe("2026 Q2");
    await db.pitfallResult.deleteMany({ where: { assessmentId: late } });
    await db.assessment.delete({ where: { id: late } });
  });
});

describe("the start page and At risk", () => {
  it("count this cycle's Critical teams apart from those whose last result was Critical", async () => {
    const overview = await getOrganisationOverview(org.head);
    expect(overview.criticalTeams).toBe(0);
    expect(overview.currentCycle).toMatchObject({ submitted: 1, reopened: 0 });
    expect(overview.earlierCriticalTeams).toEqual([{ cycleName: "2026 Q3" }, { cycleName: "2026 Q2" }]);
    expect(overview.links?.earlierCritical).toBe("/org/priorities?cycle=2026-q4#earlier-critical-heading");
  });

  it("lists the teams not yet submitted whose last result was Critical, worst first", async () => {
    const { priorities } = await getOrgPriorities(org.head, {});
    expect(priorities!.criticalTeams).toEqual([]);
    expect(priorities!.coverage).toEqual({ submitted: 1, teams: 5 });
    expect(
      priorities!.earlierCriticalTeams.map((team) => [team.name, team.cycleName, team.criticalPitfalls]),
    ).toEqual([
      ["Checkout", "2026 Q3", 3],
      ["Search", "2026 Q2", 1],
    ]);
    const coach = await getOrgPriorities(org.logisticsCoach, {});
    expect(coach.priorities!.earlierCriticalTeams).toEqual([]);
  });

  it("show no earlier teams to viewers who may not see the organisation", async () => {
    const overview = await getOrganisationOverview(org.lead);
    expect(overview.earlierCriticalTeams).toBeNull();
  });
});

describe("a large organisation early in a quarter", () => {
  it("shows a thousand teams without a result yet, each with its last earlier one", async () => {
    // More teams without a result than SQLite takes bound values in one statement (999).
    const unit = await db.orgUnit.create({ data: { name: "Platform Estate", slug: "platform-estate" } });
    await db.team.createMany({
      data: Array.from({ length: 1_000 }, (_, index) => ({
        name: `Estate ${String(index).padStart(4, "0")}`,
        slug: `estate-${index}`,
        orgUnitId: unit.id,
        createdAt: new Date("2026-01-01T00:00:00Z"),
      })),
    });
    const last = await db.team.findUniqueOrThrow({ where: { slug: "estate-999" } });
    await submit(last.id, org.cycles.q3, { "excessive-bau": 93.1 });

    const view = await getOrgHeatmap(org.head, { unit: "platform-estate" });
    const estate = rows(view);
    expect(estate).toHaveLength(1_000);
    expect(estate[0]).toMatchObject({
      slug: "estate-999",
      completion: "not-started",
      lastResult: { cycleName: "2026 Q3", headline: { worstBand: "critical" } },
    });
    expect(estate.filter((row) => row.lastResult !== null)).toHaveLength(1);
  });
});
