import type { Metadata } from "next";
import { UnitPlanPage } from "@/features/plans/unit-plan-page";
import { loadUnitPlanPage } from "@/server/plans/pages";

export const metadata: Metadata = { title: "Org unit plans" };

export default async function UnitPlanRoute({ params }: { params: Promise<{ unitSlug: string }> }) {
  const { unitSlug } = await params;
  return <UnitPlanPage view={await loadUnitPlanPage(unitSlug)} />;
}
