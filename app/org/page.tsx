import type { Metadata } from "next";
import { OrgHeatmapPage } from "@/features/dashboards/org-heatmap-page";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { requireOrgDashboardActor } from "@/server/dashboards/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisation heatmap" };

export default async function OrgPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireOrgDashboardActor();
  return <OrgHeatmapPage view={await getOrgHeatmap(actor, await searchParams)} />;
}
