import type { Metadata } from "next";
import { OrgRollupsPage } from "@/features/dashboards/org-rollups-page";
import { requireOrgDashboardActor } from "@/server/dashboards/page-access";
import { getOrgRollups } from "@/server/dashboards/rollups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Roll-ups by org unit" };

export default async function OrgRollupsRoute({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireOrgDashboardActor();
  return <OrgRollupsPage view={await getOrgRollups(actor, await searchParams)} />;
}
