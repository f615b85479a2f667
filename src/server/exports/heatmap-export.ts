import "server-only";
import { can, readsWholeOrganisation, type Actor } from "@/domain/access/policy";
import { CONTENT_TYPES, heatmapExportFilename } from "@/domain/plans/export-formats";
import { heatmapCsvHeader, heatmapCsvLines, type HeatmapTeamRow } from "@/domain/plans/heatmap-csv";
import type { HeatmapExportQuery } from "@/contracts/plans/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { teamsOfCycleWhere } from "../dashboards/access";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { activeUnits } from "../plans/org-units";
import { withResults, type CycleRow } from "../plans/plan-data";
import { resolveExportCycle } from "./export-data";
import { streamText, type ExportFile } from "./export-file";

/** Teams per database round trip: small enough to keep each read short, large enough to be quick. */
export const HEATMAP_BATCH_SIZE = 200;

/**
 * The teams of every org unit the actor may export, as a filter. Admins and heads of engineering
 * see the whole organisation; a coach, the units they coach (and the units below them).
 */
async function exportableTeamsWhere(actor: Actor): Promise<Prisma.TeamWhereInput> {
  if (readsWholeOrganisation(actor)) return { archivedAt: null };
  const units = (await activeUnits()).filter((unit) =>
    can(actor, "orgUnit:export", { type: "orgUnit", orgUnitId: unit.id }),
  );
  if (units.length === 0) {
    throw new ForbiddenError(
      "The heatmap export covers the org units you coach; you are not a coach of any unit.",
    );
  }
  return { archivedAt: null, orgUnitId: { in: units.map((unit) => unit.id) } };
}

async function* heatmapChunks(where: Prisma.TeamWhereInput, cycle: CycleRow): AsyncGenerator<string> {
  yield heatmapCsvHeader();
  for (let offset = 0; ; offset += HEATMAP_BATCH_SIZE) {
    const teams = await db.team.findMany({
      where,
      orderBy: [{ orgUnit: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: offset,
      take: HEATMAP_BATCH_SIZE,
      select: { id: true, slug: true, name: true, orgUnit: { select: { name: true } } },
    });
    if (teams.length === 0) return;
    const assessments = await db.assessment.findMany({
      where: { cycleId: cycle.id, teamId: { in: teams.map((team) => team.id) }, ...withResults },
      select: {
        teamId: true,
        results: { select: { pitfallId: true, status: true, score: true, band: true } },
      },
    });
    const byTeam = new Map(assessments.map((assessment) => [assessment.teamId, assessment]));
    const rows: HeatmapTeamRow[] = teams.map((team) => ({
      orgUnitName: team.orgUnit.name,
      teamName: team.name,
      teamSlug: team.slug,
      assessment: byTeam.get(team.id) ?? null,
    }));
    yield heatmapCsvLines(rows, cycle.name);
    if (teams.length < HEATMAP_BATCH_SIZE) return;
  }
}

/**
 * The heatmap (teams × pitfalls, scores and bands) for one cycle, as CSV, streamed in batches. Its
 * rows are the cycle's teams, as on the heatmap: a team added after the cycle was due is no part
 * of it (teamsOfCycleWhere), so it is not an empty row of a quarter it could not take part in.
 */
export async function buildHeatmapExport(
  actor: Actor,
  request: HeatmapExportQuery,
  now = new Date(),
): Promise<ExportFile> {
  const where = await exportableTeamsWhere(actor);
  const teamIds = readsWholeOrganisation(actor)
    ? null
    : (await db.team.findMany({ where, select: { id: true } })).map((team) => team.id);
  const cycle = await resolveExportCycle(request.cycle, teamIds, now);
  return {
    filename: heatmapExportFilename(cycle.name),
    contentType: CONTENT_TYPES.csv,
    body: streamText(heatmapChunks({ AND: [where, teamsOfCycleWhere(cycle)] }, cycle)),
  };
}
