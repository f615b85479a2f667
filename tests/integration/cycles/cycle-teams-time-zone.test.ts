/**
 * A cycle's teams are the teams added by the end of its due day in the organisation's calendar
 * (ORG_TIME_ZONE), as every other day rule reads days: here New York, four hours behind UTC in
 * September.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.ORG_TIME_ZONE = "America/New_York";
});

import { orgTimeZone } from "@/server/org-calendar";
import { db } from "@/server/db";
import { getCyclesPage } from "@/server/cycles/queries";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getRunCostView } from "@/server/dashboards/run-cost";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "../dashboards/fixtures";

let org: DashboardOrganisation;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  for (const team of Object.values(org.teams)) await submit(team.id, org.cycles.q3, {});
  // 2026 Q3 was due on 15 September. 20:00 that evening in New York is already the 16th in UTC.
  await db.team.create({
    data: {
      name: "Evening Team",
      slug: "evening-team",
      orgUnitId: org.units.payments,
      createdAt: new Date("2026-09-16T00:00:00Z"),
    },
  });
  // 00:30 on the 16th in New York: the day after the due day.
  await db.team.create({
    data: {
      name: "Next Day Team",
      slug: "next-day-team",
      orgUnitId: org.units.payments,
      createdAt: new Date("2026-09-16T04:30:00Z"),
    },
  });
});

describe("the teams of a cycle in the organisation's time zone", () => {
  it("include a team added on the evening of the due day there, and not one added the day after", async () => {
    expect(orgTimeZone()).toBe("America/New_York");
    const heatmap = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    const slugs = heatmap.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug));
    expect(slugs).toContain("evening-team");
    expect(slugs).not.toContain("next-day-team");
    expect(heatmap.heatmap.totals.completion["not-started"]).toBe(1);

    const runCost = await getRunCostView(org.head, { cycle: "2026-q3" });
    expect(runCost.teamsNotReporting).toBe(1);

    const cycles = await getCyclesPage(org.admin);
    const q3 = cycles.cycles.find((cycle) => cycle.name === "2026 Q3")!;
    expect(q3.notStarted).toBe(1);
  });
});
