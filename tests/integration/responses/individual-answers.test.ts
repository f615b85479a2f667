import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import type { Answer } from "@/domain/content/schema";
import type { AnswerValue } from "@/domain/scoring/answer-validation";
import { ExpectedError } from "@/contracts/action-result";
import { saveMyAnswerSchema } from "@/contracts/responses/schemas";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import { loadActor } from "@/server/auth/session";
import {
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
} from "@/server/assessments/queries";
import {
  confirmMyCarriedOverAnswers,
  fillTeamAnswersFromIndividual,
  saveMyAnswer,
  startMyAnswers,
} from "@/server/responses/mutations";
import { getMyAnswersPage, getTeamSpread } from "@/server/responses/queries";
import {
  completeAnswers,
  createOrganisation,
  createPerson,
  createSubmittedAssessment,
  createTeam,
  firstQuestionOfType,
  snapshotAssessment,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";
import { responsesState } from "./fixtures";

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

/** Saves one of the person's own answers, a value, at the version of their answers they last saw. */
function answerOwn(
  actor: Actor,
  assessmentId: string,
  questionId: string,
  value: AnswerValue,
  expectedVersion: number,
) {
  return saveMyAnswer(actor, { assessmentId, questionId, answer: { kind: "value", value }, expectedVersion });
}

async function editableSession(actor: Actor, teamSlug: string) {
  const page = await getMyAnswersPage(actor, teamSlug);
  if (page.kind !== "editable") throw new Error(`My answers is ${page.kind}`);
  return page.session;
}

describe("individual answers", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  /** A team with a third and a fourth person, and the assessment of the open cycle started. */
  async function startedTeam() {
    const team = await createTeam(org.orgUnitId);
    const third = await createPerson("Sam Third", [{ role: "member", teamId: team.id }]);
    const fourth = await createPerson("Fran Fourth", [{ role: "member", teamId: team.id }]);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    return { team, third, fourth, assessmentId };
  }

  const yesNo = () => firstQuestionOfType(org.questionnaire, "yesNo");
  const agreement = () => firstQuestionOfType(org.questionnaire, "agreement");

  it("stores a person's own answer in their own response, created on the first save, and leaves the team's answers alone", async () => {
    const { team, assessmentId } = await startedTeam();
    const teamBefore = await snapshotAssessment(assessmentId);
    const session = await editableSession(team.member, team.slug);
    expect(session).toMatchObject({
      respondent: "self",
      assessment: { id: assessmentId, version: 0 },
      answers: {},
    });
    // The team context is the team's: "My answers" has the pitfall sections only.
    expect(session.sections.every((section) => section.pitfallId !== null)).toBe(true);
    expect(session.sections).toHaveLength(org.questionnaire.sections.length);

    const saved = await answerOwn(team.member, assessmentId, yesNo().id, false, 0);
    expect(saved).toMatchObject({
      version: 1,
      answer: { questionId: yesNo().id, kind: "value", value: false, note: null, carriedOver: false },
    });
    const second = await saveMyAnswer(team.member, {
      assessmentId,
      questionId: agreement().id,
      answer: { kind: "dontKnow" },
      expectedVersion: 1,
    });
    expect(second.version).toBe(2);
    const cleared = await saveMyAnswer(team.member, {
      assessmentId,
      questionId: agreement().id,
      answer: null,
      expectedVersion: 2,
    });
    expect(cleared).toEqual({ version: 3, answer: null, contradiction: null });

    expect(await responsesState(assessmentId)).toEqual([
      {
        userId: team.member.id,
        version: 3,
        answers: [
          { questionId: yesNo().id, kind: "value", value: "false", reason: null, carriedOver: false },
        ],
      },
    ]);
    // Not scored, not the team's answer, and not in the audit log.
    expect(await snapshotAssessment(assessmentId)).toEqual(teamBefore);
    expect((await editableSession(team.member, team.slug)).assessment.version).toBe(3);
  });

  it("gives My answers the team's saved context, and counts only the questions it leaves in", async () => {
    const { team, assessmentId } = await startedTeam();
    const onCallShare = org.questionnaire.sections
      .flatMap((section) => section.questions)
      .find((question) => question.required && question.appliesWhen !== undefined)!;
    await saveAnswer(team.lead, {
      assessmentId,
      questionId: "out-of-hours-on-call-setup",
      answer: { kind: "value", value: "shared-domain-schedule" },
      note: null,
      expectedVersion: 1,
    });
    const session = await editableSession(team.member, team.slug);
    // Read-only: the page shows the team's answer and saves nothing of it.
    expect(session.teamContext).toEqual({
      "out-of-hours-on-call-setup": { kind: "value", value: "shared-domain-schedule" },
    });
    const pitfallQuestions = org.questionnaire.sections.flatMap((section) => section.questions).length;
    await answerOwn(team.member, assessmentId, yesNo().id, true, 0);
    const progress = (await getTeamOverview(team.member, team.slug)).myAnswers?.progress;
    expect(progress).toMatchObject({ total: pitfallQuestions - 1, answered: 1 });
    expect(onCallShare.appliesWhen).toEqual([
      expect.objectContaining({ field: "out-of-hours-on-call-setup" }),
    ]);
  });

  it("validates an answer as the team autosave does, and refuses team context and unknown questions", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = agreement();
    const cases: { questionId: string; answer: unknown }[] = [
      { questionId: question.id, answer: { kind: "value", value: 9 } },
      { questionId: question.id, answer: { kind: "notApplicable", reason: "" } },
      { questionId: question.id, answer: "Agree" },
      { questionId: org.questionnaire.context[0]!.id, answer: { kind: "dontKnow" } },
      { questionId: "no-such-question", answer: { kind: "dontKnow" } },
    ];
    for (const input of cases) {
      const error = await refusal(saveMyAnswer(team.member, { assessmentId, ...input, expectedVersion: 0 }));
      expect(error.code, JSON.stringify(input)).toBe("validation");
    }
    expect(
      (
        await refusal(
          saveMyAnswer(team.member, {
            assessmentId,
            questionId: org.questionnaire.context[0]!.id,
            answer: { kind: "dontKnow" },
            expectedVersion: 0,
          }),
        )
      ).message,
    ).toMatch(/team context is answered once for the whole team/);
    expect(await responsesState(assessmentId)).toEqual([]);
  });

  it("detects a change made in another tab and overwrites nothing", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = yesNo();
    await answerOwn(team.lead, assessmentId, question.id, true, 0);
    const before = await responsesState(assessmentId);

    // A second tab that loaded before the first save still believes nothing is stored.
    const stale = await refusal(answerOwn(team.lead, assessmentId, question.id, false, 0));
    expect(stale.code).toBe("conflict");
    expect(stale.details).toMatchObject({
      kind: "answer-conflict",
      currentVersion: 1,
      questionId: question.id,
      current: { kind: "value", value: true, updatedBy: { id: team.lead.id } },
    });
    const older = await refusal(
      confirmMyCarriedOverAnswers(team.lead, {
        assessmentId,
        questionIds: [question.id],
        expectedVersion: 5,
      }),
    );
    expect(older.code).toBe("conflict");
    expect(await responsesState(assessmentId)).toEqual(before);
  });

  it("lets two first saves at once store one response: the other is told to look again", async () => {
    const { team, assessmentId } = await startedTeam();
    const question = yesNo();
    const results = await Promise.allSettled(
      [true, false].map((value) =>
        saveMyAnswer(team.member, {
          assessmentId,
          questionId: question.id,
          answer: { kind: "value", value },
          expectedVersion: 0,
        }),
      ),
    );
    const saved = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result) => result.status === "rejected");
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const responses = await responsesState(assessmentId);
    expect(responses).toHaveLength(1);
    expect(responses[0]!.version).toBe(1);
  });

  it("keeps each person to their own response, whatever ids a forged request carries", async () => {
    const { team, third, assessmentId } = await startedTeam();
    const question = yesNo();
    await answerOwn(team.member, assessmentId, question.id, true, 0);
    const memberResponse = await db.response.findFirstOrThrow({ where: { userId: team.member.id } });

    // Another person's page shows none of the member's answers.
    expect((await editableSession(third, team.slug)).answers).toEqual({});
    // A forged request naming the member's response and person still writes the caller's own.
    const forged = parseInput(saveMyAnswerSchema, {
      assessmentId,
      questionId: question.id,
      answer: { kind: "value", value: false },
      expectedVersion: 0,
      userId: team.member.id,
      responseId: memberResponse.id,
    });
    expect(forged).not.toHaveProperty("userId");
    expect(forged).not.toHaveProperty("responseId");
    await saveMyAnswer(third, forged);
    const responses = await responsesState(assessmentId);
    expect(responses.find((response) => response.userId === team.member.id)).toMatchObject({
      version: 1,
      answers: [{ questionId: question.id, value: "true" }],
    });
    expect(responses.find((response) => response.userId === third.id)).toMatchObject({
      version: 1,
      answers: [{ questionId: question.id, value: "false" }],
    });

    // Another team's assessment id reaches nothing, and says nothing about it.
    const other = await startedTeam();
    const before = await responsesState(other.assessmentId);
    const hidden = await refusal(
      saveMyAnswer(team.member, {
        assessmentId: other.assessmentId,
        questionId: question.id,
        answer: { kind: "value", value: false },
        expectedVersion: 0,
      }),
    );
    expect(hidden.code).toBe("not_found");
    expect(await responsesState(other.assessmentId)).toEqual(before);
    expect((await refusal(getMyAnswersPage(team.member, other.team.slug))).code).toBe("not_found");
  });

  it("refuses a member who has left the team, and people who are not the team's own", async () => {
    const { team, third, assessmentId } = await startedTeam();
    const question = yesNo();
    await answerOwn(third, assessmentId, question.id, true, 0);
    await db.roleAssignment.deleteMany({ where: { userId: third.id, teamId: team.id } });
    const leaver = (await loadActor(third.id))!;
    const before = await responsesState(assessmentId);

    const write = (actor: Actor, expectedVersion: number) =>
      refusal(
        saveMyAnswer(actor, {
          assessmentId,
          questionId: question.id,
          answer: { kind: "value", value: false },
          expectedVersion,
        }),
      );
    expect((await write(leaver, 1)).code).toBe("not_found");
    expect((await refusal(getMyAnswersPage(leaver, team.slug))).code).toBe("not_found");
    expect(
      (
        await refusal(
          confirmMyCarriedOverAnswers(leaver, {
            assessmentId,
            questionIds: [question.id],
            expectedVersion: 1,
          }),
        )
      ).code,
    ).toBe("not_found");
    // Admins and the head of engineering may read the team but never answer as one of it.
    expect((await write(org.admin, 0)).code).toBe("forbidden");
    expect((await write(org.head, 0)).code).toBe("forbidden");
    expect((await refusal(getMyAnswersPage(org.admin, team.slug))).code).toBe("forbidden");
    expect((await refusal(startMyAnswers(org.admin, { teamSlug: team.slug }))).code).toBe("forbidden");
    expect(await responsesState(assessmentId)).toEqual(before);
    // The team page offers "My answers" to the team's own people only.
    expect((await getTeamOverview(team.member, team.slug)).myAnswers).toMatchObject({
      href: `/team/${team.slug}/assessment/mine`,
    });
    expect((await getTeamOverview(org.admin, team.slug)).myAnswers).toBeNull();
  });

  it("lets a member start the team's assessment from My answers", async () => {
    const team = await createTeam(org.orgUnitId);
    expect((await getMyAnswersPage(team.member, team.slug)).kind).toBe("not-started");
    const started = await startMyAnswers(team.member, { teamSlug: team.slug });
    expect(started).toMatchObject({ created: true, teamSlug: team.slug });
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: started.assessmentId } });
    expect(assessment).toMatchObject({ teamId: team.id, cycleId: org.openCycle.id, status: "draft" });
    expect(
      await db.auditEvent.count({ where: { entityId: assessment.id, action: "assessment.started" } }),
    ).toBe(1);
    // Starting again (the lead, a moment later) continues with the same assessment.
    expect(await startMyAnswers(team.lead, { teamSlug: team.slug })).toMatchObject({
      assessmentId: assessment.id,
      created: false,
    });
    expect((await editableSession(team.member, team.slug)).assessment.id).toBe(assessment.id);
  });

  it("carries each person's own answers of last quarter into their new response, to confirm or change", async () => {
    const team = await createTeam(org.orgUnitId);
    const previous = await createSubmittedAssessment(
      team.id,
      org.previousCycle.id,
      completeAnswers(org.questionnaire, 0.5),
    );
    const section = org.questionnaire.sections[0]!;
    const [first, second, third] = section.questions;
    const memberAnswers = completeAnswers(org.questionnaire, 0);
    await db.response.create({
      data: {
        assessmentId: previous.id,
        userId: team.member.id,
        answers: {
          create: [first!, second!, third!].map((question) => ({
            questionId: question.id,
            ...storedColumns(memberAnswers[question.id]!),
          })),
        },
      },
    });
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });

    // Before their first answer nothing is stored, yet the member sees last quarter's answers.
    const session = await editableSession(team.member, team.slug);
    expect(session.assessment.version).toBe(0);
    expect(session.carriedFromCycleName).toBe(org.previousCycle.name);
    expect(Object.keys(session.answers).sort()).toEqual([first!.id, second!.id, third!.id].sort());
    expect(Object.values(session.answers).every((answer) => answer.carriedOver)).toBe(true);
    // The lead gave no answers of their own last quarter: nothing carries over for them.
    const leadSession = await editableSession(team.lead, team.slug);
    expect(leadSession.answers).toEqual({});
    expect(leadSession.carriedFromCycleName).toBeNull();
    expect((await getTeamOverview(team.member, team.slug)).myAnswers?.progress).toMatchObject({
      answered: 0,
      toConfirm: 3,
    });

    // Confirming one stores the response with every carried answer; only that one is confirmed.
    const confirmed = await confirmMyCarriedOverAnswers(team.member, {
      assessmentId,
      questionIds: [first!.id],
      expectedVersion: 0,
    });
    expect(confirmed.version).toBe(1);
    expect(confirmed.answers).toEqual([
      expect.objectContaining({ questionId: first!.id, carriedOver: false }),
    ]);
    // Saving a carried answer unchanged does not confirm it; changing one does.
    const unchanged = await saveMyAnswer(team.member, {
      assessmentId,
      questionId: second!.id,
      answer: memberAnswers[second!.id]!,
      expectedVersion: 1,
    });
    expect(unchanged.answer?.carriedOver).toBe(true);
    // Confirming "all remaining" (a section) confirms the rest.
    const rest = await confirmMyCarriedOverAnswers(team.member, {
      assessmentId,
      questionIds: section.questions.map((question) => question.id),
      expectedVersion: 2,
    });
    expect(rest.version).toBe(3);
    const [response] = await responsesState(assessmentId);
    expect(response!.answers.map((answer) => [answer.questionId, answer.carriedOver]).sort()).toEqual(
      [first!.id, second!.id, third!.id].map((id) => [id, false]).sort(),
    );
    for (const answer of response!.answers) {
      expect(answer).toMatchObject(storedColumns(memberAnswers[answer.questionId]!));
    }
  });

  it("freezes individual answers while the assessment is submitted and keeps them when it is reopened", async () => {
    const { team, third, assessmentId } = await startedTeam();
    const question = yesNo();
    await answerOwn(team.member, assessmentId, question.id, true, 0);
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, 0.4)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
    const frozen = await responsesState(assessmentId);

    const submitted = await refusal(answerOwn(team.member, assessmentId, question.id, false, 1));
    expect(submitted.code).toBe("conflict");
    expect(submitted.message).toMatch(/has been submitted, so its answers can no longer be changed/);
    expect((await refusal(answerOwn(third, assessmentId, question.id, false, 0))).code).toBe("conflict");
    // Frozen, but still there to read: the member's own answer in words; the third person gave none.
    const memberPage = await getMyAnswersPage(team.member, team.slug);
    if (memberPage.kind !== "submitted") throw new Error(`expected submitted, got ${memberPage.kind}`);
    const record = memberPage.ownAnswers!;
    expect(record.answered).toBe(1);
    expect(record.total).toBeGreaterThan(1);
    const shown = record.sections.flatMap((section) => section.questions);
    expect(shown.find((entry) => entry.questionId === question.id)).toMatchObject({
      prompt: question.prompt,
      answer: "Yes",
      carriedOver: false,
    });
    expect(shown.filter((entry) => entry.answer !== null)).toHaveLength(1);
    expect(record.sections.map((section) => section.pitfallId)).toEqual(
      org.questionnaire.sections.map((section) => section.pitfallId),
    );
    expect(await getMyAnswersPage(third, team.slug)).toMatchObject({ kind: "submitted", ownAnswers: null });
    expect(await responsesState(assessmentId)).toEqual(frozen);

    await reopenAssessment(org.head, { assessmentId, reason: "The lead asked to look again" });
    expect(await responsesState(assessmentId)).toEqual(frozen);
    const session = await editableSession(team.member, team.slug);
    expect(session.answers[question.id]).toMatchObject({ kind: "value", value: true });
    expect(
      await answerOwn(team.member, assessmentId, question.id, false, session.assessment.version),
    ).toMatchObject({ version: 2 });
  });

  it("shows the lead the spread and the suggestion on the team's questionnaire, and members nothing of it", async () => {
    const { team, third, fourth, assessmentId } = await startedTeam();
    const question = yesNo();
    for (const [actor, value] of [
      [team.lead, true],
      [team.member, true],
      [third, false],
      [fourth, true],
    ] as const) {
      await saveMyAnswer(actor, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value },
        expectedVersion: 0,
      });
    }
    const lead = await getQuestionnairePage(team.lead, team.slug);
    if (lead.kind !== "editable") throw new Error("the team questionnaire is not editable");
    expect(lead.session.respondent).toBe("team");
    expect(lead.session.individual?.[question.id]).toEqual({
      respondents: 4,
      distribution: "Yes 3 · No 1",
      split: true,
      suggestion: { kind: "value", value: true, reason: null },
      suggestionLabel: "Yes",
    });
    const member = await getQuestionnairePage(team.member, team.slug);
    if (member.kind !== "editable") throw new Error("the team questionnaire is not editable");
    expect(member.session.individual).toBeNull();
    // The review says how many answered on their own; the spread is for the lead only.
    expect((await getReview(team.member, team.slug))!.individual).toEqual({ respondents: 4, spread: null });
    const review = (await getReview(team.lead, team.slug))!.individual;
    expect(review.respondents).toBe(4);
    expect(review.spread?.split).toEqual([
      expect.objectContaining({
        questionId: question.id,
        distribution: "Yes 3 · No 1",
        href: `/team/${team.slug}/assessment#question-${question.id}`,
      }),
    ]);
  });

  it("shows a question's own answers to a viewer only once three people besides them have answered it", async () => {
    const { team, third, fourth, assessmentId } = await startedTeam();
    const question = yesNo();
    // Three answers, one of them the lead's: "No 2 · Yes 1" would tell the lead both others' answers.
    for (const [actor, value] of [
      [team.lead, true],
      [team.member, false],
      [third, false],
    ] as const) {
      await answerOwn(actor, assessmentId, question.id, value, 0);
    }
    const before = await getQuestionnairePage(team.lead, team.slug);
    if (before.kind !== "editable") throw new Error("the team questionnaire is not editable");
    expect(before.session.individual?.[question.id]).toBeUndefined();
    const review = (await getReview(team.lead, team.slug))!.individual;
    expect(review).toEqual({
      respondents: 3,
      spread: { shown: 0, split: [], fillable: [], suggestions: {} },
    });
    expect(await getTeamSpread(team.lead, team.slug)).toMatchObject({
      kind: "ready",
      respondents: 3,
      sections: [],
    });
    // The head gave none of the three, so three are enough for them.
    const head = await getTeamSpread(org.head, team.slug);
    expect(head.kind === "ready" && head.sections.flatMap((section) => section.questions)).toEqual([
      expect.objectContaining({ questionId: question.id, respondents: 3, distribution: "No 2 · Yes 1" }),
    ]);

    // The fourth answer makes three besides the lead's: counts, split and suggestion appear together.
    await answerOwn(fourth, assessmentId, question.id, false, 0);
    const after = await getQuestionnairePage(team.lead, team.slug);
    if (after.kind !== "editable") throw new Error("the team questionnaire is not editable");
    expect(after.session.individual?.[question.id]).toMatchObject({
      respondents: 4,
      distribution: "No 3 · Yes 1",
      split: true,
    });
  });

  it("stores how many questions of each pitfall the team was split on, and the result shows where it disagreed", async () => {
    const { team, third, fourth, assessmentId } = await startedTeam();
    const question = yesNo();
    const pitfallId = org.questionnaire.sections.find((section) =>
      section.questions.some((candidate) => candidate.id === question.id),
    )!.pitfallId;
    const calm = agreement();
    for (const [actor, value, level] of [
      [team.lead, true, 4],
      [team.member, true, 5],
      [third, false, 4],
      [fourth, true, 4],
    ] as const) {
      await saveMyAnswer(actor, {
        assessmentId,
        questionId: question.id,
        answer: { kind: "value", value },
        expectedVersion: 0,
      });
      await answerOwn(actor, assessmentId, calm.id, level, 1);
    }
    const teamAnswers = completeAnswers(org.questionnaire, 0.4);
    teamAnswers[question.id] = { kind: "value", value: true };
    await db.answer.createMany({
      data: Object.entries(teamAnswers).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });

    const results = await db.pitfallResult.findMany({ where: { assessmentId } });
    expect(results).toHaveLength(7);
    for (const result of results) expect(result.splitQuestions).toBe(result.pitfallId === pitfallId ? 1 : 0);

    // Anyone who reads the result sees the disagreement: counts and the team answer, no names.
    const view = await getAssessmentResult(org.head, team.slug, "2026-q4");
    expect(view.disagreements).toEqual([
      {
        pitfallId,
        pitfallName: expect.any(String),
        questions: [
          {
            questionId: question.id,
            prompt: question.prompt,
            distribution: "Yes 3 · No 1",
            teamAnswer: "Yes",
          },
        ],
      },
    ]);
    expect(view.individualRespondents).toBe(4);
    expect(view.disagreementsHiddenWhileReopened).toBe(false);
    // One who answered sees the same: three answers besides their own.
    expect((await getAssessmentResult(team.member, team.slug, "2026-q4")).disagreements).toEqual(
      view.disagreements,
    );
    const shown = JSON.stringify(view.disagreements);
    for (const person of [team.lead, team.member, third]) {
      expect(shown).not.toContain(person.name);
      expect(shown).not.toContain(person.id);
    }
  });

  it("keeps three answers from the people who gave them, stores no split for them, and hides live answers from members while reopened", async () => {
    const { team, third, fourth, assessmentId } = await startedTeam();
    const question = yesNo();
    for (const [actor, value] of [
      [team.lead, true],
      [team.member, false],
      [third, true],
    ] as const) {
      await answerOwn(actor, assessmentId, question.id, value, 0);
    }
    const teamAnswers = completeAnswers(org.questionnaire, 0.4);
    await db.answer.createMany({
      data: Object.entries(teamAnswers).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
    // Stored and shown to everyone alike: three answers are too few, since any reader may be one of them.
    for (const result of await db.pitfallResult.findMany({ where: { assessmentId } }))
      expect(result.splitQuestions).toBe(0);
    // The member answered "No": "Yes 2 · No 1" would tell them both others' answers.
    expect((await getAssessmentResult(team.member, team.slug, "2026-q4")).disagreements).toEqual([]);
    expect(JSON.stringify(await getAssessmentResult(team.member, team.slug, "2026-q4"))).not.toContain(
      "Yes 2",
    );
    // The head answered none of them.
    expect((await getAssessmentResult(org.head, team.slug, "2026-q4")).disagreements).toEqual([
      expect.objectContaining({
        questions: [expect.objectContaining({ questionId: question.id, distribution: "Yes 2 · No 1" })],
      }),
    ]);

    // Reopened: the answers are live again. A member who did not answer must not watch them change.
    await reopenAssessment(org.head, { assessmentId, reason: "The lead asked to look again" });
    await answerOwn(fourth, assessmentId, question.id, false, 0);
    const member = await getAssessmentResult(fourth, team.slug, "2026-q4");
    expect(member.disagreementsHiddenWhileReopened).toBe(true);
    expect(member.disagreements).toEqual([]);
    expect(member.individualRespondents).toBe(4);
    expect(JSON.stringify(member)).not.toMatch(/Yes 2 · No 2|No 2 · Yes 2/);
    // Those who may see the spread before submission still do, at their own floor.
    const head = await getAssessmentResult(org.head, team.slug, "2026-q4");
    expect(head.disagreementsHiddenWhileReopened).toBe(false);
    expect(head.disagreements).toEqual([
      expect.objectContaining({
        questions: [
          expect.objectContaining({ questionId: question.id, distribution: expect.stringMatching(/2.*2/) }),
        ],
      }),
    ]);
  });

  describe("filling team answers from the team's own answers", () => {
    async function teamWithSuggestions(): Promise<{
      team: TestTeam;
      fourth: Actor;
      assessmentId: string;
      answered: string;
      unanswered: string;
      suggestion: Answer;
    }> {
      const { team, third, fourth, assessmentId } = await startedTeam();
      const answered = yesNo().id;
      const unanswered = agreement().id;
      for (const [actor, level] of [
        [team.lead, 4],
        [team.member, 2],
        [third, 4],
        [fourth, 4],
      ] as const) {
        await answerOwn(actor, assessmentId, answered, false, 0);
        await answerOwn(actor, assessmentId, unanswered, level, 1);
      }
      await saveAnswer(team.lead, {
        assessmentId,
        questionId: answered,
        answer: { kind: "value", value: true },
        note: null,
        expectedVersion: 1,
      });
      return { team, fourth, assessmentId, answered, unanswered, suggestion: { kind: "value", value: 4 } };
    }

    it("fills only the questions without a team answer, in one audited write", async () => {
      const { team, assessmentId, answered, unanswered, suggestion } = await teamWithSuggestions();
      const review = await getReview(team.lead, team.slug);
      expect(review!.individual.spread?.fillable).toEqual([
        expect.objectContaining({
          questionId: unanswered,
          answerLabel: "Agree",
          distribution: "Agree 3 · Disagree 1",
        }),
      ]);
      expect(review!.individual.spread?.suggestions).toEqual({
        [unanswered]: { kind: "value", value: 4, reason: null },
      });

      const filled = await fillTeamAnswersFromIndividual(team.lead, {
        assessmentId,
        expectedVersion: review!.assessment.version,
        suggestions: { [unanswered]: suggestion },
        teamSlug: team.slug,
      });
      expect(filled).toEqual({ filled: 1, version: 3 });
      const after = await snapshotAssessment(assessmentId);
      expect(after.assessment?.version).toBe(3);
      expect(after.answers.find((row) => row.questionId === unanswered)).toMatchObject({
        kind: "value",
        value: "4",
        carriedOver: false,
        updatedById: team.lead.id,
      });
      // The lead's own team answer stays as they settled it.
      expect(after.answers.find((row) => row.questionId === answered)).toMatchObject({ value: "true" });
      const event = after.audit.find((entry) => entry.action === "assessment.answers_filled");
      expect(event?.actorId).toBe(team.lead.id);
      expect(JSON.parse(event!.after!)).toMatchObject({
        answers: [{ questionId: unanswered, kind: "value", value: "4" }],
      });
      expect((await getReview(team.lead, team.slug))!.individual.spread?.fillable).toEqual([]);
    });

    it("fills nothing when the answers moved since the review, a listed question has a team answer, or a member asks", async () => {
      const { team, fourth, assessmentId, answered, unanswered, suggestion } = await teamWithSuggestions();
      const before = await snapshotAssessment(assessmentId);
      const version = before.assessment!.version;
      const fill = (actor: Actor, input: Partial<Parameters<typeof fillTeamAnswersFromIndividual>[1]>) =>
        refusal(
          fillTeamAnswersFromIndividual(actor, {
            assessmentId,
            expectedVersion: version,
            suggestions: { [unanswered]: suggestion },
            ...input,
          }),
        );

      expect((await fill(team.lead, { expectedVersion: version - 1 })).code).toBe("conflict");
      expect(
        (await fill(team.lead, { suggestions: { [unanswered]: { kind: "value", value: 2 } } })).code,
      ).toBe("conflict");
      expect(
        (
          await fill(team.lead, {
            suggestions: { [unanswered]: suggestion, [answered]: { kind: "value", value: false } },
          })
        ).code,
      ).toBe("validation");
      expect((await fill(team.member, {})).code).toBe("forbidden");
      expect((await fill(org.head, {})).code).toBe("forbidden");
      expect(await snapshotAssessment(assessmentId)).toEqual(before);

      // Someone changes their own answer after the review was opened: the suggestion moved.
      await answerOwn(team.lead, assessmentId, unanswered, 1, 2);
      await answerOwn(fourth, assessmentId, unanswered, 1, 2);
      expect((await fill(team.lead, {})).message).toMatch(/own answers changed after you opened this review/);
      expect(await snapshotAssessment(assessmentId)).toEqual(before);
    });
  });
  it("shows the spread before submission, read-only and in counts, to the lead, the coach and the head; never to members", async () => {
    const { team, third, fourth, assessmentId } = await startedTeam();
    const question = yesNo();
    await answerOwn(team.lead, assessmentId, question.id, true, 0);
    await answerOwn(team.member, assessmentId, question.id, false, 0);
    await answerOwn(third, assessmentId, question.id, false, 0);
    await answerOwn(fourth, assessmentId, question.id, false, 0);
    const coachPerson = await createPerson("Casey Coach", []);
    await db.roleAssignment.create({
      data: { userId: coachPerson.id, role: "coach", orgUnitId: org.orgUnitId, scopeKey: org.orgUnitId },
    });
    const coach = (await loadActor(coachPerson.id))!;

    for (const viewer of [team.lead, coach, org.head, org.admin]) {
      const view = await getTeamSpread(viewer, team.slug);
      if (view.kind !== "ready") throw new Error(`expected the spread, got ${view.kind}`);
      expect(view.respondents).toBe(4);
      const asked = view.sections.flatMap((section) => section.questions);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        questionId: question.id,
        respondents: 4,
        split: true,
        teamAnswer: null,
      });
      expect(asked[0]!.distribution).toMatch(/3/);
      // Counts only: no name or id of anyone who answered.
      const text = JSON.stringify(view);
      for (const person of [team.lead, team.member, third]) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.name);
      }
    }
    expect((await refusal(getTeamSpread(team.member, team.slug))).code).toBe("forbidden");
    const overview = async (viewer: Actor) => (await getTeamOverview(viewer, team.slug)).spreadHref;
    expect(await overview(coach)).toBe(`/team/${team.slug}/assessment/spread`);
    expect(await overview(team.member)).toBeNull();
  });
});
