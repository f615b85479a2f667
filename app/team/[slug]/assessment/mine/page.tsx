import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { MyAnswersPage } from "@/features/responses/my-answers-page";
import { orNotFound } from "@/server/errors";
import { getMyAnswersPage } from "@/server/responses/queries";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "My answers") };
}

export default async function MyAnswersRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  return <MyAnswersPage state={await orNotFound(getMyAnswersPage(actor, (await params).slug))} />;
}
