/**
 * Dashboards never present a change between results of different scoring methods as a trend: until
 * the stored results are re-scored, the comparison is withheld and labelled; afterwards it is back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SCORING_METHOD_VERSION } from "@/domain/scoring";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgRollups } from "@/server/dashboards/rollups";
import { getPitfallExplanation, getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "./fixtures";

const OLD_METHOD = SCORING_METHOD_VERSION - 1;

/** Records the method of a cycle's results, bumping versions as every assessment write does. */
async function setMethod(cycleId: string, method: number) {
  await db.assessment.updateMany({
    where: { cycleId },
    data: { scoringMethodVersion: method, version: { increment: 1 } },
  });
}

describe("dashboards across a scoring method change", () => {
  let org: DashboardOrganisation;
  beforeAll(async () => {
    org = await createDashboardOrganisation();
    await submit(org.teams.checkout.id, org.cycles.q3, { "linear-run-costs": 40 });
    await submit(org.teams.checkout.id, org.cycles.q4, { "linear-run-costs": 52 });
    await submit(org.teams.billing.id, org.cycles.q3, { "linear-run-costs": 60 });
    await submit(org.teams.billing.id, org.cycles.q4, { "linear-run-costs": 70 });
    await setMethod(org.cycles.q3, OLD_METHOD);
    await setMethod(org.cycles.q4, SCORING_METHOD_VERSION);
  });

  it("withholds the team's trends and says why", async () => {
    const view = await getTeamDashboard(org.lead, org.teams.checkout.slug, {});
    expect(view.cycle?.name).toBe("2026 Q4");
    expect(view.methodChange).toMatchObject({
      since: "2026 Q3",
      earlier: [OLD_METHOD],
      later: [SCORING_METHOD_VERSION],
    });
    expect(view.pitfalls.every((pitfall) => pitfall.trend === null)).toBe(true);
    expect(view.overall.trend).toBeNull();
    expect(view.historyMethodNote).toContain(`2026 Q3: method ${OLD_METHOD}`);

    const explanation = await getPitfallExplanation(
      org.lead,
      org.teams.checkout.slug,
      "linear-run-costs",
      {},
    );
    expect(explanation.trend).toBeNull();
    expect(explanation.methodChange?.since).toBe("2026 Q3");
  });

  it("withholds the heatmap's and roll-ups' changes since the previous cycle and says why", async () => {
    const heatmap = await getOrgHeatmap(org.head, {});
    expect(heatmap.methodChange?.text).toContain("2026 Q3");
    const cells = heatmap.heatmap.groups.flatMap((group) =>
      group.rows.flatMap((row) => Object.values(row.cells)),
    );
    const averages = heatmap.heatmap.groups.flatMap((group) => Object.values(group.averages));
    expect(averages.every((average) => average.trend === null)).toBe(true);
    expect(cells.every((cell) => cell.trend === null)).toBe(true);

    const rollups = await getOrgRollups(org.head, {});
    expect(rollups.methodChange?.since).toBe("2026 Q3");
    expect(rollups.historyMethodNote).not.toBeNull();
  });

  it("compares again once every result uses the current method", async () => {
    await setMethod(org.cycles.q3, SCORING_METHOD_VERSION);
    const view = await getTeamDashboard(org.lead, org.teams.checkout.slug, {});
    expect(view.methodChange).toBeNull();
    expect(view.historyMethodNote).toBeNull();
    expect(view.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")?.trend?.text).toBe(
      "up 12 since 2026 Q3",
    );
    const heatmap = await getOrgHeatmap(org.head, {});
    expect(heatmap.methodChange).toBeNull();
    const rollups = await getOrgRollups(org.head, {});
    expect(rollups.methodChange).toBeNull();
    expect(rollups.historyMethodNote).toBeNull();
  });
});
