import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { deleteOpenCycleAssessment, openCycleAssessment } from "./support/demo-database";

/** Refunds has a draft in the demo's open cycle; Search is another team the demo lead has no role on. */
const OTHER_TEAM_WITH_DRAFT = "refunds";

test.describe("assessment access control", () => {
  let checkoutStartedHere = false;

  test.afterAll(() => {
    // The assessment journey spec starts Checkout's assessment itself; leave it as the demo had it.
    if (checkoutStartedHere) deleteOpenCycleAssessment("checkout");
  });

  test("a team lead cannot open another team's pages by URL", async ({ page }) => {
    await signIn(page, demoUsers.lead);
    for (const path of [
      "/team/search",
      "/team/search/assessment",
      "/team/search/assessment/review",
      "/team/search/results/2026-q3",
      "/team/no-such-team/assessment",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("This page could not be found.")).toBeVisible();
    }
  });

  test("a team member cannot manage cycles", async ({ page }) => {
    await signIn(page, demoUsers.member);
    const response = await page.goto("/cycles");
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cycles" }),
    ).toHaveCount(0);
  });

  test("a team lead cannot save into another team's assessment by rewriting the autosave request", async ({
    page,
  }) => {
    const victim = openCycleAssessment(OTHER_TEAM_WITH_DRAFT);
    expect(victim, "the demo has a draft for Refunds in the open cycle").not.toBeNull();

    checkoutStartedHere = openCycleAssessment("checkout") === null;
    await signIn(page, demoUsers.lead);
    await page.goto("/team/checkout/assessment");
    const start = page.getByRole("button", { name: "Start the 2026 Q4 assessment" });
    if (await start.isVisible()) await start.click();
    await expect(page.getByTestId("save-status")).toHaveText("Answers save automatically as you go.");
    const own = openCycleAssessment("checkout");
    expect(own).not.toBeNull();

    // Rewrite the autosave request to target the other team's assessment, and keep the server's answer.
    let refusal: string | null = null;
    let refusalStatus = 0;
    await page.route("**/api/autosave/answer", async (route) => {
      const request = route.request();
      const body = request.postData();
      if (request.method() === "POST" && body?.includes(own!.id)) {
        const response = await route.fetch({ postData: body.replaceAll(own!.id, victim!.id) });
        refusal = await response.text();
        refusalStatus = response.status();
        await route.fulfill({ response });
        return;
      }
      await route.continue();
    });

    const teamSize = page.getByRole("group", { name: /How many people are in your product team/ });
    await teamSize.getByLabel(/Your answer/).fill("42");
    await teamSize.getByLabel(/Your answer/).blur();
    await expect.poll(() => refusal, { timeout: 15_000 }).not.toBeNull();
    expect(refusal).toContain("not_found");
    expect(refusalStatus).toBe(404);
    expect(refusal).not.toContain("42");

    await expect(page.getByTestId("save-status")).toContainText("Not saved");
    await expect(
      page.getByRole("alert").filter({ hasText: "Changes can no longer be saved here." }),
    ).toBeVisible();

    const after = openCycleAssessment(OTHER_TEAM_WITH_DRAFT);
    expect(after).toEqual(victim);
    // Nothing reached the lead's own assessment either.
    expect(openCycleAssessment("checkout")?.version).toBe(own!.version);
  });
});
