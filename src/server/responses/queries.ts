import "server-only";
import type { Actor } from "@/domain/access/policy";
import type { QuestionnairePageState } from "@/contracts/assessments/types";
import { authorizeTeamBySlug } from "../auth/authorize";
import { db } from "../db";
import { answerableAssessment, toCycleRef } from "../assessments/queries";
import { questionnaireOfCycle, sectionViews } from "../assessments/questionnaire-content";
import { readOwnAnswers } from "./own-answers";

/**
 * "My answers": the signed-in person's own answers to their team's assessment of the open cycle,
 * for the team's own people (lead and members; not admins, coaches or the head of engineering).
 * Only the person's own response is read; the team context is left to the team's questionnaire.
 */
export async function getMyAnswersPage(actor: Actor, teamSlug: string): Promise<QuestionnairePageState> {
  const team = await authorizeTeamBySlug(actor, "response:answer", teamSlug);
  const answerable = await answerableAssessment(team);
  if (answerable.kind !== "answerable") return answerable;
  const { cycle, assessment } = answerable;
  const questionnaire = questionnaireOfCycle(cycle);
  const own = await readOwnAnswers(
    db,
    { id: assessment.id, teamId: team.id, carriedFromId: assessment.carriedFromId },
    actor,
    questionnaire,
  );
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
    session: {
      respondent: "self",
      team: { id: team.id, name: team.name, slug: team.slug },
      cycle: toCycleRef(cycle),
      assessment: { id: assessment.id, status: assessment.status, version: own.version },
      carriedFromCycleName: carriedFrom?.cycle.name ?? null,
      sections: sectionViews(questionnaire).filter((section) => section.pitfallId !== null),
      answers: own.answers,
      actorId: actor.id,
      individual: null,
    },
  };
}
