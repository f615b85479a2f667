/**
 * Org units nest, and a unit covers the units below it: a coach of a unit coaches its sub-units,
 * and the unit's plan and export include their teams. The dashboards' unit filter takes the same
 * teams (heatmap, At risk, the roll-ups' unit trend), and a unit whose teams all sit in sub-units
 * is offered as a filter too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgPriorities } from "@/server/dashboards/priorities";
import { getOrgRollups } from "@/server/dashboards/rollups";
import { getUnitPlan } from "@/server/plans/queries";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { createPerson } from "../plans/fixtures";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;
let cards: string;

async function unitWithTeam(unit: { name: string; slug: string; parentId: string | null }, team: string) {
  const created = await db.orgUnit.create({ data: unit });
  const slug = team.toLowerCase().replaceAll(" ", "-");
  const row = await db.team.create({
    data: { name: team, slug, orgUnitId: created.id, createdAt: new Date("2026-01-01T00:00:00Z") },
  });
  return { unitId: created.id, teamId: row.id };
}

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  // Cards sits inside Payments; Platform has no team of its own, only its sub-unit Tooling's.
  const cardIssuing = await unitWithTeam(
    { name: "Cards", slug: "cards", parentId: org.units.payments },
    "Card Issuing",
  );
  cards = cardIssuing.unitId;
  const platform = await db.orgUnit.create({ data: { name: "Platform", slug: "platform" } });
  const devTools = await unitWithTeam(
    { name: "Tooling", slug: "tooling", parentId: platform.id },
    "Dev Tools",
  );

  await submit(teams.checkout.id, cycles.q3, { "linear-run-costs": 40 });
  await submit(cardIssuing.teamId, cycles.q3, { "linear-run-costs": 60 });
  await submit(teams.checkout.id, cycles.q4, { "linear-run-costs": 40 });
  await submit(teams.billing.id, cycles.q4, { "linear-run-costs": 20 });
  await submit(cardIssuing.teamId, cycles.q4, { "linear-run-costs": 90 });
  await submit(devTools.teamId, cycles.q4, { "linear-run-costs": 85 });
});

function heatmapTeams(view: OrgHeatmapView): string[] {
  return view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)).sort();
}

describe("the dashboards' unit filter", () => {
  it("takes a unit's sub-units' teams on the heatmap, the same teams as the unit's plan", async () => {
    const plan = await getUnitPlan(org.head, "payments");
    const view = await getOrgHeatmap(org.head, { cycle: "2026-q4", unit: "payments" });
    expect(heatmapTeams(view)).toEqual(["billing", "card-issuing", "checkout"]);
    expect(heatmapTeams(view)).toEqual(plan.teams.map((team) => team.slug).sort());
    // Each team stays under its own unit.
    expect(view.heatmap.groups.map((group) => group.slug).sort()).toEqual(["cards", "payments"]);
    expect(view.heatmap.totals.teams).toBe(3);
    expect(view.query.unit).toBe("payments");
  });

  it("offers a unit whose teams are all in its sub-units", async () => {
    const view = await getOrgHeatmap(org.head, { cycle: "2026-q4", unit: "platform" });
    expect(view.units.map((unit) => unit.slug)).toEqual([
      "cards",
      "customer-experience",
      "logistics",
      "payments",
      "platform",
      "tooling",
    ]);
    expect(view.unknownUnit).toBe(false);
    expect(heatmapTeams(view)).toEqual(["dev-tools"]);
  });

  it("takes the same teams on At risk", async () => {
    const view = await getOrgPriorities(org.head, { cycle: "2026-q4", unit: "payments" });
    expect(view.focusUnit).toEqual({ slug: "payments", name: "Payments" });
    expect(view.priorities!.coverage).toEqual({ submitted: 3, teams: 3 });
    expect(view.priorities!.criticalTeams.map((team) => [team.slug, team.unitName])).toEqual([
      ["card-issuing", "Cards"],
    ]);
    const platform = await getOrgPriorities(org.head, { cycle: "2026-q4", unit: "platform" });
    expect(platform.priorities!.criticalTeams.map((team) => team.slug)).toEqual(["dev-tools"]);
  });

  it("takes the same teams for a unit's roll-up trend", async () => {
    const view = await getOrgRollups(org.head, { cycle: "2026-q4", unit: "payments" });
    expect(view.focusUnit).toEqual({ slug: "payments", name: "Payments" });
    const linear = view.trend!["linear-run-costs"];
    // 2026 Q3: Checkout 40 and Card Issuing 60; 2026 Q4: 40, 20 and 90.
    expect(linear.map((point) => [point.cycleName, point.scored, point.averageScore])).toEqual([
      ["2026 Q2", 0, null],
      ["2026 Q3", 2, 50],
      ["2026 Q4", 3, 50],
    ]);
    expect(view.focusRollup).toMatchObject({ slug: "payments", teams: 3, submitted: 3 });
    // The per-unit tables still list each unit with its own teams.
    expect(view.rollups!.units.find((unit) => unit.slug === "payments")).toMatchObject({ teams: 2 });
    expect(view.rollups!.units.find((unit) => unit.slug === "cards")).toMatchObject({ teams: 1 });

    const platform = await getOrgRollups(org.head, { cycle: "2026-q4", unit: "platform" });
    expect(platform.focusRollup).toMatchObject({ slug: "platform", teams: 1, submitted: 1 });
    expect(platform.trend!["linear-run-costs"].at(-1)).toMatchObject({ scored: 1, averageScore: 85 });
  });

  it("offers a coach the units they coach, sub-units included, and no unit above them", async () => {
    // Loaded now that Cards exists: coaching Payments covers Cards.
    const paymentsCoach = await createPerson("Payments coach", [
      { role: "coach", orgUnitId: org.units.payments },
      { role: "coach", orgUnitId: org.units.customerExperience },
    ]);
    const coach = await getOrgHeatmap(paymentsCoach, { cycle: "2026-q4", unit: "payments" });
    expect(coach.units.map((unit) => unit.slug)).toEqual(["cards", "customer-experience", "payments"]);
    expect(heatmapTeams(coach)).toEqual(["billing", "card-issuing", "checkout"]);

    const cardsCoach = await createPerson("Cards coach", [{ role: "coach", orgUnitId: cards }]);
    const view = await getOrgHeatmap(cardsCoach, { cycle: "2026-q4" });
    expect(view.units.map((unit) => unit.slug)).toEqual(["cards"]);
    const above = await getOrgHeatmap(cardsCoach, { cycle: "2026-q4", unit: "payments" });
    expect(above.unknownUnit).toBe(true);
    expect(heatmapTeams(above)).toEqual(["card-issuing"]);
  });

  it("follows a sub-unit moved out of the unit", async () => {
    expect(heatmapTeams(await getOrgHeatmap(org.head, { cycle: "2026-q4", unit: "payments" }))).toContain(
      "card-issuing",
    );
    await db.orgUnit.update({ where: { id: cards }, data: { parentId: null } });
    const after = await getOrgHeatmap(org.head, { cycle: "2026-q4", unit: "payments" });
    expect(heatmapTeams(after)).toEqual(["billing", "checkout"]);
    await db.orgUnit.update({ where: { id: cards }, data: { parentId: org.units.payments } });
  });
});
