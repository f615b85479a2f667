import type { ReactNode } from "react";
import { requireOrgDashboardActor } from "@/server/dashboards/page-access";

/**
 * Decides who may see the organisation views before anything streams, so team leads get a real
 * redirect to their own dashboard and everyone else a 404. The pages' queries check again.
 */
export default async function OrgLayout({ children }: { children: ReactNode }) {
  await requireOrgDashboardActor();
  return children;
}
