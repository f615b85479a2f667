import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers, signIn } from "./support/auth";
import { withDemoDatabase } from "./support/demo-database";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("API tokens", () => {
  test("a lead creates a token, sees it once, reads the API with it, revokes it, and it is refused", async ({
    page,
  }) => {
    // Two page loads with accessibility checks, three reloads and six API calls.
    test.setTimeout(90_000);
    await signIn(page, demoUsers.lead);
    await page.goto("/account");
    const section = page.getByRole("region", { name: "API tokens" });
    await expect(section).toBeVisible();
    await expect(section.getByText("You have no API tokens yet.")).toBeVisible();
    await expectNoAxeViolations(page);

    // A name is required: the field says so and nothing is created.
    await section.getByRole("button", { name: "Create token" }).click();
    await expect(section.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");

    await section.getByLabel("Token name").fill("Team wiki dashboard");
    await section.getByLabel("Expires after").selectOption("30");
    await section.getByLabel("Your current password").fill(DEMO_PASSWORD);
    await section.getByRole("button", { name: "Create token" }).click();
    const shown = section.getByTestId("new-api-token");
    await expect(shown).toHaveText(/^prt_[A-Za-z0-9_-]{43}$/);
    const token = (await shown.textContent())!;
    await expect(section.getByText("it is shown only this once")).toBeVisible();
    const row = section.getByRole("row", { name: /Team wiki dashboard/ });
    await expect(row).toContainText(token.slice(0, 10));
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");
    await expectNoAxeViolations(page);

    // Shown once: after a reload the list names the token, but the secret is gone.
    await page.reload();
    await expect(page.getByTestId("new-api-token")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(page.getByRole("row", { name: /Team wiki dashboard/ })).toBeVisible();

    // The API answers with what the lead sees: their own team.
    const authorization = { Authorization: `Bearer ${token}` };
    const teams = await page.request.get("/api/v1/teams", { headers: authorization });
    expect(teams.status()).toBe(200);
    const body = (await teams.json()) as { data: { slug: string }[]; nextCursor: string | null };
    expect(body.data.map((team) => team.slug)).toEqual(["checkout"]);
    const results = await page.request.get("/api/v1/teams/checkout/results", { headers: authorization });
    expect(results.status()).toBe(200);
    expect((await page.request.get("/api/v1/teams/search", { headers: authorization })).status()).toBe(404);

    await page.reload();
    await expect(page.getByRole("row", { name: /Team wiki dashboard/ })).not.toContainText("Never");

    // Revoking asks first; Cancel keeps the token.
    await page.getByRole("button", { name: "Revoke the token Team wiki dashboard" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke the token “Team wiki dashboard”?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await page.request.get("/api/v1/cycles", { headers: authorization })).status()).toBe(200);

    await page.getByRole("button", { name: "Revoke the token Team wiki dashboard" }).click();
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByRole("row", { name: /Team wiki dashboard/ })).toContainText("Revoked");

    const refused = await page.request.get("/api/v1/teams", { headers: authorization });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({
      status: 401,
      title: "Unauthorized",
      detail: "This token was revoked.",
    });
    // The browser's own session does not open the API either.
    expect((await page.request.get("/api/v1/teams")).status()).toBe(401);
  });

  test("revoking a token just created takes its secret off the page", async ({ page }) => {
    await signIn(page, demoUsers.coachPlatform);
    await page.goto("/account");
    const section = page.getByRole("region", { name: "API tokens" });
    await section.getByLabel("Token name").fill("Shown by mistake");
    await section.getByLabel("Your current password").fill(DEMO_PASSWORD);
    await section.getByRole("button", { name: "Create token" }).click();
    const shown = section.getByTestId("new-api-token");
    const token = (await shown.textContent())!;
    await section.getByRole("button", { name: "Revoke the token Shown by mistake" }).click();
    await page
      .getByRole("dialog", { name: "Revoke the token “Shown by mistake”?" })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await expect(section.getByRole("row", { name: /Shown by mistake/ })).toContainText("Revoked");
    await expect(shown).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
  });

  test("a token needs the current password; signing out other devices ends them; a password change revokes every token", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    // A person no other spec signs in as, whose password this test changes and then puts back.
    const email = "member.observability@example.com";
    const storedPassword = () =>
      withDemoDatabase(
        (database) =>
          database
            .prepare(
              `SELECT a.password FROM account a JOIN user u ON u.id = a.userId
               WHERE u.email = ? AND a.providerId = 'credential'`,
            )
            .get(email) as { password: string },
      ).password;
    const original = storedPassword();
    const otherDevice = await browser.newContext();
    try {
      await signIn(page, email);
      const phone = await otherDevice.newPage();
      await signIn(phone, email);

      await page.goto("/account");
      await expect(page.getByTestId("other-sessions")).toContainText(
        "Besides this one, you are signed in on 1 other browser or device.",
      );
      const section = page.getByRole("region", { name: "API tokens" });
      await section.getByLabel("Token name").fill("Status page");
      await section.getByLabel("Your current password").fill("not-my-password");
      await section.getByRole("button", { name: "Create token" }).click();
      await expect(section.getByText("Your current password is not right.").first()).toBeVisible();
      await expect(section.getByTestId("new-api-token")).toHaveCount(0);
      await section.getByLabel("Your current password").fill(DEMO_PASSWORD);
      await section.getByRole("button", { name: "Create token" }).click();
      const token = (await section.getByTestId("new-api-token").textContent())!;
      const authorization = { Authorization: `Bearer ${token}` };
      expect((await page.request.get("/api/v1/cycles", { headers: authorization })).status()).toBe(200);

      // Signing out the other devices leaves this one, the password and the token.
      await page.getByRole("button", { name: "Sign out other devices" }).click();
      await expect(page.getByText("Your other devices have been signed out.")).toBeVisible();
      await phone.goto("/account");
      await expect(phone).toHaveURL(/\/sign-in/);
      await page.reload();
      await expect(page.getByTestId("other-sessions")).toContainText("You are signed in only here.");
      expect((await page.request.get("/api/v1/cycles", { headers: authorization })).status()).toBe(200);

      // Changing the password ends every way in, the token included, and says so.
      await signIn(phone, email);
      await page.getByLabel("Current password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel("New password", { exact: true }).fill("a-password-of-my-own");
      await page.getByLabel("Repeat the new password").fill("a-password-of-my-own");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page).toHaveURL(/\/account\?password=changed$/);
      await expect(page.getByRole("region", { name: "Change password" }).getByRole("status")).toHaveText(
        "Password changed. Your other devices have been signed out and your API tokens revoked: create new tokens where you need them.",
      );
      const refused = await page.request.get("/api/v1/cycles", { headers: authorization });
      expect(refused.status()).toBe(401);
      expect(await refused.json()).toMatchObject({ detail: "This token was revoked." });
      await phone.goto("/account");
      await expect(phone).toHaveURL(/\/sign-in/);
      // This browser stays signed in, with the new session, and lists the token as revoked.
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
      await expect(page.getByRole("row", { name: /Status page/ })).toContainText("Revoked");
    } finally {
      await otherDevice.close();
      withDemoDatabase((database) =>
        database
          .prepare(
            `UPDATE account SET password = ? WHERE providerId = 'credential'
             AND userId = (SELECT id FROM user WHERE email = ?)`,
          )
          .run(original, email),
      );
    }
  });

  test("the API reference is readable, linked from the account page, and reads well on a phone", async ({
    page,
  }) => {
    await signIn(page, demoUsers.member);
    await page.goto("/account");
    await page.getByRole("link", { name: "read-only API" }).click();
    await expect(page).toHaveURL(/\/api-docs$/);
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "GET /api/v1/teams/{team}/results/{cycle}" }),
    ).toBeVisible();
    await expect(page.locator("#problem-too-many-requests")).toContainText("Retry-After");
    await expectNoAxeViolations(page);

    const document = await page.request.get("/api/v1/openapi.json");
    expect(document.status()).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe("3.1.0");

    for (const path of ["/api-docs", "/account"]) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      await expectNoSidewaysScroll(page);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  });

  test("an unknown API address and a write answer problem documents, not the HTML page or an empty body", async ({
    request,
  }) => {
    const unknown = await request.get("/api/v1/teamz");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toBe("application/problem+json");
    expect(await unknown.json()).toMatchObject({ status: 404, type: "/api-docs#problem-not-found" });

    const write = await request.delete("/api/v1/teams/checkout");
    expect(write.status()).toBe(405);
    expect(write.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(await write.json()).toMatchObject({
      status: 405,
      detail: "The API is read-only: /api/v1/teams/checkout answers GET only.",
    });

    // The reference explains both, at the anchors their type points to.
    const reference = await (await request.get("/api-docs")).text();
    expect(reference).toContain('id="problem-not-found"');
    expect(reference).toContain('id="problem-method-not-allowed"');
  });
});
