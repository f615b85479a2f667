import type { Metadata } from "next";
import { RunCostPage } from "@/features/dashboards/run-cost-page";
import { orgDashboardRoute } from "@/features/dashboards/org-dashboard-route";
import { getRunCostView } from "@/server/dashboards/run-cost";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run cost" };

export default orgDashboardRoute(getRunCostView, RunCostPage);
