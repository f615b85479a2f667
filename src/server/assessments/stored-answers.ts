import "server-only";
import type { Answer, Answers, Questionnaire } from "@/domain/content/schema";
import { listContradictedAnswers, validateAnswer } from "@/domain/scoring";
import type { AnswerValue } from "@/domain/scoring/answer-validation";
import type { AnswerKind, ServerAnswer } from "@/contracts/assessments/types";
import type { Prisma } from "@/generated/prisma/client";
import { questionnaireQuestionsNotAsked } from "@/domain/assessments/asked-questions";
import { compiledQuestionnaire, contextQuestionIds, questionIndex } from "./questionnaire-content";

/** The Answer columns every read of the workflow selects. */
export const answerColumns = {
  questionId: true,
  kind: true,
  value: true,
  reason: true,
  note: true,
  carriedOver: true,
  updatedById: true,
  updatedAt: true,
} as const satisfies Prisma.AnswerSelect;

export type AnswerRow = Prisma.AnswerGetPayload<{ select: typeof answerColumns }>;

type UserReader = Pick<Prisma.TransactionClient, "user">;

/** The columns an answer is stored in; `value` is JSON text, as in the demo data. */
export function storedAnswerColumns(answer: Answer): {
  kind: AnswerKind;
  value: string | null;
  reason: string | null;
} {
  switch (answer.kind) {
    case "value":
      return { kind: "value", value: JSON.stringify(answer.value), reason: null };
    case "dontKnow":
      return { kind: "dontKnow", value: null, reason: null };
    case "notApplicable":
      return { kind: "notApplicable", value: null, reason: answer.reason.trim() };
  }
}

function decodeValue(text: string | null): AnswerValue | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "number" || typeof value === "string" || typeof value === "boolean"
      ? value
      : null;
  } catch {
    return null;
  }
}

/**
 * The answer a row holds, or null when the row is malformed (unknown kind, unreadable value);
 * callers report such rows rather than score them.
 */
export function answerOfRow(row: Pick<AnswerRow, "kind" | "value" | "reason">): Answer | null {
  if (row.kind === "dontKnow") return { kind: "dontKnow" };
  if (row.kind === "notApplicable") return { kind: "notApplicable", reason: row.reason ?? "" };
  if (row.kind === "value") {
    const value = decodeValue(row.value);
    return value === null ? null : { kind: "value", value };
  }
  return null;
}

/**
 * The stored answers `questionnaire` scores, split into pitfall answers and team context, and the
 * rows they came from. Rows of questions outside the questionnaire are skipped: they cannot be shown
 * or answered, and are not scored. A row that cannot be read, or that its question's rules refuse, is
 * left out and handed to `refuse` with the rule's message (null when the row could not be read).
 *
 * `notAsked` lists the questions the team's context leaves out (asked-questions.ts). Their rows are
 * neither refused nor accepted, as the team cannot see them to fix or confirm them; an answer kept
 * from when they were asked is left out of the team context, so no rule reads it.
 */
export function scorableAnswers<Row extends Pick<AnswerRow, "questionId" | "kind" | "value" | "reason">>(
  rows: readonly Row[],
  questionnaire: Questionnaire,
  refuse: (row: Row, message: string | null) => void,
): { answers: Answers; teamContext: Answers; accepted: Row[]; notAsked: ReadonlySet<string> } {
  const index = questionIndex(questionnaire);
  const contextIds = contextQuestionIds(questionnaire);
  const read = rows.flatMap((row) => {
    const entry = index.get(row.questionId);
    if (!entry) return [];
    const answer = answerOfRow(row);
    const issue = answer ? validateAnswer(entry.question, answer) : null;
    return [{ row, answer: issue ? null : answer, issue }];
  });
  const contextAnswers = new Map(
    read.flatMap(({ row, answer }) =>
      answer && contextIds.has(row.questionId) ? [[row.questionId, answer]] : [],
    ),
  );
  const notAsked = questionnaireQuestionsNotAsked(questionnaire, (field) => contextAnswers.get(field));

  const answers: Record<string, Answer> = {};
  const teamContext: Record<string, Answer> = {};
  const accepted: Row[] = [];
  for (const { row, answer, issue } of read) {
    if (notAsked.has(row.questionId)) continue;
    if (!answer) {
      refuse(row, issue?.message ?? null);
      continue;
    }
    accepted.push(row);
    if (contextIds.has(row.questionId)) teamContext[row.questionId] = answer;
    else answers[row.questionId] = answer;
  }
  return { answers, teamContext, accepted, notAsked };
}

/**
 * The team context stored rows give, as far as the questionnaire asks it, and the questions it
 * leaves out. Only the context rows are read: the pitfall answers decide nothing here.
 */
export function teamContextOf(
  rows: readonly Pick<AnswerRow, "questionId" | "kind" | "value" | "reason">[],
  questionnaire: Questionnaire,
): { teamContext: Answers; notAsked: ReadonlySet<string> } {
  const contextIds = contextQuestionIds(questionnaire);
  const contextRows = rows.filter((row) => contextIds.has(row.questionId));
  const { teamContext, notAsked } = scorableAnswers(contextRows, questionnaire, () => undefined);
  return { teamContext, notAsked };
}

/**
 * The team's saved context and the questions it leaves out, read for a page whose own answers are
 * not the team's (a person's own answers have no team context).
 */
export async function readTeamContext(
  reader: Pick<Prisma.TransactionClient, "answer">,
  assessmentId: string,
  questionnaire: Questionnaire,
): Promise<{ teamContext: Answers; notAsked: ReadonlySet<string> }> {
  const rows = await reader.answer.findMany({
    where: { assessmentId, questionId: { in: [...contextQuestionIds(questionnaire)] } },
    select: { questionId: true, kind: true, value: true, reason: true },
  });
  return teamContextOf(rows, questionnaire);
}

/**
 * For a "not applicable" just saved: why the team's saved context rules it out, in the review's
 * words, or null when it does not (or the answer is anything else).
 */
export async function contradictionOfSavedAnswer(
  reader: Pick<Prisma.TransactionClient, "answer">,
  assessmentId: string,
  questionnaire: Questionnaire,
  questionId: string,
  answer: Answer | null,
): Promise<string | null> {
  if (answer?.kind !== "notApplicable") return null;
  const { teamContext } = await readTeamContext(reader, assessmentId, questionnaire);
  const issue = listContradictedAnswers(
    compiledQuestionnaire(questionnaire),
    { [questionId]: answer },
    teamContext,
  ).find((entry) => entry.questionId === questionId);
  return issue?.message ?? null;
}

/** Names of the people who last changed these answers, for "Riley changed this" messages. */
export async function authorNames(reader: UserReader, rows: readonly Pick<AnswerRow, "updatedById">[]) {
  const ids = [...new Set(rows.map((row) => row.updatedById).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const users = await reader.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

export function toServerAnswer(row: AnswerRow, names: ReadonlyMap<string, string>): ServerAnswer {
  const kind: AnswerKind = row.kind === "dontKnow" || row.kind === "notApplicable" ? row.kind : "value";
  return {
    questionId: row.questionId,
    kind,
    value: kind === "value" ? decodeValue(row.value) : null,
    reason: kind === "notApplicable" ? row.reason : null,
    note: row.note,
    carriedOver: row.carriedOver,
    updatedBy: row.updatedById
      ? { id: row.updatedById, name: names.get(row.updatedById) ?? "A former member" }
      : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every stored answer of an assessment as ServerAnswers keyed by question id. */
export async function readServerAnswers(
  reader: Pick<Prisma.TransactionClient, "answer" | "user">,
  assessmentId: string,
): Promise<Record<string, ServerAnswer>> {
  const rows = await reader.answer.findMany({ where: { assessmentId }, select: answerColumns });
  const names = await authorNames(reader, rows);
  return Object.fromEntries(rows.map((row) => [row.questionId, toServerAnswer(row, names)]));
}
