import "server-only";
import type { Actor } from "@/domain/access/policy";
import { CONTENT_TYPES, planExportFilename } from "@/domain/plans/export-formats";
import { EXPORT_SCHEMA_VERSION, type TeamPlanExport } from "@/domain/plans/export-schema";
import { jiraRowsForTeam, toJiraCsv } from "@/domain/plans/jira-csv";
import { renderTeamMarkdown } from "@/domain/plans/markdown-report";
import type { PlanExportQuery } from "@/contracts/plans/schemas";
import { authorizeTeamBySlug } from "../auth/authorize";
import { db } from "../db";
import { buildTeamSection, resolveExportCycle, toExportCycle } from "./export-data";
import { streamText, type ExportFile } from "./export-file";
import { drawTeamSection, pdfStream } from "./pdf-report";
import { orgTimeZone } from "../org-calendar";

export interface TeamExportRequest extends PlanExportQuery {
  teamSlug: string;
}

/**
 * One team's plan export as data (the JSON export). Refuses people who may not export the team:
 * "not found" for a team they cannot read at all, "forbidden" for one they can only read.
 */
export async function loadTeamPlanExport(
  actor: Actor,
  teamSlug: string,
  cycleRef: PlanExportQuery["cycle"],
  now = new Date(),
): Promise<TeamPlanExport> {
  const team = await authorizeTeamBySlug(actor, "team:export", teamSlug);
  const [orgUnit, cycle] = await Promise.all([
    db.orgUnit.findUnique({ where: { id: team.orgUnitId }, select: { slug: true, name: true } }),
    resolveExportCycle(cycleRef, [team.id], now),
  ]);
  const section = await buildTeamSection(
    { id: team.id, slug: team.slug, name: team.name, orgUnit: orgUnit ?? { slug: "", name: "" } },
    cycle,
    now,
  );
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    kind: "team",
    generatedAt: now.toISOString(),
    cycle: toExportCycle(cycle),
    ...section,
  };
}

/** A team's plan as a file in the requested format, named after the team and the cycle. */
export async function buildTeamPlanExport(actor: Actor, request: TeamExportRequest, now = new Date()): Promise<ExportFile> {
  const document = await loadTeamPlanExport(actor, request.teamSlug, request.cycle, now);
  const filename = planExportFilename({ kind: "team", slug: document.team.slug }, document.cycle.name, request.format);
  const contentType = CONTENT_TYPES[request.format];
  switch (request.format) {
    case "json":
      return { filename, contentType, body: streamText([JSON.stringify(document, null, 2), "\n"]) };
    case "md":
      return { filename, contentType, body: streamText([renderTeamMarkdown(document, orgTimeZone())]) };
    case "csv":
      return { filename, contentType, body: streamText([toJiraCsv(jiraRowsForTeam(document, document.cycle.name))]) };
    case "pdf": {
      const body = await pdfStream(`${document.team.name}: remediation plan, ${document.cycle.name}`, async (doc) => {
        drawTeamSection(doc, document, document.cycle, document.generatedAt);
      });
      return { filename, contentType, body };
    }
  }
}
