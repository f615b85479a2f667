import { planExportQuerySchema } from "@/contracts/plans/schemas";
import { parseInput } from "@/server/errors";
import { sendExport } from "@/server/exports/http";
import { buildOrgUnitPlanExport } from "@/server/exports/unit-export";

/** GET /api/exports/units/<unit>?format=md|csv|pdf|json&cycle=2026-q3 — every plan of an org unit. */
export async function GET(request: Request, { params }: { params: Promise<{ unitSlug: string }> }) {
  const { unitSlug } = await params;
  return sendExport(request, (actor, query) =>
    buildOrgUnitPlanExport(actor, { unitSlug, ...parseInput(planExportQuerySchema, query) }),
  );
}
