import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

// In the demo's open quarter four submitted teams also answered on their own and were split on two
// questions each; Card Processing and Warehouse Ops also ran the anonymous pulse (see README).
/** The open quarter's key ("2026-q4"), read from the heatmap's cycle filter. */
async function currentQuarterKey(page: Page): Promise<string> {
  await page.goto("/org");
  const value = await page.getByLabel("Cycle", { exact: true }).inputValue();
  return value;
}

const SPLIT_TEAMS = ["Billing", "Card Processing", "ML Platform", "Warehouse Ops"];

test.describe("where a team's own answers disagree, for the head of engineering", () => {
  test("the heatmap marks split cells in words and filters on the split teams", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    const table = page.getByRole("table", { name: /Risk scores of/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("link", { name: /team split on \d+ questions?/ }).first()).toBeVisible();

    await page.getByLabel("Team's own answers").selectOption("split");
    await expect(page).toHaveURL(/agreement=split/);
    const rows = page.getByRole("table", { name: /Risk scores of/ }).locator("[data-team-row]");
    // The demo's four split teams, and any team another journey submitted split in the meantime.
    await expect.poll(() => rows.count()).toBeLessThan(10);
    const splitCount = await rows.count();
    const names = (await rows.locator("th").allInnerTexts()).map((name) => name.trim());
    for (const team of SPLIT_TEAMS) expect(names).toContain(team);
    for (const row of await rows.all())
      await expect(row.getByRole("link", { name: /team split on \d+ questions?/ }).first()).toBeVisible();
    await page.getByLabel("Team's own answers").selectOption("any");
    await expect(page).not.toHaveURL(/agreement=split/);
    await expect.poll(() => rows.count()).toBeGreaterThan(splitCount);
    // The navigation's metadata (the title) can land a moment after the rows.
    await expect(page).toHaveTitle(/Organisation/);
    await expectNoAxeViolations(page);
  });

  test("a split team's dashboard and why this score show the disagreement and the pulse", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/team/card-processing/dashboard");
    const scores = page.getByRole("region", { name: "Scores by pitfall" });
    await expect(scores.getByText(/Team split on \d+ questions?/).first()).toBeVisible();
    const pulse = page.getByRole("region", { name: /Anonymous pulse, / });
    await expect(pulse).toContainText("4 people answered");
    await expect(pulse.getByText(/\d+ of 4/).first()).toBeVisible();
    // Counts only: no answerer's name anywhere on the page.
    for (const name of ["Noor Haddad", "Theo Lindqvist"]) await expect(page.getByText(name)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/team/card-processing/dashboard/limited-on-call-schedule");
    await expect(page.getByRole("region", { name: /anonymous pulse/ })).toBeVisible();
    await expect(page.getByText(/Anonymous pulse: the answers average \d+/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the result page shows where the team disagreed and its anonymous pulse", async ({ page }) => {
    await signIn(page, demoUsers.head);
    const cycle = await currentQuarterKey(page);
    await page.goto(`/team/card-processing/results/${cycle}`);
    const disagreed = page.getByRole("region", { name: /Where the team disagreed/ });
    await expect(disagreed).toBeVisible();
    const pulse = page.getByRole("region", { name: /Anonymous pulse, / });
    await expect(pulse).toContainText("4 people answered");
    await expectNoAxeViolations(page);
  });

  test("the coach reads how the team answered on their own, in counts; a member may not", async ({
    page,
    browser,
  }) => {
    await signIn(page, demoUsers.coach);
    await page.goto("/team/card-processing");
    await page.getByRole("link", { name: "How the team answered" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Card Processing: how the team answered" }),
    ).toBeVisible();
    await expect(
      page.getByText("4 people have answered on their own; the team is split on 2 questions."),
    ).toBeVisible();
    await expect(page.getByText("Team split", { exact: false }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    const memberPage = await browser.newPage();
    await signIn(memberPage, "member.card-processing@example.com");
    await memberPage.goto("/team/card-processing");
    await expect(memberPage.getByRole("link", { name: "How the team answered" })).toHaveCount(0);
    const response = await memberPage.goto("/team/card-processing/assessment/spread");
    expect(response?.status()).toBe(404);
    await memberPage.close();
  });
});
