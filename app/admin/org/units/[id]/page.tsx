import type { Metadata } from "next";
import { OrgUnitDetail } from "@/features/admin/org-unit-detail";
import { requireAdminPage } from "@/server/admin/access";
import { orNotFound } from "@/server/errors";
import { getOrgUnitForAdmin } from "@/server/admin/org-queries";

export const metadata: Metadata = { title: "Org unit" };

export default async function OrgUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage("org:manage");
  const { id } = await params;
  return <OrgUnitDetail detail={await orNotFound(getOrgUnitForAdmin(actor, id))} />;
}
