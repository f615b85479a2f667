import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers } from "../support/auth";

const instanceA = "http://127.0.0.1:3201";
const instanceB = "http://127.0.0.1:3202";

test.describe("two app instances sharing one PostgreSQL database", () => {
  test("both instances are healthy and talk to the same database", async ({ request }) => {
    for (const base of [instanceA, instanceB]) {
      const response = await request.get(`${base}/api/health`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    }
  });

  test("a session created on one instance is valid on the other", async ({ page }) => {
    await page.goto(`${instanceA}/sign-in`);
    await page.getByLabel("Email").fill(demoUsers.head);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

    // Same host, so the browser sends the session cookie to both, as behind a load balancer.
    await page.goto(`${instanceB}/account`);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByText(demoUsers.head)).toBeVisible();

    // Signing out on B ends the session on A too: sessions live in the shared database.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto(`${instanceA}/account`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  });

  test("a save through one instance is visible through the other", async ({ page }) => {
    await page.goto(`${instanceA}/sign-in`);
    await page.getByLabel("Email").fill(demoUsers.head);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

    // The head of engineering creates the next cycle through instance A…
    await page.goto(`${instanceA}/cycles`);
    const form = page.getByRole("region", { name: "Create a cycle" });
    await form.getByRole("button", { name: "Create cycle" }).click();
    await expect(form.getByRole("status")).toContainText("2027 Q1 was created");

    // …and instance B lists it at once.
    await page.goto(`${instanceB}/cycles`);
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    await expect(cycles.getByRole("row", { name: /2027 Q1/ })).toContainText("Planned");
  });
});
