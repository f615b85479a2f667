import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("a coach's home page", () => {
  test("counts the coach's own units, as their heatmap does, and leads to the same views", async ({
    page,
  }) => {
    await signIn(page, demoUsers.coachPlatform);
    await page.goto("/");
    await expect(
      page.getByRole("heading", { level: 2, name: "Your units: Core Platform, Data Platform and Logistics" }),
    ).toBeVisible();
    const figure = async (label: string) =>
      // The figure's link also carries words for screen readers ("3 Your org units: show them").
      Number.parseInt(
        await page.getByText(label, { exact: true }).locator("xpath=following-sibling::*[1]").innerText(),
        10,
      );
    const teams = await figure("Your product teams");
    expect(await figure("Your org units")).toBe(3);
    const counts = {
      submitted: await figure("Submitted"),
      draft: await figure("Draft"),
      notStarted: await figure("Not started"),
    };
    const atRisk = page.getByRole("region", { name: "Where your units are at risk" });
    await expect(atRisk).toContainText(/teams? ha(s|ve) a pitfall at Critical in the current cycle/);
    await expect(atRisk.getByRole("link", { name: /^Biggest changes since 2026 Q3$/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The figures lead to the coach's heatmap, filtered to what they count, which agrees with them.
    await page.getByRole("link", { name: `${counts.notStarted} Not started: show them` }).click();
    await expect(page).toHaveURL(/\/org\?cycle=2026-q4&completion=not-started$/);
    await expect(page.getByRole("status").filter({ hasText: /submitted,/ })).toContainText(
      `${counts.submitted} submitted, ${counts.draft} in draft, ${counts.notStarted} not started. Showing ${counts.notStarted} of ${teams} teams`,
    );
  });
});

test.describe("home page and health", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, demoUsers.head);
  });

  test("the home page shows the product, the demo organisation and the seven pitfalls", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Pitfall Radar");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You Build It You Run It");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

    // Demo mode loaded 5 org units and 24 teams, with the current quarter open.
    await expect(page.getByRole("heading", { level: 2, name: "The whole organisation" })).toBeVisible();
    await expect(page.getByText("Org units", { exact: true }).locator("..")).toContainText("5");
    await expect(page.getByText("Product teams", { exact: true }).locator("..")).toContainText("24");
    await expect(page.getByText("Current cycle", { exact: true })).toBeVisible();
    // The open cycle's date is the teams' due date; it does not close by itself on that day.
    await expect(page.getByText(/^2026 Q4 \(due \d{1,2} [A-Z][a-z]+ \d{4}\)$/)).toBeVisible();

    const pitfallLinks = page.getByRole("region", { name: "The seven pitfalls" }).getByRole("listitem");
    await expect(pitfallLinks).toHaveCount(7);
    await pitfallLinks.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/playbook\/linear-run-costs$/);
  });

  test("the home page has no WCAG 2.2 A/AA violations", async ({ page }) => {
    await page.goto("/");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("the page carries security headers and a favicon", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    const html = await response.text();
    expect(html).toMatch(/<link rel="icon" href="\/icon\.svg/);
    expect((await request.get("/icon.svg")).status()).toBe(200);
  });

  test("the health endpoint reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers()["cache-control"]).toContain("no-store");
  });
});
