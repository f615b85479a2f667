/**
 * An archived team is read-only for everyone (the policy and every mutation refuse changes). Its
 * pages must say so rather than offer the changes: the flags the queries return for the pages are
 * checked before archiving (so each one is shown to matter) and after.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { archiveTeam, unarchiveTeam } from "@/server/admin/org-mutations";
import { startAssessment } from "@/server/assessments/mutations";
import {
  getAssessmentResult,
  getQuestionnairePage,
  getReview,
  getTeamOverview,
  listMyTeams,
} from "@/server/assessments/queries";
import { getTeamPlan } from "@/server/plans/queries";
import { db } from "@/server/db";
import { loadActor } from "@/server/auth/session";
import { getMyAnswersPage, getTeamSpread } from "@/server/responses/queries";
import {
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "../plans/fixtures";

let org: PlanTestOrganisation;
/** Still answering the open cycle's assessment. */
let answering: PlanTestTeam;
/** Submitted the open cycle's assessment, with stored results. */
let submitted: PlanTestTeam;

beforeAll(async () => {
  org = await createPlanOrganisation();
  answering = await createTeam(org.unit.id, "Checkout");
  submitted = await createTeam(org.unit.id, "Refunds");
  await startAssessment(answering.lead, { teamSlug: answering.slug });
  await createScoredAssessment(submitted.id, org.open.id, 0.4, new Date());
});

async function setArchived(team: PlanTestTeam, archived: boolean) {
  if (archived) await archiveTeam(org.admin, { teamId: team.id });
  else await unarchiveTeam(org.admin, { teamId: team.id });
}

async function answeringPages(actor: Actor) {
  const overview = await getTeamOverview(actor, answering.slug);
  return {
    archived: overview.archived,
    canAnswer: overview.canAnswer,
    myAnswers: overview.myAnswers !== null,
    questionnaire: (await getQuestionnairePage(actor, answering.slug)).kind,
  };
}

describe("the pages of an archived team", () => {
  it("stop offering to answer: team page, questionnaire and My answers", async () => {
    expect(await answeringPages(answering.lead)).toEqual({
      archived: false,
      canAnswer: true,
      myAnswers: true,
      questionnaire: "editable",
    });
    expect((await getMyAnswersPage(answering.member, answering.slug)).kind).toBe("editable");

    await setArchived(answering, true);
    expect(await answeringPages(answering.lead)).toEqual({
      archived: true,
      canAnswer: false,
      myAnswers: false,
      questionnaire: "archived",
    });
    expect(await getQuestionnairePage(org.admin, answering.slug)).toEqual({
      kind: "archived",
      team: { name: answering.name, slug: answering.slug },
    });
    expect((await getMyAnswersPage(answering.member, answering.slug)).kind).toBe("archived");
    // Reading stays: the team's page and how the team answered are still there.
    expect((await getTeamOverview(answering.member, answering.slug)).current?.status).toBe("draft");
    expect((await getTeamSpread(answering.lead, answering.slug)).kind).toBe("ready");

    await setArchived(answering, false);
    expect((await answeringPages(answering.lead)).questionnaire).toBe("editable");
  });

  it("stay listed under My teams for their people, marked archived, in no cycle and due nowhere", async () => {
    const listed = async (actor: Actor) =>
      (await listMyTeams(actor)).map((team) => ({
        slug: team.slug,
        archived: team.archived,
        canSubmit: team.canSubmit,
        currentCycle: team.currentCycle?.name ?? null,
        currentStatus: team.currentStatus,
      }));
    expect(await listed(answering.lead)).toEqual([
      {
        slug: answering.slug,
        archived: false,
        canSubmit: true,
        currentCycle: org.open.name,
        currentStatus: "draft",
      },
    ]);

    await setArchived(answering, true);
    try {
      const archived = {
        slug: answering.slug,
        archived: true,
        canSubmit: false,
        currentCycle: null,
        currentStatus: null,
      };
      expect(await listed(answering.lead)).toEqual([archived]);
      expect(await listed(answering.member)).toEqual([archived]);
      // Someone in an archived team and an active one finds the active team first.
      await db.roleAssignment.create({
        data: { userId: answering.member.id, role: "member", teamId: submitted.id, scopeKey: submitted.id },
      });
      const member = await loadActor(answering.member.id);
      expect((await listed(member!)).map((team) => [team.slug, team.archived])).toEqual([
        [submitted.slug, false],
        [answering.slug, true],
      ]);
    } finally {
      await db.roleAssignment.deleteMany({ where: { userId: answering.member.id, teamId: submitted.id } });
      await setArchived(answering, false);
    }
  });

  it("stop offering to confirm or submit on the review", async () => {
    expect(await getReview(answering.lead, answering.slug)).toMatchObject({
      archived: false,
      canSubmit: true,
    });
    await setArchived(answering, true);
    expect(await getReview(answering.lead, answering.slug)).toMatchObject({
      archived: true,
      canSubmit: false,
    });
    await setArchived(answering, false);
  });

  it("stop offering to change the plan or reopen the result, and keep both readable", async () => {
    const before = await getTeamPlan(submitted.lead, submitted.slug);
    expect(before).toMatchObject({ archived: false, canEdit: true });
    expect(before.owners.length).toBeGreaterThan(0);
    expect((await getAssessmentResult(submitted.lead, submitted.slug, "2026-q4")).canEditPlan).toBe(true);
    expect((await getAssessmentResult(org.admin, submitted.slug, "2026-q4")).canReopen).toBe(true);

    await setArchived(submitted, true);
    for (const actor of [submitted.lead, org.coach, org.admin]) {
      const plan = await getTeamPlan(actor, submitted.slug);
      expect(plan).toMatchObject({ archived: true, canEdit: false, owners: [] });
      expect(plan.recommendations.length).toBeGreaterThan(0);
      const result = await getAssessmentResult(actor, submitted.slug, "2026-q4");
      expect(result).toMatchObject({ canEditPlan: false, canReopen: false });
    }
  });
});
