import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { questionnaireById } from "@/domain/content";
import type { Answer, Answers } from "@/domain/content/schema";
import { storedAssessmentColumns } from "@/domain/results/stored-results";
import {
  listContradictedAnswers,
  listMissingRequiredAnswers,
  scoreAssessment,
  validateAnswer,
  type AnswerValue,
} from "@/domain/scoring";
import type {
  ConfirmAnswersInput,
  ReopenAssessmentInput,
  SaveAnswerInput,
  StartAssessmentInput,
  SubmitAssessmentInput,
} from "@/contracts/assessments/schemas";
import type {
  AnswerConflictDetails,
  ConfirmAnswersResult,
  SaveAnswerResult,
} from "@/contracts/assessments/types";
import type { FieldErrors } from "@/contracts/action-result";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { authorizeTeamChange, authorizeTeamChangeBySlug } from "../auth/authorize";
import { holdOpenCycle, readCycleForWrite, type CycleForWrite } from "../cycles/cycle-lock";
import { db } from "../db";
import { isUniqueConstraintViolation } from "../db-errors";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import {
  carryAnswersForward,
  compiledQuestionnaire,
  questionIndex,
  questionnaireOfCycle,
} from "./questionnaire-content";
import {
  answerColumns,
  answerOfRow,
  authorNames,
  contradictionOfSavedAnswer,
  readServerAnswers,
  scorableAnswers,
  storedAnswerColumns,
  toServerAnswer,
  type AnswerRow,
} from "./stored-answers";
import { replaceStoredPitfallResults } from "./stored-results";
import { withStoredResults } from "./with-stored-results";
import { lockAssessmentForSubmit, readAssessmentForWrite, type AssessmentForWrite } from "./assessment-lock";
import { readTeamEvidence } from "./team-evidence";

type Transaction = Prisma.TransactionClient;

const SUBMITTED_MESSAGE =
  "This assessment has been submitted, so its answers can no longer be changed. An admin or the head of engineering can reopen it.";

const answerableColumns = {
  id: true,
  teamId: true,
  status: true,
  version: true,
  // Individual answers carry a person's answers over from this assessment.
  carriedFromId: true,
  cycleId: true,
} as const satisfies Prisma.AssessmentSelect;

type AnswerableAssessment = AssessmentForWrite & { cycle: CycleForWrite };

function cycleNotOpenMessage(cycle: { name: string; status: string }): string {
  return cycle.status === "planned"
    ? `${cycle.name} has not opened yet, so its assessment cannot be changed.`
    : `${cycle.name} is closed, so its answers can no longer be changed.`;
}

/** The assessment's cycle, read for a write into it (it stays as read until the transaction ends). */
async function cycleOf(tx: Transaction, cycleId: string): Promise<CycleForWrite> {
  const cycle = await readCycleForWrite(tx, cycleId);
  if (!cycle) throw new NotFoundError();
  return cycle;
}

/**
 * Re-reads the assessment inside the transaction and refuses when its answers are frozen. The
 * assessment and its cycle stay as read (not submitted, open) until the transaction ends: a
 * submission and a close wait for it (assessment-lock.ts, cycle-lock.ts).
 */
export async function readAnswerable(tx: Transaction, assessmentId: string): Promise<AnswerableAssessment> {
  // Held until the transaction ends: a submission waits for this write (assessment-lock.ts).
  const row = await readAssessmentForWrite(tx, assessmentId);
  if (!row) throw new NotFoundError();
  const assessment = { ...row, cycle: await cycleOf(tx, row.cycleId) };
  if (assessment.status === "submitted") throw new ConflictError(SUBMITTED_MESSAGE);
  if (assessment.cycle.status !== "open") throw new ConflictError(cycleNotOpenMessage(assessment.cycle));
  return assessment;
}

/**
 * Claims the next version with one conditional update, so two writers can never both succeed from
 * the same version. A refused claim means someone (or another tab) wrote first: the caller gets
 * the current answers instead of overwriting them.
 */
async function claimNextVersion(
  tx: Transaction,
  assessmentId: string,
  expectedVersion: number,
  questionId: string | null,
): Promise<number> {
  const claimed = await tx.assessment.updateMany({
    where: { id: assessmentId, version: expectedVersion },
    data: { version: { increment: 1 } },
  });
  if (claimed.count === 0) throw await answerConflict(tx, assessmentId, questionId);
  return expectedVersion + 1;
}

async function answerConflict(
  tx: Transaction,
  assessmentId: string,
  questionId: string | null,
): Promise<ConflictError> {
  const current = await tx.assessment.findUnique({ where: { id: assessmentId }, select: { version: true } });
  const answers = await readServerAnswers(tx, assessmentId);
  const currentAnswer = questionId ? (answers[questionId] ?? null) : null;
  const details: AnswerConflictDetails = {
    kind: "answer-conflict",
    currentVersion: current?.version ?? 0,
    questionId,
    current: currentAnswer,
    answers,
  };
  return new ConflictError(
    "The assessment was changed elsewhere while you were editing, so this change was not saved. Nothing was overwritten.",
    details,
  );
}

/** A validated answer rebuilt from its known fields only, so stray properties are never stored. */
export function normalisedAnswer(answer: unknown): Answer {
  const candidate = answer as { kind: Answer["kind"]; value?: AnswerValue; reason?: string };
  switch (candidate.kind) {
    case "value":
      return { kind: "value", value: candidate.value! };
    case "dontKnow":
      return { kind: "dontKnow" };
    case "notApplicable":
      return { kind: "notApplicable", reason: candidate.reason!.trim() };
  }
}

function auditedAnswer(row: AnswerRow | null) {
  return row
    ? {
        questionId: row.questionId,
        kind: row.kind,
        value: row.value,
        reason: row.reason,
        note: row.note,
        carriedOver: row.carriedOver,
      }
    : null;
}

/** Saves (or clears, with `answer: null`) one answer of a draft or reopened assessment. */
export async function saveAnswer(actor: Actor, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  await authorizeTeamChange(actor, "assessment:answer", { assessmentId: input.assessmentId });

  return db.$transaction(async (tx) => {
    const assessment = await readAnswerable(tx, input.assessmentId);
    const questionnaire = questionnaireOfCycle(assessment.cycle);
    const entry = questionIndex(questionnaire).get(input.questionId);
    if (!entry) {
      const message = `This question is not part of the ${assessment.cycle.name} questionnaire.`;
      throw new ValidationError(message, { questionId: [message] });
    }
    let answer: Answer | null = null;
    if (input.answer !== null) {
      const issue = validateAnswer(entry.question, input.answer);
      if (issue) throw new ValidationError(issue.message, { answer: [issue.message] });
      answer = normalisedAnswer(input.answer);
    } else if (input.note !== null) {
      const message = "Answer the question before adding a note.";
      throw new ValidationError(message, { note: [message] });
    }

    const version = await claimNextVersion(tx, assessment.id, input.expectedVersion, input.questionId);
    const key = { assessmentId_questionId: { assessmentId: assessment.id, questionId: input.questionId } };
    const before = await tx.answer.findUnique({ where: key, select: answerColumns });

    let after: AnswerRow | null = null;
    if (answer === null) {
      if (before) await tx.answer.delete({ where: key });
    } else {
      const columns = storedAnswerColumns(answer);
      // Editing only the note of a carried-over answer does not confirm its value.
      const sameValue =
        before !== null &&
        before.kind === columns.kind &&
        before.value === columns.value &&
        before.reason === columns.reason;
      const carriedOver = sameValue && before.carriedOver;
      after = await tx.answer.upsert({
        where: key,
        create: {
          assessmentId: assessment.id,
          questionId: input.questionId,
          ...columns,
          note: input.note,
          carriedOver: false,
          updatedById: actor.id,
        },
        update: { ...columns, note: input.note, carriedOver, updatedById: actor.id },
        select: answerColumns,
      });
    }

    await writeAudit(tx, {
      actorId: actor.id,
      action: answer === null ? "assessment.answer_cleared" : "assessment.answer_saved",
      entityType: "assessment",
      entityId: assessment.id,
      teamId: assessment.teamId,
      before: auditedAnswer(before),
      after: auditedAnswer(after),
    });
    return {
      version,
      answer: after ? toServerAnswer(after, new Map([[actor.id, actor.name]])) : null,
      contradiction: await contradictionOfSavedAnswer(
        tx,
        assessment.id,
        questionnaire,
        input.questionId,
        answer,
      ),
    };
  });
}

/** Confirms carried-over answers as they are ("Confirm", "Confirm all in this section"). */
export async function confirmCarriedOverAnswers(
  actor: Actor,
  input: ConfirmAnswersInput,
): Promise<ConfirmAnswersResult> {
  await authorizeTeamChange(actor, "assessment:answer", { assessmentId: input.assessmentId });
  const questionIds = [...new Set(input.questionIds)];

  return db.$transaction(async (tx) => {
    const assessment = await readAnswerable(tx, input.assessmentId);
    const index = questionIndex(questionnaireOfCycle(assessment.cycle));
    const unknown = questionIds.filter((questionId) => !index.has(questionId));
    if (unknown.length > 0) {
      const message = `Not part of the ${assessment.cycle.name} questionnaire: ${unknown.join(", ")}.`;
      throw new ValidationError(message, { questionIds: [message] });
    }

    const version = await claimNextVersion(
      tx,
      assessment.id,
      input.expectedVersion,
      questionIds.length === 1 ? questionIds[0]! : null,
    );
    const pending = await tx.answer.findMany({
      where: { assessmentId: assessment.id, questionId: { in: questionIds }, carriedOver: true },
      select: { questionId: true },
    });
    const confirmed = pending.map((row) => row.questionId);
    if (confirmed.length > 0) {
      await tx.answer.updateMany({
        where: { assessmentId: assessment.id, questionId: { in: confirmed } },
        data: { carriedOver: false, updatedById: actor.id },
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "assessment.answers_confirmed",
      entityType: "assessment",
      entityId: assessment.id,
      teamId: assessment.teamId,
      after: { questionIds: confirmed },
    });
    const rows = await tx.answer.findMany({
      where: { assessmentId: assessment.id, questionId: { in: questionIds } },
      select: answerColumns,
    });
    const names = await authorNames(tx, rows);
    return { version, answers: rows.map((row) => toServerAnswer(row, names)) };
  });
}

export interface StartedAssessment {
  assessmentId: string;
  created: boolean;
  carriedOver: number;
}

/**
 * Creates the team's assessment for the open cycle, starting from the answers of its most recent
 * assessment with results (submitted, or reopened). Each carried answer waits for confirmation. Starting twice (a double click,
 * two people at once) returns the same assessment.
 */
export async function startAssessment(actor: Actor, input: StartAssessmentInput): Promise<StartedAssessment> {
  const team = await authorizeTeamChangeBySlug(actor, "assessment:answer", input.teamSlug);
  try {
    return await db.$transaction(async (tx) => {
      await holdOpenCycle(tx);
      const cycle = await tx.cycle.findFirst({
        where: { status: "open" },
        orderBy: [{ year: "desc" }, { quarter: "desc" }],
      });
      if (!cycle) {
        throw new ConflictError(
          "No assessment cycle is open right now. An admin or the head of engineering opens one each quarter.",
        );
      }
      const existing = await tx.assessment.findUnique({
        where: { teamId_cycleId: { teamId: team.id, cycleId: cycle.id } },
        select: { id: true },
      });
      if (existing) return { assessmentId: existing.id, created: false, carriedOver: 0 };

      const questionnaire = questionnaireOfCycle(cycle);
      // A reopened assessment's last submitted results are the team's results for its quarter (it
      // stays reopened when its cycle closes), so it is the one to carry answers from, including
      // any revision the team had begun: each carried answer is confirmed again anyway.
      const previous = await tx.assessment.findFirst({
        where: {
          teamId: team.id,
          ...withStoredResults,
          cycle: { OR: [{ year: { lt: cycle.year } }, { year: cycle.year, quarter: { lt: cycle.quarter } }] },
        },
        orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
        select: {
          id: true,
          cycle: { select: { name: true, questionnaireId: true } },
          answers: { select: { questionId: true, kind: true, value: true, reason: true } },
        },
      });

      let carried: Answers = {};
      const previousQuestionnaire = previous ? questionnaireById(previous.cycle.questionnaireId) : undefined;
      if (previous && previousQuestionnaire) {
        const previousAnswers: Record<string, Answer> = {};
        for (const row of previous.answers) {
          const answer = answerOfRow(row);
          if (answer) previousAnswers[row.questionId] = answer;
        }
        carried = carryAnswersForward(previousQuestionnaire, questionnaire, previousAnswers);
      }

      const assessment = await tx.assessment.create({
        data: { teamId: team.id, cycleId: cycle.id, status: "draft", carriedFromId: previous?.id ?? null },
        select: { id: true },
      });
      const carriedEntries = Object.entries(carried);
      if (carriedEntries.length > 0) {
        await tx.answer.createMany({
          data: carriedEntries.map(([questionId, answer]) => ({
            assessmentId: assessment.id,
            questionId,
            ...storedAnswerColumns(answer),
            carriedOver: true,
            updatedById: null,
          })),
        });
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "assessment.started",
        entityType: "assessment",
        entityId: assessment.id,
        teamId: team.id,
        after: {
          cycle: cycle.name,
          carriedFromId: previous?.id ?? null,
          carriedFromCycle: previous?.cycle.name ?? null,
          carriedOver: carriedEntries.length,
        },
      });
      return { assessmentId: assessment.id, created: true, carriedOver: carriedEntries.length };
    });
  } catch (error) {
    if (!isUniqueConstraintViolation(error)) throw error;
    // Someone started the same assessment a moment earlier: continue with theirs.
    const existing = await db.assessment.findFirst({
      where: { teamId: team.id, cycle: { status: "open" } },
      select: { id: true },
    });
    if (!existing) throw error;
    return { assessmentId: existing.id, created: false, carriedOver: 0 };
  }
}

export interface SubmittedAssessment {
  assessmentId: string;
  teamSlug: string;
  cycleName: string;
  overallScore: number | null;
  overallBand: string | null;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Scores and submits an assessment. The answers, the seven pitfall results, the overall figure, the
 * status and the audit event are written in one transaction: a failure at any point leaves the
 * assessment exactly as it was. A resubmission (after a reopen) replaces the stored results.
 */
export async function submitAssessment(
  actor: Actor,
  input: SubmitAssessmentInput,
): Promise<SubmittedAssessment> {
  const team = await authorizeTeamChange(actor, "assessment:answer", { assessmentId: input.assessmentId });
  if (!can(actor, "assessment:submit", { type: "team", teamId: team.id, orgUnitId: team.orgUnitId })) {
    throw new ForbiddenError("Only the team lead submits the assessment. Your answers are saved for them.");
  }

  return db.$transaction(async (tx) => {
    const row = await tx.assessment.findUnique({
      where: { id: input.assessmentId },
      select: {
        ...answerableColumns,
        overallScore: true,
        overallBand: true,
        answers: { select: answerColumns },
      },
    });
    if (!row) throw new NotFoundError();
    // The cycle stays as read (open) until the submission commits: a close waits for it.
    const cycle = await cycleOf(tx, row.cycleId);
    // Then the assessment: the individual answers and pulse answers past their check are waited
    // for, and counted below; later ones wait, then find it submitted (assessment-lock.ts).
    const locked = await lockAssessmentForSubmit(tx, row.id);
    const assessment = { ...row, ...locked, cycle };
    if (assessment.status === "submitted")
      throw new ConflictError("This assessment has already been submitted.");
    if (assessment.cycle.status !== "open") throw new ConflictError(cycleNotOpenMessage(assessment.cycle));
    if (assessment.version !== input.expectedVersion) {
      throw new ConflictError(
        "The answers changed after you opened this review (someone saved or confirmed an answer). Check the review again, then submit.",
      );
    }

    const questionnaire = questionnaireOfCycle(assessment.cycle);
    const compiled = compiledQuestionnaire(questionnaire);
    const fieldErrors: FieldErrors = {};
    let invalid = 0;
    let unconfirmed = 0;
    const { answers, teamContext, accepted } = scorableAnswers(
      assessment.answers,
      questionnaire,
      (row, message) => {
        invalid++;
        fieldErrors[row.questionId] = [message ?? "This answer could not be read; answer it again."];
      },
    );
    for (const row of accepted) {
      if (!row.carriedOver) continue;
      unconfirmed++;
      fieldErrors[row.questionId] = ["Confirm or change this answer carried over from last quarter."];
    }
    const missing = listMissingRequiredAnswers(compiled, answers, teamContext).filter(
      (issue) => fieldErrors[issue.questionId] === undefined,
    );
    for (const issue of missing) fieldErrors[issue.questionId] = [issue.message];
    for (const issue of listContradictedAnswers(compiled, answers, teamContext)) {
      if (fieldErrors[issue.questionId] !== undefined) continue;
      fieldErrors[issue.questionId] = [issue.message];
      invalid++;
    }
    if (missing.length > 0 || unconfirmed > 0 || invalid > 0) {
      const problems = [
        missing.length > 0
          ? `${plural(missing.length, "required question has", "required questions have")} no answer`
          : null,
        unconfirmed > 0
          ? `${plural(unconfirmed, "carried-over answer is", "carried-over answers are")} not confirmed yet`
          : null,
        invalid > 0 ? `${plural(invalid, "answer needs", "answers need")} correcting` : null,
      ].filter(Boolean);
      throw new ValidationError(
        `The assessment cannot be submitted yet: ${problems.join("; ")}. Nothing was submitted.`,
        fieldErrors,
      );
    }

    const evidence = await readTeamEvidence(
      tx,
      { id: assessment.id, teamId: assessment.teamId, cycleId: assessment.cycle.id },
      questionnaire,
      answers,
    );
    const score = scoreAssessment(
      compiledQuestionnaire(evidence.scoring.questionnaire),
      evidence.scoring.answers,
      teamContext,
    );
    const stored = storedAssessmentColumns(score);
    const submittedAt = new Date();
    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.expectedVersion, status: { in: ["draft", "reopened"] } },
      data: {
        version: { increment: 1 },
        status: "submitted",
        submittedAt,
        submittedById: actor.id,
        ...stored,
      },
    });
    if (claimed.count === 0) {
      throw new ConflictError(
        "The assessment changed while it was being submitted. Check the review again, then submit.",
      );
    }
    await replaceStoredPitfallResults(tx, assessment.id, score, evidence.splitByPitfall);
    await writeAudit(tx, {
      actorId: actor.id,
      action: assessment.status === "reopened" ? "assessment.resubmitted" : "assessment.submitted",
      entityType: "assessment",
      entityId: assessment.id,
      teamId: assessment.teamId,
      before: {
        status: assessment.status,
        overallScore: assessment.overallScore,
        overallBand: assessment.overallBand,
      },
      after: {
        status: "submitted",
        overallScore: stored.overallScore,
        overallBand: stored.overallBand,
        scoringMethodVersion: stored.scoringMethodVersion,
        cycle: assessment.cycle.name,
        pulseQuestionsScored: evidence.pulse.filter((aggregate) => aggregate.shown).length,
        splitQuestions: [...evidence.splitByPitfall.values()].reduce((sum, count) => sum + count, 0),
      },
    });
    return {
      assessmentId: assessment.id,
      teamSlug: team.slug,
      cycleName: assessment.cycle.name,
      overallScore: stored.overallScore,
      overallBand: stored.overallBand,
    };
  });
}

/**
 * Reopens a submitted assessment so the team can change answers. Its stored results stay until the
 * team submits again, which replaces them.
 */
export async function reopenAssessment(
  actor: Actor,
  input: ReopenAssessmentInput,
): Promise<{ teamSlug: string; cycleName: string }> {
  const team = await authorizeTeamChange(actor, "assessment:reopen", { assessmentId: input.assessmentId });

  return db.$transaction(async (tx) => {
    const row = await tx.assessment.findUnique({
      where: { id: input.assessmentId },
      select: answerableColumns,
    });
    if (!row) throw new NotFoundError();
    const assessment = { ...row, cycle: await cycleOf(tx, row.cycleId) };
    if (assessment.status !== "submitted") {
      throw new ConflictError(
        assessment.status === "reopened"
          ? "This assessment is already reopened."
          : "Only a submitted assessment can be reopened; this one is still a draft.",
      );
    }
    if (assessment.cycle.status !== "open") {
      throw new ConflictError(
        `${assessment.cycle.name} is ${assessment.cycle.status === "planned" ? "not open yet" : "closed"}. Open the cycle before reopening its assessments.`,
      );
    }
    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, version: assessment.version, status: "submitted" },
      data: { version: { increment: 1 }, status: "reopened" },
    });
    if (claimed.count === 0)
      throw new ConflictError("The assessment changed a moment ago. Reload the page and try again.");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "assessment.reopened",
      entityType: "assessment",
      entityId: assessment.id,
      teamId: assessment.teamId,
      before: { status: "submitted" },
      after: { status: "reopened", reason: input.reason },
    });
    return { teamSlug: team.slug, cycleName: assessment.cycle.name };
  });
}
