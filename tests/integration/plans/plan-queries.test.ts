import { beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "@/domain/format";
import { readStoredResults, scoreOfPitfall } from "@/domain/plans/stored-rankings";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { addPlanItem, updatePlanItem } from "@/server/plans/mutations";
import { getTeamPlan, getUnitPlan, listPlanUnits } from "@/server/plans/queries";
import { getAssessmentResult } from "@/server/assessments/queries";
import { getTeamDashboard } from "@/server/dashboards/team-dashboard";
import {
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "./fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return (error as ExpectedError).code;
}

const DAY = 86_400_000;

describe("team plan and org unit plans", () => {
  let org: PlanTestOrganisation;
  let team: PlanTestTeam;
  let neighbour: PlanTestTeam;
  let q2Id: string;
  let q3Id: string;
  let planned: string[];

  beforeAll(async () => {
    org = await createPlanOrganisation();
    team = await createTeam(org.unit.id, "Checkout");
    neighbour = await createTeam(org.unit.id, "Refunds");
    await createTeam(org.otherUnit.id, "Warehouse");

    // The plan is made from the riskier 2026 Q2 results; 2026 Q3 is submitted afterwards.
    q2Id = (await createScoredAssessment(team.id, org.q2.id, 1, new Date("2026-06-10T00:00:00Z"))).id;
    const ranking = readStoredResults(await db.pitfallResult.findMany({ where: { assessmentId: q2Id } }));
    planned = ranking.recommendations.slice(0, 3).map((entry) => entry.countermeasureId);
    for (const countermeasureId of planned)
      await addPlanItem(org.coach, { teamSlug: team.slug, countermeasureId });
    q3Id = (await createScoredAssessment(team.id, org.q3.id, 0.3, new Date("2026-09-10T00:00:00Z"))).id;

    await createScoredAssessment(neighbour.id, org.q3.id, 0.8, new Date("2026-09-12T00:00:00Z"));
    await addPlanItem(neighbour.lead, { teamSlug: neighbour.slug, countermeasureId: planned[0]! });
  });

  it("shows the latest results' ranking, marking what is already in the plan", async () => {
    const plan = await getTeamPlan(org.coach, team.slug);
    expect(plan.source?.cycleName).toBe("2026 Q3");
    expect(plan.canEdit).toBe(true);
    expect(plan.canExport).toBe(true);
    expect(plan.items.map((item) => item.countermeasureId)).toEqual(planned);
    const inPlan = plan.recommendations
      .filter((entry) => entry.inPlan)
      .map((entry) => entry.countermeasureId);
    expect(inPlan.sort()).toEqual(
      plan.recommendations
        .map((entry) => entry.countermeasureId)
        .filter((id) => planned.includes(id))
        .sort(),
    );
    expect(plan.owners.map((owner) => owner.name).sort()).toEqual(["Riley Chén", "Zoë Müller-Łukasz"]);
    expect(plan.exportCycles.map((cycle) => cycle.slug)).toEqual(["2026-q3", "2026-q2"]);
  });

  it("closes the loop: each item compares its pitfall's score when added with the latest cycle", async () => {
    const plan = await getTeamPlan(org.coach, team.slug);
    const [q2, q3] = await Promise.all(
      [q2Id, q3Id].map(async (id) =>
        readStoredResults(await db.pitfallResult.findMany({ where: { assessmentId: id } })),
      ),
    );
    for (const item of plan.items) {
      const before = scoreOfPitfall(q2!.pitfalls, item.pitfallId)!;
      const after = scoreOfPitfall(q3!.pitfalls, item.pitfallId)!;
      const difference = Math.round((after - before) * 10) / 10;
      const words =
        difference < 0
          ? `down ${formatScore(-difference)}`
          : difference > 0
            ? `up ${formatScore(difference)}`
            : "unchanged";
      expect(item.addedInCycle).toBe("2026 Q2");
      expect(item.closedLoop.text).toBe(
        `${item.pitfallName}: ${formatScore(before)} → ${formatScore(after)} (${words}) since 2026 Q2`,
      );
      expect(item.outcome).toBe(difference < 0 ? "improved" : difference > 0 ? "worsened" : "unchanged");
    }
    expect(plan.items.some((item) => item.outcome === "improved")).toBe(true);
  });

  it("lets a member read the plan without edit or export rights, and without the owner list", async () => {
    const plan = await getTeamPlan(team.member, team.slug);
    expect(plan.canEdit).toBe(false);
    expect(plan.canExport).toBe(false);
    expect(plan.owners).toEqual([]);
    expect(plan.items).toHaveLength(3);
  });

  it("hides a team from people without a role on it or its unit", async () => {
    expect(await codeOf(getTeamPlan(org.otherCoach, team.slug))).toBe("not_found");
    expect(await codeOf(getTeamPlan(neighbour.member, team.slug))).toBe("not_found");
  });

  it("lists the units a coach looks after, and every unit for a head of engineering", async () => {
    const coachView = await listPlanUnits(org.coach);
    expect(coachView.units.map((unit) => unit.slug)).toEqual([org.unit.slug]);
    expect(coachView.units[0]).toMatchObject({
      teams: 2,
      items: 4,
      open: 4,
      overdue: 0,
      done: 0,
      dropped: 0,
    });
    expect(coachView.heatmapCycles.map((cycle) => cycle.name)).toEqual(["2026 Q3", "2026 Q2"]);

    const headView = await listPlanUnits(org.head);
    expect(headView.units.map((unit) => unit.slug).sort()).toEqual(
      [org.unit.slug, org.otherUnit.slug].sort(),
    );
    expect((await listPlanUnits(team.lead)).units).toEqual([]);
  });

  it("shows a unit's most common countermeasures, overdue items and items done this cycle", async () => {
    const plan = await getTeamPlan(org.coach, team.slug);
    const [first, second] = plan.items;
    // Both were due three days ago: time passed since the date was set (a date already gone
    // cannot be set), so the dates are written directly and the edits keep them.
    const threeDaysAgo = new Date(Date.now() - 3 * DAY);
    await db.planItem.updateMany({
      where: { id: { in: [first!.id, second!.id] } },
      data: { dueOn: threeDaysAgo },
    });
    await updatePlanItem(team.lead, {
      itemId: first!.id,
      expectedVersion: first!.version,
      ownerId: team.member.id,
      dueOn: threeDaysAgo,
      status: "in_progress",
      droppedReason: null,
      notes: null,
    });
    await updatePlanItem(team.lead, {
      itemId: second!.id,
      expectedVersion: second!.version,
      ownerId: null,
      dueOn: threeDaysAgo,
      status: "done",
      droppedReason: null,
      notes: null,
    });

    const unit = await getUnitPlan(org.coach, org.unit.slug);
    expect(unit.teams.map((entry) => entry.name)).toEqual(["Checkout", "Refunds"]);
    expect(unit.common[0]).toMatchObject({ countermeasureId: planned[0], teamsPlanning: 2 });
    expect(unit.overdue.map((item) => item.id)).toEqual([first!.id]);
    expect(unit.overdue[0]).toMatchObject({ team: { slug: team.slug }, owner: { id: team.member.id } });
    expect(unit.doneThisCycle.map((item) => item.id)).toEqual([second!.id]);
    expect(unit.currentCycle?.name).toBe("2026 Q4");
    expect(unit.teams.find((entry) => entry.name === "Checkout")).toMatchObject({
      items: 3,
      open: 2,
      overdue: 1,
      done: 1,
      dropped: 0,
      latestCycle: "2026 Q3",
    });
    expect(unit.canExport).toBe(true);
  });

  it("counts dropped items apart, so open, done and dropped add up to the plan items", async () => {
    const plan = await getTeamPlan(org.coach, team.slug);
    const todo = plan.items.find((item) => item.status === "todo")!;
    await updatePlanItem(team.lead, {
      itemId: todo.id,
      expectedVersion: todo.version,
      ownerId: null,
      dueOn: null,
      status: "dropped",
      droppedReason: "The platform team does this for everyone",
      notes: null,
    });
    const unit = await getUnitPlan(org.coach, org.unit.slug);
    const checkout = unit.teams.find((entry) => entry.name === "Checkout")!;
    expect(checkout).toMatchObject({ items: 3, open: 1, done: 1, dropped: 1 });
    const [summary] = (await listPlanUnits(org.coach)).units;
    expect(summary!.open + summary!.done + summary!.dropped).toBe(summary!.items);
    expect(summary!.dropped).toBe(1);
  });

  it("hides a unit from a coach of another unit and from team leads", async () => {
    expect(await codeOf(getUnitPlan(org.otherCoach, org.unit.slug))).toBe("not_found");
    expect(await codeOf(getUnitPlan(team.lead, org.unit.slug))).toBe("not_found");
    expect(await codeOf(getUnitPlan(org.coach, "no-such-unit"))).toBe("not_found");
  });

  it("says a dropped item is dropped, not in the plan, on the result's first steps, the plan's ranking and the team dashboard", async () => {
    const dropping = await createTeam(org.unit.id, "Payouts");
    await createScoredAssessment(dropping.id, org.q3.id, 0.8, new Date("2026-09-12T00:00:00Z"));
    const before = await getAssessmentResult(dropping.member, dropping.slug, "2026-q3");
    const [first, second] = before.topSteps;
    expect(first?.planItemId).toBeNull();
    const { itemId } = await addPlanItem(dropping.lead, {
      teamSlug: dropping.slug,
      countermeasureId: first!.countermeasureId,
    });
    await addPlanItem(dropping.lead, { teamSlug: dropping.slug, countermeasureId: second!.countermeasureId });
    await updatePlanItem(dropping.lead, {
      itemId,
      expectedVersion: 1,
      ownerId: null,
      dueOn: null,
      status: "dropped",
      droppedReason: "The platform team covers this now",
      notes: null,
    });

    const steps = (await getAssessmentResult(dropping.member, dropping.slug, "2026-q3")).topSteps;
    expect(steps.slice(0, 2).map((step) => [step.planItemId !== null, step.planItemStatus])).toEqual([
      [true, "dropped"],
      [true, "todo"],
    ]);
    const ranking = (await getTeamPlan(dropping.member, dropping.slug)).recommendations;
    const status = (countermeasureId: string) =>
      ranking.find((entry) => entry.countermeasureId === countermeasureId)?.planStatus;
    expect(status(first!.countermeasureId)).toBe("dropped");
    expect(status(second!.countermeasureId)).toBe("todo");

    // The team dashboard's next steps say the same.
    const dashboard = await getTeamDashboard(dropping.member, dropping.slug, {});
    const onDashboard = (countermeasureId: string) =>
      dashboard.remediation.find((step) => step.countermeasureId === countermeasureId);
    expect(onDashboard(first!.countermeasureId)).toMatchObject({
      planItemId: itemId,
      planItemStatus: "dropped",
    });
    expect(onDashboard(second!.countermeasureId)?.planItemStatus).toBe("todo");
  });
});
