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

/**
 * People a journey adds sign in first with the password an admin set, and must replace it before
 * anything else; their later sign-ins in the same journey use the one they chose.
 */
const chosenPasswords = new Map<string, string>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const current = chosenPasswords.get(email) ?? password;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(current);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  const choosePassword = page.getByRole("heading", { level: 1, name: "Choose your password" });
  await expect(signOut.or(choosePassword)).toBeVisible();
  if (await choosePassword.isVisible()) {
    const own = `${current}-own`;
    await page.getByLabel("Password you were given").fill(current);
    await page.getByLabel("Your new password", { exact: true }).fill(own);
    await page.getByLabel("Repeat your new password").fill(own);
    await page.getByRole("button", { name: "Save my password" }).click();
    chosenPasswords.set(email, own);
  }
  await expect(signOut).toBeVisible();
}
