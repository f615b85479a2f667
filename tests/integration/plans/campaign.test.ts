import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { addCampaignSchema, campaignFieldNames, type AddCampaignInput } from "@/contracts/plans/schemas";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import { addCampaign, addPlanItem } from "@/server/plans/mutations";
import { getUnitPlan } from "@/server/plans/queries";
import {
  createPerson,
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  snapshotPlan,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "./fixtures";

/** Due dates in next year: always ahead, since a day already gone is refused. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the campaign to be refused");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

const submittedAt = new Date("2026-09-10T00:00:00Z");

let org: PlanTestOrganisation;
let teams: PlanTestTeam[];
let outsider: PlanTestTeam;
let archived: PlanTestTeam;
let countermeasureIds: string[];

/** A team of `unitId` with submitted Q3 results, riskier the higher `level`. */
async function teamWithResults(unitId: string, name: string, level = 0.8): Promise<PlanTestTeam> {
  const team = await createTeam(unitId, name);
  await createScoredAssessment(team.id, org.q3.id, level, submittedAt);
  return team;
}

beforeAll(async () => {
  org = await createPlanOrganisation();
  teams = [
    await teamWithResults(org.unit.id, "Команда Ω"),
    await teamWithResults(org.unit.id, "決済チーム"),
    await teamWithResults(org.unit.id, "Refunds"),
    await teamWithResults(org.unit.id, "Billing"),
  ];
  outsider = await teamWithResults(org.otherUnit.id, "Warehouse");
  archived = await teamWithResults(org.unit.id, "Legacy");
  await db.team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  const assessment = await db.assessment.findFirstOrThrow({ where: { teamId: teams[0]!.id } });
  const rows = await db.pitfallResult.findMany({ where: { assessmentId: assessment.id } });
  countermeasureIds = readStoredResults(rows).recommendations.map((entry) => entry.countermeasureId);
});

function campaign(
  countermeasureId: string,
  chosen: readonly PlanTestTeam[],
  owners = true,
): AddCampaignInput {
  return {
    unitSlug: org.unit.slug,
    countermeasureId,
    teams: chosen.map((team, index) => ({
      teamSlug: team.slug,
      ownerId: owners ? team.lead.id : null,
      dueOn: new Date(Date.UTC(NEXT_YEAR, 0, 10 + index)),
    })),
  };
}

describe("a coach's campaign", () => {
  it("adds one countermeasure to three teams in one go, each with its owner and due date, auditing each item", async () => {
    const countermeasureId = countermeasureIds[0]!;
    const result = await addCampaign(org.coach, campaign(countermeasureId, teams.slice(0, 3)));
    expect(result.added.map((team) => team.teamSlug)).toEqual(teams.slice(0, 3).map((team) => team.slug));
    expect(result.alreadyPlanned).toEqual([]);

    for (const [index, team] of teams.slice(0, 3).entries()) {
      const item = await db.planItem.findUniqueOrThrow({
        where: { teamId_countermeasureId: { teamId: team.id, countermeasureId } },
      });
      expect(item).toMatchObject({
        ownerId: team.lead.id,
        dueOn: new Date(Date.UTC(NEXT_YEAR, 0, 10 + index)),
        createdById: org.coach.id,
        version: 1,
      });
      const audit = await db.auditEvent.findMany({ where: { entityId: item.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "plan_item.added", actorId: org.coach.id, teamId: team.id });
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({
        countermeasureId,
        ownerId: team.lead.id,
        cycle: "2026 Q3",
      });
    }
  });

  it("skips and reports the teams that already plan the countermeasure", async () => {
    const countermeasureId = countermeasureIds[1]!;
    await addPlanItem(teams[1]!.lead, { teamSlug: teams[1]!.slug, countermeasureId });
    const before = await snapshotPlan(teams[1]!.id);
    const result = await addCampaign(org.coach, campaign(countermeasureId, teams.slice(0, 3)));
    expect(result.added.map((team) => team.teamSlug)).toEqual([teams[0]!.slug, teams[2]!.slug]);
    expect(result.alreadyPlanned).toEqual([{ teamSlug: teams[1]!.slug, teamName: "決済チーム" }]);
    expect(await snapshotPlan(teams[1]!.id)).toEqual(before);
  });

  it("reads a form: ticked teams only, and the default due date where a team has none of its own", () => {
    const [first, second, third] = teams;
    const input = parseInput(addCampaignSchema, {
      unitSlug: org.unit.slug,
      countermeasureId: countermeasureIds[2]!,
      defaultDueOn: "2027-03-31",
      [campaignFieldNames(first!.slug).selected]: "on",
      [campaignFieldNames(first!.slug).ownerId]: first!.lead.id,
      [campaignFieldNames(first!.slug).dueOn]: "",
      [campaignFieldNames(second!.slug).selected]: "on",
      [campaignFieldNames(second!.slug).ownerId]: "",
      [campaignFieldNames(second!.slug).dueOn]: "2027-02-15",
      [campaignFieldNames(third!.slug).ownerId]: third!.lead.id,
    });
    expect(input.teams).toEqual([
      {
        teamSlug: first!.slug,
        ownerId: first!.lead.id,
        dueOn: new Date("2027-03-31T00:00:00Z"),
        dueOnIsDefault: true,
      },
      {
        teamSlug: second!.slug,
        ownerId: null,
        dueOn: new Date("2027-02-15T00:00:00Z"),
        dueOnIsDefault: false,
      },
    ]);
    expect(
      addCampaignSchema.safeParse({ unitSlug: org.unit.slug, countermeasureId: countermeasureIds[2]! })
        .success,
    ).toBe(false);
  });

  it("refuses the whole campaign when one team is outside the coach's unit, and writes nothing", async () => {
    const before = await Promise.all(teams.map((team) => snapshotPlan(team.id)));
    const error = await refusal(
      addCampaign(org.coach, campaign(countermeasureIds[3]!, [teams[0]!, outsider])),
    );
    expect(error.code).toBe("not_found");
    expect(await Promise.all(teams.map((team) => snapshotPlan(team.id)))).toEqual(before);
    expect((await snapshotPlan(outsider.id)).items).toEqual([]);
  });

  it("refuses a coach of another unit, even for that coach's own team listed under this unit", async () => {
    expect(
      (await refusal(addCampaign(org.otherCoach, campaign(countermeasureIds[3]!, [teams[0]!])))).code,
    ).toBe("not_found");
    const mixed = { ...campaign(countermeasureIds[3]!, [outsider]), unitSlug: org.otherUnit.slug };
    await expect(addCampaign(org.otherCoach, mixed)).resolves.toMatchObject({
      added: [{ teamSlug: outsider.slug }],
    });
    expect((await refusal(addCampaign(org.otherCoach, { ...mixed, unitSlug: org.unit.slug }))).code).toBe(
      "not_found",
    );
  });

  it("refuses an archived team, and hides the unit from a team lead who does not coach it", async () => {
    const before = await snapshotPlan(teams[0]!.id);
    const error = await refusal(
      addCampaign(org.coach, campaign(countermeasureIds[4]!, [teams[0]!, archived])),
    );
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/archived/);
    expect(await snapshotPlan(teams[0]!.id)).toEqual(before);
    expect(
      (await refusal(addCampaign(teams[0]!.lead, campaign(countermeasureIds[4]!, [teams[0]!, teams[2]!]))))
        .code,
    ).toBe("not_found");
  });

  it("refuses an owner without a role on the team, naming that team's field", async () => {
    const input = campaign(countermeasureIds[5]!, [teams[0]!, teams[2]!]);
    input.teams[1]!.ownerId = teams[0]!.lead.id;
    const before = await snapshotPlan(teams[0]!.id);
    const error = await refusal(addCampaign(org.coach, input));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors[campaignFieldNames(teams[2]!.slug).ownerId]).toEqual([
      "Choose someone with a role on Refunds",
    ]);
    expect(await snapshotPlan(teams[0]!.id)).toEqual(before);
  });

  it("refuses a due date that has passed, naming that team's field, and writes nothing", async () => {
    const input = campaign(countermeasureIds[5]!, [teams[0]!, teams[2]!]);
    input.teams[1]!.dueOn = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 15));
    const before = await snapshotPlan(teams[0]!.id);
    const error = await refusal(addCampaign(org.coach, input));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors[campaignFieldNames(teams[2]!.slug).dueOn]).toEqual([
      "That day has passed: choose today or a later day",
    ]);
    expect(await snapshotPlan(teams[0]!.id)).toEqual(before);
  });

  it("blames a past default due date on the default, not on the team that took it, and writes nothing", async () => {
    const lastYear = new Date().getUTCFullYear() - 1;
    const input = parseInput(addCampaignSchema, {
      unitSlug: org.unit.slug,
      countermeasureId: countermeasureIds[5]!,
      defaultDueOn: `${lastYear}-11-01`,
      [campaignFieldNames(teams[0]!.slug).selected]: "on",
      [campaignFieldNames(teams[0]!.slug).dueOn]: `${NEXT_YEAR}-01-31`,
      [campaignFieldNames(teams[2]!.slug).selected]: "on",
      [campaignFieldNames(teams[2]!.slug).dueOn]: "",
    });
    const before = await snapshotPlan(teams[0]!.id);
    const error = await refusal(addCampaign(org.coach, input));
    expect(error.code).toBe("validation");
    expect(error.message).toBe("The default due date has passed.");
    expect(error.fieldErrors).toEqual({ defaultDueOn: ["That day has passed: choose today or a later day"] });
    expect(await snapshotPlan(teams[0]!.id)).toEqual(before);

    // The same past day typed into a team's own field is that team's to correct.
    const own = parseInput(addCampaignSchema, {
      unitSlug: org.unit.slug,
      countermeasureId: countermeasureIds[5]!,
      defaultDueOn: `${NEXT_YEAR}-01-31`,
      [campaignFieldNames(teams[2]!.slug).selected]: "on",
      [campaignFieldNames(teams[2]!.slug).dueOn]: `${lastYear}-11-01`,
    });
    const ownError = await refusal(addCampaign(org.coach, own));
    expect(ownError.message).toBe("The due date for Refunds has passed.");
    expect(ownError.fieldErrors).toEqual({
      [campaignFieldNames(teams[2]!.slug).dueOn]: ["That day has passed: choose today or a later day"],
    });
  });

  it("lets two coaches add the same countermeasure at once: each team gets one item, reported once as added", async () => {
    const secondCoach: Actor = await createPerson("Noor Coach", [{ role: "coach", orgUnitId: org.unit.id }]);
    const countermeasureId = countermeasureIds[6]!;
    const results = await Promise.all([
      addCampaign(org.coach, campaign(countermeasureId, teams)),
      addCampaign(secondCoach, campaign(countermeasureId, [...teams].reverse())),
    ]);
    const added = results.flatMap((result) => result.added.map((team) => team.teamSlug)).sort();
    expect(added).toEqual(teams.map((team) => team.slug).sort());
    for (const result of results) {
      expect(result.added.length + result.alreadyPlanned.length).toBe(teams.length);
    }
    const items = await db.planItem.findMany({
      where: { countermeasureId, teamId: { in: teams.map((team) => team.id) } },
    });
    expect(items).toHaveLength(teams.length);
    const audit = await db.auditEvent.findMany({ where: { entityId: { in: items.map((item) => item.id) } } });
    expect(audit).toHaveLength(teams.length);
  });

  it("offers the campaign on the unit page with the teams the coach may plan for, recommended ones listed", async () => {
    const view = await getUnitPlan(org.coach, org.unit.slug);
    expect(view.campaign?.teams.map((team) => team.name).sort()).toEqual(
      teams.map((team) => team.name).sort(),
    );
    expect(view.campaign?.teams.find((team) => team.slug === teams[0]!.slug)?.defaultOwnerId).toBe(
      teams[0]!.lead.id,
    );
    const first = view.campaign?.countermeasures.find(
      (entry) => entry.countermeasureId === countermeasureIds[0]!,
    );
    expect(first?.plannedBy.sort()).toEqual(
      teams
        .slice(0, 3)
        .map((team) => team.slug)
        .sort(),
    );
    expect(view.campaign?.countermeasures[0]!.recommendedFor.length).toBeGreaterThan(0);
    expect((await getUnitPlan(org.head, org.unit.slug)).campaign).toBeNull();
  });
});
