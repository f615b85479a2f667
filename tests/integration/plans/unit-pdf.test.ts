import { beforeAll, describe, expect, it } from "vitest";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { db } from "@/server/db";
import { orgUnitPlanExportSchema } from "@/domain/plans/export-schema";
import {
  buildUnitSummary,
  commonCountermeasuresNote,
  SUMMARY_COMMON_LIMIT,
} from "@/domain/plans/unit-summary";
import { readExportBytes, readExportText } from "@/server/exports/export-file";
import { getUnitPlan } from "@/server/plans/queries";
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

/** Text runs change font between scripts, and the extractor may put a space there: compare without spaces. */
const compact = (text: string) => text.replace(/\s/g, "");

describe("the unit PDF", () => {
  let org: PlanTestOrganisation;
  let cyrillic: PlanTestTeam;
  let japanese: PlanTestTeam;
  let quiet: PlanTestTeam;
  let overdueAction: string;
  let bytes: Uint8Array;
  let pages: number;
  let text: string;

  beforeAll(async () => {
    org = await createPlanOrganisation();
    cyrillic = await createTeam(org.unit.id, "Команда Ω");
    japanese = await createTeam(org.unit.id, "決済チーム");
    quiet = await createTeam(org.unit.id, "Quiet Team");

    const q3 = await createScoredAssessment(cyrillic.id, org.q3.id, 0.9, new Date("2026-09-10T00:00:00Z"));
    const ranked = readStoredResults(
      await db.pitfallResult.findMany({ where: { assessmentId: q3.id } }),
    ).recommendations;
    overdueAction = ranked[0]!.action;
    const { itemId } = await addPlanItem(org.coach, {
      teamSlug: cyrillic.slug,
      countermeasureId: ranked[0]!.countermeasureId,
    });
    // Overdue since 15 January: a day already gone cannot be set, so the date was set back then.
    const dueOn = new Date("2026-01-15T00:00:00Z");
    await db.planItem.update({ where: { id: itemId }, data: { dueOn } });
    await updatePlanItem(org.coach, {
      itemId,
      expectedVersion: 1,
      ownerId: cyrillic.lead.id,
      dueOn,
      status: "in_progress",
      droppedReason: null,
      notes: null,
    });
    // Results in Q2 only: a plan, but no result in Q3.
    await createScoredAssessment(japanese.id, org.q2.id, 0.7, new Date("2026-06-10T00:00:00Z"));
    const q2Ranked = (await db.assessment.findFirstOrThrow({ where: { teamId: japanese.id } })).id;
    const japaneseRanked = readStoredResults(
      await db.pitfallResult.findMany({ where: { assessmentId: q2Ranked } }),
    ).recommendations;
    await addPlanItem(japanese.lead, {
      teamSlug: japanese.slug,
      countermeasureId: japaneseRanked[0]!.countermeasureId,
    });

    const file = await buildOrgUnitPlanExport(org.coach, {
      unitSlug: org.unit.slug,
      format: "pdf",
      cycle: { year: 2026, quarter: 3 },
    });
    bytes = await readExportBytes(file.body);
    // pdf.js takes over the buffer it reads, so it gets a copy.
    ({ pages, text } = await extractPdfText(bytes.slice()));
  });

  it("opens with a unit summary: teams per band by pitfall, common countermeasures and overdue items", () => {
    const firstPage = compact(
      text.slice(0, text.indexOf("remediation plan ", text.indexOf("Overdue items"))),
    );
    expect(firstPage).toContain(compact(`${org.unit.name}: remediation plans`));
    expect(firstPage).toContain("Unitsummary");
    expect(firstPage).toContain("3teams;1witharesultfor2026Q3.");
    expect(firstPage).toContain("Teamsperband,bypitfall");
    for (const band of ["None", "Low", "Medium", "High", "Critical", "Notscored"])
      expect(firstPage).toContain(band);
    expect(firstPage).toContain("ExcessiveBAU");
    expect(firstPage).toContain("Mostcommoncountermeasures");
    expect(firstPage).toContain(compact(overdueAction));
    expect(firstPage).toContain("Overdueitems(1)");
    expect(firstPage).toContain(compact(`Команда Ω: ${overdueAction}, due`));
    // The owner by name: the PDF is for people.
    expect(firstPage).toContain(compact(`(${cyrillic.lead.name})`));
    expect(text).not.toContain(cyrillic.lead.email);
  });

  it("says what its common countermeasures count: each team's latest result up to the cycle, top 3", () => {
    expect(compact(text)).toContain(
      compact(
        "Counted per team: in its plan (and not dropped), or among the top 3 countermeasures of its latest result up to 2026 Q3: 1 team with a 2026 Q3 result, and 1 team without one, counted with its result from an earlier cycle.",
      ),
    );
    expect(compact(text)).toMatch(/planningit,\d+withitintheirtop3\)/);
    expect(text).not.toContain("top recommendation for");
  });

  it("counts the common countermeasures as the unit plan page it is downloaded from does", async () => {
    const page = await getUnitPlan(org.coach, org.unit.slug);
    const file = await buildOrgUnitPlanExport(org.coach, {
      unitSlug: org.unit.slug,
      format: "json",
      cycle: null,
    });
    const document = orgUnitPlanExportSchema.parse(JSON.parse(await readExportText(file.body)));
    const summary = buildUnitSummary(document.teams);
    expect(summary.common).toEqual(page.common.slice(0, SUMMARY_COMMON_LIMIT));
    expect(summary.common.length).toBeGreaterThan(0);
    // The 決済チーム team has no 2026 Q3 result: its 2026 Q2 ranking counts on both.
    expect(page.commonBasis).toEqual({ cycleName: "2026 Q3", teamsRanked: 2, teamsRankedEarlier: 1 });
    expect(commonCountermeasuresNote(summary, document.cycle.name)).toBe(
      commonCountermeasuresNote(page.commonBasis!, page.commonBasis!.cycleName),
    );
  });

  it("names the teams without a result this cycle, and gives a page only to those with something to show", () => {
    expect(compact(text)).toContain(compact("No result this cycle: Quiet Team, 決済チーム."));
    expect(compact(text)).toContain(compact("Команда Ω: remediation plan"));
    expect(compact(text)).toContain(compact("決済チーム: remediation plan"));
    expect(compact(text)).toContain(
      compact("No result this cycle: 決済チーム has not submitted an assessment for 2026 Q3."),
    );
    expect(compact(text)).toMatch(
      /Lastresult,from2026Q2,submitted10Jun2026:(None|Low|Medium|High|Critical)—/,
    );
    expect(compact(text)).toContain(compact("It is not counted as 2026 Q3's result."));
    expect(compact(text)).not.toContain(compact(`${quiet.name}: remediation plan`));
    expect(pages).toBe(3);
  });

  it("embeds the project's Unicode fonts instead of the built-in Helvetica", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DroidSansFallback/);
    expect(raw).not.toContain("/Helvetica");
  });
});
