/**
 * A cycle's teams are the teams added by the end of its due day, plus any team with an assessment
 * in it. The run-cost page and the heatmap export count the same teams for a cycle as the heatmap,
 * so a team added after a quarter was due never turns up as "not reporting" or as an empty row of it.
 */
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getRunCostView } from "@/server/dashboards/run-cost";
import { readExportText } from "@/server/exports/export-file";
import { buildHeatmapExport } from "@/server/exports/heatmap-export";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "../dashboards/fixtures";

let org: DashboardOrganisation;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  for (const team of Object.values(org.teams))
    await submit(team.id, org.cycles.q3, {}, { target: "99-9", setup: "own-team-schedule" });
  // Added long after 2026 Q3 was due (15 September 2026).
  await db.team.create({
    data: {
      name: "Newcomers",
      slug: "newcomers",
      orgUnitId: org.units.payments,
      createdAt: new Date("2026-11-20T00:00:00Z"),
    },
  });
  // Added after the due day too, but it took part: it has an assessment in 2026 Q3.
  const late = await db.team.create({
    data: {
      name: "Late Joiners",
      slug: "late-joiners",
      orgUnitId: org.units.logistics,
      createdAt: new Date("2026-10-01T00:00:00Z"),
    },
  });
  await submit(late.id, org.cycles.q3, {}, { target: "95-0", setup: "none" });
});

async function exportedSlugs(cycle: { year: number; quarter: number }): Promise<string[]> {
  const file = await buildHeatmapExport(org.head, { cycle });
  const parsed = Papa.parse<Record<string, string>>(await readExportText(file.body), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) => row["Team slug"]!).sort();
}

describe("the teams of a past cycle", () => {
  it("are the heatmap's teams", async () => {
    const heatmap = await getOrgHeatmap(org.head, { cycle: "2026-q3" });
    expect(heatmap.heatmap.totals.teams).toBe(6);
  });

  it("are the teams the run-cost page counts", async () => {
    const q3 = await getRunCostView(org.head, { cycle: "2026-q3" });
    expect(q3.teamsReporting).toBe(6);
    expect(q3.teamsNotReporting).toBe(0);
    // In the open cycle the newcomer is one of the teams, and has reported nothing yet.
    const q4 = await getRunCostView(org.head, { cycle: "2026-q4" });
    expect(q4.teamsReporting).toBe(6);
    expect(q4.teamsNotReporting).toBe(1);
  });

  it("are the rows of the heatmap export", async () => {
    const q3 = await exportedSlugs({ year: 2026, quarter: 3 });
    expect(q3).not.toContain("newcomers");
    expect(q3).toEqual(["accounts", "billing", "checkout", "late-joiners", "returns", "search"].sort());
    expect(await exportedSlugs({ year: 2026, quarter: 4 })).toContain("newcomers");
  });
});
