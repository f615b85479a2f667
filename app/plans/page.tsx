import type { Metadata } from "next";
import { PlansIndexPage } from "@/features/plans/plans-index-page";
import { loadPlansIndexPage } from "@/server/plans/pages";

export const metadata: Metadata = { title: "Remediation plans" };

export default async function PlansRoute() {
  return <PlansIndexPage view={await loadPlansIndexPage()} />;
}
