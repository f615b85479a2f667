import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { E2E_ORG_TIME_ZONE } from "./support/org-calendar";

// These tests only ever change people and org units they create themselves (unique names), so
// the demo users and counts other specs rely on stay as they are.

const PASSWORD = "first-password-123";

function unique(label: string): string {
  return `${label}${Date.now()}${Math.floor(Math.random() * 1000)}`;
}

async function addPerson(page: Page, name: string, email: string, memberOf: string) {
  await page.goto("/admin/people/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByLabel("Member of").selectOption({ label: memberOf });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** The password a person added here chooses at their first sign-in, in place of the admin's. */
const OWN_PASSWORD = "my-own-password-456";

/** Signs in a person added here for the first time: they must choose their own password first. */
async function signedInAs(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/new-password$/);
  await page.getByLabel("Password you were given").fill(PASSWORD);
  await page.getByLabel("Your new password", { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel("Repeat your new password").fill(OWN_PASSWORD);
  await page.getByRole("button", { name: "Save my password" }).click();
  await expect(page).not.toHaveURL(/\/account\/new-password/);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  return { context, page };
}

test.describe("administration", () => {
  test("an admin adds a person with a role, and that person signs in, chooses their own password first, and carries on", async ({
    page,
    browser,
  }) => {
    await signIn(page, demoUsers.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "People" })
      .click();
    await page.getByRole("link", { name: "Add a person" }).click();

    const email = `${unique("new.person.")}@example.com`;
    await addPerson(page, "Nia Brooks", email, "Notifications");
    await expect(page.getByRole("status").filter({ hasText: "Nia Brooks was added" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Team member of Notifications" })).toBeVisible();

    // The first sign-in with the admin's password leads to choosing one's own, before anything
    // else: the page they asked for waits until then.
    const newcomer = await browser.newContext().then((context) => context.newPage());
    await newcomer.goto("/account");
    await expect(newcomer).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await newcomer.getByLabel("Email").fill(email);
    await newcomer.getByLabel("Password").fill(PASSWORD);
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await expect(newcomer).toHaveURL(/\/account\/new-password\?next=%2Faccount$/);
    await expect(newcomer.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
    const axe = await new AxeBuilder({ page: newcomer })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await newcomer.goto("/team");
    await expect(newcomer).toHaveURL(/\/account\/new-password\?next=%2Fteam$/);
    await newcomer.goBack();
    // The admin's password again is refused: it must be a new one.
    await newcomer.getByLabel("Password you were given").fill(PASSWORD);
    await newcomer.getByLabel("Your new password", { exact: true }).fill(PASSWORD);
    await newcomer.getByLabel("Repeat your new password").fill(PASSWORD);
    await newcomer.getByRole("button", { name: "Save my password" }).click();
    await expect(newcomer.getByText("Choose a new password, not the current one")).toBeVisible();
    await newcomer.getByLabel("Password you were given").fill(PASSWORD);
    await newcomer.getByLabel("Your new password", { exact: true }).fill(OWN_PASSWORD);
    await newcomer.getByLabel("Repeat your new password").fill(OWN_PASSWORD);
    await newcomer.getByRole("button", { name: "Save my password" }).click();
    await expect(newcomer).toHaveURL(/\/account$/);
    await expect(newcomer.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(newcomer.getByRole("link", { name: /Nia Brooks/ })).toBeVisible();
    // Not an admin: no Admin link, and the admin pages do not exist for them.
    await expect(
      newcomer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
    ).toHaveCount(0);
    // The admin's password no longer signs them in.
    await newcomer.context().clearCookies();
    await newcomer.goto("/sign-in");
    await newcomer.getByLabel("Email").fill(email);
    await newcomer.getByLabel("Password").fill(PASSWORD);
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await expect(newcomer.locator("form [role=alert]")).toHaveText(
      "That email and password do not match an active account.",
    );
    await newcomer.context().close();
  });

  test("removing a role asks first, then the role is gone and focus is on the roles", async ({ page }) => {
    await signIn(page, demoUsers.admin);
    await addPerson(page, "Omar Reyes", `${unique("role.removal.")}@example.com`, "Notifications");
    const role = page.getByRole("rowheader", { name: "Team member of Notifications" });
    const remove = page.getByRole("button", { name: "Remove Team member of Notifications" });
    await remove.click();
    const dialog = page.getByRole("dialog", {
      name: "Remove “Team member of Notifications” from Omar Reyes?",
    });
    await expect(dialog).toContainText("ends at once");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(role).toBeVisible();
    await expect(remove).toBeFocused();

    await remove.click();
    await dialog.getByRole("button", { name: "Remove role" }).click();
    await expect(role).toHaveCount(0);
    await expect(page.getByText("No roles yet.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Roles and teams" })).toBeFocused();
  });

  test("deactivating a signed-in person signs them out on their next request", async ({ page, browser }) => {
    await signIn(page, demoUsers.admin);
    const email = `${unique("leaver.")}@example.com`;
    await addPerson(page, "Lee Leaver", email, "Search");

    const leaver = await signedInAs(browser, email);
    await leaver.page.goto("/account");
    await expect(leaver.page.getByRole("heading", { name: "Your account" })).toBeVisible();

    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate Lee Leaver?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    // Confirmed from the keyboard: the pressed button goes with the dialog, and focus moves to
    // the button that undoes it instead of falling to the top of the page.
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Yes, deactivate" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/Deactivated on .* they cannot sign in/)).toBeVisible();
    const reactivate = page.getByRole("button", { name: "Reactivate" });
    await expect(reactivate).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
    await expect(
      page.getByRole("status").filter({ hasText: "Lee Leaver was deactivated and signed out." }),
    ).toBeVisible();

    await leaver.page.goto("/account");
    await expect(leaver.page).toHaveURL(/\/sign-in/);
    await leaver.page.getByLabel("Email").fill(email);
    await leaver.page.getByLabel("Password").fill(OWN_PASSWORD);
    await leaver.page.getByRole("button", { name: "Sign in" }).click();
    await expect(leaver.page.locator("form [role=alert]")).toHaveText(
      "That email and password do not match an active account.",
    );
    await leaver.context.close();

    await page.keyboard.press("Enter");
    await expect(page.getByText(/Deactivated on .* they cannot sign in/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Deactivate" })).toBeFocused();
    await expect(
      page.getByRole("status").filter({ hasText: "Lee Leaver was reactivated and can sign in again." }),
    ).toBeVisible();
  });

  test("a team lead gets 'not found' for the admin pages", async ({ page }) => {
    await signIn(page, demoUsers.lead);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
    ).toHaveCount(0);
    for (const path of ["/admin", "/admin/people", "/admin/audit", "/admin/import"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("This page could not be found")).toBeVisible();
      await expect(page.getByRole("heading", { name: "People" })).toHaveCount(0);
    }
  });

  test("the CSV import shows the problem row of a bad file and imports a good one", async ({ page }) => {
    await signIn(page, demoUsers.admin);
    await page.goto("/admin/import");
    const id = unique("");
    const unit = `E2E Unit ${id}`;
    const team = `E2E Team ${id}`;
    const header = "type,name,email,org_unit,parent_org_unit,team,role";
    const goodRows = [
      header,
      `org_unit,${unit},,,,,`,
      `team,${team},,${unit},,,`,
      `person,Imported Person,import.${id}@example.com,,,${team},member`,
    ];
    const upload = (name: string, rows: string[]) =>
      page
        .getByLabel("CSV file")
        .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });

    await upload("bad.csv", [...goodRows, `person,Wrong Role,wrong.${id}@example.com,,,${team},manager`]);
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("heading", { name: "1 problem in bad.csv" })).toBeFocused();
    const problem = page.getByRole("row").filter({ hasText: "Unknown role “manager”" });
    await expect(problem.getByRole("rowheader")).toHaveText("5");
    await expect(problem.getByRole("cell").first()).toHaveText("role");
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

    await upload("good.csv", goodRows);
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("heading", { name: "Ready to import good.csv" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Teams to create (1)" })).toContainText(team);
    await page.getByRole("button", { name: "Import good.csv" }).click();
    await expect(page.getByRole("heading", { name: "Imported good.csv" })).toBeVisible();
    await expect(page.getByText("Created 1 org unit, 1 team and 1 person with 1 role.")).toBeVisible();

    // The new unit and team exist; archive them again so the demo organisation's counts stay as they were.
    await page.goto("/admin/org");
    await page.getByRole("link", { name: unit }).click();
    await page.getByRole("link", { name: team }).click();
    await page.getByRole("button", { name: "Archive team" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, archive" }).click();
    await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();
    await page.getByRole("link", { name: unit }).click();
    await page.getByRole("button", { name: "Archive org unit" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, archive" }).click();
    await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();

    await page.goto(`/admin/audit?action=import.`);
    await expect(page.getByRole("rowheader", { name: "import.completed" }).first()).toBeVisible();
  });

  test("an archived team's pages say it is read-only and offer no changes", async ({ page, browser }) => {
    const notice = "This team is archived: its assessments and plan can be read but not changed.";
    await signIn(page, demoUsers.admin);
    await page.goto("/admin/org");
    await page.getByRole("link", { name: "Customer Experience", exact: true }).click();
    await page.getByRole("link", { name: "Web Storefront", exact: true }).click();
    await page.getByRole("button", { name: "Archive team" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, archive" }).click();
    await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();

    const context = await browser.newContext();
    try {
      const lead = await context.newPage();
      await signIn(lead, "lead.web-storefront@example.com");
      await lead.goto("/team/web-storefront");
      await expect(lead.getByRole("note").filter({ hasText: notice })).toBeVisible();
      await expect(lead.getByRole("link", { name: /^Continue the .* assessment$/ })).toHaveCount(0);
      await expect(lead.getByRole("link", { name: "My answers" })).toHaveCount(0);

      await lead.goto("/team/web-storefront/assessment");
      await expect(lead.getByRole("note").filter({ hasText: notice })).toBeVisible();
      await expect(lead.getByRole("radio")).toHaveCount(0);
      await expect(lead.getByRole("textbox")).toHaveCount(0);

      await lead.goto("/team/web-storefront/plan");
      await expect(lead.getByRole("note").filter({ hasText: notice })).toBeVisible();
      await expect(lead.getByRole("heading", { name: "Ranked countermeasures" })).toBeVisible();
      await expect(lead.getByRole("button", { name: /^Add to plan/ })).toHaveCount(0);
      await expect(lead.getByText("Details and edit")).toHaveCount(0);

      // My team still lists it, marked read-only, rather than saying the lead has no team.
      await lead
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "My team", exact: true })
        .click();
      await expect(lead.getByRole("heading", { level: 1, name: "My teams" })).toBeVisible();
      const card = lead
        .getByRole("listitem")
        .filter({ has: lead.getByRole("link", { name: "Web Storefront" }) });
      await expect(card.getByText("Archived (read-only)")).toBeVisible();
      await expect(lead.getByText(/not a lead or member of any team/)).toHaveCount(0);
      // Nothing is due for it on the start page.
      await lead.goto("/");
      await expect(lead.getByRole("region", { name: /^Your assessments? (is|are) due$/ })).toHaveCount(0);
    } finally {
      await context.close();
      // Other specs answer for this team: it is restored whatever happened above.
      await page.getByRole("button", { name: "Unarchive" }).click();
      await expect(page.getByRole("button", { name: "Archive team" })).toBeVisible();
    }
  });

  test("a unit with active teams cannot be archived, and its Archive button says why before it is pressed", async ({
    page,
  }) => {
    await signIn(page, demoUsers.admin);
    await page.goto("/admin/org");
    await page.getByRole("link", { name: "Payments", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
    const archive = page.getByRole("button", { name: "Archive org unit" });
    await expect(archive).toHaveAttribute("aria-disabled", "true");
    await expect(archive).toHaveAccessibleDescription(
      "Payments still has 5 active teams. Move or archive them first.",
    );
    await expect(
      page.getByText("Payments still has 5 active teams. Move or archive them first."),
    ).toBeVisible();
    // Pressed anyway, by mouse (forced: Playwright would wait for an enabled button) and by keyboard.
    await archive.click({ force: true });
    await archive.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    await expect(page.getByRole("dialog", { name: "Archive Payments?" })).toBeHidden();
    await expect(archive).toBeFocused();
  });

  test("the audit log shows each moment on the organisation's clock, with the zone named", async ({
    page,
  }) => {
    await signIn(page, demoUsers.admin);
    await page.goto("/admin/audit");
    await expect(
      page.getByText(`Times are in the organisation's time zone, ${E2E_ORG_TIME_ZONE}.`),
    ).toBeVisible();
    const onOrgClock = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
      timeZone: E2E_ORG_TIME_ZONE,
    });
    // The sign-in just now is the newest event; every row's time is its instant on Berlin's clock.
    const times = page.getByRole("table", { name: /Audit events/ }).locator("time");
    await expect(times.first()).toBeVisible();
    const shown = await times.evaluateAll((elements) =>
      elements.slice(0, 10).map((element) => [element.getAttribute("datetime")!, element.textContent!]),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const [instant, text] of shown) {
      expect(text).toBe(onOrgClock.format(new Date(instant!)));
      expect(text).toMatch(/ CES?T$/);
    }
  });

  for (const path of ["/admin/people", "/admin/audit"]) {
    test(`${path} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
      await signIn(page, demoUsers.admin);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    });
  }
});
