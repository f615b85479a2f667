/**
 * An org unit's plan export for a cycle covers the cycle's teams, as the heatmap, the run-cost page
 * and the heatmap export do: the teams added by the end of its due day in the organisation's time
 * zone, and any team with an assessment in it. A team added after the quarter was due is not part
 * of it, in any format, and is part of the cycles due after it was added.
 */
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { orgUnitPlanExportSchema } from "@/domain/plans/export-schema";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { db } from "@/server/db";
import { readExportBytes, readExportText } from "@/server/exports/export-file";
import { buildOrgUnitPlanExport } from "@/server/exports/unit-export";
import { addPlanItem } from "@/server/plans/mutations";
import {
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "./fixtures";
import { extractPdfText } from "./pdf-text";

let org: PlanTestOrganisation;
let veterans: PlanTestTeam;
let lateJoiners: PlanTestTeam;
let newcomers: PlanTestTeam;

/** Adds the first recommendation of the assessment's results to the team's plan. */
async function planFirstRecommendation(team: PlanTestTeam, assessmentId: string) {
  const ranking = readStoredResults(await db.pitfallResult.findMany({ where: { assessmentId } }));
  await addPlanItem(org.coach, {
    teamSlug: team.slug,
    countermeasureId: ranking.recommendations[0]!.countermeasureId,
  });
}

beforeAll(async () => {
  org = await createPlanOrganisation();
  // In place since before 2026 Q3 was due (15 September 2026), as the fixture's teams are.
  veterans = await createTeam(org.unit.id, "Veterans");
  const veteransQ3 = await createScoredAssessment(
    veterans.id,
    org.q3.id,
    0.4,
    new Date("2026-09-10T00:00:00Z"),
  );
  await planFirstRecommendation(veterans, veteransQ3.id);
  // Added after 2026 Q3 was due, but it took part: it has an assessment in 2026 Q3.
  lateJoiners = await createTeam(org.unit.id, "Late Joiners");
  await db.team.update({
    where: { id: lateJoiners.id },
    data: { createdAt: new Date("2026-10-01T00:00:00Z") },
  });
  await createScoredAssessment(lateJoiners.id, org.q3.id, 0.6, new Date("2026-09-12T00:00:00Z"));
  // Added long after 2026 Q3 was due; its first result, and its plan, are of the open cycle.
  newcomers = await createTeam(org.unit.id, "Newcomers");
  await db.team.update({
    where: { id: newcomers.id },
    data: { createdAt: new Date("2026-11-20T00:00:00Z") },
  });
  const newcomersQ4 = await createScoredAssessment(newcomers.id, org.open.id, 0.2, new Date());
  await planFirstRecommendation(newcomers, newcomersQ4.id);
});

const Q3 = { year: 2026, quarter: 3 };

async function exportText(format: "json" | "md" | "csv", cycle: { year: number; quarter: number }) {
  const file = await buildOrgUnitPlanExport(org.head, { unitSlug: org.unit.slug, format, cycle });
  return readExportText(file.body);
}

async function jsonTeams(cycle: { year: number; quarter: number }): Promise<string[]> {
  const document = orgUnitPlanExportSchema.parse(JSON.parse(await exportText("json", cycle)));
  return document.teams.map((section) => section.team.name);
}

describe("an org unit's plan export for a past cycle", () => {
  it("lists the cycle's teams in JSON, and a team added after it was due in the next cycle", async () => {
    expect(await jsonTeams(Q3)).toEqual(["Late Joiners", "Veterans"]);
    expect(await jsonTeams({ year: 2026, quarter: 4 })).toEqual(["Late Joiners", "Newcomers", "Veterans"]);
  });

  it("has a Markdown section, and counts a team, for the cycle's teams only", async () => {
    const markdown = await exportText("md", Q3);
    const headings = markdown.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual(["## Late Joiners", "## Veterans"]);
    expect(markdown).toContain(" · 2 teams · ");
    expect(markdown).not.toContain("Newcomers");
  });

  it("has CSV rows for the plan items of the cycle's teams only", async () => {
    const csv = Papa.parse<Record<string, string>>(await exportText("csv", Q3), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    const labels = csv.data.map((row) => row.Labels!);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toContain(veterans.slug);
    expect(csv.data.some((row) => JSON.stringify(row).includes(newcomers.slug))).toBe(false);
  });

  it("has a PDF that neither summarises nor pages a team added after the cycle was due", async () => {
    const pdf = await buildOrgUnitPlanExport(org.head, { unitSlug: org.unit.slug, format: "pdf", cycle: Q3 });
    const { text } = await extractPdfText(await readExportBytes(pdf.body));
    expect(text).toContain("Veterans: remediation plan");
    expect(text).toContain("Late Joiners: remediation plan");
    expect(text).not.toContain("Newcomers");
  });
});
