import type { Metadata } from "next";
import { AdminHome } from "@/features/admin/admin-home";
import { requireAdminPage } from "@/server/admin/access";
import { getAdminOverview } from "@/server/admin/overview-queries";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await requireAdminPage();
  return <AdminHome counts={await getAdminOverview(actor)} />;
}
