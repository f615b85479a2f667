import type { Metadata } from "next";
import { OrgStructure } from "@/features/admin/org-structure";
import { requireAdminPage } from "@/server/admin/access";
import { getOrgStructure } from "@/server/admin/org-queries";

export const metadata: Metadata = { title: "Org units and teams" };

export default async function OrgPage() {
  const actor = await requireAdminPage("org:manage");
  return <OrgStructure structure={await getOrgStructure(actor)} />;
}
