import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers, signIn } from "./support/auth";

test.describe("sign-in and sign-out", () => {
  test("a signed-out visitor is sent to sign in, and lands back on the app after signing in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await signIn(page, demoUsers.lead);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: /Jordan Baker/ })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a signed-out visitor following a link is brought back to it after signing in", async ({ page }) => {
    // A link from a reminder email or a bookmark, opened while signed out.
    await page.goto("/team/checkout/plan?cycle=2026-q3");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fteam%2Fcheckout%2Fplan%3Fcycle%3D2026-q3$/);
    await page.getByLabel("Email").fill(demoUsers.lead);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/team\/checkout\/plan\?cycle=2026-q3$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Checkout");
  });

  test("an unknown email and a wrong password get the same message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const formAlert = page.locator("form [role=alert]");
    await expect(formAlert).toBeVisible();
    const unknownMessage = await formAlert.textContent();

    // A fresh page, so the message below can only come from the second attempt.
    await page.goto("/sign-in");
    await expect(formAlert).toHaveCount(0);
    await page.getByLabel("Email").fill(demoUsers.member);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert).toHaveText(unknownMessage ?? "");
    expect(unknownMessage).toBe("That email and password do not match an active account.");
  });

  test("a malformed email gets a field-level message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    await signIn(page, demoUsers.lead);
    const session = (await context.cookies()).find((cookie) => cookie.name.includes("session_token"));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
  });

  test("the sign-in page has no WCAG 2.2 A/AA violations", async ({ page }) => {
    await page.goto("/sign-in");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
