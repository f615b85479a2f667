import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import type { Answer, Questionnaire } from "@/domain/content/schema";
import { validateAnswer } from "@/domain/scoring";
import type {
  AnswerConflictDetails,
  ConfirmAnswersResult,
  SaveAnswerResult,
} from "@/contracts/assessments/types";
import type {
  ConfirmMyAnswersInput,
  FillFromIndividualAnswersInput,
  SaveMyAnswerInput,
  StartMyAnswersInput,
} from "@/contracts/responses/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { authorizeTeamChange, authorizeTeamChangeBySlug } from "../auth/authorize";
import { db } from "../db";
import { isRecordNotFound, isUniqueConstraintViolation } from "../db-errors";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import {
  normalisedAnswer,
  readAnswerable,
  startAssessment,
  type StartedAssessment,
} from "../assessments/mutations";
import {
  questionIndex,
  questionnaireOfCycle,
  type QuestionIndexEntry,
} from "../assessments/questionnaire-content";
import { contradictionOfSavedAnswer, storedAnswerColumns } from "../assessments/stored-answers";
import { audienceOf, readIndividualAnswers, summariseIndividualAnswers } from "../assessments/team-evidence";
import {
  carriedOwnAnswers,
  ownAnswerColumns,
  readOwnAnswers,
  toOwnServerAnswer,
  type OwnAnswersAssessment,
} from "./own-answers";

/**
 * Individual answers: every person of the team answers the questionnaire on their own. A person
 * only ever writes their own response, found by assessment and person together; the input names
 * neither a person nor a response.
 *
 * No audit event is written for one's own answers. They are not scored and change no result; the
 * team answer the lead settles from them is audited as every team answer is. An admin-readable
 * log of who answered what to each question would turn a spread shown as counts into a record of
 * each person's view, which is more than the audit trail needs.
 */

type Transaction = Prisma.TransactionClient;

/** Authorizes answering for oneself in the assessment's team (the team's own people only). */
async function authorizeOwnAnswers(actor: Actor, assessmentId: string) {
  return authorizeTeamChange(actor, "response:answer", { assessmentId });
}

/** The open, unsubmitted assessment with what the person's answers depend on. */
async function readAnswerableForOwnAnswers(tx: Transaction, assessmentId: string) {
  const assessment = await readAnswerable(tx, assessmentId);
  const questionnaire = questionnaireOfCycle(assessment.cycle);
  return {
    assessment,
    questionnaire,
    own: { id: assessment.id, teamId: assessment.teamId, carriedFromId: assessment.carriedFromId },
  };
}

/** A pitfall question of the questionnaire; the team context is answered for the team as a whole. */
function pitfallQuestion(
  questionnaire: Questionnaire,
  cycleName: string,
  questionId: string,
): QuestionIndexEntry {
  const entry = questionIndex(questionnaire).get(questionId);
  if (!entry) {
    const message = `This question is not part of the ${cycleName} questionnaire.`;
    throw new ValidationError(message, { questionId: [message] });
  }
  if (entry.isContext) {
    const message = "The team context is answered once for the whole team, on the team's questionnaire.";
    throw new ValidationError(message, { questionId: [message] });
  }
  return entry;
}

async function ownAnswerConflict(
  tx: Transaction,
  own: OwnAnswersAssessment,
  actor: Actor,
  questionnaire: Questionnaire,
  questionId: string | null,
): Promise<ConflictError> {
  const current = await readOwnAnswers(tx, own, actor, questionnaire);
  const details: AnswerConflictDetails = {
    kind: "answer-conflict",
    currentVersion: current.version,
    questionId,
    current: questionId ? (current.answers[questionId] ?? null) : null,
    answers: current.answers,
  };
  return new ConflictError(
    "Your answers were changed in another tab or window while you were editing here, so this change was not saved. Nothing was overwritten.",
    details,
  );
}

/**
 * Claims the next version of the person's own answers with one conditional write, as the team's
 * answers do. The first write of the quarter (from version 0) creates the response, with the
 * person's answers of last quarter carried over, each waiting for confirmation.
 */
async function claimOwnVersion(
  tx: Transaction,
  own: OwnAnswersAssessment,
  actor: Actor,
  questionnaire: Questionnaire,
  expectedVersion: number,
  questionId: string | null,
): Promise<{ responseId: string; version: number }> {
  const key = { assessmentId_userId: { assessmentId: own.id, userId: actor.id } };
  if (expectedVersion === 0) {
    const existing = await tx.response.findUnique({ where: key, select: { id: true } });
    if (existing) throw await ownAnswerConflict(tx, own, actor, questionnaire, questionId);
    const carried = await carriedOwnAnswers(tx, own, actor.id, questionnaire);
    const response = await tx.response.create({
      data: { assessmentId: own.id, userId: actor.id, version: 1 },
      select: { id: true },
    });
    const entries = Object.entries(carried);
    if (entries.length > 0) {
      await tx.responseAnswer.createMany({
        data: entries.map(([carriedQuestionId, answer]) => ({
          responseId: response.id,
          questionId: carriedQuestionId,
          ...storedAnswerColumns(answer),
          carriedOver: true,
        })),
      });
    }
    return { responseId: response.id, version: 1 };
  }
  // One conditional update that also returns the response: no row matches when the version moved on.
  const claimed = await tx.response
    .update({
      where: { ...key, version: expectedVersion },
      data: { version: { increment: 1 } },
      select: { id: true },
    })
    .catch((error: unknown) => {
      if (isRecordNotFound(error)) return null;
      throw error;
    });
  if (!claimed) throw await ownAnswerConflict(tx, own, actor, questionnaire, questionId);
  return { responseId: claimed.id, version: expectedVersion + 1 };
}

/**
 * Runs a write of the person's own answers. Two first writes at once (two tabs) both try to create
 * the response; the second is refused by the database and reported as the conflict it is.
 */
async function writeOwnAnswers<T>(
  actor: Actor,
  assessmentId: string,
  questionId: string | null,
  write: (tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(write);
  } catch (error) {
    if (!isUniqueConstraintViolation(error)) throw error;
    throw await db.$transaction(async (tx) => {
      const { own, questionnaire } = await readAnswerableForOwnAnswers(tx, assessmentId);
      return ownAnswerConflict(tx, own, actor, questionnaire, questionId);
    });
  }
}

/** Saves (or clears, with `answer: null`) one of the person's own answers. */
export async function saveMyAnswer(actor: Actor, input: SaveMyAnswerInput): Promise<SaveAnswerResult> {
  await authorizeOwnAnswers(actor, input.assessmentId);
  return writeOwnAnswers(actor, input.assessmentId, input.questionId, async (tx) => {
    const { assessment, questionnaire, own } = await readAnswerableForOwnAnswers(tx, input.assessmentId);
    const entry = pitfallQuestion(questionnaire, assessment.cycle.name, input.questionId);
    let answer: Answer | null = null;
    if (input.answer !== null) {
      const issue = validateAnswer(entry.question, input.answer);
      if (issue) throw new ValidationError(issue.message, { answer: [issue.message] });
      answer = normalisedAnswer(input.answer);
    }

    const { responseId, version } = await claimOwnVersion(
      tx,
      own,
      actor,
      questionnaire,
      input.expectedVersion,
      input.questionId,
    );
    const key = { responseId_questionId: { responseId, questionId: input.questionId } };
    const before = await tx.responseAnswer.findUnique({ where: key, select: ownAnswerColumns });
    if (answer === null) {
      if (before) await tx.responseAnswer.delete({ where: key });
      return { version, answer: null, contradiction: null };
    }
    const columns = storedAnswerColumns(answer);
    // Saving the carried-over value unchanged does not confirm it; "Confirm" does.
    const carriedOver =
      before !== null &&
      before.carriedOver &&
      before.kind === columns.kind &&
      before.value === columns.value &&
      before.reason === columns.reason;
    const after = await tx.responseAnswer.upsert({
      where: key,
      create: { responseId, questionId: input.questionId, ...columns, carriedOver: false },
      update: { ...columns, carriedOver },
      select: ownAnswerColumns,
    });
    return {
      version,
      answer: toOwnServerAnswer(after, actor),
      // The team's saved context decides, as it decides which questions one is asked.
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

/** Confirms the person's own carried-over answers as they are (one, a section, or all remaining). */
export async function confirmMyCarriedOverAnswers(
  actor: Actor,
  input: ConfirmMyAnswersInput,
): Promise<ConfirmAnswersResult> {
  await authorizeOwnAnswers(actor, input.assessmentId);
  const questionIds = [...new Set(input.questionIds)];
  const single = questionIds.length === 1 ? questionIds[0]! : null;
  return writeOwnAnswers(actor, input.assessmentId, single, async (tx) => {
    const { assessment, questionnaire, own } = await readAnswerableForOwnAnswers(tx, input.assessmentId);
    for (const questionId of questionIds) pitfallQuestion(questionnaire, assessment.cycle.name, questionId);

    const { responseId, version } = await claimOwnVersion(
      tx,
      own,
      actor,
      questionnaire,
      input.expectedVersion,
      single,
    );
    await tx.responseAnswer.updateMany({
      where: { responseId, questionId: { in: questionIds }, carriedOver: true },
      data: { carriedOver: false },
    });
    const rows = await tx.responseAnswer.findMany({
      where: { responseId, questionId: { in: questionIds } },
      select: ownAnswerColumns,
    });
    return { version, answers: rows.map((row) => toOwnServerAnswer(row, actor)) };
  });
}

/**
 * "Start answering" on My answers when the team has not started the open cycle's assessment: starts
 * it exactly as the team's questionnaire does (members may start it too). The person's own answers
 * are stored with their first answer.
 */
export async function startMyAnswers(
  actor: Actor,
  input: StartMyAnswersInput,
): Promise<StartedAssessment & { teamSlug: string }> {
  const team = await authorizeTeamChangeBySlug(actor, "response:answer", input.teamSlug);
  const started = await startAssessment(actor, { teamSlug: team.slug });
  return { ...started, teamSlug: team.slug };
}

const FILL_CHANGED_MESSAGE =
  "The team's own answers changed after you opened this review, so nothing was filled. Check the list again, then fill.";

/**
 * "Fill N unanswered questions from the team's answers": sets the team answer of each listed
 * question to what the individual answers suggest, in one transaction. Only questions without a
 * team answer are filled, and only with exactly the suggestion the review showed: when the team's
 * answers or the individual answers moved since, nothing is filled.
 */
export async function fillTeamAnswersFromIndividual(
  actor: Actor,
  input: FillFromIndividualAnswersInput,
): Promise<{ filled: number; version: number }> {
  const team = await authorizeTeamChange(actor, "assessment:answer", { assessmentId: input.assessmentId });
  if (!can(actor, "response:summary", { type: "team", teamId: team.id, orgUnitId: team.orgUnitId })) {
    throw new ForbiddenError(
      "Only the team lead fills team answers from the team's own answers, because it means seeing them.",
    );
  }
  const questionIds = Object.keys(input.suggestions);

  return db.$transaction(async (tx) => {
    const assessment = await readAnswerable(tx, input.assessmentId);
    if (assessment.version !== input.expectedVersion) {
      throw new ConflictError(
        "The team's answers changed after you opened this review (someone saved or confirmed an answer), so nothing was filled. Check the list again, then fill.",
      );
    }
    const questionnaire = questionnaireOfCycle(assessment.cycle);
    const entries = questionIds.map((questionId) => ({
      questionId,
      entry: pitfallQuestion(questionnaire, assessment.cycle.name, questionId),
    }));
    const answered = await tx.answer.findMany({
      where: { assessmentId: assessment.id, questionId: { in: questionIds } },
      select: { questionId: true },
    });
    if (answered.length > 0) {
      const message = "Only questions without a team answer are filled; some listed questions have one.";
      throw new ValidationError(message, { suggestions: [message] });
    }

    // The lead's review offered what they may be shown; filling uses the same answers, no more.
    const summaries = summariseIndividualAnswers(
      questionnaire,
      await readIndividualAnswers(tx, assessment.id),
      await audienceOf(tx, assessment.id, actor.id),
    );
    const fills = entries.map(({ questionId, entry }) => {
      const suggestion = summaries.get(questionId)?.suggestion ?? null;
      const shown = input.suggestions[questionId];
      if (!suggestion || validateAnswer(entry.question, suggestion))
        throw new ConflictError(FILL_CHANGED_MESSAGE);
      if (validateAnswer(entry.question, shown)) throw new ConflictError(FILL_CHANGED_MESSAGE);
      const columns = storedAnswerColumns(suggestion);
      const shownColumns = storedAnswerColumns(normalisedAnswer(shown));
      if (
        columns.kind !== shownColumns.kind ||
        columns.value !== shownColumns.value ||
        columns.reason !== shownColumns.reason
      )
        throw new ConflictError(FILL_CHANGED_MESSAGE);
      return { questionId, columns };
    });

    const claimed = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.expectedVersion },
      data: { version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new ConflictError(FILL_CHANGED_MESSAGE);
    await tx.answer.createMany({
      data: fills.map(({ questionId, columns }) => ({
        assessmentId: assessment.id,
        questionId,
        ...columns,
        carriedOver: false,
        updatedById: actor.id,
      })),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "assessment.answers_filled",
      entityType: "assessment",
      entityId: assessment.id,
      teamId: assessment.teamId,
      after: {
        cycle: assessment.cycle.name,
        source: "individual answers",
        answers: fills.map(({ questionId, columns }) => ({ questionId, ...columns })),
      },
    });
    return { filled: fills.length, version: input.expectedVersion + 1 };
  });
}
