import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("cycle reminders and closing", () => {
  test("the head prepares a reminder to the teams that have not submitted, and the audit log says so in words", async ({
    page,
    browser,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/cycles");
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    const closed = cycles.getByRole("row", { name: /2026 Q3/ });
    await expect(closed.getByRole("button", { name: "Reopen 2026 Q3" })).toBeDisabled();
    await expect(closed).toContainText("Close the open cycle first: one cycle is open at a time.");

    const remind = page.getByRole("region", { name: "Remind teams" });
    const teams = remind.getByRole("table", { name: "Teams that have not submitted 2026 Q4" });
    await expect(teams.getByRole("row", { name: /Refunds/ })).toContainText("Draft");
    await expect(teams.getByRole("row", { name: /Refunds/ })).toContainText("lead.refunds@example.com");
    await expectNoAccessibilityViolations(page);

    // Without an email server the app sends nothing: it prepares the email, and says so.
    await remind.getByRole("button", { name: /^Prepare a reminder for \d+ teams$/ }).click();
    await expect(remind.getByRole("status").first()).toContainText(
      /Reminder for 2026 Q4 prepared for \d+ leads of \d+ teams\. Nothing has been sent yet/,
    );
    const emails = remind.getByLabel("Leads' emails");
    await expect(emails).toHaveValue(/lead\.refunds@example\.com/);
    const mailto = remind.getByRole("link", { name: "Write the reminder email" });
    // The leads in Bcc, none in To: no lead sees the others, nor replies to all of them.
    await expect(mailto).toHaveAttribute("href", /^mailto:\?bcc=[^&]*lead\.refunds%40example\.com/);
    await expect(mailto).toHaveAttribute("href", /subject=Reminder%3A%20the%202026%20Q4%20assessment/);
    const href = (await mailto.getAttribute("href"))!;
    expect(href.length).toBeLessThanOrEqual(2_000);
    // A short email: the app's address, on the address it is served from, and no list of late teams.
    const body = new URL(href).searchParams.get("body")!;
    const appUrl = new URL(page.url()).origin;
    expect(body).toMatch(
      new RegExp(`\nYour team's questionnaire is on the start page of Pitfall Radar: ${appUrl}/$`),
    );
    expect(body).not.toContain("Refunds");

    // Closing asks first and says how many teams have not submitted; cancelling keeps it open.
    await cycles.getByRole("button", { name: "Close 2026 Q4" }).click();
    const dialog = page.getByRole("dialog", { name: "Close 2026 Q4?" });
    await expect(dialog).toContainText(/\d+ teams have not submitted/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(cycles.getByRole("row", { name: /2026 Q4/ })).toContainText("Open");

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, demoUsers.admin);
    await adminPage.goto("/admin/audit?action=reminder.");
    const row = adminPage.getByRole("row", { name: /reminder\.prepared/ }).first();
    await expect(row).toContainText(
      /Priya Natarajan prepared a reminder email about 2026 Q4 for the leads of \d+ teams: .*; Pitfall Radar did not send it/,
    );
    await row.getByText("Details").click();
    await expect(row).toContainText('"teamCount"');
    await adminContext.close();
  });

  test("a coach reminds only the teams of the units they coach", async ({ page }) => {
    await signIn(page, demoUsers.coachPlatform);
    await page.goto("/cycles");
    const remind = page.getByRole("region", { name: "Remind teams" });
    await expect(remind.getByRole("row", { name: /Returns/ })).toBeVisible();
    await expect(remind.getByRole("row", { name: /Refunds/ })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Create a cycle" })).toHaveCount(0);
  });
});
