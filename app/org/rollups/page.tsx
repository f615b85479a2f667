import type { Metadata } from "next";
import { OrgRollupsPage } from "@/features/dashboards/org-rollups-page";
import { orgDashboardRoute } from "@/features/dashboards/org-dashboard-route";
import { getOrgRollups } from "@/server/dashboards/rollups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Roll-ups by org unit" };

export default orgDashboardRoute(getOrgRollups, OrgRollupsPage);
