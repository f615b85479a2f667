import type { Metadata } from "next";
import { teamPageTitle } from "@/server/assessments/page-titles";
import { redirect } from "next/navigation";
import { questionnairePath } from "@/contracts/assessments/paths";
import { ReviewPage } from "@/features/assessments/review-page";
import { orNotFound } from "@/server/errors";
import { getReview } from "@/server/assessments/queries";
import { getAnsweredPulse } from "@/server/pulse/queries";
import { requireActor } from "@/server/auth/session";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: await teamPageTitle((await params).slug, "Review the assessment") };
}

export default async function ReviewRoute({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireActor();
  const { slug } = await params;
  const review = await orNotFound(getReview(actor, slug));
  // Without an assessment in the open cycle there is nothing to review; the questionnaire page explains why.
  if (!review) redirect(questionnairePath(slug));
  return <ReviewPage review={review} pulse={await getAnsweredPulse(actor, slug, review.cycle.id)} />;
}
