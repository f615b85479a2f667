import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "radar-demo-2026";

export const demoUsers = {
  admin: "admin@example.com",
  head: "head@example.com",
  coach: "coach@example.com",
  coachPlatform: "coach.platform@example.com",
  lead: "lead@example.com",
  member: "member@example.com",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}
