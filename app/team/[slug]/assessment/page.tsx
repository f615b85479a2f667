import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { QuestionnairePage } from "@/features/assessments/questionnaire-page";
import { orNotFound } from "@/server/errors";
import { getQuestionnairePage } from "@/server/assessments/queries";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Assessment") };
}

export default async function QuestionnaireRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  return <QuestionnairePage state={await orNotFound(getQuestionnairePage(actor, (await params).slug))} />;
}
