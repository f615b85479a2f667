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

  test("closing and reopening say what happened and keep focus in the row; reopening an old quarter asks first and the home page flags it", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/cycles");
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    const current = cycles.getByRole("row", { name: /2026 Q4/ });
    const old = cycles.getByRole("row", { name: /2025 Q4/ });
    try {
      await current.getByRole("button", { name: "Close 2026 Q4" }).click();
      const close = page.getByRole("dialog", { name: "Close 2026 Q4?" });
      await expect(close).toContainText("unless the cycle is reopened for corrections");
      await close.getByRole("button", { name: "Close 2026 Q4" }).click();
      // The row's button is now Reopen: the message stays, and focus is on the new button.
      const reopenCurrent = current.getByRole("button", { name: "Reopen 2026 Q4" });
      await expect(reopenCurrent).toBeFocused();
      await expect(current.getByRole("status")).toHaveText(
        "2026 Q4 is closed: its answers can no longer change unless it is reopened.",
      );

      // Reopening a closed quarter asks first, naming it, its due date and what happens.
      await old.getByRole("button", { name: "Reopen 2025 Q4" }).click();
      const reopen = page.getByRole("dialog", { name: "Reopen 2025 Q4?" });
      await expect(reopen).toContainText(
        /^Reopen 2025 Q4\?2025 Q4 \(due 15 December 2025\) becomes the current cycle for everyone: .*every team's 2025 Q4 answers can be changed again until you close it\. It is older than 2026 Q4/,
      );
      await expect(reopen.getByRole("button", { name: "Cancel" })).toBeFocused();
      await expectNoAccessibilityViolations(page);
      await page.keyboard.press("Escape");
      await expect(reopen).toBeHidden();
      await expect(old).toContainText("Closed");

      await old.getByRole("button", { name: "Reopen 2025 Q4" }).click();
      await reopen.getByRole("button", { name: "Reopen 2025 Q4" }).click();
      await expect(old.getByRole("button", { name: "Close 2025 Q4" })).toBeFocused();
      await expect(old.getByRole("status")).toHaveText(
        "2025 Q4 is open again: it is everyone's current cycle, and its answers can change until you close it.",
      );

      // The home page says the current cycle is past its due date.
      await page.goto("/");
      await expect(
        page.getByText(/^Past its due date \(\d+ days ago\): 2025 Q4 is still open/),
      ).toBeVisible();
      await expect(
        page.getByRole("link", { name: "Close it or open another on the cycles page" }),
      ).toHaveAttribute("href", "/cycles");
    } finally {
      await page.goto("/cycles");
      const openOld = old.getByRole("button", { name: "Close 2025 Q4" });
      if (await openOld.isVisible()) {
        await openOld.click();
        await page
          .getByRole("dialog", { name: "Close 2025 Q4?" })
          .getByRole("button", { name: "Close 2025 Q4" })
          .click();
        await expect(old.getByRole("button", { name: "Reopen 2025 Q4" })).toBeVisible();
      }
      const reopenCurrent = current.getByRole("button", { name: "Reopen 2026 Q4" });
      if (await reopenCurrent.isVisible()) {
        await reopenCurrent.click();
        await page
          .getByRole("dialog", { name: "Reopen 2026 Q4?" })
          .getByRole("button", { name: "Reopen 2026 Q4" })
          .click();
      }
      await expect(current.getByRole("button", { name: "Close 2026 Q4" })).toBeVisible();
    }
  });

  test("opening a planned cycle asks first and says it is early; a cycle nobody answered returns to planned", async ({
    page,
    browser,
  }) => {
    // A long journey: opening, closing and returning a cycle, and putting 2026 Q4 back as it was.
    test.setTimeout(90_000);
    await signIn(page, demoUsers.head);
    await page.goto("/cycles");
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    const current = cycles.getByRole("row", { name: /2026 Q4/ });
    // The next quarter, as the form suggests it: its "Opens on" date is still to come.
    const form = page.getByRole("region", { name: "Create a cycle" });
    const name = `${await form.getByLabel("Year").inputValue()} Q${await form.getByLabel("Quarter").inputValue()}`;
    await form.getByRole("button", { name: "Create cycle" }).click();
    await expect(form.getByRole("status")).toHaveText(
      `${name} was created. Open it when teams should start answering.`,
    );
    const planned = cycles.getByRole("row", { name: new RegExp(name) });
    try {
      await current.getByRole("button", { name: "Close 2026 Q4" }).click();
      await page
        .getByRole("dialog", { name: "Close 2026 Q4?" })
        .getByRole("button", { name: "Close 2026 Q4" })
        .click();
      await expect(current.getByRole("button", { name: "Reopen 2026 Q4" })).toBeFocused();

      // Opening asks first, says it comes before the planned date, and what opening does.
      await planned.getByRole("button", { name: `Open ${name}` }).click();
      const open = page.getByRole("dialog", { name: `Open ${name}?` });
      await expect(open).toContainText(
        new RegExp(`${name} opens \\d+ days? before its planned date, \\d+ \\w+ \\d{4}\\.`),
      );
      await expect(open).toContainText(`Teams can start answering ${name} (due `);
      await expect(open).toContainText("It becomes the current cycle for everyone");
      await expect(open.getByRole("button", { name: "Cancel" })).toBeFocused();
      await expectNoAccessibilityViolations(page);
      await open.getByRole("button", { name: "Cancel" }).click();
      await expect(open).toBeHidden();
      await expect(planned).toContainText("Planned");

      // On a phone the confirmation fits the screen, its buttons in reach.
      await page.setViewportSize({ width: 390, height: 844 });
      await planned.getByRole("button", { name: `Open ${name}` }).click();
      const box = (await open.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expect(open.getByRole("button", { name: `Open ${name} early` })).toBeInViewport();
      await open.getByRole("button", { name: `Open ${name} early` }).click();
      await expect(planned.getByRole("status")).toHaveText(
        `${name} is open: teams can start their assessments.`,
      );
      await expect(planned.getByRole("button", { name: `Close ${name}` })).toBeFocused();
      await page.setViewportSize({ width: 1280, height: 720 });

      // Closed again before any team started it, it can go back to planned, asking first.
      await planned.getByRole("button", { name: `Close ${name}` }).click();
      await page
        .getByRole("dialog", { name: `Close ${name}?` })
        .getByRole("button", { name: `Close ${name}` })
        .click();
      await expect(planned).toContainText("Closed");
      await expect(current.getByRole("button", { name: /Return to planned/ })).toHaveCount(0);
      await planned.getByRole("button", { name: `Return to planned ${name}` }).click();
      const back = page.getByRole("dialog", { name: `Return ${name} to planned?` });
      await expect(back).toContainText(`No team has an assessment in ${name}, so it can go back to planned`);
      await back.getByRole("button", { name: `Return ${name} to planned` }).click();
      await expect(planned.getByRole("status")).toHaveText(
        `${name} is planned again. Open it when teams should start answering.`,
      );
      await expect(planned).toContainText("Planned");
      await expect(planned.getByRole("button", { name: `Open ${name}` })).toBeFocused();
      await expect(planned.getByRole("button", { name: /Return to planned/ })).toHaveCount(0);

      const adminContext = await browser.newContext();
      const adminPage = await adminContext.newPage();
      await signIn(adminPage, demoUsers.admin);
      await adminPage.goto("/admin/audit?action=cycle.");
      await expect(adminPage.getByRole("row", { name: /cycle\.returned_to_planned/ }).first()).toContainText(
        `Priya Natarajan returned ${name} to planned`,
      );
      await adminContext.close();
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto("/cycles");
      const closeNew = planned.getByRole("button", { name: `Close ${name}` });
      if (await closeNew.isVisible()) {
        await closeNew.click();
        await page
          .getByRole("dialog", { name: `Close ${name}?` })
          .getByRole("button", { name: `Close ${name}` })
          .click();
        await expect(planned).toContainText("Closed");
      }
      const reopenCurrent = current.getByRole("button", { name: "Reopen 2026 Q4" });
      if (await reopenCurrent.isVisible()) {
        await reopenCurrent.click();
        await page
          .getByRole("dialog", { name: "Reopen 2026 Q4?" })
          .getByRole("button", { name: "Reopen 2026 Q4" })
          .click();
      }
      await expect(current.getByRole("button", { name: "Close 2026 Q4" })).toBeVisible();
    }
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
