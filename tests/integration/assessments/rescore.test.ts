/**
 * `npm run db:rescore` against a real database: stale results (written here with an older method
 * version, as results stored before a method change are) are re-scored exactly as submit would
 * store them, cycle by cycle in one transaction each, with an audit event; a second run is a no-op.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SCORING_METHOD_VERSION, type RiskBand } from "@/domain/scoring";
import { hasEvidence } from "@/domain/results/stored-results";
import {
  describeRescoreReport,
  RESCORE_AUDIT_ACTION,
  rescoreStoredResults,
  type RescoreReport,
} from "@/server/assessments/rescore";
import { startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { db } from "@/server/db";
import {
  completeAnswers,
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  firstQuestionOfType,
  storedColumns,
  type TestOrganisation,
} from "./fixtures";

/** The method results were stored with before the current one. */
const OLD_METHOD = SCORING_METHOD_VERSION - 1;

const resultColumns = {
  pitfallId: true,
  status: true,
  score: true,
  band: true,
  confidence: true,
  evidenceFound: true,
  detail: true,
} as const;

function storedResults(assessmentId: string) {
  return db.pitfallResult.findMany({
    where: { assessmentId },
    orderBy: { pitfallId: "asc" },
    select: resultColumns,
  });
}

function assessmentRow(id: string) {
  return db.assessment.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      version: true,
      scoringMethodVersion: true,
      overallScore: true,
      overallBand: true,
    },
  });
}

/** Everything re-scoring may write, to prove a run changed nothing. */
async function databaseSnapshot() {
  const [assessments, results, planItems, audit] = await Promise.all([
    db.assessment.findMany({ orderBy: { id: "asc" } }),
    db.pitfallResult.findMany({ orderBy: [{ assessmentId: "asc" }, { pitfallId: "asc" }] }),
    db.planItem.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { assessments, results, planItems, audit };
}

/**
 * Turns an assessment's stored results into ones "computed by the old method": other figures, the
 * old version in the rows' JSON and in the assessment's column.
 */
async function makeStale(assessmentId: string) {
  const rows = await db.pitfallResult.findMany({ where: { assessmentId }, select: { id: true } });
  for (const [index, row] of rows.entries()) {
    await db.pitfallResult.update({
      where: { id: row.id },
      data: {
        score: index,
        band: "none",
        confidence: 0.5,
        // Made up like the figures: re-scoring writes it afresh, as submit does.
        evidenceFound: false,
        detail: JSON.stringify({ methodVersion: OLD_METHOD }),
      },
    });
  }
  await db.assessment.update({
    where: { id: assessmentId },
    data: { scoringMethodVersion: OLD_METHOD, overallScore: 1, overallBand: "none" },
  });
}

/** A submitted assessment as stored by the old method: answers, made-up results, old version. */
async function staleSubmitted(teamId: string, cycleId: string, level: number, status = "submitted") {
  const assessment = await createSubmittedAssessment(
    teamId,
    cycleId,
    completeAnswers(org.questionnaire, level),
  );
  await db.pitfallResult.createMany({
    data: ["linear-run-costs", "excessive-bau"].map((pitfallId) => ({
      assessmentId: assessment.id,
      pitfallId,
      status: "scored",
      score: 12.5,
      band: "low",
      confidence: 1,
      detail: JSON.stringify({ methodVersion: OLD_METHOD }),
    })),
  });
  await db.assessment.update({
    where: { id: assessment.id },
    data: { status, scoringMethodVersion: OLD_METHOD },
  });
  return assessment;
}

let org: TestOrganisation;

describe("re-scoring stored results under the current method", () => {
  /** Q4 (open): submitted through the workflow, then made stale. */
  let submittedThroughWorkflow: {
    id: string;
    results: Awaited<ReturnType<typeof storedResults>>;
    row: Awaited<ReturnType<typeof assessmentRow>>;
  };
  /** Q3 (closed): a stale submitted one, a stale reopened one with results, a draft. */
  let q3Submitted: string;
  let q3Reopened: string;
  let q3ReopenedBefore: {
    row: Awaited<ReturnType<typeof assessmentRow>>;
    results: Awaited<ReturnType<typeof storedResults>>;
  };
  let q3Draft: string;
  let planItemId: string;
  /** Q2 (closed): a valid stale assessment re-scored first, then one whose answer is now refused. */
  let q2Cycle: { id: string; name: string };
  let q2Valid: string;
  let q2Refused: string;
  let refusedAnswer: { questionId: string };
  let firstRun: RescoreReport;
  let q2Before: Awaited<ReturnType<typeof q2Snapshot>>;
  let auditBefore: number;

  beforeAll(async () => {
    org = await createOrganisation();
    q2Cycle = await db.cycle.create({
      data: {
        name: "2026 Q2",
        year: 2026,
        quarter: 2,
        opensOn: new Date("2026-04-01T00:00:00Z"),
        closesOn: new Date("2026-06-15T00:00:00Z"),
        questionnaireId: org.questionnaire.id,
        status: "closed",
      },
      select: { id: true, name: true },
    });

    const workflowTeam = await createTeam(org.orgUnitId, "Ledger");
    const { assessmentId } = await startAssessment(workflowTeam.lead, { teamSlug: workflowTeam.slug });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, 0.75)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });
    await submitAssessment(workflowTeam.lead, { assessmentId, expectedVersion: 1 });
    submittedThroughWorkflow = {
      id: assessmentId,
      results: await storedResults(assessmentId),
      row: await assessmentRow(assessmentId),
    };
    await makeStale(assessmentId);

    const q3Team = await createTeam(org.orgUnitId, "Billing");
    q3Submitted = (await staleSubmitted(q3Team.id, org.previousCycle.id, 0.25)).id;
    const reopenedTeam = await createTeam(org.orgUnitId, "Catalogue");
    q3Reopened = (await staleSubmitted(reopenedTeam.id, org.previousCycle.id, 0.5, "reopened")).id;
    q3ReopenedBefore = { row: await assessmentRow(q3Reopened), results: await storedResults(q3Reopened) };
    const draftTeam = await createTeam(org.orgUnitId, "Drafts");
    q3Draft = (
      await db.assessment.create({
        data: { teamId: draftTeam.id, cycleId: org.previousCycle.id, status: "draft" },
      })
    ).id;
    planItemId = (
      await db.planItem.create({
        data: {
          teamId: q3Team.id,
          countermeasureId: "some-countermeasure",
          pitfallId: "excessive-bau",
          rationale: "so that unplanned work is visible",
          addresses: "[]",
          sourceAssessmentId: q3Submitted,
          scoreWhenAdded: 12.5,
          scoreMethodVersion: OLD_METHOD,
        },
      })
    ).id;

    // Team names order the work inside a cycle: "Aardvark" is re-scored before "Zebra" fails.
    const validTeam = await createTeam(org.orgUnitId, "Aardvark");
    q2Valid = (await staleSubmitted(validTeam.id, q2Cycle.id, 0.5)).id;
    const refusedTeam = await createTeam(org.orgUnitId, "Zebra");
    q2Refused = (await staleSubmitted(refusedTeam.id, q2Cycle.id, 0.5)).id;
    const agreement = firstQuestionOfType(org.questionnaire, "agreement");
    refusedAnswer = { questionId: agreement.id };
    await db.answer.update({
      where: { assessmentId_questionId: { assessmentId: q2Refused, questionId: agreement.id } },
      data: { kind: "value", value: "9" },
    });

    q2Before = await q2Snapshot();
    auditBefore = await db.auditEvent.count({ where: { action: RESCORE_AUDIT_ACTION } });
    firstRun = await rescoreStoredResults(db);
  });

  async function q2Snapshot() {
    const snapshot = await databaseSnapshot();
    const ids = new Set([q2Valid, q2Refused]);
    return {
      assessments: snapshot.assessments.filter((row) => ids.has(row.id)),
      results: snapshot.results.filter((row) => ids.has(row.assessmentId)),
    };
  }

  it("re-scores stale results to exactly what submit stores for the same answers", async () => {
    expect(firstRun.methodVersion).toBe(SCORING_METHOD_VERSION);
    expect(await storedResults(submittedThroughWorkflow.id)).toEqual(submittedThroughWorkflow.results);
    const row = await assessmentRow(submittedThroughWorkflow.id);
    expect(row).toEqual({
      ...submittedThroughWorkflow.row,
      // One more write than the submit left behind: the re-score claimed the optimistic lock.
      version: submittedThroughWorkflow.row.version + 1,
    });
    expect(row.scoringMethodVersion).toBe(SCORING_METHOD_VERSION);
  });

  it("re-scores submitted assessments of every cycle and leaves reopened ones and drafts alone", async () => {
    expect(firstRun.rescored.map((cycle) => [cycle.cycleName, cycle.assessments])).toEqual([
      [org.previousCycle.name, 1],
      [org.openCycle.name, 1],
    ]);
    const row = await assessmentRow(q3Submitted);
    expect(row).toMatchObject({ scoringMethodVersion: SCORING_METHOD_VERSION, version: 2 });
    const results = await storedResults(q3Submitted);
    expect(results.length).toBeGreaterThan(2);
    for (const result of results) {
      expect(JSON.parse(result.detail)).toMatchObject({ methodVersion: SCORING_METHOD_VERSION });
      // Whether anything was found is written afresh from the new result, not kept.
      const detail = JSON.parse(result.detail) as Parameters<typeof hasEvidence>[0];
      expect(result.evidenceFound).toBe(
        hasEvidence({ ...detail, score: result.score, band: result.band as RiskBand | null }),
      );
    }
    expect(results.some((result) => result.evidenceFound)).toBe(true);
    // A reopened assessment's answers are a draft again: its last submitted results stay exactly as
    // they were, of their own method, until it is submitted again.
    expect(await assessmentRow(q3Reopened)).toEqual(q3ReopenedBefore.row);
    expect(await storedResults(q3Reopened)).toEqual(q3ReopenedBefore.results);
    expect(await assessmentRow(q3Draft)).toEqual({
      status: "draft",
      version: 1,
      scoringMethodVersion: null,
      overallScore: null,
      overallBand: null,
    });
  });

  it("updates the score of plan items added from a re-scored assessment", async () => {
    const item = await db.planItem.findUniqueOrThrow({ where: { id: planItemId } });
    const result = await db.pitfallResult.findUniqueOrThrow({
      where: { assessmentId_pitfallId: { assessmentId: q3Submitted, pitfallId: "excessive-bau" } },
    });
    expect(item.scoreMethodVersion).toBe(SCORING_METHOD_VERSION);
    expect(item.scoreWhenAdded).toBe(result.status === "scored" ? result.score : null);
    // Only the score moved: people editing the item are not interrupted.
    expect(item.version).toBe(1);
    expect(firstRun.rescored.find((cycle) => cycle.cycleName === org.previousCycle.name)?.planItems).toBe(1);
  });

  it("rolls a failing cycle back completely, names it with the reason, and still re-scores the others", async () => {
    expect(firstRun.failed).toHaveLength(1);
    expect(firstRun.failed[0]).toMatchObject({ cycleId: q2Cycle.id, cycleName: "2026 Q2" });
    expect(firstRun.failed[0]!.reason).toContain("Zebra");
    expect(firstRun.failed[0]!.reason).toContain(refusedAnswer.questionId);
    // "Aardvark" was re-scored inside the transaction before "Zebra" failed; nothing of it remains.
    expect(await q2Snapshot()).toEqual(q2Before);
    const lines = describeRescoreReport(firstRun);
    expect(lines).toContain(
      `2026 Q2: not re-scored, nothing in it was changed. ${firstRun.failed[0]!.reason}`,
    );
    expect(lines).toContain(
      `${org.previousCycle.name}: 1 assessment re-scored (method ${OLD_METHOD} → ${SCORING_METHOD_VERSION}), 1 plan item score updated`,
    );
  });

  it("writes one audit event per re-scored cycle, by no person, with counts and versions", async () => {
    const events = await db.auditEvent.findMany({
      where: { action: RESCORE_AUDIT_ACTION },
      orderBy: { at: "asc" },
    });
    expect(events).toHaveLength(auditBefore + 2);
    const q3Event = events.find((event) => event.entityId === org.previousCycle.id)!;
    expect(q3Event).toMatchObject({ actorId: null, entityType: "cycle", teamId: null });
    expect(JSON.parse(q3Event.before!)).toEqual({
      cycle: org.previousCycle.name,
      assessments: 1,
      methodVersions: [OLD_METHOD],
      assessmentsByMethodVersion: { [String(OLD_METHOD)]: 1 },
      planItems: 1,
    });
    expect(JSON.parse(q3Event.after!)).toEqual({
      cycle: org.previousCycle.name,
      assessments: 1,
      methodVersion: SCORING_METHOD_VERSION,
      planItems: 1,
    });
    expect(events.some((event) => event.entityId === q2Cycle.id)).toBe(false);
  });

  it("re-scores the failed cycle once its answer is corrected, then has nothing left to do", async () => {
    await db.answer.update({
      where: { assessmentId_questionId: { assessmentId: q2Refused, questionId: refusedAnswer.questionId } },
      data: { value: "3" },
    });
    const secondRun = await rescoreStoredResults(db);
    expect(secondRun.failed).toEqual([]);
    expect(secondRun.rescored.map((cycle) => [cycle.cycleName, cycle.assessments])).toEqual([["2026 Q2", 2]]);

    const before = await databaseSnapshot();
    const thirdRun = await rescoreStoredResults(db);
    expect(thirdRun).toEqual({ methodVersion: SCORING_METHOD_VERSION, rescored: [], failed: [] });
    expect(await databaseSnapshot()).toEqual(before);
    expect(describeRescoreReport(thirdRun)).toEqual([
      `Nothing to re-score: every stored result uses scoring method ${SCORING_METHOD_VERSION}.`,
    ]);
  });
});
