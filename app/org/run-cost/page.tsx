import type { Metadata } from "next";
import { RunCostPage } from "@/features/dashboards/run-cost-page";
import { requireOrgDashboardActor } from "@/server/dashboards/page-access";
import { getRunCostView } from "@/server/dashboards/run-cost";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run cost" };

export default async function RunCostRoute({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireOrgDashboardActor();
  return <RunCostPage view={await getRunCostView(actor, await searchParams)} />;
}
