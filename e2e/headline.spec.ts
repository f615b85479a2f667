/**
 * A team's headline is never an average alone. Two Data Platform teams are given stored results for
 * the closed 2026 Q3 cycle: Analytics with one Critical pitfall among quiet ones (a Low average), and
 * Data Quality with every pitfall Medium (a higher average, nothing High). The result page must lead
 * with Critical, and the heatmap must put Analytics above Data Quality.
 */
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { withDemoDatabase } from "./support/demo-database";

const CYCLE = "2026 Q3";
const CRITICAL_TEAM = { slug: "analytics", name: "Analytics" };
const MEDIUM_TEAM = { slug: "data-quality", name: "Data Quality" };

interface StoredRow {
  id: string;
  pitfallId: string;
  status: string;
  score: number | null;
  band: string | null;
  detail: string;
}

interface StoredAssessment {
  id: string;
  overallScore: number | null;
  overallBand: string | null;
  rows: StoredRow[];
}

/** An older stored result still listing a symptom and a next step for a pitfall in band None. */
const STALE_DETAIL = JSON.stringify({
  contributions: [],
  triggeredSymptoms: [{ symptomId: "stale-symptom", title: "A symptom an older result listed" }],
  triggeredCauses: [],
  countermeasures: [
    {
      countermeasureId: "stale-step",
      action: "A next step an older result listed",
      rationale: "it was listed",
      addresses: [],
      addressesTriggered: [],
      riskRemoved: 2.6,
    },
  ],
});

function readAssessment(teamSlug: string): StoredAssessment {
  return withDemoDatabase((database) => {
    const assessment = database
      .prepare(
        `SELECT a.id, a.overallScore, a.overallBand FROM assessment a
         JOIN team t ON t.id = a.teamId JOIN cycle c ON c.id = a.cycleId
         WHERE t.slug = ? AND c.name = ? AND a.status = 'submitted'`,
      )
      .get(teamSlug, CYCLE) as Omit<StoredAssessment, "rows"> | undefined;
    if (!assessment) throw new Error(`${teamSlug} has no submitted ${CYCLE} assessment in the demo data`);
    const rows = database
      .prepare("SELECT id, pitfallId, status, score, band, detail FROM pitfall_result WHERE assessmentId = ?")
      .all(assessment.id) as StoredRow[];
    return { ...assessment, rows };
  });
}

/** Writes results as submission stores them, and moves the version so cached dashboards refresh. */
function writeAssessment(assessment: StoredAssessment): void {
  withDemoDatabase((database) => {
    const updateRow = database.prepare(
      "UPDATE pitfall_result SET status = ?, score = ?, band = ?, detail = ? WHERE id = ?",
    );
    database.transaction(() => {
      for (const row of assessment.rows) updateRow.run(row.status, row.score, row.band, row.detail, row.id);
      database
        .prepare(
          "UPDATE assessment SET overallScore = ?, overallBand = ?, version = version + 1 WHERE id = ?",
        )
        .run(assessment.overallScore, assessment.overallBand, assessment.id);
    })();
  });
}

function bandOf(score: number): string {
  if (score >= 80) return "critical";
  if (score >= 60) return "high";
  if (score >= 30) return "medium";
  if (score >= 10) return "low";
  return "none";
}

/** Every pitfall at `others`, except Excessive BAU at `bau`; the stored overall is the average. */
function withScores(assessment: StoredAssessment, bau: number, others: number): StoredAssessment {
  const rows = assessment.rows.map((row) => {
    const score = row.pitfallId === "excessive-bau" ? bau : others;
    return {
      ...row,
      status: "scored",
      score,
      band: bandOf(score),
      detail: bandOf(score) === "none" ? STALE_DETAIL : row.detail,
    };
  });
  const average = Math.round((rows.reduce((sum, row) => sum + row.score!, 0) / rows.length) * 10) / 10;
  return { ...assessment, rows, overallScore: average, overallBand: bandOf(average) };
}

const heatmapRows = (page: Page) =>
  page.getByRole("table", { name: /Risk scores of/ }).locator("tr[data-team-row]");

test.describe("a team's headline leads with its worst pitfall", () => {
  let originals: StoredAssessment[] = [];

  test.beforeAll(() => {
    originals = [readAssessment(CRITICAL_TEAM.slug), readAssessment(MEDIUM_TEAM.slug)];
    // Analytics: Excessive BAU 89.7 (Critical), six pitfalls at 5.0 (None): average 17.1, Low.
    writeAssessment(withScores(originals[0]!, 89.7, 5));
    // Data Quality: seven pitfalls at 55.0 (Medium): average 55.0, nothing High.
    writeAssessment(withScores(originals[1]!, 55, 55));
  });

  test.afterAll(() => {
    for (const original of originals) writeAssessment(original);
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, demoUsers.head);
  });

  test("the result page shows Critical, not the Low average, and nothing for pitfalls in band None", async ({
    page,
  }) => {
    await page.goto(`/team/${CRITICAL_TEAM.slug}/results/2026-q3`);
    const headline = page.getByRole("region", { name: "Headline" }).getByTestId("team-headline");
    // The band reads as it does in every table and export: "Critical", not "Critical risk".
    await expect(headline).toHaveText(/^Critical\s*1 pitfall High or Critical/);
    await expect(headline).toContainText("worst: Excessive BAU 89.7");
    await expect(headline).toContainText("average 17.1");
    await expect(headline).not.toContainText("Low");

    // The stale detail of the quiet pitfalls lists a symptom and a next step: neither is shown.
    await expect(page.getByText("A symptom an older result listed")).toHaveCount(0);
    await expect(page.getByText("A next step an older result listed")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Symptoms seen" })).toHaveCount(0);

    // Readable on a 390 px screen: the headline wraps instead of overflowing.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(headline).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the heatmap sorts the Critical team above the team with a higher average but no High pitfall", async ({
    page,
  }) => {
    // The default sort is the headline, riskier first.
    await page.goto("/org?cycle=2026-q3&unit=data-platform");
    const names = (await heatmapRows(page).locator("th").allInnerTexts()).map((name) => name.trim());
    expect(names).toContain(CRITICAL_TEAM.name);
    expect(names).toContain(MEDIUM_TEAM.name);
    expect(names.indexOf(CRITICAL_TEAM.name)).toBeLessThan(names.indexOf(MEDIUM_TEAM.name));

    const overall = (teamName: string) =>
      heatmapRows(page)
        .filter({ has: page.getByRole("rowheader", { name: teamName }) })
        .locator("td")
        // After Completion, the first score column.
        .nth(1);
    await expect(overall(CRITICAL_TEAM.name)).toHaveText(/^Critical · 1 pitfall/);
    await expect(overall(CRITICAL_TEAM.name).getByRole("link")).toHaveAccessibleName(
      /^Critical: 1 pitfall High or Critical, worst Excessive BAU 89\.7, average 17\.1/,
    );
    // No pitfall High or Critical: the band alone, without a count.
    await expect(overall(MEDIUM_TEAM.name)).toHaveText(/^Medium(?! ·)/);

    // Sorting by Overall explicitly, riskiest first, keeps the same order; least risky first reverses it.
    await page.goto("/org?cycle=2026-q3&unit=data-platform&sort=overall&dir=asc");
    const ascending = (await heatmapRows(page).locator("th").allInnerTexts()).map((name) => name.trim());
    expect(ascending.indexOf(MEDIUM_TEAM.name)).toBeLessThan(ascending.indexOf(CRITICAL_TEAM.name));
  });

  test("the team dashboard leads with the headline too, on a narrow screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/team/${CRITICAL_TEAM.slug}/dashboard?cycle=2026-q3`);
    const headline = page.getByTestId("team-headline").first();
    await expect(headline).toHaveText(/^Critical\s*1 pitfall High or Critical/);
    // Nothing overflows the narrow screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByText("A symptom an older result listed")).toHaveCount(0);
  });
});

test.describe("a headline names no pitfall for which nothing was found", () => {
  let original: StoredAssessment | null = null;

  /** Marks every result row of the team as found or not, as submission stores it. */
  function markEvidence(assessmentId: string, found: boolean): void {
    withDemoDatabase((database) => {
      database
        .prepare("UPDATE pitfall_result SET evidenceFound = ? WHERE assessmentId = ?")
        .run(found ? 1 : 0, assessmentId);
      database.prepare("UPDATE assessment SET version = version + 1 WHERE id = ?").run(assessmentId);
    });
  }

  test.beforeAll(() => {
    original = readAssessment(MEDIUM_TEAM.slug);
    // Data Quality: Excessive BAU 25.0 and six pitfalls at 20.0, all Low, with nothing found.
    writeAssessment(withScores(original, 25, 20));
    markEvidence(original.id, false);
  });

  test.afterAll(() => {
    if (!original) return;
    writeAssessment(original);
    markEvidence(original.id, true);
  });

  test("the result page and the heatmap say that no pitfall shows symptoms", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto(`/team/${MEDIUM_TEAM.slug}/results/2026-q3`);
    const headline = page.getByRole("region", { name: "Headline" }).getByTestId("team-headline");
    await expect(headline).toHaveText(/^Low\s*no pitfall shows symptoms\s*·\s*average 20\.7/);
    await expect(headline).not.toContainText("Excessive BAU");

    await page.goto("/org?cycle=2026-q3&unit=data-platform");
    const overall = heatmapRows(page)
      .filter({ has: page.getByRole("rowheader", { name: MEDIUM_TEAM.name }) })
      .locator("td")
      .nth(1);
    await expect(overall.getByRole("link")).toHaveAccessibleName(
      /^Low: no pitfall shows symptoms, average 20\.7/,
    );
  });
});
