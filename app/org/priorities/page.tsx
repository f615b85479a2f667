import type { Metadata } from "next";
import { OrgPrioritiesPage } from "@/features/dashboards/org-priorities-page";
import { orgDashboardRoute } from "@/features/dashboards/org-dashboard-route";
import { getOrgPriorities } from "@/server/dashboards/priorities";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Where we are at risk" };

export default orgDashboardRoute(getOrgPriorities, OrgPrioritiesPage);
