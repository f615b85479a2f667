import type { Metadata } from "next";
import { QuestionnairePage } from "@/features/assessments/questionnaire-page";
import { orNotFound } from "@/server/errors";
import { getQuestionnairePage } from "@/server/assessments/queries";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Assessment" };

export default async function QuestionnaireRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  return <QuestionnairePage state={await orNotFound(getQuestionnairePage(actor, (await params).slug))} />;
}
