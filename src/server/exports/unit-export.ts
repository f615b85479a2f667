import "server-only";
import type { Actor } from "@/domain/access/policy";
import { CONTENT_TYPES, planExportFilename } from "@/domain/plans/export-formats";
import {
  EXPORT_SCHEMA_VERSION,
  type ExportCycle,
  type ExportTeamSection,
} from "@/domain/plans/export-schema";
import { jiraCsvHeader, jiraCsvLines, jiraRowsForTeam } from "@/domain/plans/jira-csv";
import { renderOrgUnitMarkdownHeader, renderOrgUnitTeamMarkdown } from "@/domain/plans/markdown-report";
import { buildUnitSummary } from "@/domain/plans/unit-summary";
import type { PlanExportQuery } from "@/contracts/plans/schemas";
import type { Prisma } from "@/generated/prisma/client";
import { authorizeOrgUnit } from "../auth/authorize";
import { teamsOfCycleWhere } from "../dashboards/access";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { CycleRow } from "../plans/plan-data";
import { unitAndDescendantIds } from "../plans/org-units";
import { buildTeamSection, resolveExportCycle, toExportCycle, type ExportTeam } from "./export-data";
import { streamText, type ExportFile } from "./export-file";
import { drawTeamSection, drawUnitSummary, pdfStream } from "./pdf-report";
import { orgTimeZone } from "../org-calendar";

export interface OrgUnitExportRequest extends PlanExportQuery {
  unitSlug: string;
}

/** Gives other requests their turn between teams, so a large unit never holds the server up. */
const yieldToOtherWork = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The unit's teams' sections, built one team at a time as the download asks for them. */
async function* teamSections(
  teams: readonly ExportTeam[],
  cycle: CycleRow,
  now: Date,
): AsyncGenerator<ExportTeamSection> {
  for (const team of teams) {
    yield await buildTeamSection(team, cycle, now);
    await yieldToOtherWork();
  }
}

async function* jsonChunks(
  header: { orgUnit: { slug: string; name: string }; cycle: ExportCycle; generatedAt: string },
  sections: AsyncIterable<ExportTeamSection>,
): AsyncGenerator<string> {
  const opening = JSON.stringify(
    {
      schemaVersion: EXPORT_SCHEMA_VERSION,
      kind: "orgUnit",
      generatedAt: header.generatedAt,
      cycle: header.cycle,
      orgUnit: header.orgUnit,
    },
    null,
    2,
  );
  // The document is written as it is built: every field but "teams", then the teams one by one.
  yield `${opening.slice(0, opening.lastIndexOf("}")).trimEnd()},\n  "teams": [`;
  let first = true;
  for await (const section of sections) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(section)}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

async function* markdownChunks(
  header: { orgUnit: { slug: string; name: string }; cycle: ExportCycle; generatedAt: string },
  teamCount: number,
  sections: AsyncIterable<ExportTeamSection>,
): AsyncGenerator<string> {
  const timeZone = orgTimeZone();
  yield renderOrgUnitMarkdownHeader(header, teamCount, timeZone);
  for await (const section of sections)
    yield renderOrgUnitTeamMarkdown(section, header.cycle.name, timeZone) + "\n";
}

async function* csvChunks(
  cycleName: string,
  sections: AsyncIterable<ExportTeamSection>,
): AsyncGenerator<string> {
  yield jiraCsvHeader();
  for await (const section of sections) yield jiraCsvLines(jiraRowsForTeam(section, cycleName));
}

/**
 * Every plan of an org unit (and the units below it) for a cycle, in the requested format. Built
 * and sent team by team, so the first bytes leave before the last team is read.
 */
export async function buildOrgUnitPlanExport(
  actor: Actor,
  request: OrgUnitExportRequest,
  now = new Date(),
): Promise<ExportFile> {
  const found = await db.orgUnit.findUnique({ where: { slug: request.unitSlug }, select: { id: true } });
  if (!found) throw new NotFoundError();
  const unit = await authorizeOrgUnit(actor, "orgUnit:export", found.id);
  const unitTeams: Prisma.TeamWhereInput = {
    orgUnitId: { in: await unitAndDescendantIds(unit.id) },
    archivedAt: null,
  };
  const unitTeamIds = await db.team.findMany({ where: unitTeams, select: { id: true } });
  const cycle = await resolveExportCycle(
    request.cycle,
    unitTeamIds.map((team) => team.id),
    now,
  );
  // The cycle's teams only, as on the heatmap: a team added after the cycle was due is not one
  // of its teams, in any format (teamsOfCycleWhere).
  const teams: ExportTeam[] = await db.team.findMany({
    where: { AND: [unitTeams, teamsOfCycleWhere(cycle)] },
    orderBy: [{ orgUnit: { name: "asc" } }, { name: "asc" }],
    select: { id: true, slug: true, name: true, orgUnit: { select: { slug: true, name: true } } },
  });
  const header = {
    orgUnit: { slug: unit.slug, name: unit.name },
    cycle: toExportCycle(cycle),
    generatedAt: now.toISOString(),
  };
  const filename = planExportFilename({ kind: "orgUnit", slug: unit.slug }, cycle.name, request.format);
  const contentType = CONTENT_TYPES[request.format];
  const sections = teamSections(teams, cycle, now);

  switch (request.format) {
    case "json":
      return { filename, contentType, body: streamText(jsonChunks(header, sections)) };
    case "md":
      return { filename, contentType, body: streamText(markdownChunks(header, teams.length, sections)) };
    case "csv":
      return { filename, contentType, body: streamText(csvChunks(cycle.name, sections)) };
    case "pdf": {
      const body = await pdfStream(`${unit.name}: remediation plans, ${cycle.name}`, async (doc) => {
        // The summary comes first and covers every team, so the PDF reads all sections before drawing.
        const all: ExportTeamSection[] = [];
        for await (const section of sections) all.push(section);
        drawUnitSummary(doc, header, buildUnitSummary(all));
        // A team without a result and without a plan has nothing for a page: the summary names it.
        for (const section of all.filter(
          (entry) => entry.assessment !== null || entry.planItems.length > 0,
        )) {
          doc.addPage();
          drawTeamSection(doc, section, header.cycle, header.generatedAt);
        }
      });
      return { filename, contentType, body };
    }
  }
}
