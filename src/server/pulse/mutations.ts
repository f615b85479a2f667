import "server-only";
import type { Actor } from "@/domain/access/policy";
import type { PulseQuestion } from "@/domain/content/schema";
import { checkPulseAnswers, type PulseAnswerIssue, type PulseChoice } from "@/domain/pulse/pulse-answers";
import { AUDIENCE_WORDING, NOTHING_ANSWERED_MESSAGE, pulseFieldNames } from "@/contracts/pulse/fields";
import type { AnswerPulseInput } from "@/contracts/pulse/schemas";
import type { AnsweredPulse } from "@/contracts/pulse/views";
import type { FieldErrors } from "@/contracts/action-result";
import { Prisma } from "@/generated/prisma/client";
import { authorizeTeamChangeBySlug } from "../auth/authorize";
import { readCycleForWrite } from "../cycles/cycle-lock";
import { db } from "../db";
import { isUniqueConstraintViolation } from "../db-errors";
import { ConflictError, ExpectedError, NotFoundError, ValidationError } from "../errors";
import { readTeamAssessmentForWrite } from "../assessments/assessment-lock";
import { questionnaireOfCycle } from "../assessments/questionnaire-content";
import { pulseClosedMessage } from "./messages";

type Transaction = Prisma.TransactionClient;

export const ALREADY_ANSWERED_MESSAGE =
  "You have already answered this quarter's pulse. Answers are anonymous, so they cannot be changed or sent twice.";

function issueMessage(issue: PulseAnswerIssue, question: PulseQuestion | undefined): string {
  switch (issue.kind) {
    case "unknown-question":
      return "One of the answers is for a question that is not in this quarter's pulse. Reload the page and answer again.";
    case "unknown-option":
      return "That is not one of this question's answers. Choose one of the options.";
    case "answered-twice":
      return "This question was answered twice. Choose one answer.";
    case "undeclared-audience": {
      const wording = AUDIENCE_WORDING[question!.audience];
      return `This question is for ${wording.people}. Tick “${wording.declaration}” above, or choose “Prefer not to answer”.`;
    }
    case "nothing-answered":
      return NOTHING_ANSWERED_MESSAGE;
  }
}

/** The refusal of a pulse answer that breaks the rules: one message, and one per question concerned. */
function refusal(issues: readonly PulseAnswerIssue[], questions: readonly PulseQuestion[]): ValidationError {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const question = questions.find((candidate) => candidate.id === issue.questionId);
    const key = question ? pulseFieldNames.answer(question.id) : "form";
    (fieldErrors[key] ??= []).push(issueMessage(issue, question));
  }
  if (issues.some((issue) => issue.kind === "nothing-answered"))
    return new ValidationError(NOTHING_ANSWERED_MESSAGE, fieldErrors);
  const undeclared = issues.some((issue) => issue.kind === "undeclared-audience");
  const message = undeclared
    ? "Nothing was sent: some answers are for people you did not say you are. Tick what describes you, or choose “Prefer not to answer” for those questions."
    : "Nothing was sent: some answers could not be read. Check the questions marked below.";
  return new ValidationError(message, fieldErrors);
}

/**
 * Makes sure every option of every pulse question has its row for the team and cycle (count 0)
 * before any count changes. The rows are then created together, in content order, by the first
 * person to answer, so neither their order nor their existence says which options anyone chose.
 * ON CONFLICT DO NOTHING works the same on SQLite and PostgreSQL, where Prisma's skipDuplicates
 * does not (SQLite has no support for it), and lets two first answers race without failing.
 */
async function ensureTallyRows(
  tx: Transaction,
  teamId: string,
  cycleId: string,
  questions: readonly PulseQuestion[],
): Promise<void> {
  const rows = questions.flatMap((question) =>
    question.options.map((option) => Prisma.sql`(${teamId}, ${cycleId}, ${question.id}, ${option.value}, 0)`),
  );
  await tx.$executeRaw`
    INSERT INTO "pulse_tally" ("teamId", "cycleId", "questionId", "option", "count")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("teamId", "cycleId", "questionId", "option") DO NOTHING`;
}

/**
 * Adds one to each chosen option, in one statement that rewrites every row of the team's pulse
 * (the others by 0). Had only the chosen rows been written, the database would mark them as the
 * last written together (PostgreSQL's row versions, xmin), grouping one person's answers.
 */
async function countChoices(
  tx: Transaction,
  teamId: string,
  cycleId: string,
  choices: readonly PulseChoice[],
): Promise<void> {
  const chosen = Prisma.join(
    choices.map(
      (choice) => Prisma.sql`("questionId" = ${choice.questionId} AND "option" = ${choice.option})`,
    ),
    " OR ",
  );
  await tx.$executeRaw`
    UPDATE "pulse_tally"
    SET "count" = "count" + CASE WHEN ${chosen} THEN 1 ELSE 0 END
    WHERE "teamId" = ${teamId} AND "cycleId" = ${cycleId}`;
}

/**
 * Counts one person's anonymous pulse answers for their team in the open cycle.
 *
 * What is stored: that this person answered (to refuse a second answer) and, separately, one more
 * in the count of each option they chose. Nothing links the two. No audit event and no log line
 * is written, because either would record who answered when, next to counts that changed at that
 * moment; and nothing returned here says what was answered, to anyone, admins included.
 */
export async function answerPulse(actor: Actor, input: AnswerPulseInput): Promise<AnsweredPulse> {
  const team = await authorizeTeamChangeBySlug(actor, "pulse:answer", input.teamSlug);
  try {
    return await db.$transaction(async (tx) => {
      // The cycle stays as read (open) until the answer is counted: a close waits for it.
      const cycle = await readCycleForWrite(tx, input.cycleId);
      if (!cycle) throw new NotFoundError("That quarter does not exist. Reload the page and try again.");
      if (cycle.status !== "open") {
        throw new ConflictError(
          cycle.status === "planned"
            ? `${cycle.name} has not opened yet, so its pulse cannot be answered.`
            : `${cycle.name} is closed, so its pulse can no longer be answered.`,
        );
      }
      // And the assessment stays as read (not submitted) until the answer is counted: a submission
      // waits for it and scores it, or the answer waits for the submission and is refused.
      const assessment = await readTeamAssessmentForWrite(tx, team.id, cycle.id);
      if (assessment?.status === "submitted") throw new ConflictError(pulseClosedMessage(cycle.name));

      const questions = questionnaireOfCycle(cycle).pulse ?? [];
      if (questions.length === 0) throw new ConflictError(`${cycle.name} has no pulse questions to answer.`);
      const check = checkPulseAnswers(questions, input.audiences, input.answers);
      if (!check.ok) throw refusal(check.issues, questions);

      // First, so that a second answer by the same person fails before any count changes.
      await tx.pulseParticipation.create({ data: { teamId: team.id, cycleId: cycle.id, userId: actor.id } });
      await ensureTallyRows(tx, team.id, cycle.id, questions);
      await countChoices(tx, team.id, cycle.id, check.choices);
      return { teamSlug: team.slug, cycleName: cycle.name };
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw new ConflictError(ALREADY_ANSWERED_MESSAGE);
    if (error instanceof ExpectedError) throw error;
    // The action boundary logs unexpected errors in full; a database error can quote the
    // statement's values, i.e. the options chosen. Only its code goes on.
    const code = (error as { code?: unknown } | null)?.code;
    throw new Error(`The pulse answer could not be stored (${typeof code === "string" ? code : "no code"}).`);
  }
}
