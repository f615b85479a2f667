import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { demoUsers, signIn } from "./support/auth";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

const BAND_ORDER = ["None", "Low", "Medium", "High", "Critical"];

/** [band, High-or-Critical pitfalls, worst score, average] from an Overall cell's accessible name. */
function headlineKey(label: string): number[] {
  const match =
    /^(None|Low|Medium|High|Critical): (?:no pitfall|(\d+) pitfalls?) High or Critical, (?:worst|highest) .* (\d+\.\d), average (\d+\.\d)/.exec(
      label,
    );
  expect(match, `an Overall cell reads "${label}"`).not.toBeNull();
  return [BAND_ORDER.indexOf(match![1]!), Number(match![2] ?? 0), Number(match![3]), Number(match![4])];
}

function compareKeysRiskierFirst(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return b[index]! - a[index]!;
  return 0;
}

const heatmap = (page: Page) => page.getByRole("table", { name: /Risk scores of/ });
const teamRows = (page: Page) => heatmap(page).locator("tr[data-team-row]");
const unitToggles = (page: Page) => heatmap(page).locator("th[scope=rowgroup] button");

test.describe("organisation heatmap for the head of engineering", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, demoUsers.head);
  });

  test("filters by unit and band, sorts, and follows a cell to the team's pitfall detail", async ({
    page,
  }) => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
    await expect(unitToggles(page)).toHaveCount(5);
    await expect(teamRows(page)).toHaveCount(24);

    // A closed cycle, so the band filter has scores for every team whatever other specs submit.
    await page.getByLabel("Cycle", { exact: true }).selectOption("2026-q3");
    await page.getByLabel("Org unit", { exact: true }).selectOption("payments");
    await page.getByLabel("Teams with any pitfall at").selectOption("high");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/cycle=2026-q3/);
    await expect(page).toHaveURL(/unit=payments/);
    await expect(page).toHaveURL(/band=high/);
    await expect(unitToggles(page)).toHaveCount(1);
    await expect(unitToggles(page)).toContainText("Payments");
    const filteredCount = await teamRows(page).count();
    expect(filteredCount).toBeGreaterThan(0);
    expect(filteredCount).toBeLessThanOrEqual(5);
    for (const row of await teamRows(page).all()) {
      // Every remaining team has at least one cell at high or critical, named so for screen readers.
      await expect(row.getByRole("link", { name: /^\d+\.\d (High|Critical)/ }).first()).toBeVisible();
    }

    // Riskier teams first by default: the Overall column (the team headline) is the sort.
    await expect(page.getByRole("columnheader", { name: /Overall/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    const riskKeys = async () =>
      (
        await teamRows(page)
          // Overall: after Completion, the first score column.
          .locator("td:nth-of-type(2) a")
          .evaluateAll((links) => links.map((link) => link.getAttribute("aria-label") ?? ""))
      ).map(headlineKey);
    const descending = await riskKeys();
    expect(descending.length).toBe(filteredCount);
    expect(descending).toEqual([...descending].sort(compareKeysRiskierFirst));

    await page.getByRole("link", { name: /^Overall\W+sort ascending/ }).click();
    // Overall is the default sort, so only the direction appears in the URL.
    await expect(page).toHaveURL(/dir=asc/);
    await expect(page.getByRole("columnheader", { name: /Overall/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    const ascending = await riskKeys();
    expect(ascending).toEqual([...ascending].sort((a, b) => compareKeysRiskierFirst(b, a)));

    const firstRow = teamRows(page).first();
    const teamName = (await firstRow.locator("th").innerText()).trim();
    // The first pitfall's cell (Overall, before it, leads to the team's dashboard).
    const cell = firstRow.locator("td:nth-of-type(3) a");
    await cell.click();
    await expect(page).toHaveURL(/\/team\/[a-z0-9-]+\/dashboard\/[a-z-]+\?cycle=2026-q3/);
    await expect(page.getByRole("heading", { level: 1, name: /^Why this score:/ })).toBeVisible();
    await expect(page.getByText(`${teamName} · 2026 Q3`)).toBeVisible();
    await expect(page.getByRole("table", { name: /Answers and team context checks/ })).toBeVisible();
  });

  test("shows a team not yet submitted with its last result, labelled and sorted by it", async ({ page }) => {
    await page.goto("/org");
    const reading = page.getByRole("group").filter({ hasText: "Reading the heatmap" });
    await expect(reading).toContainText(
      "A team that has not submitted in this cycle shows its last result from an earlier cycle instead",
    );
    const waiting = teamRows(page).filter({ has: page.locator('td[title$="2026 Q3 result shown"]') });
    expect(await waiting.count()).toBeGreaterThan(0);
    const overall = waiting.first().locator("td:nth-of-type(2) a");
    await expect(overall).toHaveText(/^(None|Low|Medium|High|Critical)( · \d+ pitfalls?)?Q3 ’26/);
    await expect(overall).toHaveAccessibleName(/^2026 Q3 result, none yet in this cycle: /);
    // No arrow: an earlier result is not compared with anything.
    await expect(waiting.first().locator("td:nth-of-type(3) a")).not.toHaveText(/[↑↓→]/);
    await expect(waiting.first().locator("td:nth-of-type(3) a")).toHaveAttribute(
      "aria-label",
      /^2026 Q3 result, none yet in this cycle: \d+\.\d /,
    );

    // A team Critical in 2026 Q3 sorts by that result: within its unit, above every team that has
    // no result at all and every team whose result this cycle is less than Critical.
    const units = await heatmap(page)
      .locator("tbody")
      .evaluateAll((bodies) =>
        bodies.map((body) =>
          [...body.querySelectorAll("tr[data-team-row] td:nth-of-type(2)")].map(
            (cell) => cell.textContent ?? "",
          ),
        ),
      );
    const earlierCritical = /^Critical · \d+ pitfalls?Q3 ’26/;
    const unit = units.find((overalls) => overalls.some((text) => earlierCritical.test(text)));
    expect(unit, "a unit with a team Critical in 2026 Q3").toBeDefined();
    const position = unit!.findIndex((text) => earlierCritical.test(text));
    for (const later of unit!.slice(0, position)) expect(later).toMatch(/^Critical/);
  });

  test("downloads the view it shows as CSV, filters and order included, with each waiting team's last result", async ({
    page,
  }) => {
    await page.goto("/org?unit=payments&sort=team");
    await expect(teamRows(page).first()).toBeVisible();
    const link = page.getByRole("link", { name: "Download CSV of this view" });
    await expect(link).toHaveAttribute(
      "href",
      /^\/api\/exports\/heatmap\.csv\?cycle=\d{4}-q[1-4]&unit=payments&sort=team$/,
    );
    const downloadEvent = page.waitForEvent("download");
    await link.click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toMatch(/^heatmap-\d{4}-q[1-4]-payments\.csv$/);
    const path = await download.path();
    const csv = Papa.parse<Record<string, string>>(await readFile(path!, "utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    // The rows the table shows, in its order, with the same completion.
    const shown = await teamRows(page).evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector("th")?.textContent ?? "",
        row.querySelector("td")?.textContent ?? "",
      ]),
    );
    expect(csv.data.map((row) => [row.Team, row.Completion])).toEqual(shown);
    expect(new Set(csv.data.map((row) => row["Org unit"]))).toEqual(new Set(["Payments"]));
    // A team not yet submitted keeps its last result, named with its cycle, as the heatmap shows it.
    const waiting = csv.data.filter((row) => row["Results from"] !== "" && row["Results from"] !== row.Cycle);
    expect(waiting.length).toBeGreaterThan(0);
    for (const row of waiting) {
      expect(["Draft", "Not started"]).toContain(row.Completion);
      expect(row["Overall band (worst pitfall)"]).toMatch(/^(None|Low|Medium|High|Critical)$/);
      expect(row["Average score"]).toMatch(/^\d+\.\d$/);
    }
  });

  test("a unit's arrows say they compare only its teams with a result in both cycles", async ({ page }) => {
    await page.goto("/org");
    const unitChange = heatmap(page).locator("tr td span[title]").first();
    await expect(unitChange).toHaveAttribute(
      "title",
      /(up|down) \d+ since 2026 Q3|unchanged since 2026 Q3|riskier than in 2026 Q3|less risky than in 2026 Q3/,
    );
    await expect(unitChange).toHaveAttribute("title", /, among the \d+ teams? with a result in both cycles$/);
    await expect(page.getByRole("group").filter({ hasText: "Reading the heatmap" })).toContainText(
      "A unit's arrow compares only its teams with a result in both cycles",
    );
  });

  test("collapses a unit group with a button that reports its state", async ({ page }) => {
    await page.goto("/org?unit=logistics");
    const toggle = unitToggles(page).first();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(teamRows(page).first()).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(teamRows(page).first()).toBeHidden();
    await toggle.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(teamRows(page).first()).toBeVisible();
  });

  test("closes and opens every unit at once", async ({ page }) => {
    await page.goto("/org");
    const closeAll = page.getByRole("button", { name: "Close all units" });
    const openAll = page.getByRole("button", { name: "Open all units" });
    // The demo organisation is small, so every unit starts open.
    await expect(openAll).toBeDisabled();
    await expect(teamRows(page).first()).toBeVisible();
    // From the keyboard: the pressed button has nothing left to do, but keeps focus.
    await closeAll.focus();
    await page.keyboard.press("Enter");
    await expect(teamRows(page)).toHaveCount(0);
    await expect(unitToggles(page).first()).toHaveAttribute("aria-expanded", "false");
    await expect(closeAll).toBeDisabled();
    await expect(closeAll).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Close all units");
    // Pressing it again changes nothing.
    await page.keyboard.press("Enter");
    await expect(teamRows(page)).toHaveCount(0);
    await page.keyboard.press("Shift+Tab");
    await expect(openAll).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(teamRows(page).first()).toBeVisible();
    await expect(unitToggles(page).last()).toHaveAttribute("aria-expanded", "true");
    await expect(openAll).toBeDisabled();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Open all units");
  });

  test("units that appear after clearing a filter start open too", async ({ page }) => {
    await page.goto("/org?unit=logistics");
    await expect(unitToggles(page)).toHaveCount(1);
    // "Clear" navigates in the browser, so the table keeps its state across the change.
    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(unitToggles(page)).toHaveCount(5);
    for (const toggle of await unitToggles(page).all()) {
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
    }
  });

  test("the organisation views have no accessibility violations", async ({ page }) => {
    await page.goto("/org");
    await expect(heatmap(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/org/run-cost");
    await expect(page.getByRole("heading", { level: 1, name: "Run cost" })).toBeVisible();
    await expect(page.getByText("What the rule would change")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/org/rollups");
    await expect(page.getByRole("heading", { level: 1, name: "Roll-ups" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the run-cost form recalculates with another pay rate and explains a bad one", async ({ page }) => {
    await page.goto("/org/run-cost");
    await page.getByLabel("Standby pay per schedule per week").fill("1000");
    await page.getByRole("button", { name: "Recalculate" }).click();
    await expect(page).toHaveURL(/rate=1000/);
    await expect(page.getByText(/× 1,000/).first()).toBeVisible();

    await page.goto("/org/run-cost?rate=lots");
    await expect(page.getByLabel("Standby pay per schedule per week")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByText("Enter the standby pay as a number, for example 500.")).toBeVisible();
  });
});

test("a coach sees only the teams of the units they coach", async ({ page }) => {
  await signIn(page, demoUsers.coach);
  await page.goto("/org");
  await expect(unitToggles(page)).toHaveCount(2);
  // Units come riskier first, so their order depends on the data; both are there.
  const units = await unitToggles(page).allInnerTexts();
  expect(units.some((unit) => unit.includes("Customer Experience"))).toBe(true);
  expect(units.some((unit) => unit.includes("Payments"))).toBe(true);
  await expect(teamRows(page)).toHaveCount(10);
  await expect(heatmap(page)).not.toContainText("Warehouse Ops");
  await expect(page.getByLabel("Org unit", { exact: true }).locator("option")).toHaveText([
    "All units",
    "Customer Experience",
    "Payments",
  ]);

  await page.goto("/org?unit=logistics");
  await expect(page.getByText("That org unit does not exist or is not one you can see")).toBeVisible();
  await expect(heatmap(page)).not.toContainText("Logistics");

  const response = await page.goto("/team/warehouse-ops/dashboard");
  expect(response?.status()).toBe(404);
});

test.describe("team dashboard for the team lead", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, demoUsers.lead);
  });

  test("the organisation view sends the lead to the Checkout dashboard", async ({ page }) => {
    await page.goto("/org");
    await expect(page).toHaveURL(/\/team\/checkout\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Checkout: dashboard" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }),
    ).toHaveCount(0);
  });

  test("shows scores, trend, symptoms and remediation, and explains a score", async ({ page }) => {
    await page.goto("/team/checkout/dashboard?cycle=2026-q3");
    await expect(page.getByRole("heading", { level: 1, name: "Checkout: dashboard" })).toBeVisible();
    const scores = page.getByRole("table", {
      name: /Checkout: score, band, change, confidence and percentile/,
    });
    await expect(scores.locator("tbody tr")).toHaveCount(7);
    await expect(page.getByRole("heading", { name: "Trend over cycles" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Top remediation steps" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Triggered symptoms" })).toBeVisible();
    await expect(page.locator('a[href^="/playbook/"][href*="#countermeasure-"]').first()).toBeVisible();

    await scores.getByRole("link", { name: /Excessive BAU/ }).click();
    await expect(page).toHaveURL(/\/team\/checkout\/dashboard\/excessive-bau\?cycle=2026-q3/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Why this score: Excessive BAU" }),
    ).toBeVisible();
  });

  test("another team's dashboard is not found", async ({ page }) => {
    const response = await page.goto("/team/billing/dashboard");
    expect(response?.status()).toBe(404);
  });

  test("the team dashboard has no accessibility violations", async ({ page }) => {
    await page.goto("/team/checkout/dashboard?cycle=2026-q3");
    await expect(page.getByRole("heading", { name: "Scores by pitfall" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/team/checkout/dashboard/linear-run-costs?cycle=2026-q3");
    await expect(page.getByRole("heading", { level: 1, name: /Why this score/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
