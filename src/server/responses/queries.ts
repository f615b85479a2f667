import "server-only";
import type { Actor } from "@/domain/access/policy";
import type { Questionnaire } from "@/domain/content/schema";
import { pitfallById } from "@/domain/content";
import { describeAnswerValue } from "@/domain/scoring";
import type { MyAnswersPageState, OwnAnswersRecordView, ServerAnswer } from "@/contracts/assessments/types";
import type { TeamSpreadView } from "@/contracts/responses/types";
import { authorizeTeamBySlug } from "../auth/authorize";
import { db } from "../db";
import { answerableAssessment, openCycle, toCycleRef } from "../assessments/queries";
import { answerOfRow, readTeamContext } from "../assessments/stored-answers";
import { questionnaireOfCycle, sectionViews } from "../assessments/questionnaire-content";
import { readReopening } from "../assessments/reopening";
import { orgTimeZone } from "../org-calendar";
import { readOwnAnswers } from "./own-answers";
import { countRespondents, readSpreadSections } from "./team-views";

/**
 * "My answers": the signed-in person's own answers to their team's assessment of the open cycle,
 * for the team's own people (lead and members; not admins, coaches or the head of engineering).
 * Only the person's own response is read, with the team's saved context, which the team's own people
 * may read (they answer it on the team's questionnaire) and which decides what is asked.
 */
export async function getMyAnswersPage(actor: Actor, teamSlug: string): Promise<MyAnswersPageState> {
  const team = await authorizeTeamBySlug(actor, "response:answer", teamSlug);
  const answerable = await answerableAssessment(team);
  if (answerable.kind === "submitted") {
    return { ...answerable, ownAnswers: await readSubmittedOwnAnswers(actor, team.id) };
  }
  if (answerable.kind !== "answerable") return answerable;
  const { cycle, assessment } = answerable;
  const questionnaire = questionnaireOfCycle(cycle);
  const own = await readOwnAnswers(
    db,
    { id: assessment.id, teamId: team.id, carriedFromId: assessment.carriedFromId },
    actor,
    questionnaire,
  );
  const [contextSection, ...pitfallSections] = sectionViews(questionnaire);
  const carries = Object.values(own.answers).some((answer) => answer.carriedOver);
  const carriedFrom =
    carries && assessment.carriedFromId
      ? await db.assessment.findFirst({
          // Scoped to the same team: a carried-from link never reveals another team's cycle.
          where: { id: assessment.carriedFromId, teamId: team.id },
          select: { cycle: { select: { name: true } } },
        })
      : null;
  return {
    kind: "editable",
    submittedBy: null,
    reopening: await readReopening(db, assessment),
    timeZone: orgTimeZone(),
    session: {
      respondent: "self",
      team: { id: team.id, name: team.name, slug: team.slug },
      cycle: toCycleRef(cycle),
      assessment: { id: assessment.id, status: assessment.status, version: own.version },
      carriedFromCycleName: carriedFrom?.cycle.name ?? null,
      sections: pitfallSections,
      contextQuestions: contextSection?.questions ?? [],
      answers: own.answers,
      teamContext: (await readTeamContext(db, assessment.id, questionnaire)).teamContext,
      actorId: actor.id,
      individual: null,
    },
  };
}

/**
 * After submission, the person's own answers of the open cycle to read back: the questions asked
 * of the team (its saved context decides), each with the person's answer in words. Null when the
 * person gave none this quarter (nothing of theirs was stored).
 */
async function readSubmittedOwnAnswers(actor: Actor, teamId: string): Promise<OwnAnswersRecordView | null> {
  const cycle = await openCycle();
  if (!cycle) return null;
  const assessment = await db.assessment.findUnique({
    where: { teamId_cycleId: { teamId, cycleId: cycle.id } },
    select: { id: true, carriedFromId: true },
  });
  if (!assessment) return null;
  const questionnaire = questionnaireOfCycle(cycle);
  const own = await readOwnAnswers(db, { ...assessment, teamId }, actor, questionnaire);
  // Not answered before submission: what would have carried over was never theirs this quarter.
  if (own.version === 0) return null;
  const { notAsked } = await readTeamContext(db, assessment.id, questionnaire);
  return ownAnswersRecord(questionnaire, own.answers, notAsked);
}

function ownAnswersRecord(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, ServerAnswer>>,
  notAsked: ReadonlySet<string>,
): OwnAnswersRecordView {
  let answered = 0;
  let total = 0;
  const sections = questionnaire.sections.map((section) => ({
    pitfallId: section.pitfallId as string,
    title: pitfallById(section.pitfallId)?.name ?? section.pitfallId,
    questions: section.questions
      .filter((question) => !notAsked.has(question.id))
      .map((question) => {
        const given = answers[question.id];
        total += 1;
        if (given && !given.carriedOver) answered += 1;
        return {
          questionId: question.id,
          prompt: question.prompt,
          answer: given ? answerWords(question, given) : null,
          carriedOver: given?.carriedOver ?? false,
        };
      }),
  }));
  return { sections, answered, total };
}

function answerWords(question: Questionnaire["sections"][number]["questions"][number], answer: ServerAnswer) {
  if (answer.kind === "dontKnow") return "Don't know";
  if (answer.kind === "notApplicable") return `Not applicable: ${answer.reason ?? ""}`;
  return answer.value === null ? "No answer" : describeAnswerValue(question, answer.value);
}

/**
 * "How the team answered": the spread of the team's individual answers in the open cycle, for
 * whoever may see it before submission (the lead, the unit's coach, the head of engineering,
 * admins). Read-only, counts only: nothing says who gave which answer.
 */
export async function getTeamSpread(actor: Actor, teamSlug: string): Promise<TeamSpreadView> {
  const team = await authorizeTeamBySlug(actor, "response:summary", teamSlug);
  const teamRef = { name: team.name, slug: team.slug };
  const cycle = await openCycle();
  if (!cycle) return { kind: "no-open-cycle", team: teamRef };
  const assessment = await db.assessment.findUnique({
    where: { teamId_cycleId: { teamId: team.id, cycleId: cycle.id } },
    select: { id: true, answers: { select: { questionId: true, kind: true, value: true, reason: true } } },
  });
  if (!assessment) return { kind: "not-started", team: teamRef, cycleName: cycle.name };
  const questionnaire = questionnaireOfCycle(cycle);
  const teamAnswers = Object.fromEntries(
    assessment.answers.flatMap((row) => {
      const answer = answerOfRow(row);
      return answer ? [[row.questionId, answer] as const] : [];
    }),
  );
  return {
    kind: "ready",
    team: teamRef,
    cycleName: cycle.name,
    respondents: await countRespondents(db, assessment.id),
    sections: await readSpreadSections(db, assessment.id, questionnaire, teamAnswers, actor.id),
  };
}
