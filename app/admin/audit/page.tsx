import type { Metadata } from "next";
import { AuditLog } from "@/features/admin/audit-log";
import { auditFilterSchema, firstValues } from "@/contracts/admin/schemas";
import { requireAdminPage } from "@/server/admin/access";
import { listAuditEvents } from "@/server/admin/audit-queries";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdminPage("audit:read");
  const filter = auditFilterSchema.parse(firstValues(await searchParams));
  return <AuditLog result={await listAuditEvents(actor, filter)} filter={filter} />;
}
