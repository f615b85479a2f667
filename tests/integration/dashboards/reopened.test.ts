/**
 * A reopened assessment keeps its last submitted results on every organisation and team view until
 * the team submits again, marked as reopened and counted apart from submitted ones; closing the
 * cycle keeps them as the cycle's results and says whose they are; the next quarter carries its
 * answers forward.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { reopenAssessment, startAssessment } from "@/server/assessments/mutations";
import { closeCycle, openCycle } from "@/server/cycles/mutations";
import { getCyclesPage } from "@/server/cycles/queries";
import { db } from "@/server/db";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { getOrgPriorities } from "@/server/dashboards/priorities";
import { getOrgRollups } from "@/server/dashboards/rollups";
import { getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { getOrganisationOverview } from "@/server/overview/queries";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { createPerson } from "../assessments/fixtures";
import { createDashboardOrganisation, draft, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;
let billingQ4: string;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  await submit(teams.billing.id, cycles.q3, { "linear-run-costs": 70 });
  await submit(teams.returns.id, cycles.q3, { "linear-run-costs": 60 });
  // 2026 Q4 (open): Billing is Critical on three pitfalls, Returns High, Search in draft.
  billingQ4 = await submit(
    teams.billing.id,
    cycles.q4,
    { "linear-run-costs": 82, "excessive-bau": 88, "limited-on-call-schedule": 90 },
    { target: "99-9", setup: "own-team-schedule" },
  );
  await submit(teams.returns.id, cycles.q4, { "linear-run-costs": 65 });
  await draft(teams.search.id, cycles.q4);
  await reopenAssessment(org.head, { assessmentId: billingQ4, reason: "The on-call answers were wrong." });
});

function rowOf(view: OrgHeatmapView, slug: string) {
  return view.heatmap.groups.flatMap((group) => group.rows).find((row) => row.slug === slug);
}

describe("a reopened assessment on the organisation views", () => {
  it("stays on the heatmap with its last submitted headline, marked reopened", async () => {
    const view = await getOrgHeatmap(org.head, {});
    const billing = rowOf(view, "billing")!;
    expect(billing.completion).toBe("reopened");
    expect(billing.cells.overall).toMatchObject({ band: "critical", status: "scored" });
    expect(billing.headline).toMatchObject({ worstBand: "critical", highOrCriticalCount: 3 });
    expect(billing.cells["linear-run-costs"]).toMatchObject({ score: 82, band: "critical" });
    // Compared with its 2026 Q3 result, like a submitted assessment.
    expect(billing.cells["linear-run-costs"].trend).toMatchObject({ direction: "up" });
    expect(view.heatmap.totals.completion).toEqual({ "not-started": 2, draft: 1, reopened: 1, submitted: 1 });
    const payments = view.heatmap.groups.find((group) => group.slug === "payments")!;
    expect(payments.headline.worstBand).toBe("critical");

    const critical = await getOrgHeatmap(org.head, { band: "critical" });
    expect(critical.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug))).toEqual([
      "billing",
    ]);
    const reopened = await getOrgHeatmap(org.head, { completion: "reopened" });
    expect(reopened.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug))).toEqual([
      "billing",
    ]);
  });

  it("counts as a Critical team on the start page, and apart from submitted and drafts", async () => {
    const overview = await getOrganisationOverview(org.head);
    expect(overview.criticalTeams).toBe(1);
    expect(overview.currentCycle).toMatchObject({ submitted: 1, reopened: 1, draft: 1, notStarted: 2 });
    expect(overview.links?.reopened).toBe("/org?cycle=2026-q4&completion=reopened");
  });

  it("stays in the roll-ups and the priorities, counted apart and marked reopened", async () => {
    const rollups = (await getOrgRollups(org.head, {})).rollups!;
    expect(rollups.organisation).toMatchObject({ teams: 5, submitted: 1, reopened: 1 });
    const linear = rollups.organisation.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!;
    expect(linear).toMatchObject({ scored: 2, averageScore: 73.5 });
    expect(linear.bands.critical).toBe(1);
    expect(rollups.units.find((unit) => unit.slug === "payments")).toMatchObject({
      submitted: 0,
      reopened: 1,
    });

    const priorities = (await getOrgPriorities(org.head, {})).priorities!;
    expect(priorities.criticalTeams.map((team) => [team.name, team.reopened])).toEqual([["Billing", true]]);
    expect(priorities.coverage).toEqual({ submitted: 2, teams: 5 });
  });

  it("is the latest result on the team dashboard, said to be reopened", async () => {
    const view = await getTeamDashboard(org.head, "billing", {});
    expect(view.cycle).toMatchObject({ name: "2026 Q4", status: "open" });
    expect(view.reopened).toBe(true);
    expect(view.overall.headline).toMatchObject({ worstBand: "critical", criticalCount: 3 });
    expect(view.history.map((point) => point.cycleName)).toEqual(["2026 Q3", "2026 Q4"]);
    // Ranked against both teams with results in the cycle, itself included.
    expect(view.comparedTeams).toBe(2);
    expect((await getTeamDashboard(org.head, "billing", { cycle: "2026-q3" })).reopened).toBe(false);
  });
});

describe("closing a cycle with a reopened assessment", () => {
  it("names it before and after, keeps its last submitted results, and carries its answers forward", async () => {
    const summary = (await getCyclesPage(org.head)).cycles.find((cycle) => cycle.name === "2026 Q4")!;
    expect(summary).toMatchObject({ submitted: 1, inProgress: 1, reopened: 1, reopenedTeams: ["Billing"] });
    expect(summary.notStarted).toBe(2);

    const closed = await closeCycle(org.head, { cycleId: org.cycles.q4 });
    expect(closed).toEqual({ name: "2026 Q4", reopenedTeams: ["Billing"] });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "cycle.closed", entityId: org.cycles.q4 },
    });
    expect(JSON.parse(event.after!)).toEqual({ status: "closed", reopenedTeams: ["Billing"] });

    const view = await getOrgHeatmap(org.head, { cycle: "2026-q4" });
    expect(view.cycle).toMatchObject({ status: "closed" });
    expect(rowOf(view, "billing")).toMatchObject({ completion: "reopened" });
    expect(rowOf(view, "billing")!.cells.overall.band).toBe("critical");
    expect((await getTeamDashboard(org.head, "billing", {})).cycle).toMatchObject({ name: "2026 Q4" });

    // Next quarter starts from the reopened assessment's answers.
    const nextQuarter = await db.cycle.findFirstOrThrow({ where: { year: 2027, quarter: 1 } });
    await openCycle(org.head, { cycleId: nextQuarter.id });
    const billingLead = await createPerson("Billing lead", [
      { role: "team_lead", teamId: org.teams.billing.id },
    ]);
    const started = await startAssessment(billingLead, { teamSlug: org.teams.billing.slug });
    expect(started.carriedOver).toBe(2);
    const next = await db.assessment.findUniqueOrThrow({ where: { id: started.assessmentId } });
    expect(next.carriedFromId).toBe(billingQ4);
  });
});
