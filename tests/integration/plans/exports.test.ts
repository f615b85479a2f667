import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import { orgUnitPlanExportSchema, teamPlanExportSchema } from "@/domain/plans/export-schema";
import { JIRA_CSV_COLUMNS } from "@/domain/plans/jira-csv";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { teamHeadline } from "@/domain/results/headline";
import { toApiHeadline } from "@/server/api/headline";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { readExportBytes, readExportText } from "@/server/exports/export-file";
import { COMPLETION_LABELS } from "@/domain/dashboards/heatmap-columns";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { buildHeatmapExport, HEATMAP_BATCH_SIZE } from "@/server/exports/heatmap-export";
import { buildTeamPlanExport, loadTeamPlanExport } from "@/server/exports/team-export";
import { buildOrgUnitPlanExport } from "@/server/exports/unit-export";
import { addPlanItem, updatePlanItem } from "@/server/plans/mutations";
import {
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "./fixtures";
import { extractPdfText } from "./pdf-text";

/** A due day always ahead (a day already gone is refused): 31 December next year. */
const DUE_DAY = `${new Date().getUTCFullYear() + 1}-12-31`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return (error as ExpectedError).code;
}

function parseCsv(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

const TRICKY_NOTES = 'Agree with "Ops", then split it, as agreed\nSecond line: Zoë Müller, Łukasz, 東京';

describe("plan exports", () => {
  let org: PlanTestOrganisation;
  let team: PlanTestTeam;
  let quiet: PlanTestTeam;
  let actions: string[];

  beforeAll(async () => {
    org = await createPlanOrganisation();
    team = await createTeam(org.unit.id, 'Kassé, Zahlung "EU"');
    quiet = await createTeam(org.unit.id, "Refunds");
    await createTeam(org.otherUnit.id, "Warehouse");

    await createScoredAssessment(team.id, org.q2.id, 1, new Date("2026-06-10T00:00:00Z"));
    const q3 = await createScoredAssessment(team.id, org.q3.id, 0.6, new Date("2026-09-10T00:00:00Z"));
    const ranking = readStoredResults(await db.pitfallResult.findMany({ where: { assessmentId: q3.id } }));
    const ids = ranking.recommendations.slice(0, 3).map((entry) => entry.countermeasureId);
    actions = ranking.recommendations.slice(0, 3).map((entry) => entry.action);
    const items = [];
    for (const countermeasureId of ids)
      items.push((await addPlanItem(org.coach, { teamSlug: team.slug, countermeasureId })).itemId);
    await updatePlanItem(org.coach, {
      itemId: items[0]!,
      expectedVersion: 1,
      ownerId: team.member.id,
      dueOn: new Date(`${DUE_DAY}T00:00:00Z`),
      status: "in_progress",
      droppedReason: null,
      notes: TRICKY_NOTES,
    });
    await updatePlanItem(org.coach, {
      itemId: items[2]!,
      expectedVersion: 1,
      ownerId: null,
      dueOn: null,
      status: "dropped",
      droppedReason: "The platform team does this for everyone",
      notes: null,
    });
    await createScoredAssessment(quiet.id, org.q3.id, 0.2, new Date("2026-09-11T00:00:00Z"));
  });

  describe("a team", () => {
    it("exports JSON that validates against the schema, for the latest cycle with results by default", async () => {
      const file = await buildTeamPlanExport(org.coach, { teamSlug: team.slug, format: "json", cycle: null });
      expect(file.filename).toBe(`${team.slug}-2026-q3-plan.json`);
      expect(file.contentType).toBe("application/json; charset=utf-8");
      const document = teamPlanExportSchema.parse(JSON.parse(await readExportText(file.body)));
      expect(document.cycle.name).toBe("2026 Q3");
      expect(document.team).toEqual({
        slug: team.slug,
        name: team.name,
        orgUnit: { slug: org.unit.slug, name: org.unit.name },
      });
      expect(document.assessment?.pitfalls.map((pitfall) => pitfall.pitfallId)).toEqual([...PITFALL_IDS]);
      expect(document.planItems.map((item) => item.action)).toEqual(actions);
      expect(document.planItems[0]).toMatchObject({
        ownerName: team.member.name,
        ownerEmail: team.member.email,
        dueOn: DUE_DAY,
        status: "in_progress",
        notes: TRICKY_NOTES,
      });
      expect(document.planItems[2]).toMatchObject({
        status: "dropped",
        droppedReason: "The platform team does this for everyone",
      });
      expect(document.recommendations.length).toBeGreaterThan(0);
      expect(document.lastResult).toBeNull();
    });

    it("carries the API's headline, led by the worst pitfall's band, and no average band to misread", async () => {
      const document = await loadTeamPlanExport(org.coach, team.slug, { year: 2026, quarter: 3 });
      const stored = await db.assessment.findFirstOrThrow({
        where: { teamId: team.id, cycleId: org.q3.id },
        select: { results: true },
      });
      const headline = teamHeadline(readStoredResults(stored.results).pitfalls);
      // The API's object, plus whether the pitfall it names is only suspected (exports only).
      const expected = { ...toApiHeadline(headline), worstSuspected: headline.worstSuspected };
      expect(document.assessment?.headline).toEqual(expected);
      expect(expected.band).not.toBeNull();
      expect(document.assessment).not.toHaveProperty("overallBand");
      expect(document.assessment).not.toHaveProperty("overallScore");
      expect(document.schemaVersion).toBe(2);
    });

    it("keeps people out of the export beyond the owners' names and emails", async () => {
      const text = await readExportText(
        (await buildTeamPlanExport(org.coach, { teamSlug: team.slug, format: "json", cycle: null })).body,
      );
      expect(text).toContain(team.member.email);
      expect(text).toContain(team.member.name);
      for (const hidden of [
        team.lead.name,
        team.lead.email,
        org.coach.name,
        org.coach.email,
        org.coach.id,
        team.member.id,
      ]) {
        expect(text).not.toContain(hidden);
      }
    });

    it("exports an earlier cycle's scores when asked, with the closed loop measured up to that cycle", async () => {
      const document = await loadTeamPlanExport(org.coach, team.slug, { year: 2026, quarter: 2 });
      expect(document.cycle.name).toBe("2026 Q2");
      expect(document.assessment).not.toBeNull();
      // The items were added from 2026 Q3, which is after the exported cycle: nothing to compare yet.
      expect(document.planItems.every((item) => item.closedLoop.direction === null)).toBe(true);
    });

    it("exports a cycle without a submitted assessment as the plan, with the last result named apart", async () => {
      const document = await loadTeamPlanExport(org.coach, team.slug, { year: 2026, quarter: 4 });
      expect(document.assessment).toBeNull();
      expect(document.recommendations).toEqual([]);
      expect(document.planItems).toHaveLength(3);
      const q3 = await loadTeamPlanExport(org.coach, team.slug, { year: 2026, quarter: 3 });
      expect(document.lastResult).toMatchObject({
        cycle: "2026 Q3",
        status: "submitted",
        submittedAt: "2026-09-10T00:00:00.000Z",
        headline: q3.assessment!.headline,
      });
      expect(document.lastResult!.topRecommendations).toEqual(
        q3.recommendations.slice(0, 3).map(({ countermeasureId, action, totalRiskRemoved }) => ({
          countermeasureId,
          action,
          totalRiskRemoved,
        })),
      );
      expect(teamPlanExportSchema.safeParse(JSON.parse(JSON.stringify(document))).success).toBe(true);

      const markdown = await readExportText(
        (
          await buildTeamPlanExport(org.coach, {
            teamSlug: team.slug,
            format: "md",
            cycle: { year: 2026, quarter: 4 },
          })
        ).body,
      );
      expect(markdown).toContain("No result this cycle: no submitted assessment for 2026 Q4.");
      expect(markdown).toMatch(
        /Last result, from 2026 Q3, submitted on 10 Sep 2026: \*\*(None|Low|Medium|High|Critical)\*\* — /,
      );
      expect(markdown).not.toContain("No symptoms were triggered");
    });

    it("exports CSV for Jira whose commas, quotes, line breaks and non-ASCII text parse back", async () => {
      const file = await buildTeamPlanExport(org.coach, {
        teamSlug: team.slug,
        format: "csv",
        cycle: { year: 2026, quarter: 3 },
      });
      expect(file.filename).toBe(`${team.slug}-2026-q3-plan.csv`);
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      const parsed = parseCsv(await readExportText(file.body));
      expect(parsed.meta.fields).toEqual([...JIRA_CSV_COLUMNS]);
      // The dropped item is not work to track, so it is left out.
      expect(parsed.data.map((row) => row.Summary)).toEqual(actions.slice(0, 2));
      expect(parsed.data[0]).toMatchObject({ Assignee: team.member.email, "Due date": DUE_DAY });
      expect(parsed.data[0]!.Description).toContain(TRICKY_NOTES);
      expect(parsed.data[0]!.Description).toContain(`${team.name} team (${org.unit.name})`);
      expect(parsed.data[1]).toMatchObject({ Assignee: "", "Due date": "" });
      expect(parsed.data[0]!.Labels).toMatch(/^pitfall-radar [a-z-]+ team-[a-z0-9-]+$/);
      expect(["Highest", "High", "Medium", "Low", "Lowest"]).toContain(parsed.data[0]!.Priority);
    });

    it("exports Markdown with headings, a scores table, the triggered symptoms and the plan items", async () => {
      const file = await buildTeamPlanExport(org.coach, { teamSlug: team.slug, format: "md", cycle: null });
      expect(file.filename).toBe(`${team.slug}-2026-q3-plan.md`);
      const markdown = await readExportText(file.body);
      const headings = markdown.split("\n").filter((line) => line.startsWith("#"));
      expect(headings[0]).toBe('# Kassé, Zahlung "EU": remediation plan, 2026 Q3');
      expect(headings).toEqual(expect.arrayContaining(["## Scores", "## Triggered symptoms", "## Plan"]));
      expect(markdown).toContain("| Pitfall | Score | Band | Confidence | Triggered symptoms |");
      for (const action of actions) expect(markdown).toContain(`| ${action} |`);
      // People read the file: owners by name, never by email.
      expect(markdown).toContain(`- **Owner:** ${team.member.name}`);
      expect(markdown).not.toContain(team.member.email);
      expect(markdown).toContain("Dropped: The platform team does this for everyone");
    });

    it("exports a PDF whose text names the team, the cycle, the pitfalls and the plan items", async () => {
      const file = await buildTeamPlanExport(org.coach, { teamSlug: team.slug, format: "pdf", cycle: null });
      expect(file.filename).toBe(`${team.slug}-2026-q3-plan.pdf`);
      expect(file.contentType).toBe("application/pdf");
      const bytes = await readExportBytes(file.body);
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
      const { text } = await extractPdfText(bytes);
      expect(text).toContain('Kassé, Zahlung "EU": remediation plan');
      expect(text).toContain("2026 Q3");
      expect(text).toContain("Excessive BAU");
      expect(text).toContain("Top symptoms");
      for (const action of actions) expect(text).toContain(action);
      expect(text).toContain(team.member.name);
      expect(text).not.toContain(team.member.email);
      // An embedded Unicode font prints every script as written (CJK from the fallback font, so the
      // extracted text may have a break where the font changes).
      expect(text.replace(/\s/g, "")).toContain("Secondline:ZoëMüller,Łukasz,東京");
    });

    it("lets the team lead and a head of engineering export, refuses members, hides the team from other coaches", async () => {
      await expect(loadTeamPlanExport(team.lead, team.slug, null)).resolves.toMatchObject({ kind: "team" });
      await expect(loadTeamPlanExport(org.head, team.slug, null)).resolves.toMatchObject({ kind: "team" });
      expect(
        await codeOf(buildTeamPlanExport(team.member, { teamSlug: team.slug, format: "csv", cycle: null })),
      ).toBe("forbidden");
      expect(
        await codeOf(
          buildTeamPlanExport(org.otherCoach, { teamSlug: team.slug, format: "csv", cycle: null }),
        ),
      ).toBe("not_found");
      expect(
        await codeOf(buildTeamPlanExport(quiet.lead, { teamSlug: team.slug, format: "pdf", cycle: null })),
      ).toBe("not_found");
    });

    it("reports a cycle that does not exist as not found", async () => {
      expect(await codeOf(loadTeamPlanExport(org.coach, team.slug, { year: 2031, quarter: 1 }))).toBe(
        "not_found",
      );
    });
  });

  describe("an org unit", () => {
    it("exports JSON with every team of the unit, valid against the schema", async () => {
      const file = await buildOrgUnitPlanExport(org.coach, {
        unitSlug: org.unit.slug,
        format: "json",
        cycle: null,
      });
      expect(file.filename).toBe(`${org.unit.slug}-2026-q3-plans.json`);
      const document = orgUnitPlanExportSchema.parse(JSON.parse(await readExportText(file.body)));
      expect(document.orgUnit).toEqual({ slug: org.unit.slug, name: org.unit.name });
      expect(document.teams.map((section) => section.team.name)).toEqual(
        [team.name, "Refunds"].sort((a, b) => a.localeCompare(b)),
      );
      const mine = document.teams.find((section) => section.team.slug === team.slug)!;
      expect(mine.planItems).toHaveLength(3);
    });

    it("exports every team's open items as one Jira CSV", async () => {
      const file = await buildOrgUnitPlanExport(org.coach, {
        unitSlug: org.unit.slug,
        format: "csv",
        cycle: { year: 2026, quarter: 3 },
      });
      const parsed = parseCsv(await readExportText(file.body));
      expect(parsed.meta.fields).toEqual([...JIRA_CSV_COLUMNS]);
      expect(parsed.data.map((row) => row.Summary)).toEqual(actions.slice(0, 2));
    });

    it("exports Markdown with a section per team and a PDF with a page per team", async () => {
      const markdown = await readExportText(
        (await buildOrgUnitPlanExport(org.coach, { unitSlug: org.unit.slug, format: "md", cycle: null }))
          .body,
      );
      const teamHeadings = markdown.split("\n").filter((line) => line.startsWith("## "));
      expect(teamHeadings).toHaveLength(2);
      expect(markdown.split("\n")[0]).toBe(`# ${org.unit.name}: remediation plans, 2026 Q3`);

      const pdf = await buildOrgUnitPlanExport(org.coach, {
        unitSlug: org.unit.slug,
        format: "pdf",
        cycle: null,
      });
      expect(pdf.filename).toBe(`${org.unit.slug}-2026-q3-plans.pdf`);
      const { pages, text } = await extractPdfText(await readExportBytes(pdf.body));
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(text).toContain(`${org.unit.name}: remediation plans`);
      expect(text).toContain("Refunds: remediation plan");
      for (const action of actions) expect(text).toContain(action);
    });

    it("refuses the unit to a coach of another unit and to team leads", async () => {
      expect(
        await codeOf(
          buildOrgUnitPlanExport(org.otherCoach, { unitSlug: org.unit.slug, format: "json", cycle: null }),
        ),
      ).toBe("not_found");
      expect(
        await codeOf(
          buildOrgUnitPlanExport(team.lead, { unitSlug: org.unit.slug, format: "json", cycle: null }),
        ),
      ).toBe("not_found");
      expect(
        await codeOf(
          buildOrgUnitPlanExport(org.coach, { unitSlug: "no-such-unit", format: "json", cycle: null }),
        ),
      ).toBe("not_found");
    });
  });

  describe("the heatmap", () => {
    it("has a row per team of the coach's units with its completion and each pitfall's score and band", async () => {
      const file = await buildHeatmapExport(org.coach, { cycle: { year: 2026, quarter: 3 } });
      expect(file.filename).toBe("heatmap-2026-q3.csv");
      const parsed = parseCsv(await readExportText(file.body));
      expect(parsed.data.map((row) => row.Team).sort()).toEqual([team.name, "Refunds"].sort());
      const row = parsed.data.find((entry) => entry["Team slug"] === team.slug)!;
      expect(row).toMatchObject({
        "Org unit": org.unit.name,
        Cycle: "2026 Q3",
        Completion: "Submitted",
        "Results from": "2026 Q3",
      });
      expect(row["Excessive BAU score"]).toMatch(/^\d+\.\d$/);
      expect(row["Average score"]).toMatch(/^\d+\.\d$/);
      expect(["None", "Low", "Medium", "High", "Critical"]).toContain(row["Excessive BAU band"]);
    });

    it("gives a team that has not submitted in the cycle its completion and its last result with its cycle", async () => {
      await db.assessment.create({ data: { teamId: quiet.id, cycleId: org.open.id, status: "draft" } });
      const parsed = parseCsv(
        await readExportText(
          (await buildHeatmapExport(org.coach, { cycle: { year: 2026, quarter: 4 } })).body,
        ),
      );
      const byTeam = new Map(parsed.data.map((row) => [row["Team slug"], row]));
      expect(byTeam.get(quiet.slug)).toMatchObject({
        Cycle: "2026 Q4",
        Completion: "Draft",
        "Results from": "2026 Q3",
      });
      expect(byTeam.get(team.slug)).toMatchObject({ Completion: "Not started", "Results from": "2026 Q3" });
      const q3 = parseCsv(
        await readExportText(
          (await buildHeatmapExport(org.coach, { cycle: { year: 2026, quarter: 3 } })).body,
        ),
      ).data.find((row) => row["Team slug"] === team.slug)!;
      // The earlier result's figures, as the heatmap shows them greyed with their cycle.
      for (const column of [
        "Overall band (worst pitfall)",
        "Worst pitfall",
        "Worst pitfall score",
        "Average score",
      ])
        expect(byTeam.get(team.slug)![column]).toBe(q3[column]);
      expect(byTeam.get(team.slug)!["Overall band (worst pitfall)"]).not.toBe("");
    });

    it("is the view asked for: the heatmap's unit, filters and order, row for row", async () => {
      const views = [
        {},
        { unit: org.unit.slug },
        { band: "medium" as const },
        { completion: "draft" as const },
        { sort: "team" as const, dir: "desc" as const },
      ];
      for (const filters of views) {
        const file = await buildHeatmapExport(org.head, { cycle: { year: 2026, quarter: 4 }, ...filters });
        const parsed = parseCsv(await readExportText(file.body));
        const view = await getOrgHeatmap(org.head, { cycle: "2026-q4", ...filters });
        expect(
          parsed.data.map((row) => row["Team slug"]),
          JSON.stringify(filters),
        ).toEqual(view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)));
        expect(parsed.data.map((row) => row.Completion)).toEqual(
          view.heatmap.groups.flatMap((group) => group.rows.map((row) => COMPLETION_LABELS[row.completion])),
        );
      }
      const unitFile = await buildHeatmapExport(org.head, {
        cycle: { year: 2026, quarter: 4 },
        unit: org.unit.slug,
      });
      expect(unitFile.filename).toBe(`heatmap-2026-q4-${org.unit.slug}.csv`);
    });

    it("refuses a unit the person may not read, and a cycle that has not started, as not found", async () => {
      expect(await codeOf(buildHeatmapExport(org.coach, { cycle: null, unit: org.otherUnit.slug }))).toBe(
        "not_found",
      );
      expect(await codeOf(buildHeatmapExport(org.head, { cycle: { year: 2031, quarter: 1 } }))).toBe(
        "not_found",
      );
    });

    it("covers the whole organisation for a head of engineering, written in chunks", async () => {
      const big = await db.orgUnit.create({ data: { name: "Big Unit", slug: "big-unit-heatmap" } });
      await db.team.createMany({
        data: Array.from({ length: HEATMAP_BATCH_SIZE + 5 }, (_, index) => ({
          name: `Team ${String(index).padStart(3, "0")}`,
          slug: `big-team-${index}`,
          orgUnitId: big.id,
          // In place before 2026 Q3 was due, so one of its teams.
          createdAt: new Date("2026-01-01T00:00:00Z"),
        })),
      });
      const parsed = parseCsv(
        await readExportText((await buildHeatmapExport(org.head, { cycle: null })).body),
      );
      const teamCount = await db.team.count({ where: { archivedAt: null } });
      expect(parsed.data).toHaveLength(teamCount);
      expect(new Set(parsed.data.map((row) => row["Team slug"])).size).toBe(teamCount);
      // Without a cycle, the heatmap's own default: the open cycle.
      expect(new Set(parsed.data.map((row) => row.Cycle))).toEqual(new Set(["2026 Q4"]));
      expect(
        parsed.data
          .filter((row) => row["Results from"] === "2026 Q3")
          .map((row) => row["Team slug"])
          .sort(),
      ).toEqual([team.slug, quiet.slug].sort());
    });

    it("refuses people who coach no unit", async () => {
      expect(await codeOf(buildHeatmapExport(team.lead, { cycle: null }))).toBe("forbidden");
    });
  });
});
