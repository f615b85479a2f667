import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

/** Due dates in next year: always ahead, since a day already gone is refused. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

const UNIT_PATH = "/plans/customer-experience";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test("a coach adds one countermeasure to three teams in one go, and each team's plan shows it", async ({
  page,
}) => {
  await signIn(page, demoUsers.coach);
  await page.goto(UNIT_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Plans of Customer Experience" })).toBeVisible();

  const campaign = page.getByRole("form", { name: "Add a countermeasure to several teams" });
  const teams = campaign.getByRole("table", { name: "Teams to add the countermeasure to" });

  // The first countermeasure that none of the unit's teams has planned yet, so every tick counts.
  const countermeasure = campaign.getByLabel("Countermeasure", { exact: true });
  const options = await countermeasure.locator("option").evaluateAll((elements) =>
    elements.map((element) => ({
      value: (element as HTMLOptionElement).value,
      label: element.textContent ?? "",
    })),
  );
  let chosen: { value: string; label: string } | undefined;
  for (const option of options) {
    await countermeasure.selectOption(option.value);
    if ((await teams.getByText("Already in the plan").count()) === 0) {
      chosen = option;
      break;
    }
  }
  expect(chosen).toBeDefined();
  const action = chosen!.label.replace(/ \(top for \d+ teams?\)$/, "");

  // Exactly three teams, with a default due date for all and one team's own date.
  const rows = teams.getByRole("row").filter({ has: page.getByRole("checkbox") });
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  const checkboxes = teams.getByRole("checkbox");
  for (let index = 0; index < (await checkboxes.count()); index++) await checkboxes.nth(index).uncheck();
  const names: string[] = [];
  for (let index = 0; index < 3; index++) {
    const name = (await rows.nth(index).getByRole("rowheader").textContent())!.trim();
    names.push(name);
    await teams.getByRole("checkbox", { name }).check();
  }
  await campaign.getByLabel("Default due date", { exact: true }).fill(`${NEXT_YEAR}-03-31`);
  await teams.getByLabel(`Due date for ${names[2]}`, { exact: true }).fill(`${NEXT_YEAR}-04-30`);
  await campaign.getByRole("button", { name: "Add to the ticked teams" }).click();
  await expect(campaign.getByRole("status")).toHaveText(`Added “${action}” to ${names.join(", ")}.`);
  await expect(teams.getByText("Already in the plan")).toHaveCount(3);
  // A team already in the plan cannot get an owner or a date here, and its controls look it.
  const planned = teams.getByLabel(`Owner for ${names[0]}`, { exact: true });
  await expect(planned).toBeDisabled();
  const look = (control: typeof planned) =>
    control.evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, cursor: style.cursor };
    });
  const disabledLook = await look(planned);
  expect(disabledLook.cursor).toBe("not-allowed");
  expect(disabledLook.background).not.toBe((await look(countermeasure)).background);
  expect(await look(teams.getByLabel(`Due date for ${names[0]}`, { exact: true }))).toEqual(disabledLook);
  await expect(
    new AxeBuilder({ page })
      .withTags(WCAG_TAGS)
      .analyze()
      .then((result) => result.violations.map((violation) => violation.id)),
  ).resolves.toEqual([]);

  for (const [index, name] of names.entries()) {
    await page.goto(UNIT_PATH);
    await page
      .getByRole("table", { name: "Teams of Customer Experience and their plans" })
      .getByRole("link", { name })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: `Remediation plan: ${name}` })).toBeVisible();
    const item = page.getByRole("region", { name: /^Plan \(/ }).getByRole("article", { name: action });
    await expect(item).toBeVisible();
    await expect(
      item.getByText(index === 2 ? `due 30 April ${NEXT_YEAR}` : `due 31 March ${NEXT_YEAR}`),
    ).toBeVisible();
  }
});

test("a default due date that has passed is reported on the default, where the coach typed it", async ({
  page,
}) => {
  await signIn(page, demoUsers.coach);
  await page.goto(UNIT_PATH);
  const campaign = page.getByRole("form", { name: "Add a countermeasure to several teams" });
  const teams = campaign.getByRole("table", { name: "Teams to add the countermeasure to" });
  const checkboxes = teams.getByRole("checkbox");
  for (let index = 0; index < (await checkboxes.count()); index++) {
    if (await checkboxes.nth(index).isEnabled()) await checkboxes.nth(index).uncheck();
  }
  const first = teams
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { disabled: false }) })
    .first();
  const name = (await first.getByRole("rowheader").textContent())!.trim();
  await teams.getByRole("checkbox", { name }).check();

  const defaultDue = campaign.getByLabel("Default due date", { exact: true });
  await defaultDue.fill(`${new Date().getUTCFullYear() - 1}-11-01`);
  await campaign.getByRole("button", { name: "Add to the ticked teams" }).click();

  await expect(campaign.getByRole("alert")).toHaveText("The default due date has passed.");
  await expect(defaultDue).toBeFocused();
  await expect(defaultDue).toHaveAttribute("aria-invalid", "true");
  await expect(defaultDue).toHaveAccessibleDescription(/That day has passed: choose today or a later day/);
  const ownDue = teams.getByLabel(`Due date for ${name}`, { exact: true });
  await expect(ownDue).not.toHaveAttribute("aria-invalid", "true");
  await expect(teams.getByText("That day has passed")).toHaveCount(0);
});
