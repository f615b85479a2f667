import type { ReactNode } from "react";
import { requireActor } from "@/server/auth/session";
import { requireReadableTeam } from "@/server/dashboards/page-access";

/**
 * Checks the team before anything streams, so a team the viewer may not read answers with a real
 * 404 status. The pages' queries check again: layouts are not re-run on every navigation.
 */
export default async function TeamDashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  await requireReadableTeam(await requireActor(), (await params).slug);
  return children;
}
