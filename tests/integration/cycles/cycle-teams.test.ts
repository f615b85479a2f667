/**
 * A cycle's teams are those in place by its due date (and any team with an assessment in it):
 * adding teams later leaves a closed cycle's counts, heatmap rows and roll-up denominators as they
 * were, and adds the teams to the cycles still to come.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getCyclesPage } from "@/server/cycles/queries";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgPriorities } from "@/server/dashboards/priorities";
import { getOrgRollups } from "@/server/dashboards/rollups";
import { getOrganisationOverview } from "@/server/overview/queries";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "../dashboards/fixtures";

let org: DashboardOrganisation;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  await submit(teams.billing.id, cycles.q3, { "linear-run-costs": 70 });
  await submit(teams.search.id, cycles.q3, { "linear-run-costs": 40 });
  await submit(teams.billing.id, cycles.q4, { "linear-run-costs": 60 });
});

function slugs(view: OrgHeatmapView): string[] {
  return view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)).sort();
}

function summary(page: Awaited<ReturnType<typeof getCyclesPage>>, name: string) {
  const cycle = page.cycles.find((candidate) => candidate.name === name)!;
  return { submitted: cycle.submitted, inProgress: cycle.inProgress, notStarted: cycle.notStarted };
}

describe("teams added after a cycle was due", () => {
  it("leave the closed cycle's counts, rows and denominators as they were", async () => {
    const cyclesBefore = await getCyclesPage(org.admin);
    const q3Before = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    expect(summary(cyclesBefore, "2026 Q3")).toEqual({ submitted: 2, inProgress: 0, notStarted: 3 });

    // Imported on 1 October: after 2026 Q3 was due (15 September), before 2026 Q4 is.
    const added = await db.team.create({
      data: {
        name: "Fraud",
        slug: "fraud",
        orgUnitId: org.units.payments,
        createdAt: new Date("2026-10-01T09:00:00Z"),
      },
    });

    const cyclesAfter = await getCyclesPage(org.admin);
    expect(summary(cyclesAfter, "2026 Q3")).toEqual(summary(cyclesBefore, "2026 Q3"));
    expect(summary(cyclesAfter, "2026 Q2")).toEqual({ submitted: 0, inProgress: 0, notStarted: 5 });
    expect(summary(cyclesAfter, "2026 Q4")).toEqual({
      ...summary(cyclesBefore, "2026 Q4"),
      notStarted: summary(cyclesBefore, "2026 Q4").notStarted + 1,
    });

    const q3After = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    expect(slugs(q3After)).toEqual(slugs(q3Before));
    expect(q3After.heatmap.totals).toEqual(q3Before.heatmap.totals);
    expect(slugs(await getOrgHeatmap(org.head, { cycle: "2026-q4" }))).toContain("fraud");

    const rollups = await getOrgRollups(org.head, { cycle: "2026-q3" });
    expect(rollups.rollups!.organisation).toMatchObject({ teams: 5, submitted: 2 });
    expect(rollups.rollups!.units.find((unit) => unit.slug === "payments")).toMatchObject({ teams: 2 });
    expect((await getOrgRollups(org.head, {})).rollups!.organisation.teams).toBe(6);

    const priorities = await getOrgPriorities(org.head, { cycle: "2026-q3" });
    expect(priorities.priorities!.coverage).toEqual({ submitted: 2, teams: 5 });

    // The open cycle's completion on the start page counts the new team as not started.
    const overview = await getOrganisationOverview(org.head);
    expect(overview.currentCycle).toMatchObject({ name: "2026 Q4", submitted: 1, notStarted: 5 });

    await db.team.delete({ where: { id: added.id } });
  });

  it("still count in a cycle they have an assessment in", async () => {
    const late = await db.team.create({
      data: {
        name: "Ledger",
        slug: "ledger",
        orgUnitId: org.units.payments,
        createdAt: new Date("2026-10-01T09:00:00Z"),
      },
    });
    const assessment = await submit(late.id, org.cycles.q3, { "linear-run-costs": 50 });
    expect(summary(await getCyclesPage(org.admin), "2026 Q3")).toEqual({
      submitted: 3,
      inProgress: 0,
      notStarted: 3,
    });
    expect(slugs(await getOrgHeatmap(org.head, { cycle: "2026-q3" }))).toContain("ledger");
    await db.pitfallResult.deleteMany({ where: { assessmentId: assessment } });
    await db.assessment.delete({ where: { id: assessment } });
    await db.team.delete({ where: { id: late.id } });
  });

  it("belong to a cycle from its due day on, and not from the day after", async () => {
    const onDueDay = await db.team.create({
      data: {
        name: "Due day",
        slug: "due-day",
        orgUnitId: org.units.logistics,
        createdAt: new Date("2026-09-15T23:30:00Z"),
      },
    });
    const dayAfter = await db.team.create({
      data: {
        name: "Day after",
        slug: "day-after",
        orgUnitId: org.units.logistics,
        createdAt: new Date("2026-09-16T00:00:00Z"),
      },
    });
    const q3 = slugs(await getOrgHeatmap(org.head, { cycle: "2026-q3" }));
    expect(q3).toContain("due-day");
    expect(q3).not.toContain("day-after");
    await db.team.deleteMany({ where: { id: { in: [onDueDay.id, dayAfter.id] } } });
  });
});
