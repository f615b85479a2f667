import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** The seven pitfalls with their symptom counts, as in the source playbook. */
const PITFALLS = [
  { slug: "linear-run-costs", name: "Linear run costs", symptoms: 1 },
  { slug: "responsible-but-unaccountable", name: "Responsible but unaccountable", symptoms: 4 },
  { slug: "excessive-bau", name: "Excessive BAU", symptoms: 2 },
  { slug: "change-management-treacle", name: "Change management treacle", symptoms: 2 },
  { slug: "no-major-incident-management", name: "No major incident management", symptoms: 3 },
  { slug: "embedded-specialists", name: "Embedded specialists", symptoms: 3 },
  { slug: "limited-on-call-schedule", name: "Limited on-call schedule", symptoms: 2 },
] as const;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations).toEqual([]);
}

test.describe("playbook", () => {
  test("the index explains the model and links every pitfall", async ({ page }) => {
    await page.goto("/playbook");
    await expect(page.getByRole("heading", { level: 1, name: "Playbook" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "What You Build It You Run It is" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "How to use the assessment" })).toBeVisible();
    await expect(page.getByRole("link", { name: "how scores are calculated" })).toHaveAttribute(
      "href",
      "/playbook/scoring",
    );

    const cards = page.getByTestId("pitfall-cards");
    await expect(cards.getByRole("heading", { level: 3 })).toHaveCount(PITFALLS.length);
    for (const pitfall of PITFALLS) {
      await expect(cards.getByRole("link", { name: pitfall.name, exact: true })).toHaveAttribute(
        "href",
        `/playbook/${pitfall.slug}`,
      );
    }
    await expect(page.getByRole("complementary", { name: "Source" })).toContainText("Equal Experts");
    await expectNoAccessibilityViolations(page);
  });

  test("a pitfall card leads to its page", async ({ page }) => {
    await page.goto("/playbook");
    await page.getByTestId("pitfall-cards").getByRole("link", { name: "Excessive BAU", exact: true }).click();
    await expect(page).toHaveURL(/\/playbook\/excessive-bau$/);
    await expect(page.getByRole("heading", { level: 1, name: "Excessive BAU" })).toBeVisible();
  });

  for (const pitfall of PITFALLS) {
    test(`${pitfall.name}: content, symptom anchors and accessibility`, async ({ page }) => {
      await page.goto(`/playbook/${pitfall.slug}`);

      await expect(page.getByRole("heading", { level: 1, name: pitfall.name, exact: true })).toBeVisible();
      const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
      await expect(breadcrumb.getByRole("link", { name: "Playbook" })).toHaveAttribute("href", "/playbook");

      for (const section of [
        "Why it matters",
        "What it looks like",
        "Why it happens",
        "How to avoid it",
        "Notes",
      ]) {
        await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
      }

      const symptomHeadings = page.getByTestId("symptom-list").getByRole("heading", { level: 3 });
      await expect(symptomHeadings).toHaveCount(pitfall.symptoms);
      // Every symptom heading carries an id, so scores can link to /playbook/<pitfall>#<symptom-id>.
      for (const heading of await symptomHeadings.all()) {
        await expect(heading).toHaveAttribute("id", /^[a-z0-9]+(-[a-z0-9]+)*$/);
      }

      await expect(page.getByRole("complementary", { name: "Source" })).toContainText("Equal Experts");
      await expectNoAccessibilityViolations(page);
    });
  }

  test("a symptom anchor from a score lands on the symptom", async ({ page }) => {
    await page.goto("/playbook/responsible-but-unaccountable#inflated-availability-targets");
    const symptom = page.locator("#inflated-availability-targets");
    await expect(symptom).toHaveText("Inflated availability targets");
    await expect(symptom).toBeInViewport();
  });

  test("related pitfalls link to each other", async ({ page }) => {
    await page.goto("/playbook/excessive-bau");
    await page.getByRole("link", { name: "Limited on-call schedule", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Limited on-call schedule" })).toBeVisible();
  });

  test("an unknown pitfall is not found", async ({ page }) => {
    const response = await page.goto("/playbook/no-such-pitfall");
    expect(response?.status()).toBe(404);
  });

  test("the scoring method page renders and is accessible", async ({ page }) => {
    await page.goto("/playbook/scoring");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Playbook" }),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("the scoring method's in-page links land on their sections", async ({ page }) => {
    await page.goto("/playbook/scoring");
    await expect(page).toHaveTitle(/^How scores are calculated/);
    await page.getByRole("link", { name: "Where the thresholds come from", exact: true }).click();
    await expect(page).toHaveURL(/\/playbook\/scoring#where-the-thresholds-come-from$/);
    await expect(
      page.getByRole("heading", { level: 2, name: "Where the thresholds come from" }),
    ).toBeInViewport();
    await page.getByRole("link", { name: "Rules", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Rules", exact: true })).toBeInViewport();
  });

  test("on a 390 px phone the scoring method's tables scroll on their own, not the page", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/playbook/scoring");
    const tables = page.getByRole("region", { name: "Table" });
    expect(await tables.count()).toBeGreaterThanOrEqual(4);
    const widest = await tables.evaluateAll((regions) =>
      Math.max(...regions.map((region) => region.scrollWidth - region.clientWidth)),
    );
    expect(widest).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
