import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

test("a person turns one kind of email off on their account page, and it stays off", async ({ page }) => {
  await signIn(page, demoUsers.member);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email notifications" });
  await expect(section.getByText("does not send email yet")).toBeVisible();
  const digest = section.getByRole("checkbox", { name: "Weekly digest of overdue plan items" });
  await expect(digest).toBeChecked();
  await digest.uncheck();
  await section.getByRole("button", { name: "Save email choices" }).click();
  await expect(section.getByRole("status")).toHaveText("Your email choices are saved.");

  await page.reload();
  await expect(
    section.getByRole("checkbox", { name: "Weekly digest of overdue plan items" }),
  ).not.toBeChecked();
  await expect(section.getByRole("checkbox", { name: "Reminders before a cycle is due" })).toBeChecked();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await section.getByRole("checkbox", { name: "Weekly digest of overdue plan items" }).check();
  await section.getByRole("button", { name: "Save email choices" }).click();
  await expect(section.getByRole("status")).toHaveText("Your email choices are saved.");
});
