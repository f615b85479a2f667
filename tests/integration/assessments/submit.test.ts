import { beforeAll, describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import {
  confirmCarriedOverAnswers,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import {
  completeAnswers,
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  snapshotAssessment,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "./fixtures";

describe("submitting an assessment", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  /** A started assessment with every question answered and confirmed. */
  async function readyAssessment(level = 0.5): Promise<{ team: TestTeam; assessmentId: string }> {
    const team = await createTeam(org.orgUnitId);
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, level)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
        updatedById: team.lead.id,
      })),
    });
    return { team, assessmentId };
  }

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

  it("stores a result for all seven pitfalls, the overall figure, the status and an audit event", async () => {
    const { team, assessmentId } = await readyAssessment(0.75);

    const submitted = await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });

    expect(submitted).toMatchObject({ assessmentId, teamSlug: team.slug, cycleName: org.openCycle.name });
    const { assessment, results, audit } = await snapshotAssessment(assessmentId);
    expect(assessment).toMatchObject({ status: "submitted", version: 2, submittedById: team.lead.id });
    expect(assessment?.submittedAt).toBeInstanceOf(Date);
    expect(assessment?.overallScore).toBe(submitted.overallScore);
    expect(assessment?.overallBand).toBe(submitted.overallBand);
    expect(typeof assessment?.overallScore).toBe("number");
    expect(results.map((result) => result.pitfallId).sort()).toEqual([...PITFALL_IDS].sort());
    for (const result of results) {
      expect(result.status).toBe("scored");
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      expect(result.band).not.toBeNull();
      expect(JSON.parse(result.detail)).toHaveProperty("contributions");
    }
    const event = audit.find((entry) => entry.action === "assessment.submitted");
    expect(event).toMatchObject({ actorId: team.lead.id, teamId: team.id });
    expect(JSON.parse(event!.after!)).toMatchObject({
      status: "submitted",
      overallScore: submitted.overallScore,
    });
  });

  it("scores answers that were saved through autosave and confirmed after carry-over", async () => {
    const team = await createTeam(org.orgUnitId);
    await createSubmittedAssessment(team.id, org.previousCycle.id, completeAnswers(org.questionnaire, 0.25));
    const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
    const firstQuestion = org.questionnaire.sections[0]!.questions[0]!;
    let { version } = await saveAnswer(team.member, {
      assessmentId,
      questionId: firstQuestion.id,
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: 1,
    });
    const carried = await db.answer.findMany({
      where: { assessmentId, carriedOver: true },
      select: { questionId: true },
    });
    ({ version } = await confirmCarriedOverAnswers(team.lead, {
      assessmentId,
      questionIds: carried.map((row) => row.questionId),
      expectedVersion: version,
    }));

    await submitAssessment(team.lead, { assessmentId, expectedVersion: version });
    expect(await db.pitfallResult.count({ where: { assessmentId } })).toBe(7);
  });

  it("refuses while required answers are missing, naming them, and changes nothing", async () => {
    const { team, assessmentId } = await readyAssessment();
    const required = org.questionnaire.sections[2]!.questions.filter((question) => question.required).slice(
      0,
      2,
    );
    await db.answer.deleteMany({
      where: { assessmentId, questionId: { in: required.map((question) => question.id) } },
    });
    const before = await snapshotAssessment(assessmentId);

    const error = await refusal(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));

    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/2 required questions have no answer/);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(required.map((question) => question.id).sort());
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("refuses while carried-over answers are unconfirmed, and changes nothing", async () => {
    const { team, assessmentId } = await readyAssessment();
    const contextQuestion = org.questionnaire.context[0]!;
    await db.answer.update({
      where: { assessmentId_questionId: { assessmentId, questionId: contextQuestion.id } },
      data: { carriedOver: true },
    });
    const before = await snapshotAssessment(assessmentId);

    const error = await refusal(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));

    expect(error.code).toBe("validation");
    expect(error.message).toMatch(/1 carried-over answer is not confirmed yet/);
    expect(error.fieldErrors[contextQuestion.id]).toBeDefined();
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("needs no answer to a question the team's context leaves out, even an unconfirmed one kept from before", async () => {
    const { team, assessmentId } = await readyAssessment();
    const onCallShare = org.questionnaire.sections
      .flatMap((section) => section.questions)
      .find((question) => question.id === "locs-share-of-team-on-call")!;
    const setContext = (questionId: string, value: string) =>
      db.answer.update({
        where: { assessmentId_questionId: { assessmentId, questionId } },
        data: { kind: "value", value: JSON.stringify(value) },
      });
    await setContext("availability-target", "99-0");
    await db.answer.update({
      where: { assessmentId_questionId: { assessmentId, questionId: "documented-need-for-top-target" } },
      data: { carriedOver: true },
    });
    await db.answer.delete({
      where: { assessmentId_questionId: { assessmentId, questionId: onCallShare.id } },
    });

    // A team on its own rota is asked the share of the team on it: the blank blocks submission.
    await setContext("out-of-hours-on-call-setup", "own-team-schedule");
    const error = await refusal(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));
    expect(error.message).toMatch(/1 required question has no answer/);
    expect(Object.keys(error.fieldErrors)).toEqual([onCallShare.id]);

    // On a shared domain rota it is not asked; nor, below a 99.99% target, is the documented need.
    await setContext("out-of-hours-on-call-setup", "shared-domain-schedule");
    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
    expect(await db.pitfallResult.count({ where: { assessmentId } })).toBe(7);
  });

  it("lets only the lead submit; a member's attempt changes nothing", async () => {
    const { team, assessmentId } = await readyAssessment();
    const before = await snapshotAssessment(assessmentId);
    const error = await refusal(submitAssessment(team.member, { assessmentId, expectedVersion: 1 }));
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/Only the team lead/);
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("refuses to submit from a stale review, and refuses a second submission", async () => {
    const { team, assessmentId } = await readyAssessment();
    const before = await snapshotAssessment(assessmentId);
    const stale = await refusal(submitAssessment(team.lead, { assessmentId, expectedVersion: 7 }));
    expect(stale.code).toBe("conflict");
    expect(await snapshotAssessment(assessmentId)).toEqual(before);

    await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
    const afterFirst = await snapshotAssessment(assessmentId);
    const again = await refusal(submitAssessment(team.lead, { assessmentId, expectedVersion: 2 }));
    expect(again.message).toBe("This assessment has already been submitted.");
    expect(await snapshotAssessment(assessmentId)).toEqual(afterFirst);
  });

  describe("a failure in the middle of a submission", () => {
    const isSqlite = () => process.env.DATABASE_URL?.startsWith("file:") ?? true;

    /** Makes the database itself reject the submission's audit row: the last write of the transaction. */
    async function failOnSubmissionAudit(): Promise<() => Promise<void>> {
      if (isSqlite()) {
        await db.$executeRawUnsafe(`
          CREATE TRIGGER fail_submission_audit BEFORE INSERT ON audit_event
          WHEN NEW.action = 'assessment.submitted'
          BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
        return async () => {
          await db.$executeRawUnsafe("DROP TRIGGER fail_submission_audit");
        };
      }
      await db.$executeRawUnsafe(`
        CREATE FUNCTION fail_submission_audit() RETURNS trigger AS $$
        BEGIN
          IF NEW.action = 'assessment.submitted' THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`
        CREATE TRIGGER fail_submission_audit BEFORE INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION fail_submission_audit()`);
      return async () => {
        await db.$executeRawUnsafe("DROP TRIGGER fail_submission_audit ON audit_event");
        await db.$executeRawUnsafe("DROP FUNCTION fail_submission_audit()");
      };
    }

    it("leaves none of the submission behind: still a draft, no results, no audit row", async () => {
      const { team, assessmentId } = await readyAssessment(0.6);
      const before = await snapshotAssessment(assessmentId);
      const restore = await failOnSubmissionAudit();
      try {
        await expect(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 })).rejects.toThrow();
      } finally {
        await restore();
      }

      const after = await snapshotAssessment(assessmentId);
      expect(after).toEqual(before);
      expect(after.assessment).toMatchObject({
        status: "draft",
        version: 1,
        overallScore: null,
        submittedAt: null,
      });
      expect(after.results).toHaveLength(0);
      expect(after.audit.some((event) => event.action === "assessment.submitted")).toBe(false);

      // With the fault gone the same submission goes through in full.
      await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
      const done = await snapshotAssessment(assessmentId);
      expect(done.assessment?.status).toBe("submitted");
      expect(done.results).toHaveLength(7);
      expect(done.audit.filter((event) => event.action === "assessment.submitted")).toHaveLength(1);
    });
  });
});
