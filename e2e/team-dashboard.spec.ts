import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { expectNoAccessibilityViolations } from "./support/questionnaire";

/** A team lead no other spec acts for, so plan items added here meet no one else's. */
const LEAD = "lead.warehouse-ops@example.com";
const DASHBOARD = "/team/warehouse-ops/dashboard";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const remediation = (page: Page) => page.getByRole("region", { name: "Top remediation steps" });
/** Lines recharts draws, one path per series (dots are separate elements). */
const drawnLines = (page: Page) => page.locator(".recharts-line-curve");

test.describe("the team dashboard leads to the plan", () => {
  test("a lead adds a top remediation step to the plan from the dashboard", async ({ page }) => {
    await signIn(page, LEAD);
    await page.goto(DASHBOARD);
    const steps = remediation(page).getByRole("listitem");
    await expect(steps.first()).toBeVisible();
    const add = remediation(page)
      .getByRole("button", { name: /^Add to plan: / })
      .first();
    const name = (await add.getAttribute("aria-label"))!.replace(/^Add to plan: /, "");
    await add.click();
    const added = remediation(page).getByRole("status").filter({ hasText: "Added to the plan" });
    await expect(added).toBeVisible();
    await expect(added).toBeFocused();

    // After a reload the step says it is in the plan, and the plan lists it.
    await page.reload();
    await expect(
      remediation(page).getByRole("link", {
        name: new RegExp(`^View it in the plan\\s*: ${escapeRegExp(name)}$`),
      }),
    ).toBeVisible();
    await remediation(page)
      .getByRole("link", { name: /remediation plan$/ })
      .click();
    await expect(page).toHaveURL(/\/team\/warehouse-ops\/plan/);
    await expect(page.getByText(name).first()).toBeVisible();
  });

  test("the head of engineering reads the steps with one link to the plan and no Add buttons", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto(DASHBOARD);
    await expect(remediation(page).getByRole("listitem").first()).toBeVisible();
    await expect(remediation(page).getByRole("button", { name: /^Add to plan/ })).toHaveCount(0);
    await expect(remediation(page).getByRole("link", { name: /remediation plan$/ })).toBeVisible();
  });
});

test.describe("the trend chart", () => {
  test("opens on the average and the riskiest pitfalls; the reader adds and removes lines", async ({
    page,
  }) => {
    await signIn(page, LEAD);
    await page.goto(DASHBOARD);
    const picker = page.getByRole("group", { name: "Lines on the chart" });
    await picker.scrollIntoViewIfNeeded();
    const boxes = picker.getByRole("checkbox");
    await expect(boxes).toHaveCount(7);
    const checkedAtFirst = await boxes.evaluateAll(
      (inputs) => inputs.filter((input) => (input as HTMLInputElement).checked).length,
    );
    expect(checkedAtFirst).toBeGreaterThanOrEqual(1);
    expect(checkedAtFirst).toBeLessThanOrEqual(2);
    await expect(drawnLines(page)).toHaveCount(1 + checkedAtFirst);

    const unchecked = picker.locator("input[type=checkbox]:not(:checked)").first();
    await unchecked.check();
    await expect(drawnLines(page)).toHaveCount(2 + checkedAtFirst);
    await picker.locator("input[type=checkbox]:checked").first().uncheck();
    await expect(drawnLines(page)).toHaveCount(1 + checkedAtFirst);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("the team dashboard on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the chart and tables fit: the page does not scroll sideways and the scores table is one card per pitfall", async ({
    page,
  }) => {
    await signIn(page, LEAD);
    await page.goto(DASHBOARD);
    await page.getByRole("group", { name: "Lines on the chart" }).scrollIntoViewIfNeeded();
    await expect(drawnLines(page).first()).toBeVisible();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      chart: document.querySelector(".recharts-wrapper")?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    // The chart uses the card's width, not a sliver of it.
    expect(widths.chart).toBeGreaterThan(widths.window * 0.7);
    // Every column of a pitfall's row is on the screen, named beside its value, with nothing to
    // scroll sideways.
    const scores = page.getByRole("region", { name: /score, band, change, confidence and percentile/ });
    await scores.scrollIntoViewIfNeeded();
    expect(await scores.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    const firstPitfall = scores.getByRole("row").nth(1);
    for (const name of ["Score and band", "Change", "Confidence", "Percentile"]) {
      const label = firstPitfall.getByText(new RegExp(`^${name}`));
      await expect(label).toBeVisible();
      const box = (await label.boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(widths.window);
    }
    await expect(scores.getByRole("columnheader", { name: /Percentile/ })).toBeAttached();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("the bar chart's scores on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("every score figure reads at AA contrast, a near-full Critical bar's included", async ({ page }) => {
    await signIn(page, "lead.refunds@example.com");
    await page.goto("/team/refunds/dashboard?cycle=2026-q3");
    const labels = page.getByTestId("score-label");
    await expect(labels.first()).toBeVisible();
    const figures = await labels.evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const row = element.parentElement!.parentElement!.getBoundingClientRect();
        return {
          text: element.textContent ?? "",
          colour: style.color,
          background: style.backgroundColor,
          insideRow: box.right <= row.right + 0.5,
        };
      }),
    );
    expect(figures.length).toBeGreaterThan(0);
    // Refunds' 2026 Q3 has a score above 90, whose figure is pushed back onto its bar on a phone.
    expect(figures.some((figure) => Number(figure.text) > 90)).toBe(true);
    for (const figure of figures) {
      expect(contrast(figure.colour, figure.background), figure.text).toBeGreaterThanOrEqual(4.5);
      expect(figure.insideRow, `${figure.text} stays inside its row`).toBe(true);
    }
  });
});

/** WCAG contrast of two computed `rgb(r, g, b)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (colour: string) => {
    const [red, green, blue] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
  };
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}
