import { planExportQuerySchema } from "@/contracts/plans/schemas";
import { parseInput } from "@/server/errors";
import { sendExport } from "@/server/exports/http";
import { buildTeamPlanExport } from "@/server/exports/team-export";

/** GET /api/exports/teams/<team>?format=md|csv|pdf|json&cycle=2026-q3 — one team's plan. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return sendExport(request, (actor, query) =>
    buildTeamPlanExport(actor, { teamSlug: slug, ...parseInput(planExportQuerySchema, query) }),
  );
}
