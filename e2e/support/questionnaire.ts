/** Checks shared by the questionnaire journeys. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([]);
}

/** The questionnaire's save status reads "Saved" once every change has reached the server. */
export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
}

/** Opens a section from the section list; focus moves to its heading. */
export async function openSection(page: Page, title: string) {
  await page
    .getByRole("navigation", { name: "Questionnaire sections" })
    .getByRole("link", { name: new RegExp(`^${title}`) })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeFocused();
}
