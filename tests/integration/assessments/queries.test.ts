import { beforeAll, describe, expect, it } from "vitest";
import { ExpectedError } from "@/contracts/action-result";
import { questionnaireQuestionsNotAsked } from "@/domain/assessments/asked-questions";
import { db } from "@/server/db";
import {
  confirmCarriedOverAnswers,
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import {
  getAssessmentResult,
  getQuestionnairePage,
  getReview,
  getTeamOverview,
  listMyTeams,
  toCycleRef,
} from "@/server/assessments/queries";
import {
  completeAnswers,
  createOrganisation,
  createPerson,
  createSubmittedAssessment,
  createTeam,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "./fixtures";

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

describe("assessment pages", () => {
  let org: TestOrganisation;
  let team: TestTeam;
  let otherTeam: TestTeam;
  let previousId: string;

  beforeAll(async () => {
    org = await createOrganisation();
    team = await createTeam(org.orgUnitId, "Checkout");
    otherTeam = await createTeam(org.orgUnitId, "Search");
    const previous = await createSubmittedAssessment(
      team.id,
      org.previousCycle.id,
      completeAnswers(org.questionnaire, 0.4),
    );
    previousId = previous.id;
  });

  it("counts the days to a cycle's due date in the organisation's calendar, from the day, not the hour", async () => {
    const cycle = await db.cycle.findUniqueOrThrow({ where: { id: org.openCycle.id } });
    // Moments around the due date (stored as its UTC midnight); the tests run on UTC.
    const at = (offsetMs: number) =>
      toCycleRef(cycle, new Date(cycle.closesOn.getTime() + offsetMs)).daysLeft;
    expect(at(-86_400_000 + 60_000)).toBe(1);
    expect(at(-60_000)).toBe(1);
    expect(at(0)).toBe(0);
    expect(at(86_400_000 - 60_000)).toBe(0);
    expect(at(3 * 86_400_000 + 3_600_000)).toBe(-3);
    // The team's page gets the same figure for now.
    const overview = await getTeamOverview(team.lead, team.slug);
    expect(overview.currentCycle?.daysLeft).toBe(toCycleRef(cycle).daysLeft);
  });

  it("follows a team through not started, draft, review, submitted and reopened", async () => {
    const total =
      org.questionnaire.context.length +
      org.questionnaire.sections.reduce((sum, section) => sum + section.questions.length, 0);

    expect(await listMyTeams(team.member)).toEqual([
      expect.objectContaining({
        slug: team.slug,
        role: "Team member",
        currentStatus: "not-started",
        lastResult: expect.objectContaining({ cycleName: org.previousCycle.name, band: "medium" }),
      }),
    ]);
    const notStarted = await getQuestionnairePage(team.lead, team.slug);
    expect(notStarted).toMatchObject({
      kind: "not-started",
      hasPrevious: true,
      cycle: { name: org.openCycle.name },
    });
    const overview = await getTeamOverview(team.lead, team.slug);
    expect(overview.current).toMatchObject({ status: "not-started", progress: null });
    expect(overview.history.map((entry) => entry.cycleName)).toEqual([org.previousCycle.name]);

    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const editable = await getQuestionnairePage(team.member, team.slug);
    if (editable.kind !== "editable")
      throw new Error(`expected an editable questionnaire, got ${editable.kind}`);
    expect(editable.session.sections[0]!.title).toBe("Team context");
    expect(editable.session.sections).toHaveLength(8);
    expect(editable.session.sections.slice(1).map((section) => section.pitfallId)).toEqual(
      org.questionnaire.sections.map((section) => section.pitfallId),
    );
    // The page gets what it renders, not the scoring rules.
    expect(JSON.stringify(editable.session.sections)).not.toContain("riskCurve");
    expect(Object.keys(editable.session.answers)).toHaveLength(total);
    // Last quarter's team context leaves questions out (its target is below 99.99%): they are not
    // asked, so neither listed nor counted, though their old answers are kept.
    const notAsked = questionnaireQuestionsNotAsked(
      org.questionnaire,
      (field) => editable.session.answers[field],
    );
    expect(notAsked.has("documented-need-for-top-target")).toBe(true);
    const asked = total - notAsked.size;

    const review = await getReview(team.lead, team.slug);
    expect(review?.unconfirmed).toHaveLength(asked);
    expect(review?.unconfirmed.some((item) => notAsked.has(item.questionId))).toBe(false);
    // The review counts what the questionnaire counts: nothing answered yet, everything to confirm.
    expect(review?.progress).toMatchObject({
      total: asked,
      answered: 0,
      toConfirm: asked,
      missingRequired: 0,
    });
    expect((await getTeamOverview(team.lead, team.slug)).current?.progress).toEqual(review?.progress);
    // Carried over unchanged: no answer differs from last quarter, and every pitfall is compared.
    expect(review?.changes).toMatchObject({
      previousCycleName: org.previousCycle.name,
      cycleName: org.openCycle.name,
      preview: true,
      answers: [],
    });
    expect(review?.changes?.pitfalls).toHaveLength(org.questionnaire.sections.length);
    expect(review?.unconfirmed[0]?.href).toMatch(new RegExp(`^/team/${team.slug}/assessment#question-`));
    expect(review?.canSubmit).toBe(true);
    expect(review?.leadNames).toEqual([team.lead.name]);
    expect((await getReview(team.member, team.slug))?.canSubmit).toBe(false);

    const everything = Object.keys(editable.session.answers);
    const confirmed = await confirmCarriedOverAnswers(team.lead, {
      assessmentId,
      questionIds: everything,
      expectedVersion: 1,
    });
    const readyReview = await getReview(team.lead, team.slug);
    expect(readyReview).toMatchObject({
      missingRequired: [],
      unconfirmed: [],
      invalid: [],
      progress: { answered: asked, toConfirm: 0, complete: true },
    });

    await submitAssessment(team.lead, { assessmentId, expectedVersion: confirmed.version });
    expect(await getQuestionnairePage(team.lead, team.slug)).toMatchObject({
      kind: "submitted",
      resultHref: `/team/${team.slug}/results/2026-q4`,
    });

    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    expect(result.pitfalls).toHaveLength(7);
    // What changed: the stored scores of both quarters, and no answer changed (all were confirmed).
    expect(result.changes).toMatchObject({
      previousCycleName: org.previousCycle.name,
      preview: false,
      answers: [],
    });
    expect(result.changes?.pitfalls).toHaveLength(7);
    // The earlier assessment of this fixture has no stored pitfall results: every pitfall scored
    // now reads as newly scored, with no score before.
    const scoredNow = result.changes!.pitfalls.filter((movement) => movement.after !== null);
    expect(scoredNow.length).toBeGreaterThan(0);
    for (const movement of scoredNow)
      expect(movement).toMatchObject({ before: null, direction: "newly-scored" });
    // The top steps lead to the plan: members read it, the lead may add to it.
    expect(result.canEditPlan).toBe(false);
    expect((await getAssessmentResult(team.lead, team.slug, "2026-q4")).canEditPlan).toBe(true);
    expect(result.topSteps.every((step) => step.planItemId === null)).toBe(true);
    expect(result.pitfalls[0]!.playbookHref).toBe(`/playbook/${org.questionnaire.sections[0]!.pitfallId}`);
    for (const pitfall of result.pitfalls) {
      for (const symptom of pitfall.symptoms)
        expect(symptom.href).toBe(`/playbook/${pitfall.pitfallId}#${symptom.id}`);
      expect(pitfall.contributions.length).toBeLessThanOrEqual(3);
      expect(pitfall.nextSteps.length).toBeLessThanOrEqual(3);
    }
    expect(
      result.pitfalls.some(
        (pitfall) => pitfall.contributions.length > 0 && pitfall.contributions[0]!.answer !== null,
      ),
    ).toBe(true);
    expect(result.canReopen).toBe(false);
    expect((await getAssessmentResult(org.head, team.slug, "2026 Q4")).canReopen).toBe(true);
    expect((await getAssessmentResult(team.lead, team.slug, assessmentId)).assessment.id).toBe(assessmentId);
    // A quarter without a submission, and an assessment without stored results, have no result page.
    expect((await refusal(getAssessmentResult(team.lead, team.slug, "2031-q1"))).code).toBe("not_found");
    expect((await refusal(getAssessmentResult(team.lead, team.slug, previousId))).code).toBe("not_found");

    const myTeams = await listMyTeams(team.lead);
    expect(myTeams[0]).toMatchObject({
      role: "Team lead",
      currentStatus: "submitted",
      lastResult: { cycleName: org.openCycle.name },
    });
    const history = (await getTeamOverview(team.lead, team.slug)).history;
    expect(history.map((entry) => entry.cycleName)).toEqual([org.openCycle.name, org.previousCycle.name]);

    await reopenAssessment(org.admin, { assessmentId, reason: "Wrong availability target" });
    expect(await getQuestionnairePage(team.lead, team.slug)).toMatchObject({
      kind: "editable",
      session: { assessment: { status: "reopened" } },
    });
    expect((await getAssessmentResult(team.lead, team.slug, "2026-q4")).assessment.status).toBe("reopened");
  });

  it("never shows another team's pages or results", async () => {
    const { assessmentId } = await startAssessment(otherTeam.lead, { teamSlug: otherTeam.slug });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(otherTeam.lead, { assessmentId, expectedVersion: 1 });

    expect((await refusal(getTeamOverview(team.lead, otherTeam.slug))).code).toBe("not_found");
    expect((await refusal(getQuestionnairePage(team.lead, otherTeam.slug))).code).toBe("not_found");
    expect((await refusal(getReview(team.member, otherTeam.slug))).code).toBe("not_found");
    expect((await refusal(getAssessmentResult(team.lead, otherTeam.slug, "2026-q4"))).code).toBe("not_found");
    // Another team's assessment id under one's own team slug finds nothing either.
    expect((await refusal(getAssessmentResult(team.lead, team.slug, assessmentId))).code).toBe("not_found");
    // The head of engineering reads every team but does not answer for it.
    expect((await getTeamOverview(org.head, otherTeam.slug)).canAnswer).toBe(false);
    expect((await refusal(getQuestionnairePage(org.head, otherTeam.slug))).code).toBe("forbidden");
  });

  it("holds back the preview figures of pitfalls whose required questions are unanswered", async () => {
    const incomplete = await createTeam(org.orgUnitId, "Refunds");
    await createSubmittedAssessment(
      incomplete.id,
      org.previousCycle.id,
      completeAnswers(org.questionnaire, 0.4),
    );
    const { assessmentId } = await startAssessment(incomplete.lead, { teamSlug: incomplete.slug });
    const [gappy, complete] = org.questionnaire.sections;
    const requiredOfGappy = gappy!.questions
      .filter((question) => question.required)
      .map((question) => question.id);
    const requiredContext = org.questionnaire.context.find((question) => question.required)!.id;
    expect(requiredOfGappy.length).toBeGreaterThan(0);
    await db.answer.deleteMany({
      where: { assessmentId, questionId: { in: [...requiredOfGappy, requiredContext] } },
    });

    const review = await getReview(incomplete.lead, incomplete.slug);
    const missingIds = review!.missingRequired.map((item) => item.questionId);
    expect(missingIds).toEqual(expect.arrayContaining([...requiredOfGappy, requiredContext]));
    expect(review!.changes!.missingRequired).toEqual({ total: missingIds.length, context: 1 });
    const movementOf = (pitfallId: string) =>
      review!.changes!.pitfalls.find((movement) => movement.pitfallId === pitfallId)!;
    expect(movementOf(gappy!.pitfallId)).toMatchObject({
      after: null,
      delta: null,
      direction: "awaiting-answers",
      missingRequired: requiredOfGappy.length,
    });
    expect(movementOf(complete!.pitfallId).missingRequired).toBe(0);
    expect(movementOf(complete!.pitfallId).direction).not.toBe("awaiting-answers");

    // Once answered again, nothing is held back.
    await db.answer.createMany({
      data: [...requiredOfGappy, requiredContext].map((questionId) => ({
        assessmentId,
        questionId,
        ...storedColumns(completeAnswers(org.questionnaire, 0.4)[questionId]!),
      })),
    });
    const answered = await getReview(incomplete.lead, incomplete.slug);
    expect(answered!.changes!.missingRequired).toEqual({ total: 0, context: 0 });
    expect(answered!.changes!.pitfalls.some((movement) => movement.direction === "awaiting-answers")).toBe(
      false,
    );
  });

  it("tells members that the team's answers are shared and who submits them, without changing what they may do", async () => {
    const shared = await createTeam(org.orgUnitId, "Payments");
    await startAssessment(shared.member, { teamSlug: shared.slug });

    expect((await listMyTeams(shared.member))[0]).toMatchObject({
      canSubmit: false,
      myAnswersHref: `/team/${shared.slug}/assessment/mine`,
    });
    expect((await listMyTeams(shared.lead))[0]).toMatchObject({ canSubmit: true });
    expect(await getTeamOverview(shared.member, shared.slug)).toMatchObject({
      canAnswer: true,
      canSubmit: false,
      leadNames: [shared.lead.name],
    });
    expect((await getTeamOverview(shared.lead, shared.slug)).canSubmit).toBe(true);

    const memberPage = await getQuestionnairePage(shared.member, shared.slug);
    expect(memberPage).toMatchObject({ kind: "editable", submittedBy: [shared.lead.name] });
    const leadPage = await getQuestionnairePage(shared.lead, shared.slug);
    expect(leadPage).toMatchObject({ kind: "editable", submittedBy: null });
    // The member still answers for the team: the notice informs, it does not take anything away.
    if (memberPage.kind !== "editable") throw new Error("expected an editable questionnaire");
    const question = org.questionnaire.sections[0]!.questions[0]!;
    await saveAnswer(shared.member, {
      assessmentId: memberPage.session.assessment.id,
      questionId: question.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: memberPage.session.assessment.version,
    });
  });

  it("shows the draft's progress on the team page", async () => {
    const fresh = await createTeam(org.orgUnitId, "Billing");
    const { assessmentId } = await startAssessment(fresh.lead, { teamSlug: fresh.slug });
    const question = org.questionnaire.sections[0]!.questions[0]!;
    await saveAnswer(fresh.member, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });
    expect((await getTeamOverview(fresh.lead, fresh.slug)).current).toMatchObject({
      status: "draft",
      progress: { answered: 1, toConfirm: 0 },
    });
  });

  it("lets the lead ask the team's other people for their own answers, by an email with them in Bcc, until submitting", async () => {
    const asking = await createTeam(org.orgUnitId, "Payouts");
    const rota = await createPerson("Sam Rota", [{ role: "member", teamId: asking.id }]);
    const gone = await createPerson("Kit Gone", [{ role: "member", teamId: asking.id }]);
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const emails = async (...ids: string[]) =>
      (await db.user.findMany({ where: { id: { in: ids } }, orderBy: { email: "asc" } })).map(
        (user) => user.email,
      );

    const overview = await getTeamOverview(asking.lead, asking.slug);
    expect(overview.invitation).toMatchObject({ recipients: 2 });
    const query = new URLSearchParams(overview.invitation!.mailtoHref!.slice("mailto:?".length));
    // The team's other active people, never the lead themself or a deactivated person.
    expect(query.get("bcc")!.split(",")).toEqual(await emails(asking.member.id, rota.id));
    expect(query.get("body")).toContain(`${asking.slug}/assessment/mine`);
    expect(overview.invitation!.message).toBe(query.get("body"));
    expect(overview.invitation!.message).toContain(asking.lead.name);

    // Only for the team's own lead: members, the head of engineering and admins (who may submit
    // any team's assessment, but are not one of its people) are not offered it.
    expect((await getTeamOverview(asking.member, asking.slug)).invitation).toBeNull();
    expect((await getTeamOverview(org.head, asking.slug)).invitation).toBeNull();
    expect((await getTeamOverview(org.admin, asking.slug)).invitation).toBeNull();

    // Once submitted, there is nothing left to ask for.
    const { assessmentId } = await startAssessment(asking.lead, { teamSlug: asking.slug });
    expect((await getTeamOverview(asking.lead, asking.slug)).invitation).not.toBeNull();
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, 0.3)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(asking.lead, { assessmentId, expectedVersion: 1 });
    expect((await getTeamOverview(asking.lead, asking.slug)).invitation).toBeNull();
  });
});
