import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

// Signs in through the real OpenID Connect provider started beside the app (e2e/support/oidc-provider.ts);
// its development login form accepts any password for the logins it knows.

async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  // Password sign-in stays available beside single sign-on.
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.getByRole("link", { name: "Continue with Example SSO" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:3101\//);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password will do");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:3100\//);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("single sign-on", () => {
  test("a new person lands with no role and a clear message, then sees their team once an admin gives a role", async ({
    page,
    browser,
  }) => {
    // Two people, two sign-ins and an admin page: more than the default half minute on a busy machine.
    test.setTimeout(60_000);
    await signInThroughProvider(page, "newcomer");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Noor Newcomer" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Ask an admin for access" })).toBeVisible();
    await expect(page.getByText("sso.newcomer@example.com")).toBeVisible();
    await expectNoAxeViolations(page);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, demoUsers.admin);
    await admin.goto("/admin/people?q=sso.newcomer");
    await admin.getByRole("link", { name: "Noor Newcomer" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Noor Newcomer" })).toBeVisible();
    await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Team member" });
    await admin.getByLabel("Team", { exact: true }).selectOption({ label: "Checkout" });
    await admin.getByRole("button", { name: "Give role" }).click();
    await expect(admin.getByText("Role given: Team member.")).toBeVisible();
    await admin.goto("/admin/audit?action=person.");
    await expect(
      admin.getByText(
        "Noor Newcomer (sso.newcomer@example.com) signed in through single sign-on for the first time",
      ),
    ).toBeVisible();
    await adminContext.close();

    await page.reload();
    await expect(page.getByRole("heading", { name: "Ask an admin for access" })).toHaveCount(0);
    await page.goto("/team");
    await expect(page.getByRole("link", { name: "Checkout", exact: true }).first()).toBeVisible();
  });

  test("the configured group mapping gives a new person their role at once", async ({ page }) => {
    await signInThroughProvider(page, "mapped-coach");
    await expect(page.getByRole("heading", { name: "Ask an admin for access" })).toHaveCount(0);
    await page.goto("/plans");
    await expect(page.getByRole("link", { name: "Logistics" }).first()).toBeVisible();
  });

  test("an existing person is joined to their single sign-on by their verified email", async ({ page }) => {
    await signInThroughProvider(page, "search-lead");
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByText("lead.search@example.com")).toBeVisible();
    await page.goto("/team");
    await expect(page.getByRole("link", { name: "Search", exact: true }).first()).toBeVisible();
  });

  test("an unverified email is not joined to an existing person, and the sign-in page says why", async ({
    page,
  }) => {
    await signInThroughProvider(page, "unverified-member");
    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByRole("alert").filter({ hasText: "An account with this email" })).toContainText(
      "did not confirm that the email is yours",
    );
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
