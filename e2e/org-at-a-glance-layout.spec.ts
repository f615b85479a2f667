import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";

const heatmap = (page: Page) => page.getByRole("table", { name: /Risk scores of/ });

/** Team rows of the heatmap wholly visible without scrolling: inside the window and its scroll region. */
async function teamRowsInFirstViewport(page: Page): Promise<number> {
  return heatmap(page).evaluate((table) => {
    const region = table.closest("[role=region]")!.getBoundingClientRect();
    const header = document.querySelector("header[data-app-header]")?.getBoundingClientRect().bottom ?? 0;
    const bottom = Math.min(window.innerHeight, region.bottom);
    return [...table.querySelectorAll("tr[data-team-row]")].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= header && box.bottom <= bottom && box.height > 0;
    }).length;
  });
}

/** After the heatmap's region has scrolled, its header row sits at the region's top and team names at its left edge. */
async function expectHeaderAndTeamColumnPinned(page: Page): Promise<void> {
  const region = page.getByRole("region", { name: /Risk scores of/ });
  const regionBox = (await region.boundingBox())!;
  // The region's 1 px border and the table's 2 px cell spacing sit between its edge and the cells.
  const edge = 4;
  const teamHeader = page.getByRole("columnheader", { name: /^Team/ });
  expect((await teamHeader.boundingBox())!.y).toBeLessThanOrEqual(regionBox.y + edge);
  const scrolledTeam = heatmap(page).locator("tr[data-team-row] th").nth(8);
  expect((await scrolledTeam.boundingBox())!.x).toBeLessThanOrEqual(regionBox.x + edge);
}

async function pageScrollsSideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

test.describe("the heatmap at a glance on a laptop", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("shows at least twelve team rows in the first viewport, with the header row and Team column sticky", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    await expect(heatmap(page).locator("tr[data-team-row]").first()).toBeVisible();
    expect(await teamRowsInFirstViewport(page)).toBeGreaterThanOrEqual(12);

    // Scrolling the table's own region keeps the column headers and team names in view.
    // (At this width the columns may all fit, so the sideways part can be a no-op; the phone test below scrolls for real.)
    const region = page.getByRole("region", { name: /Risk scores of/ });
    await region.evaluate((element) => element.scrollBy({ left: 400, top: 200 }));
    await expectHeaderAndTeamColumnPinned(page);
  });

  test("keeps the units' open or closed state in the address", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    const firstUnit = heatmap(page).locator("th[scope=rowgroup] button").first();
    await firstUnit.click();
    await expect(firstUnit).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/units=open&except=/);
    await page.reload();
    await expect(heatmap(page).locator("th[scope=rowgroup] button").first()).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    // Open units' teams travel with the page (a team's slug is in its data)…
    expect(await page.content()).toContain("/team/checkout/dashboard");
    await page.getByRole("button", { name: "Close all units" }).click();
    await expect(page).toHaveURL(/units=closed/);
    await page.reload();
    await expect(heatmap(page).locator("tr[data-team-row]")).toHaveCount(0);
    // …closed units' teams do not: the page was rendered without them.
    const closedPage = await (await page.request.get(page.url())).text();
    expect(closedPage).toContain("Close all units");
    expect(closedPage).not.toContain("checkout");
    // Opening a unit then asks the server for its teams.
    const unitWithCheckout = heatmap(page)
      .locator("tbody")
      .filter({ has: page.locator("th[scope=rowgroup]", { hasText: "Payments" }) })
      .locator("th[scope=rowgroup] button");
    await unitWithCheckout.click();
    await expect(unitWithCheckout).toHaveAttribute("aria-expanded", "true");
    await expect(heatmap(page).getByRole("link", { name: "Checkout", exact: true })).toBeVisible();
    await expect(page).toHaveURL(/units=closed&except=/);
  });

  test("applies a filter as soon as it changes", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    await page.getByLabel("Org unit", { exact: true }).selectOption("payments");
    await expect(page).toHaveURL(/unit=payments/);
    await expect(heatmap(page).locator("th[scope=rowgroup] button")).toHaveCount(1);
  });
});

test.describe("the heatmap fits its frame where there is room for it", () => {
  for (const width of [1366, 1920]) {
    test(`at ${width} px wide every column is in view, with no sideways scrollbar`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, demoUsers.head);
      await page.goto("/org");
      const region = page.getByRole("region", { name: /Risk scores of/ });
      await expect(heatmap(page).locator("tr[data-team-row]").first()).toBeVisible();
      const fit = await region.evaluate((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }));
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
      const frame = (await region.boundingBox())!;
      const last = (await region
        .getByRole("columnheader", { name: /Limited on-call schedule/ })
        .boundingBox())!;
      expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width);
      // Every unit's name is still written in full beside its toggle.
      const names = heatmap(page).locator("th[scope=rowgroup] button [title]");
      for (const name of await names.all()) {
        expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      }
    });
  }
});

test("the roll-up charts label every quarter at 1366 px, the one changes are compared against included", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, demoUsers.head);
  await page.goto("/org/rollups");
  const now = new Date();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const previous =
    quarter === 1
      ? { year: now.getUTCFullYear() - 1, quarter: 4 }
      : { year: now.getUTCFullYear(), quarter: quarter - 1 };
  const previousQuarterShort = `Q${previous.quarter} ’${String(previous.year % 100).padStart(2, "0")}`;
  const charts = page.locator("figure .recharts-wrapper");
  await expect(charts).toHaveCount(7);
  for (const chart of await charts.all()) {
    const labels = await chart
      .locator(
        ".recharts-xAxis .recharts-cartesian-axis-tick-label text, .recharts-cartesian-axis-tick-label text",
      )
      .evaluateAll((texts) =>
        texts.map((text) => text.textContent ?? "").filter((label) => /^Q[1-4] ’\d\d$/.test(label)),
      );
    // The demo's five quarters end with the current one; the one before it is what changes compare with.
    expect(labels).toHaveLength(5);
    expect(labels.at(-2)).toBe(previousQuarterShort);
  }
});

test("the roll-up charts mark the open quarter's point as provisional, in the picture and in words", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, demoUsers.head);
  await page.goto("/org/rollups");
  const charts = page.locator("figure .recharts-wrapper");
  await expect(charts).toHaveCount(7);
  for (const chart of await charts.all()) {
    // The mark over the open quarter says how many teams it counts so far…
    await expect(chart.locator("text.recharts-label", { hasText: /so far$/ })).toHaveText(
      /^\d+ of \d+ so far$/,
    );
    // …and the share and the average each end on a hollow point.
    const hollow = chart.locator("circle.provisional-point");
    await expect(hollow).toHaveCount(2);
    for (const point of await hollow.all()) await expect(point).toHaveAttribute("fill", "#ffffff");
  }
  const label = (await charts
    .first()
    .locator("text.recharts-label", { hasText: /so far$/ })
    .textContent())!;
  const [submitted, teams] = label.match(/\d+/g)!;
  await expect(page.locator("figcaption")).toContainText(
    `2026 Q4 is provisional: it counts ${submitted} of ${teams} teams so far.`,
  );
  await expect(page.locator("figcaption")).toContainText(
    /Linear run costs: \d+% in 2025 Q4, \d+% so far in 2026 Q4/,
  );
});

test("the roll-ups write a unit name ending in s in the possessive with an apostrophe alone", async ({
  page,
}) => {
  await signIn(page, demoUsers.head);
  await page.goto("/org/rollups?unit=payments");
  const caption = page.locator("figcaption");
  await expect(caption).toContainText("Share of Payments' teams at high or critical risk.");
  await expect(caption).not.toContainText("Payments's");
});

test("a unit row's headline says it counts teams", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, demoUsers.head);
  await page.goto("/org");
  const unitHeadlines = heatmap(page).locator("tr:has(th[scope=rowgroup]) td:nth-of-type(2)");
  await expect(unitHeadlines.first()).toBeVisible();
  const texts = await unitHeadlines.evaluateAll((cells) =>
    cells.map((cell) => cell.querySelector("[aria-hidden=true]")?.textContent ?? ""),
  );
  for (const text of texts)
    expect(text).toMatch(/^(None|Low|Medium|High|Critical)( · \d+ teams?)?( [↑↓→])?$/);
  expect(texts.some((text) => / · \d+ teams?/.test(text))).toBe(true);
});

test("a team row's headline says it counts pitfalls, and goes under the band on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, demoUsers.head);
  await page.goto("/org");
  const teamHeadlines = heatmap(page).locator("tr[data-team-row] td:nth-of-type(2) a");
  await expect(teamHeadlines.first()).toBeVisible();
  const texts = await teamHeadlines.evaluateAll((links) =>
    links.map((link) => (link.querySelector("[aria-hidden=true]") ?? link).textContent ?? ""),
  );
  for (const text of texts) {
    expect(text).toMatch(/^(None|Low|Medium|High|Critical)( · \d+ pitfalls?)?( ≠)?( ↺)?( [↑↓→])?/);
    expect(text).not.toMatch(/\(\d+\)/);
  }
  // A headline of this cycle (an earlier cycle's result is tagged and named differently).
  const counted = heatmap(page)
    .locator("tr[data-team-row] td:nth-of-type(2) a[aria-label]")
    .filter({ hasText: /^Critical · \d+ pitfalls?/ })
    .first();
  await expect(counted).toBeVisible();
  // What is seen is part of what is heard: the name says the count is of pitfalls too.
  await expect(counted).toHaveAccessibleName(/Critical: \d+ pitfalls? High or Critical, worst /);

  await page.setViewportSize({ width: 390, height: 844 });
  const lines = await counted.evaluate((link) => {
    const band = link.firstChild!;
    const range = document.createRange();
    range.selectNodeContents(band);
    const count = link.querySelector("span")!;
    return {
      bandBottom: range.getBoundingClientRect().bottom,
      countTop: count.getBoundingClientRect().top,
      separator: getComputedStyle(count.querySelector("span")!).display,
    };
  });
  expect(lines.countTop).toBeGreaterThanOrEqual(lines.bandBottom - 1);
  expect(lines.separator).toBe("none");
});

test.describe("no sideways page scroll on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the heatmap scrolls inside its own region with the header row and Team column pinned", async ({
    page,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    const region = page.getByRole("region", { name: /Risk scores of/ });
    // The Team and Completion columns leave room for each team's headline (Overall, the first score
    // column) before any scrolling: a Critical pitfall anywhere in a row is in sight at once.
    const overall = (await region.getByRole("columnheader", { name: /Overall/ }).boundingBox())!;
    const frame = (await region.boundingBox())!;
    expect(overall.x + overall.width).toBeLessThanOrEqual(frame.x + frame.width);
    const firstPitfall = (await region
      .getByRole("columnheader", { name: /Linear run costs/ })
      .boundingBox())!;
    expect(firstPitfall.x).toBeGreaterThanOrEqual(overall.x + overall.width);
    // The filters sit two to a row, so the first team's headline is on the first screen without
    // scrolling down, and the cycle's name still fits its select.
    const views = page.getByRole("navigation", { name: "Organisation views" }).getByRole("link");
    const viewTops = await views.evaluateAll((links) =>
      links.map((link) => link.getBoundingClientRect().top),
    );
    expect(new Set(viewTops).size, "the four views sit on one row").toBe(1);
    const firstTeam = (await region.getByRole("row").nth(1).boundingBox())!;
    expect(firstTeam.y + firstTeam.height).toBeLessThanOrEqual(844);
    const cycle = page.getByLabel("Cycle", { exact: true });
    const cycleText = await cycle.evaluate((select: HTMLSelectElement) => {
      const probe = document.createElement("span");
      probe.style.font = getComputedStyle(select).font;
      probe.textContent = select.selectedOptions[0]?.text ?? "";
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(select);
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { width, room };
    });
    // Chromium draws the select's arrow inside the content box, in about 20 px at its end.
    expect(cycleText.width + 20).toBeLessThanOrEqual(cycleText.room);
    const scrolled = await region.evaluate((element) => {
      element.scrollBy({ left: 300, top: 200 });
      return element.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expectHeaderAndTeamColumnPinned(page);
  });

  test("team and unit names wrap onto two lines in the pinned column, never cut short", async ({ page }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/org");
    const names = heatmap(page).locator("tr[data-team-row] th a, th[scope=rowgroup] [title]");
    await expect(names.first()).toBeVisible();
    const shown = await names.evaluateAll((elements) =>
      elements.map((element) => ({
        name: element.getAttribute("title") ?? "",
        cut: element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1,
        lines: Math.round(
          element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight),
        ),
      })),
    );
    expect(shown.filter((entry) => entry.cut).map((entry) => entry.name)).toEqual([]);
    // "Cloud Foundations" does not fit one line of the narrow column: it takes two, in full.
    expect(shown.find((entry) => entry.name === "Cloud Foundations")?.lines).toBe(2);
    expect(Math.max(...shown.map((entry) => entry.lines))).toBeLessThanOrEqual(2);
  });

  for (const path of ["/org", "/org/rollups", "/org/run-cost", "/team/checkout/dashboard"]) {
    test(`${path} fits the width of a 390 px screen`, async ({ page }) => {
      await signIn(page, demoUsers.head);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, innerWidth } = await pageScrollsSideways(page);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
    });
  }

  test("the questionnaire fits the width of a 390 px screen", async ({ page }) => {
    await signIn(page, demoUsers.lead);
    await page.goto("/team/checkout/assessment");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, innerWidth } = await pageScrollsSideways(page);
    expect(scrollWidth, `the questionnaire is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
  });
});
