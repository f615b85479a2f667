import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { readStoredResults, scoreOfPitfall } from "@/domain/plans/stored-rankings";
import { SCORING_METHOD_VERSION } from "@/domain/scoring";
import { updatePlanItemSchema, type UpdatePlanItemInput } from "@/contracts/plans/schemas";
import type { PlanItemConflictDetails } from "@/contracts/plans/types";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import {
  addPlanItem,
  removePlanItem,
  updatePlanItem,
  updatePlanItemProgress,
} from "@/server/plans/mutations";
import { deactivatePerson, revokeRole } from "@/server/admin/people-mutations";
import { getTeamPlan } from "@/server/plans/queries";
import { archiveTeam, unarchiveTeam } from "@/server/admin/org-mutations";
import { loadActor } from "@/server/auth/session";
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
      throw new Error("expected the request to be refused");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

/** The ranking of the team's latest stored results, to pick countermeasures from. */
async function rankedCountermeasures(assessmentId: string) {
  const rows = await db.pitfallResult.findMany({ where: { assessmentId } });
  return readStoredResults(rows);
}

function edit(
  itemId: string,
  expectedVersion: number,
  change: Partial<UpdatePlanItemInput> = {},
): UpdatePlanItemInput {
  return {
    itemId,
    expectedVersion,
    ownerId: null,
    dueOn: null,
    status: "todo",
    droppedReason: null,
    notes: null,
    ...change,
  };
}

// Cycles are organisation-wide, so the file shares one organisation; each group has its own team.
let org: PlanTestOrganisation;
beforeAll(async () => {
  org = await createPlanOrganisation();
});

describe("plan items", () => {
  let team: PlanTestTeam;
  let sourceAssessmentId: string;
  let ranking: Awaited<ReturnType<typeof rankedCountermeasures>>;

  beforeAll(async () => {
    team = await createTeam(org.unit.id, "Checkout");
    await createScoredAssessment(team.id, org.q2.id, 0.9, new Date("2026-06-10T00:00:00Z"));
    const latest = await createScoredAssessment(team.id, org.q3.id, 0.7, new Date("2026-09-10T00:00:00Z"));
    sourceAssessmentId = latest.id;
    ranking = await rankedCountermeasures(latest.id);
  });

  const countermeasure = (index: number) => ranking.recommendations[index]!;

  async function addAs(actor: Actor, index: number) {
    return addPlanItem(actor, {
      teamSlug: team.slug,
      countermeasureId: countermeasure(index).countermeasureId,
    });
  }

  it("adds a countermeasure from the latest results, copying its pitfall, rationale, symptoms and score", async () => {
    const { itemId } = await addAs(org.coach, 0);
    const item = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    const tracked = countermeasure(0).pitfalls[0]!;
    expect(item).toMatchObject({
      teamId: team.id,
      countermeasureId: countermeasure(0).countermeasureId,
      pitfallId: tracked.pitfallId,
      rationale: tracked.rationale,
      sourceAssessmentId,
      scoreWhenAdded: scoreOfPitfall(ranking.pitfalls, tracked.pitfallId),
      scoreMethodVersion: SCORING_METHOD_VERSION,
      status: "todo",
      version: 1,
      createdById: org.coach.id,
    });
    expect(JSON.parse(item.addresses)).toEqual(tracked.addresses.map((symptom) => symptom.symptomId));

    const audit = await db.auditEvent.findMany({ where: { entityId: itemId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "plan_item.added",
      actorId: org.coach.id,
      teamId: team.id,
      entityType: "plan_item",
    });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      countermeasureId: countermeasure(0).countermeasureId,
      cycle: "2026 Q3",
    });
  });

  it("refuses to add the same countermeasure twice", async () => {
    await addAs(team.lead, 1);
    const before = await snapshotPlan(team.id);
    const error = await refusal(addAs(org.coach, 1));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/already in the plan/);
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("refuses a countermeasure that is not in the team's ranking", async () => {
    const error = await refusal(
      addPlanItem(org.coach, { teamSlug: team.slug, countermeasureId: "made-up-countermeasure" }),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors.countermeasureId).toBeDefined();
  });

  it("sets owner, due date, status and notes, bumping the version and auditing before and after", async () => {
    const { itemId } = await addAs(org.coach, 2);
    const dueOn = new Date(`${NEXT_YEAR}-12-31T00:00:00Z`);
    const result = await updatePlanItem(
      org.coach,
      edit(itemId, 1, {
        ownerId: team.member.id,
        dueOn,
        status: "in_progress",
        notes: "Pair with the platform team, then review",
      }),
    );
    expect(result).toEqual({ version: 2 });
    const item = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({
      ownerId: team.member.id,
      dueOn,
      status: "in_progress",
      notes: "Pair with the platform team, then review",
      version: 2,
    });

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: itemId, action: "plan_item.updated" },
    });
    expect(audit).toMatchObject({ actorId: org.coach.id, teamId: team.id });
    expect(JSON.parse(audit.before!)).toMatchObject({
      ownerId: null,
      dueOn: null,
      status: "todo",
      version: 1,
    });
    expect(JSON.parse(audit.after!)).toMatchObject({
      ownerId: team.member.id,
      dueOn: `${NEXT_YEAR}-12-31`,
      status: "in_progress",
      version: 2,
    });
  });

  it("lets the team lead edit, and stamps completion when an item is done", async () => {
    const { itemId } = await addAs(org.coach, 3);
    await updatePlanItem(team.lead, edit(itemId, 1, { status: "done" }));
    const done = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(done.completedAt).toBeInstanceOf(Date);
    await updatePlanItem(team.lead, edit(itemId, 2, { status: "in_progress" }));
    expect((await db.planItem.findUniqueOrThrow({ where: { id: itemId } })).completedAt).toBeNull();
  });

  it("refuses a due date that has passed, but keeps one an item already has", async () => {
    const { itemId } = await addAs(org.coach, 7);
    const yesterday = new Date(Date.now() - 86_400_000 * 2);
    const past = new Date(
      Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate()),
    );
    const before = await snapshotPlan(team.id);
    const error = await refusal(updatePlanItem(org.coach, edit(itemId, 1, { dueOn: past })));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ dueOn: ["That day has passed: choose today or a later day"] });
    expect(await snapshotPlan(team.id)).toEqual(before);

    // An item that became overdue keeps its date through other edits.
    await db.planItem.update({ where: { id: itemId }, data: { dueOn: past } });
    await updatePlanItem(team.lead, edit(itemId, 1, { dueOn: past, status: "in_progress" }));
    expect(await db.planItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      dueOn: past,
      status: "in_progress",
    });
  });

  it("names every field's problem at once: a dropped item without a reason, a past due date and an owner off the team", async () => {
    const { itemId } = await addAs(org.coach, 9);
    const yesterday = new Date(Date.now() - 86_400_000 * 2);
    const past = new Date(
      Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate()),
    );
    const before = await snapshotPlan(team.id);
    const input = parseInput(updatePlanItemSchema, {
      itemId,
      expectedVersion: "1",
      ownerId: org.coach.id,
      dueOn: past.toISOString().slice(0, 10),
      status: "dropped",
      droppedReason: "",
      notes: "",
    });
    const error = await refusal(updatePlanItem(org.coach, input));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({
      ownerId: ["Choose someone with a role on this team"],
      dueOn: ["That day has passed: choose today or a later day"],
      droppedReason: ["Say why the item is dropped"],
    });
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("only lets people with a role on the team own an item", async () => {
    const { itemId } = await addAs(org.coach, 4);
    const before = await snapshotPlan(team.id);
    const error = await refusal(updatePlanItem(org.coach, edit(itemId, 1, { ownerId: org.coach.id })));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors.ownerId).toEqual(["Choose someone with a role on this team"]);
    expect(await snapshotPlan(team.id)).toEqual(before);
  });
  describe("an item whose owner has left the team", () => {
    /** An item owned by a new member of the team, who then loses their role (or their account). */
    async function itemOfLeaver(index: number, leaves: "role" | "account") {
      const leaver = await createPerson("Kai Leaving", [{ role: "member", teamId: team.id }]);
      const { itemId } = await addAs(org.coach, index);
      await updatePlanItem(team.lead, edit(itemId, 1, { ownerId: leaver.id, status: "in_progress" }));
      if (leaves === "role") {
        const grant = await db.roleAssignment.findFirstOrThrow({
          where: { userId: leaver.id, teamId: team.id },
        });
        await revokeRole(org.admin, { userId: leaver.id, roleAssignmentId: grant.id });
      } else {
        await deactivatePerson(org.admin, { userId: leaver.id });
      }
      return { itemId, leaver };
    }

    it("can still be saved keeping that owner, as the editor offers it", async () => {
      for (const [index, leaves] of [
        [10, "role"],
        [11, "account"],
      ] as const) {
        const { itemId, leaver } = await itemOfLeaver(index, leaves);
        expect(
          await updatePlanItem(
            team.lead,
            edit(itemId, 2, { ownerId: leaver.id, status: "done", notes: "Finished before leaving" }),
          ),
        ).toEqual({ version: 3 });
        expect(await db.planItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
          ownerId: leaver.id,
          status: "done",
          notes: "Finished before leaving",
        });
      }
    });

    it("can be handed to someone on the team, but not to someone else who has left", async () => {
      const { itemId, leaver } = await itemOfLeaver(12, "role");
      const { leaver: otherLeaver } = await itemOfLeaver(13, "role");
      const before = await snapshotPlan(team.id);
      const error = await refusal(updatePlanItem(team.lead, edit(itemId, 2, { ownerId: otherLeaver.id })));
      expect(error.fieldErrors).toEqual({ ownerId: ["Choose someone with a role on this team"] });
      expect(await snapshotPlan(team.id)).toEqual(before);

      await updatePlanItem(team.lead, edit(itemId, 2, { ownerId: team.member.id }));
      // Once handed over, the former owner cannot be chosen again.
      const back = await refusal(updatePlanItem(team.lead, edit(itemId, 3, { ownerId: leaver.id })));
      expect(back.fieldErrors).toEqual({ ownerId: ["Choose someone with a role on this team"] });
    });
  });

  it("needs a reason to drop an item, and keeps it once given", async () => {
    const { itemId } = await addAs(org.coach, 5);
    const before = await snapshotPlan(team.id);

    // Parsed as any other change; the mutation refuses it with the item's other problems.
    const parsed = parseInput(updatePlanItemSchema, {
      itemId,
      expectedVersion: "1",
      ownerId: "",
      dueOn: "",
      status: "dropped",
      droppedReason: " ",
      notes: "",
    });
    expect((await refusal(updatePlanItem(org.coach, parsed))).fieldErrors).toEqual({
      droppedReason: ["Say why the item is dropped"],
    });

    const direct = await refusal(
      updatePlanItem(org.coach, edit(itemId, 1, { status: "dropped", droppedReason: null })),
    );
    expect(direct.code).toBe("validation");
    expect(direct.fieldErrors.droppedReason).toEqual(["Say why the item is dropped"]);
    expect(await snapshotPlan(team.id)).toEqual(before);

    const input = parseInput(updatePlanItemSchema, {
      itemId,
      expectedVersion: "1",
      ownerId: "",
      dueOn: "",
      status: "dropped",
      droppedReason: "  The platform team covers it for everyone  ",
      notes: "",
    });
    await updatePlanItem(org.coach, input);
    const item = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({
      status: "dropped",
      droppedReason: "The platform team covers it for everyone",
      version: 2,
    });
  });

  it("refuses a NUL in a note as a validation error naming it, and stores nothing", async () => {
    const { itemId } = await addAs(org.coach, 8);
    const before = await snapshotPlan(team.id);
    const error = await refusal(
      (async () =>
        updatePlanItem(
          org.coach,
          parseInput(updatePlanItemSchema, {
            itemId,
            expectedVersion: "1",
            status: "todo",
            notes: "Pair\u0000 with platform",
          }),
        ))(),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors.notes).toEqual([
      "Remove a control character (U+0000): this field does not accept it.",
    ]);
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("removes an item after confirmation, auditing what was removed", async () => {
    const { itemId } = await addAs(org.coach, 6);
    await removePlanItem(org.coach, { itemId, expectedVersion: 1 });
    expect(await db.planItem.findUnique({ where: { id: itemId } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: itemId, action: "plan_item.removed" },
    });
    expect(JSON.parse(audit.before!)).toMatchObject({
      countermeasureId: countermeasure(6).countermeasureId,
      version: 1,
    });
    expect(audit.after).toBeNull();
    const error = await refusal(removePlanItem(org.coach, { itemId, expectedVersion: 1 }));
    expect(error.code).toBe("not_found");
  });
});

describe("who may change a plan", () => {
  let team: PlanTestTeam;
  let itemId: string;
  let countermeasureIds: string[];

  beforeAll(async () => {
    team = await createTeam(org.unit.id, "Refunds");
    const assessment = await createScoredAssessment(
      team.id,
      org.q3.id,
      0.8,
      new Date("2026-09-10T00:00:00Z"),
    );
    countermeasureIds = (await rankedCountermeasures(assessment.id)).recommendations.map(
      (entry) => entry.countermeasureId,
    );
    ({ itemId } = await addPlanItem(team.lead, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[0]!,
    }));
  });

  it("refuses a team member's writes as forbidden and changes nothing", async () => {
    const before = await snapshotPlan(team.id);
    expect(
      (
        await refusal(
          addPlanItem(team.member, { teamSlug: team.slug, countermeasureId: countermeasureIds[1]! }),
        )
      ).code,
    ).toBe("forbidden");
    expect((await refusal(updatePlanItem(team.member, edit(itemId, 1, { notes: "forged" })))).code).toBe(
      "forbidden",
    );
    expect((await refusal(removePlanItem(team.member, { itemId, expectedVersion: 1 }))).code).toBe(
      "forbidden",
    );
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("answers a coach of another unit as if the team did not exist", async () => {
    const before = await snapshotPlan(team.id);
    expect(
      (
        await refusal(
          addPlanItem(org.otherCoach, { teamSlug: team.slug, countermeasureId: countermeasureIds[1]! }),
        )
      ).code,
    ).toBe("not_found");
    expect((await refusal(updatePlanItem(org.otherCoach, edit(itemId, 1)))).code).toBe("not_found");
    expect((await refusal(removePlanItem(org.otherCoach, { itemId, expectedVersion: 1 }))).code).toBe(
      "not_found",
    );
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("answers another team's lead the same for that team's item as for an id that does not exist", async () => {
    const otherTeam = await createTeam(org.unit.id, "Payouts");
    const before = await snapshotPlan(team.id);
    const answers = async (id: string, teamSlug?: string) => {
      const update = await refusal(
        updatePlanItem(otherTeam.lead, edit(id, 1, { teamSlug, notes: "forged" })),
      );
      const remove = await refusal(
        removePlanItem(otherTeam.lead, { itemId: id, teamSlug, expectedVersion: 1 }),
      );
      return [update, remove].map((error) => ({ code: error.code, message: error.message }));
    };
    for (const teamSlug of [undefined, otherTeam.slug, team.slug]) {
      const forOtherTeamsItem = await answers(itemId, teamSlug);
      expect(forOtherTeamsItem, String(teamSlug)).toEqual(await answers("no-such-item", teamSlug));
      expect(forOtherTeamsItem[0]!.code, String(teamSlug)).toBe("not_found");
    }
    // From the lead's own plan page, an id not in that plan reads as removed, whoever's it is.
    expect((await answers(itemId, otherTeam.slug))[0]!.message).toMatch(/no longer in the plan/);
    expect((await answers(itemId))[0]!.message).toBe(
      "That page or item does not exist, or you do not have access to it.",
    );
    expect(await snapshotPlan(team.id)).toEqual(before);
  });

  it("takes the page's team from the form only when it looks like a slug", () => {
    const parsed = (teamSlug: unknown) =>
      updatePlanItemSchema.parse({ itemId: "i", expectedVersion: "1", status: "todo", teamSlug }).teamSlug;
    expect(parsed(" checkout ")).toBe("checkout");
    expect(parsed("Not A Slug")).toBeUndefined();
    expect(parsed(42)).toBeUndefined();
    expect(parsed(undefined)).toBeUndefined();
  });

  it("leaves plans to leads and coaches: a head of engineering reads but does not edit", async () => {
    expect((await refusal(updatePlanItem(org.head, edit(itemId, 1)))).code).toBe("forbidden");
  });

  it("refuses a team with no submitted assessment yet", async () => {
    const fresh = await createTeam(org.unit.id, "Fraud Signals");
    const error = await refusal(
      addPlanItem(org.coach, { teamSlug: fresh.slug, countermeasureId: countermeasureIds[0]! }),
    );
    expect(error.code).toBe("conflict");
  });
});

describe("an item's owner marks its progress", () => {
  let team: PlanTestTeam;
  let countermeasureIds: string[];

  beforeAll(async () => {
    team = await createTeam(org.unit.id, "Payouts");
    const assessment = await createScoredAssessment(
      team.id,
      org.q3.id,
      0.8,
      new Date("2026-09-10T00:00:00Z"),
    );
    countermeasureIds = (await rankedCountermeasures(assessment.id)).recommendations.map(
      (entry) => entry.countermeasureId,
    );
  });

  /** An item the lead added and gave to `owner`, due next year. */
  async function itemOwnedBy(owner: Actor | null, index: number) {
    const { itemId } = await addPlanItem(team.lead, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[index]!,
    });
    const { version } = await updatePlanItem(
      team.lead,
      edit(itemId, 1, { ownerId: owner?.id ?? null, dueOn: new Date(Date.UTC(NEXT_YEAR, 2, 31)) }),
    );
    return { itemId, version };
  }

  const progress = (
    itemId: string,
    expectedVersion: number,
    change: {
      status?: "todo" | "in_progress" | "done" | "dropped";
      droppedReason?: string | null;
      notes?: string | null;
    } = {},
  ) => ({
    itemId,
    teamSlug: team.slug,
    expectedVersion,
    status: change.status ?? "in_progress",
    droppedReason: change.droppedReason ?? null,
    notes: change.notes ?? null,
  });

  it("lets a member who owns an item update its status and notes, audited, and nothing else of it", async () => {
    const { itemId, version } = await itemOwnedBy(team.member, 0);
    const before = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });

    const started = await updatePlanItemProgress(
      team.member,
      progress(itemId, version, { notes: "Rota draft shared with the team" }),
    );
    expect(started.version).toBe(version + 1);
    const done = await updatePlanItemProgress(
      team.member,
      progress(itemId, started.version, { status: "done" }),
    );
    const after = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(after).toMatchObject({
      status: "done",
      notes: null,
      version: done.version,
      ownerId: team.member.id,
      dueOn: before.dueOn,
    });
    expect(after.completedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { entityId: itemId, action: "plan_item.updated", actorId: team.member.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((event) => JSON.parse(event.after!).status)).toEqual(["in_progress", "done"]);

    // The page offers it to them for this item only.
    const plan = await getTeamPlan(team.member, team.slug);
    expect(plan.canEdit).toBe(false);
    expect(plan.items.find((item) => item.id === itemId)?.canUpdateProgress).toBe(true);
  });

  it("still asks the owner for a reason to drop an item", async () => {
    const { itemId, version } = await itemOwnedBy(team.member, 1);
    const error = await refusal(
      updatePlanItemProgress(team.member, progress(itemId, version, { status: "dropped" })),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors.droppedReason).toBeDefined();
    await updatePlanItemProgress(
      team.member,
      progress(itemId, version, { status: "dropped", droppedReason: "The platform team does this now" }),
    );
    expect(await db.planItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      status: "dropped",
      droppedReason: "The platform team does this now",
    });
  });

  it("refuses a member who does not own the item, and leaves removing and the plan's other fields to leads and coaches", async () => {
    const other = await createPerson("Ada Other", [{ role: "member", teamId: team.id }]);
    const { itemId, version } = await itemOwnedBy(other, 2);
    const { itemId: unowned, version: unownedVersion } = await itemOwnedBy(null, 3);
    const snapshot = await snapshotPlan(team.id);
    for (const [id, at] of [
      [itemId, version],
      [unowned, unownedVersion],
    ] as const) {
      const error = await refusal(updatePlanItemProgress(team.member, progress(id, at)));
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/Only the item's owner, the team lead and the unit's coach/);
      expect(
        (await getTeamPlan(team.member, team.slug)).items.find((item) => item.id === id)?.canUpdateProgress,
      ).toBe(false);
    }
    // The owner may not take the plan editors' part either.
    expect((await refusal(updatePlanItem(other, edit(itemId, version, { notes: "mine" })))).code).toBe(
      "forbidden",
    );
    expect((await refusal(removePlanItem(other, { itemId, expectedVersion: version }))).code).toBe(
      "forbidden",
    );
    expect(await snapshotPlan(team.id)).toEqual(snapshot);
    // The lead and the unit's coach may update progress too; a head of engineering only reads.
    const byLead = await updatePlanItemProgress(team.lead, progress(itemId, version));
    await updatePlanItemProgress(org.coach, progress(itemId, byLead.version, { status: "done" }));
    expect((await refusal(updatePlanItemProgress(org.head, progress(itemId, byLead.version + 1)))).code).toBe(
      "forbidden",
    );
    // Another unit's coach cannot tell the item exists.
    expect(
      (await refusal(updatePlanItemProgress(org.otherCoach, progress(itemId, byLead.version + 1)))).code,
    ).toBe("not_found");
  });

  it("ends with the owner's role on the team, and with the team archived", async () => {
    const leaving = await createPerson("Kit Leaving", [{ role: "member", teamId: team.id }]);
    const { itemId, version } = await itemOwnedBy(leaving, 4);
    await db.roleAssignment.deleteMany({ where: { userId: leaving.id, teamId: team.id } });
    const left = (await loadActor(leaving.id))!;
    expect((await refusal(updatePlanItemProgress(left, progress(itemId, version)))).code).toBe("not_found");

    const { itemId: owned, version: ownedVersion } = await itemOwnedBy(team.member, 5);
    await archiveTeam(org.admin, { teamId: team.id });
    try {
      const error = await refusal(updatePlanItemProgress(team.member, progress(owned, ownedVersion)));
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/archived/);
    } finally {
      await unarchiveTeam(org.admin, { teamId: team.id });
    }
  });

  it("refuses a save from a stale version, with the values saved meanwhile", async () => {
    const { itemId, version } = await itemOwnedBy(team.member, 6);
    await updatePlanItem(team.lead, edit(itemId, version, { ownerId: team.member.id, notes: "Lead's note" }));
    const error = await refusal(updatePlanItemProgress(team.member, progress(itemId, version)));
    expect(error.code).toBe("conflict");
    expect((error.details as PlanItemConflictDetails).current).toMatchObject({ notes: "Lead's note" });
  });
});

describe("concurrent edits", () => {
  let team: PlanTestTeam;
  let countermeasureIds: string[];

  beforeAll(async () => {
    team = await createTeam(org.unit.id, "Billing");
    const assessment = await createScoredAssessment(
      team.id,
      org.q3.id,
      0.8,
      new Date("2026-09-10T00:00:00Z"),
    );
    countermeasureIds = (await rankedCountermeasures(assessment.id)).recommendations.map(
      (entry) => entry.countermeasureId,
    );
  });

  it("refuses a save from a stale version and returns the values saved in between", async () => {
    const { itemId } = await addPlanItem(org.coach, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[0]!,
    });
    // Lead and coach both loaded version 1; the lead saves first.
    await updatePlanItem(
      team.lead,
      edit(itemId, 1, {
        ownerId: team.lead.id,
        notes: "Lead's plan",
        dueOn: new Date(`${NEXT_YEAR}-01-15T00:00:00Z`),
      }),
    );
    const before = await snapshotPlan(team.id);

    const error = await refusal(updatePlanItem(org.coach, edit(itemId, 1, { notes: "Coach's plan" })));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/not saved/);
    const details = error.details as PlanItemConflictDetails;
    expect(details).toMatchObject({
      kind: "plan-item-conflict",
      current: {
        version: 2,
        owner: { id: team.lead.id, name: team.lead.name, email: team.lead.email },
        dueOn: `${NEXT_YEAR}-01-15`,
        status: "todo",
        statusLabel: "To do",
        notes: "Lead's plan",
      },
    });
    expect(await snapshotPlan(team.id)).toEqual(before);

    // Saving again against the version now shown applies, deliberately replacing the lead's values.
    await updatePlanItem(org.coach, edit(itemId, 2, { notes: "Coach's plan" }));
    expect((await db.planItem.findUniqueOrThrow({ where: { id: itemId } })).notes).toBe("Coach's plan");
  });

  it("lets exactly one of two simultaneous saves through", async () => {
    const { itemId } = await addPlanItem(org.coach, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[1]!,
    });
    const outcomes = await Promise.allSettled([
      updatePlanItem(org.coach, edit(itemId, 1, { notes: "first" })),
      updatePlanItem(team.lead, edit(itemId, 1, { notes: "second" })),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ExpectedError).code).toBe("conflict");
    const item = await db.planItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.version).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: itemId, action: "plan_item.updated" } })).toBe(1);
  });

  it("refuses to remove an item someone changed after it was shown", async () => {
    const { itemId } = await addPlanItem(org.coach, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[2]!,
    });
    await updatePlanItem(team.lead, edit(itemId, 1, { status: "in_progress" }));
    const error = await refusal(removePlanItem(org.coach, { itemId, expectedVersion: 1 }));
    expect(error.code).toBe("conflict");
    expect(await db.planItem.findUnique({ where: { id: itemId } })).not.toBeNull();
  });

  it("reports an item removed meanwhile as gone to someone on the team's plan page", async () => {
    const { itemId } = await addPlanItem(org.coach, {
      teamSlug: team.slug,
      countermeasureId: countermeasureIds[3]!,
    });
    await removePlanItem(team.lead, { itemId, teamSlug: team.slug, expectedVersion: 1 });
    const fromThePage = await refusal(
      updatePlanItem(org.coach, edit(itemId, 1, { teamSlug: team.slug, notes: "too late" })),
    );
    expect(fromThePage.code).toBe("not_found");
    expect(fromThePage.message).toMatch(/no longer in the plan: someone removed it a moment ago/);
    const removeAgain = await refusal(
      removePlanItem(org.coach, { itemId, teamSlug: team.slug, expectedVersion: 1 }),
    );
    expect(removeAgain.message).toMatch(/no longer in the plan/);
    // Without the page's team, nothing tells a removed item from one that never existed.
    const withoutPage = await refusal(updatePlanItem(org.coach, edit(itemId, 1, { notes: "too late" })));
    expect(withoutPage.message).toBe("That page or item does not exist, or you do not have access to it.");
  });
});
