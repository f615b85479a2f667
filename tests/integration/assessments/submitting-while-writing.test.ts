/**
 * Submitting an assessment and writing what its result is scored from (a person's own answers, the
 * anonymous pulse) are decided one after the other, on both databases: a write that commits was
 * counted by the submission, and a write that comes second is refused as every write into a
 * submitted assessment is. On PostgreSQL a plain "is it submitted?" check would not do: a write
 * past its check could commit after the submission had read the evidence.
 *
 * The interleavings are forced (tests/support/held-transaction.ts): a transaction held open
 * holds a row the first request needs on its way, so the second one starts while the first one
 * is past its checks and not committed yet.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { submitAssessment } from "@/server/assessments/mutations";
import { saveMyAnswer } from "@/server/responses/mutations";
import {
  completeAnswers,
  createOrganisation,
  createPerson,
  createTeam,
  firstQuestionOfType,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "./fixtures";
import { answerAs, pulseState, type Choices } from "../pulse/fixtures";
import { responsesState } from "../responses/fixtures";
import { follow, holdTransaction, onPostgres, untilWaitingOrSettled } from "../../support/held-transaction";

let org: TestOrganisation;
beforeAll(async () => {
  org = await createOrganisation();
});

const SUBMITTED =
  "This assessment has been submitted, so its answers can no longer be changed. An admin or the head of engineering can reopen it.";
const PULSE_CLOSED = /^The team has submitted its 2026 Q4 assessment, so the pulse is closed/;
const BURNOUT: Choices = { "pulse-on-call-strain": "close-to-burnout", "pulse-on-call-disruption": "a-lot" };

/** A team of five with a draft of the open cycle, every team answer given. */
async function teamWithDraft() {
  const team = await createTeam(org.orgUnitId);
  const others = [];
  for (const name of ["Sam Third", "Fran Fourth", "Kim Fifth"])
    others.push(await createPerson(name, [{ role: "member", teamId: team.id }]));
  const assessment = await db.assessment.create({
    data: { teamId: team.id, cycleId: org.openCycle.id, status: "draft" },
  });
  await db.answer.createMany({
    data: Object.entries(completeAnswers(org.questionnaire, 0.6)).map(([questionId, answer]) => ({
      assessmentId: assessment.id,
      questionId,
      ...storedColumns(answer),
      updatedById: team.lead.id,
    })),
  });
  return { team, others, assessmentId: assessment.id };
}

/** Holds a row with a lock that a new row referring to it waits for. */
function holdUser(userId: string) {
  return holdTransaction(async (tx) => {
    if (onPostgres()) await tx.$queryRaw`SELECT "id" FROM "user" WHERE "id" = ${userId} FOR UPDATE`;
    // On SQLite the open transaction alone keeps every other write waiting.
    else await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  });
}

/** What the submission stored as counted: pulse questions scored, and questions the team split on. */
async function countedBySubmission(assessmentId: string) {
  const event = await db.auditEvent.findFirstOrThrow({
    where: { entityId: assessmentId, action: "assessment.submitted" },
  });
  const after = JSON.parse(event.after!) as { pulseQuestionsScored: number; splitQuestions: number };
  const results = await db.pitfallResult.findMany({ where: { assessmentId } });
  return {
    pulseQuestionsScored: after.pulseQuestionsScored,
    splitQuestions: results.reduce((sum, result) => sum + result.splitQuestions, 0),
  };
}

interface WriteCase {
  /**
   * Prepares a team whose next write changes what a submission counts: `write` is that write,
   * `holdWrite` holds a row it needs after its checks, `counted` what a submission counts with it.
   */
  prepare(): Promise<{
    team: TestTeam;
    assessmentId: string;
    write: () => Promise<unknown>;
    holdWrite: () => ReturnType<typeof holdTransaction>;
    state: () => Promise<unknown>;
    refusal: string | RegExp;
    counted: { pulseQuestionsScored: number; splitQuestions: number };
  }>;
}

const writes: Record<string, WriteCase> = {
  "one's own answer": {
    async prepare() {
      const { team, others, assessmentId } = await teamWithDraft();
      const question = firstQuestionOfType(org.questionnaire, "yesNo");
      // Three answers besides: the fourth makes the question count, as a split (Yes 3 · No 1).
      for (const [actor, value] of [
        [others[0]!, true],
        [others[1]!, false],
        [others[2]!, true],
      ] as const) {
        await saveMyAnswer(actor, {
          assessmentId,
          questionId: question.id,
          answer: { kind: "value", value },
          expectedVersion: 0,
        });
      }
      return {
        team,
        assessmentId,
        write: () =>
          saveMyAnswer(team.member, {
            assessmentId,
            questionId: question.id,
            answer: { kind: "value", value: true },
            expectedVersion: 0,
          }),
        // The person's response refers to them: creating it waits for their row.
        holdWrite: () => holdUser(team.member.id),
        state: () => responsesState(assessmentId),
        refusal: SUBMITTED,
        counted: { pulseQuestionsScored: 0, splitQuestions: 1 },
      };
    },
  },
  "a pulse answer": {
    async prepare() {
      const { team, others, assessmentId } = await teamWithDraft();
      // Three answers: the fourth makes both on-call questions count.
      for (const person of others) await answerAs(person, team, org.openCycle.id, BURNOUT);
      return {
        team,
        assessmentId,
        write: () => answerAs(team.member, team, org.openCycle.id, BURNOUT),
        // Counting the answer rewrites the team's counts: it waits for them.
        holdWrite: () =>
          holdTransaction((tx) =>
            tx.pulseTally.updateMany({
              where: { teamId: team.id, cycleId: org.openCycle.id },
              data: { count: { increment: 0 } },
            }),
          ),
        state: () => pulseState(team.id, org.openCycle.id),
        refusal: PULSE_CLOSED,
        counted: { pulseQuestionsScored: 2, splitQuestions: 0 },
      };
    },
  },
};

describe("a write of what the result is scored from, racing the submission", () => {
  it.each(Object.entries(writes))(
    "%s already past its checks is waited for and counted by the submission",
    async (_name, { prepare }) => {
      const { team, assessmentId, write, holdWrite, counted } = await prepare();

      const other = await holdWrite();
      const writing = follow(write());
      await untilWaitingOrSettled(1, [writing]);
      const submitting = follow(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));
      await untilWaitingOrSettled(2, [submitting]);
      await other.release();

      expect(await writing.outcome).toMatchObject({ ok: true });
      expect(await submitting.outcome).toMatchObject({ ok: true });
      expect(await countedBySubmission(assessmentId)).toEqual(counted);
    },
  );

  it.each(Object.entries(writes))(
    "%s arriving during the submission waits for it and is then refused, changing nothing",
    async (_name, { prepare }) => {
      const { team, assessmentId, write, state, refusal } = await prepare();
      const before = await state();

      // The submission's audit event refers to the lead: writing it waits for their row.
      const other = await holdUser(team.lead.id);
      const submitting = follow(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));
      await untilWaitingOrSettled(1, [submitting]);
      const writing = follow(write());
      await untilWaitingOrSettled(2, [writing]);
      await other.release();

      expect(await submitting.outcome).toMatchObject({ ok: true });
      const outcome = await writing.outcome;
      expect(outcome).toMatchObject({ ok: false, error: { code: "conflict" } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(refusal);
      expect(await state()).toEqual(before);
      expect(await countedBySubmission(assessmentId)).toEqual({ pulseQuestionsScored: 0, splitQuestions: 0 });
    },
  );
});
