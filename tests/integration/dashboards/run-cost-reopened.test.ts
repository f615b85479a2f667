/**
 * The run-cost page and reopened assessments. A reopened assessment keeps its last submitted
 * results everywhere, but the team context the run-cost page counts (availability target and
 * on-call setup) is not part of those results: it lives in the answers the team is revising. So a
 * reopened team is counted with its reopened assessment's context as it stands, and named as being
 * revised; it never falls back to an older quarter's setup, nor drops out as "not reporting".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { reopenAssessment } from "@/server/assessments/mutations";
import { db } from "@/server/db";
import { getRunCostView } from "@/server/dashboards/run-cost";
import { createDashboardOrganisation, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;
let checkoutQ4: string;
let billingQ4: string;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles } = org;
  // 2026 Q3: Checkout ran its own out-of-hours schedule. 2026 Q4: it moved to central operations.
  await submit(teams.checkout.id, cycles.q3, {}, { target: "99-9", setup: "own-team-schedule" });
  checkoutQ4 = await submit(teams.checkout.id, cycles.q4, {}, { target: "95-0", setup: "central-ops" });
  // Billing submitted for the first time in 2026 Q4.
  billingQ4 = await submit(teams.billing.id, cycles.q4, {}, { target: "99-9", setup: "own-team-schedule" });
  await reopenAssessment(org.head, { assessmentId: checkoutQ4, reason: "Correct the availability target" });
  await reopenAssessment(org.head, { assessmentId: billingQ4, reason: "Correct the availability target" });
});

describe("run cost with reopened assessments", () => {
  it("counts a reopened team with its reopened assessment's context, named as being revised", async () => {
    const view = await getRunCostView(org.head, { cycle: "2026-q4" });
    // Both teams count; Checkout with its 2026 Q4 setup (central operations), not its 2026 Q3 one.
    expect(view.teamsReporting).toBe(2);
    expect(view.teamsNotReporting).toBe(3);
    expect(view.whatIf!.now).toMatchObject({
      teamsOnCentralOps: 1,
      teamsWithOwnSchedule: 1,
      outOfHoursSchedules: 1,
    });
    expect(view.teamsBeingRevised).toEqual([
      { name: "Billing", slug: "billing", cycleName: "2026 Q4" },
      { name: "Checkout", slug: "checkout", cycleName: "2026 Q4" },
    ]);
    // Checkout (95.0% on central operations cover) is off the rule, and marked as being revised.
    expect(view.teamsOffRule).toEqual([
      expect.objectContaining({ slug: "checkout", setup: "central-ops", ruleSetup: "none", reopened: true }),
    ]);
  });

  it("reads the context as the team revises it, and no longer marks it once submitted again", async () => {
    await db.answer.update({
      where: {
        assessmentId_questionId: { assessmentId: billingQ4, questionId: "out-of-hours-on-call-setup" },
      },
      data: { value: JSON.stringify("shared-domain-schedule") },
    });
    const revising = await getRunCostView(org.head, { cycle: "2026-q4" });
    expect(revising.whatIf!.now).toMatchObject({ teamsWithOwnSchedule: 0, teamsOnDomainSchedule: 1 });
    expect(revising.teamsBeingRevised.map((team) => team.slug)).toEqual(["billing", "checkout"]);

    await db.assessment.update({ where: { id: billingQ4 }, data: { status: "submitted" } });
    const resubmitted = await getRunCostView(org.head, { cycle: "2026-q4" });
    expect(resubmitted.teamsReporting).toBe(2);
    expect(resubmitted.teamsBeingRevised.map((team) => team.slug)).toEqual(["checkout"]);
  });

  it("counts a team reopened in an earlier cycle the same way on a later cycle's page", async () => {
    // 2026 Q3 is the latest cycle with results for Returns; it was reopened after 2026 Q4 opened.
    const returnsQ3 = await submit(
      org.teams.returns.id,
      org.cycles.q3,
      {},
      { target: "99-0", setup: "none" },
    );
    await db.assessment.update({ where: { id: returnsQ3 }, data: { status: "reopened" } });
    const view = await getRunCostView(org.head, { cycle: "2026-q4" });
    expect(view.teamsReporting).toBe(3);
    expect(view.teamsBeingRevised).toContainEqual({ name: "Returns", slug: "returns", cycleName: "2026 Q3" });
  });

  it("leaves out a draft that was never submitted", async () => {
    await db.assessment.create({
      data: { teamId: org.teams.search.id, cycleId: org.cycles.q4, status: "draft" },
    });
    const view = await getRunCostView(org.head, { cycle: "2026-q4" });
    expect(view.teamsReporting).toBe(3);
    expect(view.teamsBeingRevised.map((team) => team.slug)).not.toContain("search");
  });
});
