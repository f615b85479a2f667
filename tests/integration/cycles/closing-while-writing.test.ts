/**
 * Closing a cycle and writing into it are decided one after the other, on both databases: nothing
 * commits into a cycle after it was closed. Every write checks that the cycle is open inside its
 * transaction, but on PostgreSQL that check alone would not do: a close committing between a
 * write's check and its commit would let the write land in the closed cycle.
 *
 * The interleavings are forced (tests/support/held-transaction.ts): a transaction held open
 * closes the cycle while a write is on its way, or holds the row a submission needs while the
 * cycle is closed.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  confirmCarriedOverAnswers,
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import { closeCycle } from "@/server/cycles/mutations";
import { saveMyAnswer } from "@/server/responses/mutations";
import {
  completeAnswers,
  createOrganisation,
  createTeam,
  snapshotAssessment,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";
import { answerAs, pulseState } from "../pulse/fixtures";
import { responsesState } from "../responses/fixtures";
import { follow, holdTransaction, untilWaitingOrSettled } from "../../support/held-transaction";

let org: TestOrganisation;
beforeAll(async () => {
  org = await createOrganisation();
});

afterEach(async () => {
  // Each test closes the cycle; the next one starts with it open again.
  await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "open" } });
});

const ANSWERS_CLOSED = "2026 Q4 is closed, so its answers can no longer be changed.";

/** A draft of the open cycle with every question answered (`carriedOver` ones still to confirm). */
async function draft(team: TestTeam, status = "draft", carriedOver: string[] = []) {
  const assessment = await db.assessment.create({
    data: { teamId: team.id, cycleId: org.openCycle.id, status },
  });
  await db.answer.createMany({
    data: Object.entries(completeAnswers(org.questionnaire, 0.6)).map(([questionId, answer]) => ({
      assessmentId: assessment.id,
      questionId,
      ...storedColumns(answer),
      carriedOver: carriedOver.includes(questionId),
      updatedById: team.lead.id,
    })),
  });
  return assessment.id;
}

const firstPitfallQuestion = () => org.questionnaire.sections[0]!.questions[0]!.id;

interface WriteCase {
  /** Prepares a team and returns the write, what it may change, and the refusal expected. */
  prepare(team: TestTeam): Promise<{
    write: () => Promise<unknown>;
    state: () => Promise<unknown>;
    refusal: string;
  }>;
}

const writes: Record<string, WriteCase> = {
  "saving an answer": {
    async prepare(team) {
      const assessmentId = await draft(team);
      return {
        write: () =>
          saveAnswer(team.member, {
            assessmentId,
            questionId: firstPitfallQuestion(),
            answer: completeAnswers(org.questionnaire, 0.2)[firstPitfallQuestion()]!,
            note: null,
            expectedVersion: 1,
          }),
        state: () => snapshotAssessment(assessmentId),
        refusal: ANSWERS_CLOSED,
      };
    },
  },
  "confirming carried-over answers": {
    async prepare(team) {
      const assessmentId = await draft(team, "draft", [firstPitfallQuestion()]);
      return {
        write: () =>
          confirmCarriedOverAnswers(team.lead, {
            assessmentId,
            questionIds: [firstPitfallQuestion()],
            expectedVersion: 1,
          }),
        state: () => snapshotAssessment(assessmentId),
        refusal: ANSWERS_CLOSED,
      };
    },
  },
  "saving one's own answer": {
    async prepare(team) {
      const assessmentId = await draft(team);
      return {
        write: () =>
          saveMyAnswer(team.member, {
            assessmentId,
            questionId: firstPitfallQuestion(),
            answer: completeAnswers(org.questionnaire, 0.2)[firstPitfallQuestion()]!,
            expectedVersion: 0,
          }),
        state: () => responsesState(assessmentId),
        refusal: ANSWERS_CLOSED,
      };
    },
  },
  "answering the pulse": {
    async prepare(team) {
      await draft(team);
      return {
        write: () => answerAs(team.member, team, org.openCycle.id, { "pulse-on-call-strain": "not-at-all" }),
        state: () => pulseState(team.id, org.openCycle.id),
        refusal: "2026 Q4 is closed, so its pulse can no longer be answered.",
      };
    },
  },
  submitting: {
    async prepare(team) {
      const assessmentId = await draft(team);
      return {
        write: () => submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }),
        state: () => snapshotAssessment(assessmentId),
        refusal: ANSWERS_CLOSED,
      };
    },
  },
  "reopening a submitted assessment": {
    async prepare(team) {
      const assessmentId = await draft(team, "submitted");
      return {
        write: () => reopenAssessment(org.head, { assessmentId, reason: "Correct the availability target" }),
        state: () => snapshotAssessment(assessmentId),
        refusal: "2026 Q4 is closed. Open the cycle before reopening its assessments.",
      };
    },
  },
  "starting the team's assessment": {
    async prepare(team) {
      return {
        write: () => startAssessment(team.lead, { teamSlug: team.slug }),
        state: () => db.assessment.findMany({ where: { teamId: team.id } }),
        refusal:
          "No assessment cycle is open right now. An admin or the head of engineering opens one each quarter.",
      };
    },
  },
};

describe("a write that arrives while the cycle is being closed", () => {
  it.each(Object.entries(writes))(
    "%s waits for the close and is then refused, changing nothing",
    async (_name, { prepare }) => {
      const team = await createTeam(org.orgUnitId);
      const { write, state, refusal } = await prepare(team);
      const before = await state();

      // The close has changed the cycle's status and not committed yet.
      const closing = await holdTransaction((tx) =>
        tx.cycle.update({ where: { id: org.openCycle.id }, data: { status: "closed" } }),
      );
      const writing = follow(write());
      await untilWaitingOrSettled(1, [writing]);
      await closing.release();

      const outcome = await writing.outcome;
      expect(outcome).toMatchObject({ ok: false, error: { code: "conflict", message: refusal } });
      expect(await state()).toEqual(before);
    },
  );
});

describe("closing a cycle while a submission is under way", () => {
  it("waits for the submission, which is then part of the quarter it closes", async () => {
    const team = await createTeam(org.orgUnitId);
    const assessmentId = await draft(team);

    // Another request holds the assessment's row: the submission, past its checks, waits for it.
    const other = await holdTransaction((tx) =>
      tx.assessment.update({ where: { id: assessmentId }, data: { version: { increment: 0 } } }),
    );
    const submitting = follow(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));
    await untilWaitingOrSettled(1, [submitting]);
    const closing = follow(closeCycle(org.head, { cycleId: org.openCycle.id }));
    await untilWaitingOrSettled(2, [closing]);
    await other.release();
    const submitted = await submitting.outcome;
    const closed = await closing.outcome;

    expect(closed).toMatchObject({ ok: true, value: { name: "2026 Q4", reopenedTeams: [] } });
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    const events = await db.auditEvent.findMany({
      where: {
        OR: [
          { entityId: org.openCycle.id, action: "cycle.closed" },
          { entityId: assessmentId, action: "assessment.submitted" },
        ],
      },
      orderBy: { at: "asc" },
    });
    if (submitted.ok) {
      // Submitted before the close: it settled first, and the audit log says so in that order.
      expect(submitted.settledAt).toBeLessThan(closed.settledAt);
      expect(assessment.status).toBe("submitted");
      expect(events.map((event) => event.action)).toEqual(["assessment.submitted", "cycle.closed"]);
    } else {
      // Or the close came first (one write transaction at a time): the submission is refused.
      expect(submitted.error).toEqual({ code: "conflict", message: ANSWERS_CLOSED });
      expect(assessment.status).toBe("draft");
      expect(events.map((event) => event.action)).toEqual(["cycle.closed"]);
    }
  });

  it("lists a reopened team as reopened only when its resubmission did not commit first", async () => {
    const team = await createTeam(org.orgUnitId, "Billing");
    const assessmentId = await draft(team, "reopened");

    const other = await holdTransaction((tx) =>
      tx.assessment.update({ where: { id: assessmentId }, data: { version: { increment: 0 } } }),
    );
    const submitting = follow(submitAssessment(team.lead, { assessmentId, expectedVersion: 1 }));
    await untilWaitingOrSettled(1, [submitting]);
    const closing = follow(closeCycle(org.head, { cycleId: org.openCycle.id }));
    await untilWaitingOrSettled(2, [closing]);
    await other.release();
    const submitted = await submitting.outcome;
    const closed = await closing.outcome;

    const status = (await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status;
    expect(status).toBe(submitted.ok ? "submitted" : "reopened");
    expect(closed).toMatchObject({
      ok: true,
      value: { reopenedTeams: status === "reopened" ? ["Billing"] : [] },
    });
  });
});
