import type { Metadata } from "next";
import { TeamDetail } from "@/features/admin/team-detail";
import { requireAdminPage } from "@/server/admin/access";
import { orNotFound } from "@/server/errors";
import { getTeamForAdmin } from "@/server/admin/org-queries";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage("org:manage");
  const { id } = await params;
  return <TeamDetail detail={await orNotFound(getTeamForAdmin(actor, id))} />;
}
