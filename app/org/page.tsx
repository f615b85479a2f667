import type { Metadata } from "next";
import { OrgHeatmapPage } from "@/features/dashboards/org-heatmap-page";
import { orgDashboardRoute } from "@/features/dashboards/org-dashboard-route";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisation heatmap" };

export default orgDashboardRoute(getOrgHeatmap, OrgHeatmapPage);
