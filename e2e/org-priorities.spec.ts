import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

test.describe("where we are at risk, what to do first", () => {
  test("the head goes from the overview to the Critical teams and the top countermeasures, then to the filtered heatmap", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/");
    const atRisk = page.getByRole("region", { name: "Where we are at risk" });
    await expect(atRisk).toContainText(
      /teams? ha(s|ve) a pitfall at Critical in the current cycle, of \d+ submitted/,
    );
    await atRisk
      .getByRole("link", { name: "Which pitfalls put us most at risk, and what to do first" })
      .click();

    await expect(page).toHaveURL(/\/org\/priorities\?cycle=/);
    // After a client-side navigation the title is applied once the page's metadata has streamed
    // in; waiting for it keeps the accessibility check below from reading an empty title.
    await expect(page).toHaveTitle(/Where we are at risk/);
    await expect(page.getByRole("heading", { level: 1, name: "Where we are at risk" })).toBeVisible();
    await expect(page.getByRole("link", { name: "At risk" })).toHaveAttribute("aria-current", "page");
    // The open cycle is partly submitted: the page says how many teams its figures cover.
    await expect(page.getByText(/based on \d+ of \d+ teams so far/)).toBeVisible();

    const pitfalls = page.getByRole("table", { name: /Pitfalls by number of teams at High or Critical/ });
    await expect(pitfalls).toBeVisible();
    // Each pitfall says under its name how the same teams stood in the cycle before.
    await expect(pitfalls.getByRole("rowheader").first()).toContainText(
      /(Up|Down) from \d+ in 2026 Q3 to \d+, among the \d+ teams that submitted in both\.|Unchanged since 2026 Q3/,
    );
    const critical = page.getByRole("region", { name: /Critical teams \(\d+ of \d+ submitted\)/ });
    await expect(critical.getByRole("listitem").first()).toContainText("Critical:");

    const firstStep = page.getByRole("region", { name: "What to do first" }).getByRole("listitem").first();
    await expect(firstStep).toContainText(/Removes [\d.]+ risk points across \d+ teams?/);
    await expect(firstStep).toContainText(/already in \d+ of \d+ teams' plans/);
    await expect(firstStep.getByRole("link").first()).toHaveAttribute("href", /^\/team\/[a-z0-9-]+\/plan$/);
    await expectNoAxeViolations(page);

    await critical.getByRole("link", { name: "Show them on the heatmap" }).click();
    await expect(page).toHaveURL(/\/org\?.*band=critical/);
    await expect(page.getByRole("table", { name: /Risk scores of/ })).toBeVisible();
  });

  test("the head reads the biggest changes since the previous cycle, worse and better, and opens a team's pitfall", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/");
    await page
      .getByRole("region", { name: "Where we are at risk" })
      .getByRole("link", { name: "Biggest changes since 2026 Q3" })
      .click();
    await expect(page).toHaveURL(/\/org\/priorities\?cycle=2026-q4#changes-heading$/);
    const changes = page.getByRole("region", { name: "Biggest changes since 2026 Q3" });
    await expect(changes).toContainText(
      /Like for like: the \d+ teams with results in both 2026 Q3 and 2026 Q4/,
    );
    const worse = changes.getByRole("region", { name: /^Got worse \(\d+ teams?\)$/ });
    const better = changes.getByRole("region", { name: /^Got better \(\d+ teams?\)$/ });
    const first = worse.getByRole("listitem").first();
    await expect(first).toContainText(/Headline: (None|Low|Medium|High|Critical)/);
    // Each moved pitfall reads before → after with the change in points.
    await expect(first).toContainText(/\d+\.\d → \d+\.\d \(\+\d+ points\)/);
    await expect(better.getByRole("listitem").first()).toContainText(/\d+\.\d → \d+\.\d \(−\d+ points\)/);
    await expectNoAxeViolations(page);

    const pitfall = first.getByRole("listitem").first().getByRole("link");
    const name = (await pitfall.innerText()).trim();
    await pitfall.click();
    await expect(page).toHaveURL(/\/team\/[a-z0-9-]+\/dashboard\/[a-z-]+\?cycle=2026-q4$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  });

  test("the overview names the teams not yet submitted whose last result was Critical", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/");
    const atRisk = page.getByRole("region", { name: "Where we are at risk" });
    const earlier = atRisk.getByRole("link", {
      name: /^\d+ teams? not yet submitted had a Critical pitfall in 2026 Q3$/,
    });
    await expect(earlier).toBeVisible();
    const count = Number(/^\d+/.exec((await earlier.innerText()).trim())![0]);
    await earlier.click();

    await expect(page).toHaveURL(/\/org\/priorities\?cycle=2026-q4#earlier-critical-heading$/);
    const list = page.getByRole("region", { name: /Critical last time, not yet submitted \(\d+\)/ });
    await expect(list).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(count);
    await expect(list.getByRole("listitem").first()).toContainText(/\d+ Critical pitfalls? in 2026 Q3/);
    await expect(list).toContainText("Their results are not in this cycle's figures above.");
    await expectNoAxeViolations(page);
  });

  test("a pitfall links to the heatmap sorted by it, filtered to High or Critical", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org/priorities");
    const table = page.getByRole("table", { name: /Pitfalls by number of teams at High or Critical/ });
    const link = table.getByRole("link").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/org\?.*band=high.*&sort=[a-z-]+/);
    await link.click();
    await expect(page.getByRole("table", { name: /Risk scores of/ })).toBeVisible();
  });

  test("comparisons show their coverage: roll-up changes and percentiles", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org/rollups");
    await expect(page.getByText(/\d+ of \d+ teams so far/).first()).toBeVisible();
    // The change column names its measure: the heatmap's unit arrows follow the average instead.
    await expect(
      page.getByRole("columnheader", { name: "Change in share high or critical" }).first(),
    ).toBeVisible();
    // Changes are like for like: only the teams with a result in both cycles, as At risk counts them.
    await expect(
      page
        .getByText(/(up|down) \d+ points? since 2026 Q3, among the \d+ teams? with a result in both cycles/)
        .first(),
    ).toBeVisible();

    await page.goto("/org/run-cost");
    await expect(page.getByRole("heading", { name: "Teams off the rule" })).toBeVisible();
  });

  test("a lead's dashboard says which teams its percentiles rank against", async ({ page }) => {
    await signIn(page, demoUsers.lead);
    await expect(page.getByRole("region", { name: "Where we are at risk" })).toHaveCount(0);
    await page.goto("/org/priorities");
    // Team leads have no organisation view: they land on their own team's dashboard.
    await expect(page).toHaveURL(/\/team\/[a-z0-9-]+\/dashboard/);
    await expect(
      page.getByRole("columnheader", { name: /Percentile ranked against the teams scored on each pitfall/ }),
    ).toBeVisible();
    await expect(page.getByText(/than .*other teams? scored on this pitfall/).first()).toBeVisible();
  });

  test("a coach sees the view for the units they coach only", async ({ page }) => {
    await signIn(page, demoUsers.coach);
    await page.goto("/org/priorities");
    await expect(page.getByRole("heading", { level: 1, name: "Where we are at risk" })).toBeVisible();
    const units = page.getByLabel("Org unit", { exact: true }).locator("option");
    await expect(units.first()).toHaveText("All your units");
    await expect(page.getByText(/based on \d+ of \d+ teams/)).toBeVisible();
  });
});
