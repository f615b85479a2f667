import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { expectNoAccessibilityViolations } from "./support/questionnaire";

/**
 * WCAG 2.2 reflow (1.4.10): at 320 CSS pixels wide every page reads without scrolling sideways
 * (a wide data table may scroll inside its own region, and its cells are not checked; a table
 * stacked into cards on a phone is checked like any other text) and no text is squeezed into a
 * column a word or two wide beside something that would not move out of its way.
 */
const PAGES_BY_ROLE: Record<string, string[]> = {
  [demoUsers.head]: [
    "/",
    "/org",
    "/org/priorities",
    "/org/rollups",
    "/org/run-cost",
    "/cycles",
    "/team/checkout",
    // Answered individually by lead and member: its summary has the longest terms.
    "/team/card-processing",
    "/team/checkout/dashboard",
    "/team/checkout/dashboard/limited-on-call-schedule",
    "/team/checkout/results/2026-q3",
    "/team/card-processing/assessment/spread",
    "/plans",
    "/playbook",
    "/playbook/scoring",
    "/account",
  ],
  [demoUsers.coach]: ["/plans/payments", "/team/billing/plan"],
  [demoUsers.lead]: ["/team/checkout/assessment", "/team/checkout/plan"],
  [demoUsers.member]: ["/team/checkout/assessment/mine", "/team/checkout/pulse"],
  [demoUsers.admin]: [
    "/admin",
    "/admin/org",
    "/admin/people",
    "/admin/people/new",
    "/admin/import",
    "/admin/audit",
  ],
};

interface ReflowReport {
  scrollWidth: number;
  innerWidth: number;
  /** Text of four words or more laid out a word or so a line: a column one word wide. */
  squeezed: string[];
}

async function reflowReport(page: Page): Promise<ReflowReport> {
  return page.evaluate(() => {
    const squeezed: string[] = [];
    const textElements = "main :is(p, li, dd, dt, td, th, caption, h1, h2, h3, label, a, span)";
    for (const element of document.querySelectorAll<HTMLElement>(textElements)) {
      if (element.closest("details:not([open])")) continue;
      // A data table may scroll sideways inside its own region (reflow's exception for tables),
      // unless it is stacked into cards on a phone (laid out as blocks).
      const table = element.closest("table");
      if (
        table &&
        getComputedStyle(table).display !== "block" &&
        table.parentElement?.matches(".overflow-x-auto")
      )
        continue;
      // Only text laid out by the element itself: none of its children is a block of its own.
      const blockChild = [...element.children].some((child) => {
        const style = getComputedStyle(child);
        return !style.display.startsWith("inline") && style.position !== "absolute";
      });
      if (blockChild) continue;
      const style = getComputedStyle(element);
      const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
      const lines = Math.round(element.getBoundingClientRect().height / lineHeight);
      const words = element.innerText.trim().split(/\s+/).length;
      if (words >= 4 && lines >= 4 && words / lines < 2) squeezed.push(element.innerText.trim().slice(0, 60));
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      squeezed,
    };
  });
}

test.describe("at 320 CSS pixels wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const [email, paths] of Object.entries(PAGES_BY_ROLE)) {
    test(`${email}'s pages reflow without scrolling sideways or squeezed text`, async ({ page }) => {
      test.setTimeout(30_000 + paths.length * 8_000);
      await signIn(page, email);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("main h1").first()).toBeVisible();
        const report = await reflowReport(page);
        expect(report.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(report.innerWidth);
        expect(report.squeezed, `${path} squeezes text`).toEqual([]);
        // WCAG 2.2 AA at this width too: target sizes, contrast, names.
        await test.step(`${path}: no accessibility violations at 320 pixels`, () =>
          expectNoAccessibilityViolations(page));
      }
    });
  }
});

test.describe("signed out, at 320 CSS pixels wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the sign-in page and the playbook reflow, and the header's Sign in stays on one line", async ({
    page,
  }) => {
    for (const path of ["/sign-in", "/playbook"]) {
      await page.goto(path);
      const report = await reflowReport(page);
      expect(report.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(report.innerWidth);
      expect(report.squeezed, `${path} squeezes text`).toEqual([]);
      await expectNoAccessibilityViolations(page);
    }
    // One line of text plus its padding (py-2): a wrapped "Sign / in" is twice that.
    const signIn = page.locator("header[data-app-header]").getByRole("link", { name: "Sign in" }).last();
    expect((await signIn.boundingBox())!.height).toBeLessThan(40);
  });
});

test("a table wider than the screen becomes a focusable region named by its caption, and only then", async ({
  page,
}) => {
  await signIn(page, demoUsers.coach);
  const history = page.getByRole("table", { name: "Past assessments of Billing, newest first" });
  const region = page.getByRole("region", { name: "Past assessments of Billing, newest first" });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/team/billing");
  await expect(history).toBeVisible();
  await expect(region).toHaveCount(0);

  // Narrowed below its two columns' width (narrower than a phone: the wider tables stack into
  // cards there), the table no longer fits: a keyboard user can reach and scroll it.
  await page.setViewportSize({ width: 240, height: 640 });
  await expect(region).toHaveAttribute("tabindex", "0");
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(region).toHaveCount(0);
});

test("on a phone a stacked table shows each row as a card, its cells beside (on a small phone, under) their column names, and stays a table", async ({
  page,
}) => {
  await signIn(page, demoUsers.coach);
  const teams = page.getByRole("table", { name: "Teams of Payments and their plans" });
  const billing = teams.getByRole("row", { name: /^Billing/ });
  const planItemsLabel = billing.locator("td", { hasText: "Plan items" }).getByText("Plan items");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/plans/payments");
  // Still a table with its column headers for screen readers, which hear each cell with its header
  // and not the name shown beside it.
  await expect(teams.getByRole("columnheader", { name: "Plan items" })).toBeAttached();
  await expect(billing.getByRole("rowheader", { name: "Billing" })).toBeVisible();
  // Latest results, plan items, open, overdue, done, dropped.
  await expect(billing.getByRole("cell")).toHaveCount(6);
  await expect(planItemsLabel).toBeVisible();
  await expect(planItemsLabel).toHaveAttribute("aria-hidden", "true");
  // The card fits the screen: no sideways scrolling, no region to scroll, the name left of the value.
  const box = (await teams.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(page.getByRole("region", { name: "Teams of Payments and their plans" })).toHaveCount(0);
  const label = (await planItemsLabel.boundingBox())!;
  const value = (await billing.locator("td", { hasText: "Plan items" }).locator("div").last().boundingBox())!;
  expect(label.x + label.width).toBeLessThanOrEqual(value.x);
  expect(Math.abs(label.y - value.y)).toBeLessThan(4);

  // On a small phone the name goes above its value, which has the card's whole width.
  await page.setViewportSize({ width: 320, height: 640 });
  const narrowLabel = (await planItemsLabel.boundingBox())!;
  const narrowValue = (await billing
    .locator("td", { hasText: "Plan items" })
    .locator("div")
    .last()
    .boundingBox())!;
  expect(narrowLabel.y + narrowLabel.height).toBeLessThanOrEqual(narrowValue.y + 1);
  expect(Math.abs(narrowLabel.x - narrowValue.x)).toBeLessThan(2);

  // On a laptop it is an ordinary table: the header row shows and the names beside the cells do not.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(teams.getByRole("columnheader", { name: "Plan items" })).toBeVisible();
  await expect(planItemsLabel).toBeHidden();
});

test.describe("the save status on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a save problem never covers the field being fixed, and its message is not squeezed on a laptop", async ({
    page,
  }) => {
    await signIn(page, "lead.delivery-tracking@example.com");
    await page.goto("/team/delivery-tracking/assessment");
    const panel = page.getByTestId("save-status-panel");
    const teamSize = page
      .getByRole("group", { name: /How many people are in your product team/ })
      .getByLabel(/Your answer/);
    // The field sits just above the bottom of the screen, where the panel grows into a long message.
    await teamSize.evaluate((field) => {
      const bottom = field.getBoundingClientRect().bottom + window.scrollY;
      window.scrollTo(0, bottom - window.innerHeight + 100);
    });
    await teamSize.fill("999");
    await expect(page.getByTestId("save-status")).toContainText("Not saved:");
    await expect
      .poll(async () => {
        const field = (await teamSize.boundingBox())!;
        const bar = (await panel.boundingBox())!;
        return field.y + field.height <= bar.y;
      })
      .toBe(true);

    // On a laptop the message keeps a readable width beside "Show the question".
    await page.setViewportSize({ width: 1280, height: 800 });
    const message = (await page.getByTestId("save-status").boundingBox())!;
    expect(message.width).toBeGreaterThanOrEqual(180);
    await teamSize.fill("8");
    await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  });
});

test.describe("the questionnaire's main button", () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`stays whole at ${viewport.width}x${viewport.height}, with a "Not saved" message showing`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "lead.delivery-tracking@example.com");
      await page.goto("/team/delivery-tracking/assessment");
      const teamSize = page
        .getByRole("group", { name: /How many people are in your product team/ })
        .getByLabel(/Your answer/);
      await teamSize.fill("999");
      await expect(page.getByTestId("save-status")).toContainText("Not saved:");
      // Scrolled to the end of the page, where the sidebar is stuck and the phone's panel is longest.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // The sidebar's button on a laptop; on a phone, the one under the questions.
      const button =
        viewport.width >= 1024
          ? page.locator("aside").getByRole("link", { name: "Review and submit" })
          : page.getByRole("link", { name: "Review and submit" }).filter({ visible: true }).last();
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      expect(box.y, "the button's top is on the screen").toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, "the button's bottom is on the screen").toBeLessThanOrEqual(viewport.height);
      const panel = (await page.getByTestId("save-status-panel").boundingBox())!;
      if (viewport.width < 1024)
        expect(box.y + box.height, "the button is above the save status").toBeLessThanOrEqual(panel.y);
      await teamSize.fill("8");
      await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
      // "Add a note" is a tap target of at least 24 px high.
      const addNote = (await page.locator("summary", { hasText: "Add a note" }).first().boundingBox())!;
      expect(addNote.height).toBeGreaterThanOrEqual(24);
    });
  }
});
