import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoAccessibilityViolations, expectSaved } from "./support/questionnaire";
import { deleteOpenCycleAssessment, withDemoDatabase } from "./support/demo-database";

/**
 * A team lead's quarter from sign-in to plan: the due assessment on the start page, the questionnaire
 * one section at a time, confirming what still holds from the review page, what changed since last
 * quarter, and the first remediation step added to the plan from the result. Then the same by
 * keyboard alone, and on a phone.
 */

// Demo teams that have not started 2026 Q4, have four submitted quarters and no plan items.
const JOURNEY_TEAM = { slug: "identity", name: "Identity" };
const KEYBOARD_TEAM = { slug: "observability", name: "Observability" };
const PHONE_TEAM = { slug: "accounts", name: "Accounts" };

/** The tag of the element with keyboard focus, and its text, to say where focus went. */
async function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? "NONE",
    text: (document.activeElement?.textContent ?? "").trim().slice(0, 80),
  }));
}

async function expectFocusNotOnBody(page: Page, after: string) {
  // Focus moves after the re-render that removes the control; poll until it has settled.
  await expect
    .poll(async () => (await focused(page)).tag, { message: `focus after ${after}` })
    .not.toMatch(/^(BODY|NONE)$/);
}

function removePlanItems(teamSlug: string) {
  withDemoDatabase((database) =>
    database
      .prepare("DELETE FROM plan_item WHERE teamId = (SELECT id FROM team WHERE slug = ?)")
      .run(teamSlug),
  );
}

test.describe("the team lead's quarter", () => {
  // Each test uses a team of its own, so one failing does not stop the others.
  test.afterAll(() => {
    // Leave the demo as it was for the specs that follow.
    for (const team of [JOURNEY_TEAM, KEYBOARD_TEAM, PHONE_TEAM]) {
      deleteOpenCycleAssessment(team.slug);
      removePlanItems(team.slug);
    }
  });

  test("a lead confirms every carried-over answer from the review page, submits, sees what changed and adds the first step to the plan", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, `lead.${JOURNEY_TEAM.slug}@example.com`);

    // The start page leads with the due assessment.
    await page.goto("/");
    const due = page.getByRole("region", { name: "Your assessment is due" });
    await expect(due).toContainText(`${JOURNEY_TEAM.name}: 2026 Q4 assessment`);
    await expect(due).toContainText("Not started");
    // The due date with how far away it is, whatever day the suite runs on.
    await expect(due).toContainText(
      /Due \d{1,2} \w+ 2026 \((today|tomorrow|yesterday|in \d+ days|\d+ days ago)\)/,
    );
    await expect(due.getByText("You lead this team.")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    // The start page's button starts the assessment itself, straight into the questionnaire.
    await due.getByRole("button", { name: `Start the 2026 Q4 assessment for ${JOURNEY_TEAM.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/team/${JOURNEY_TEAM.slug}/assessment$`));
    await expect(page).toHaveTitle(`${JOURNEY_TEAM.name} · Assessment · Pitfall Radar`);
    const progress = page.getByTestId("progress-text");
    await expect(progress).toHaveText(/^0 of \d+ answered · \d+ carried over, still to confirm$/);
    // The questions this team is asked: its team context leaves some out (asked-questions.spec).
    const [, total, carried] = /of (\d+) answered · (\d+) carried over/
      .exec((await progress.textContent()) ?? "")!
      .map(Number);

    // Change one answer; the rest still holds.
    const teamSize = page.getByRole("group", { name: /How many people are in your product team/ });
    await expect(teamSize.getByText("A whole number from 1 person to 100 people.")).toBeVisible();
    await teamSize.getByLabel(/Your answer/).fill("11");
    await expectSaved(page);
    await expect(progress).toHaveText(
      `1 of ${total} answered · ${carried! - 1} carried over, still to confirm`,
    );
    await expectNoAccessibilityViolations(page);

    // Until submitting, the team page offers to ask the team for their own answers and the pulse:
    // an email from the lead's own mail program with the team in Bcc, or the message to copy.
    await page.goto(`/team/${JOURNEY_TEAM.slug}`);
    const invite = page.getByRole("region", { name: "Ask your team to answer" });
    const href = (await invite.getByRole("link", { name: /^Email the team/ }).getAttribute("href"))!;
    expect(href.startsWith("mailto:?")).toBe(true);
    const mail = new URLSearchParams(href.slice("mailto:?".length));
    expect(mail.get("bcc")!.split(",")).toContain(`member.${JOURNEY_TEAM.slug}@example.com`);
    expect(mail.get("bcc")).not.toContain(`lead.${JOURNEY_TEAM.slug}@example.com`);
    expect(mail.get("body")).toContain(`/team/${JOURNEY_TEAM.slug}/assessment/mine`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await invite.getByRole("button", { name: "Copy the message" }).click();
    await expect(invite.getByRole("status")).toHaveText(/^Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mail.get("body"));
    await expectNoAccessibilityViolations(page);
    await page.goto(`/team/${JOURNEY_TEAM.slug}/assessment`);

    // The review counts the same, and confirms everything that remains in one go.
    await page.getByRole("link", { name: "Review and submit" }).first().click();
    await expect(page).toHaveURL(/\/assessment\/review$/);
    await expect(progress).toHaveText(
      `1 of ${total} answered · ${carried! - 1} carried over, still to confirm`,
    );
    const remaining = carried! - 1;
    const unconfirmed = page.getByRole("region", { name: `Carried-over answers to confirm (${remaining})` });
    await expect(unconfirmed.getByRole("listitem")).toHaveCount(remaining);
    await expectNoAccessibilityViolations(page);
    await unconfirmed.getByRole("button", { name: `Confirm all ${remaining} remaining` }).click();
    const confirmed = page
      .getByRole("status")
      .filter({ hasText: `Confirmed ${remaining} carried-over answers` });
    await expect(confirmed).toBeFocused();
    await expect(page.getByRole("heading", { name: "Carried-over answers to confirm (0)" })).toBeVisible();
    // Every answer is now given or confirmed; a blank optional question stays blank.
    await expect(progress).toHaveText(`${carried} of ${total} answered`);
    await expect(page.getByText("Ready to submit.")).toBeVisible();

    // What changed since last quarter, before submitting: the answer, and how each pitfall would move.
    const changes = page.getByRole("region", { name: "What changed since 2026 Q3" });
    await expect(changes.getByTestId("answer-changes").getByRole("listitem")).toHaveCount(1);
    await expect(changes.getByTestId("answer-changes")).toContainText(
      "How many people are in your product team?",
    );
    await expect(changes.getByTestId("answer-changes")).toContainText("11 people");
    await expect(
      changes.getByRole("table", { name: "How each pitfall moved" }).getByRole("rowheader"),
    ).toHaveCount(7);
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Submit the 2026 Q4 assessment" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/team/${JOURNEY_TEAM.slug}/results/2026-q4$`));
    await expect(page).toHaveTitle(`${JOURNEY_TEAM.name} · 2026 Q4 result · Pitfall Radar`);

    // The result shows the same comparison, from the stored scores.
    const resultChanges = page.getByRole("region", { name: "What changed since 2026 Q3" });
    await expect(resultChanges.getByTestId("answer-changes")).toContainText("11 people");
    await expect(
      resultChanges.getByRole("table", { name: "How each pitfall moved" }).getByRole("rowheader"),
    ).toHaveCount(7);

    // The first remediation step goes into the plan from here, and the result then says so.
    const firstSteps = page.getByRole("region", { name: "What to do first" });
    const first = firstSteps.getByTestId("top-steps").getByRole("listitem").first();
    const action = ((await first.locator("p").first().textContent()) ?? "").replace(/^1\. /, "").trim();
    expect(action.length).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);
    await first.getByRole("button", { name: `Add to plan: ${action}` }).click();
    const added = first.getByRole("status");
    await expect(added).toContainText("Added to the plan");
    await expect(added).toBeFocused();
    await added.getByRole("link", { name: /View the plan/ }).click();
    await expect(page).toHaveURL(new RegExp(`/team/${JOURNEY_TEAM.slug}/plan$`));
    await expect(page.getByRole("heading", { name: action, exact: true }).first()).toBeVisible();

    await page.goto(`/team/${JOURNEY_TEAM.slug}/results/2026-q4`);
    const planned = page
      .getByRole("region", { name: "What to do first" })
      .getByTestId("top-steps")
      .getByRole("listitem")
      .first();
    await expect(planned).toContainText("In the plan");
    await expect(planned.getByRole("link", { name: /^View it in the plan/ })).toHaveAttribute(
      "href",
      new RegExp(`/team/${JOURNEY_TEAM.slug}/plan#plan-item-`),
    );

    // Submitted: there is nothing left to ask the team for.
    await page.goto(`/team/${JOURNEY_TEAM.slug}`);
    await expect(page.getByRole("region", { name: "Ask your team to answer" })).toHaveCount(0);

    // Dropped from the plan, the step says so, not "In the plan", with the way to take it up again.
    await page.goto(`/team/${JOURNEY_TEAM.slug}/plan`);
    const item = page.getByRole("region", { name: /^Plan \(/ }).getByRole("article", { name: action });
    await item.locator("summary", { hasText: "Details and edit" }).click();
    await item.getByLabel("Status", { exact: true }).selectOption("dropped");
    await item.getByLabel("Why is it dropped?", { exact: true }).fill("The platform team does this now");
    await item.getByRole("button", { name: "Save changes" }).click();
    await expect(item.getByRole("status")).toHaveText("Saved.");
    await page.goto(`/team/${JOURNEY_TEAM.slug}/results/2026-q4`);
    const dropped = page.getByRole("region", { name: "What to do first" }).getByRole("listitem").first();
    await expect(dropped).toContainText("Dropped from the plan");
    await expect(dropped).not.toContainText("In the plan");
    await expect(dropped.getByRole("link", { name: /^Take it up again in the plan/ })).toHaveAttribute(
      "href",
      new RegExp(`/team/${JOURNEY_TEAM.slug}/plan#plan-item-`),
    );
    // The team dashboard's top steps say the same.
    await page.goto(`/team/${JOURNEY_TEAM.slug}/dashboard`);
    const droppedOnDashboard = page
      .getByRole("region", { name: "Top remediation steps" })
      .getByRole("listitem")
      .filter({ hasText: action });
    await expect(droppedOnDashboard).toContainText("Dropped from the plan");
    await expect(droppedOnDashboard).not.toContainText("In the plan");
    await expect(
      droppedOnDashboard.getByRole("link", { name: /^Take it up again in the plan/ }),
    ).toHaveAttribute("href", new RegExp(`/team/${JOURNEY_TEAM.slug}/plan#plan-item-`));
  });

  test("an incomplete draft's review says required answers are missing and holds back the figures they would move", async ({
    page,
  }) => {
    // Refunds has a draft with required questions unanswered and earlier submitted quarters.
    await signIn(page, "lead.refunds@example.com");
    await page.goto("/team/refunds/assessment/review");
    const missingHeading = page.getByRole("heading", {
      name: /^Required questions without an answer \(\d+\)$/,
    });
    const missing = Number(/\((\d+)\)/.exec((await missingHeading.textContent()) ?? "")![1]);
    expect(missing).toBeGreaterThan(0);
    const changes = page.getByRole("region", { name: /^What changed since / });
    const notice = changes.getByTestId("incomplete-preview");
    await expect(notice).toContainText(
      `${missing} required ${missing === 1 ? "question is" : "questions are"} still without an answer, so these are not yet the scores submitting would give.`,
    );
    await expect(notice).toContainText(/with unanswered required questions shows? no 2026 Q4 figure/);
    const table = changes.getByRole("table", { name: "How each pitfall moved" });
    const heldBack = table.getByRole("row").filter({ hasText: "Held back until answered" });
    expect(await heldBack.count()).toBeGreaterThan(0);
    await expect(heldBack.first()).toContainText(/waiting for \d+ required answers?/);
    await expectNoAccessibilityViolations(page);
  });

  test("a draft left unsubmitted when the cycle closes stays in view, with who can open the cycle again", async ({
    page,
    browser,
  }) => {
    await signIn(page, "head@example.com");
    await page.goto("/cycles");
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    await cycles.getByRole("button", { name: "Close 2026 Q4" }).click();
    await page
      .getByRole("dialog", { name: "Close 2026 Q4?" })
      .getByRole("button", { name: "Close 2026 Q4" })
      .click();
    await expect(
      cycles.getByRole("row", { name: /2026 Q4/ }).getByRole("button", { name: "Reopen 2026 Q4" }),
    ).toBeVisible();
    try {
      const lead = await browser.newContext();
      const leadPage = await lead.newPage();
      await signIn(leadPage, "lead.refunds@example.com");
      await leadPage.goto("/team/refunds");
      const left = leadPage.getByTestId("unsubmitted-in-closed-cycle");
      await expect(left).toContainText(
        /^2026 Q4 closed before the team's assessment was submitted: \d+ of \d+ answered/,
      );
      await expect(left).toContainText(
        "An admin or the head of engineering can open 2026 Q4 again so the team can finish and submit it.",
      );
      await expect(leadPage.getByText("No assessment cycle is open right now.")).toBeVisible();
      await expectNoAccessibilityViolations(leadPage);
      await lead.close();
    } finally {
      await cycles.getByRole("button", { name: "Reopen 2026 Q4" }).click();
      await page
        .getByRole("dialog", { name: "Reopen 2026 Q4?" })
        .getByRole("button", { name: "Reopen 2026 Q4" })
        .click();
      await expect(
        cycles.getByRole("row", { name: /2026 Q4/ }).getByRole("button", { name: "Close 2026 Q4" }),
      ).toBeVisible();
    }
  });

  test("keyboard only: after every confirm action focus stays on the page, never on <body>", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/sign-in");
    await page.getByLabel("Email").focus();
    await page.keyboard.type(`lead.${KEYBOARD_TEAM.slug}@example.com`);
    await page.keyboard.press("Tab");
    await page.keyboard.type("radar-demo-2026");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    await page.goto(`/team/${KEYBOARD_TEAM.slug}/assessment`);
    await page.getByRole("button", { name: "Start the 2026 Q4 assessment" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("progress-text")).toContainText(/\d+ carried over/);

    // One question's Confirm: focus stays on that question's answer.
    // Its name is "Confirm" and the question (screen readers hear which answer it confirms).
    const confirmOne = page.getByRole("button", { name: /^Confirm\s*:/ }).first();
    await confirmOne.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("progress-text")).toContainText(/^1 of \d+ answered/);
    await expectFocusNotOnBody(page, "Confirm");
    // On the answer itself: the checked option or the number field, never an unchecked option.
    expect(
      await page.evaluate(() => {
        const element = document.activeElement;
        return element instanceof HTMLInputElement && (element.type === "number" || element.checked);
      }),
    ).toBe(true);

    // A question whose carried-over answer is not its first option: after Confirm, focus is on
    // that answer, so Space (the next key on a radio) changes nothing.
    const sections = page.getByRole("navigation", { name: "Questionnaire sections" }).getByRole("link");
    const count = await sections.count();
    let cardId: string | null = null;
    for (let index = 0; index < count && !cardId; index++) {
      await sections.nth(index).focus();
      await page.keyboard.press("Enter");
      const waiting = page
        .getByRole("group")
        .filter({ has: page.getByRole("button", { name: /^Confirm\s*:/ }) });
      for (const group of await waiting.all()) {
        const radios = group.getByRole("radio");
        if ((await radios.count()) < 2 || (await radios.first().isChecked())) continue;
        if ((await group.getByRole("radio", { checked: true }).count()) !== 1) continue;
        cardId = await group.evaluate((element) => element.closest("[id^='question-']")?.id ?? null);
        break;
      }
    }
    expect(cardId, "a carried-over answer that is not the first option").not.toBeNull();
    const card = page.locator(`[id="${cardId}"]`);
    const chosen = await card.getByRole("radio", { checked: true }).getAttribute("value");
    const kept = card.locator(`input[type=radio][value="${chosen}"]`);
    const confirmIt = card.getByRole("button", { name: /^Confirm\s*:/ });
    await confirmIt.focus();
    await page.keyboard.press("Enter");
    await expect(confirmIt).toHaveCount(0);
    await expect(kept).toBeFocused();
    await page.keyboard.press("Space");
    await expect(kept).toBeChecked();
    await expectSaved(page);

    // A note goes with its answer: the button says so, and Undo brings both back, by keyboard.
    await card.locator("summary", { hasText: "Add a note" }).focus();
    await page.keyboard.press("Enter");
    const note = card.getByLabel("Note (optional)");
    await note.focus();
    await page.keyboard.type("Checked with the rota");
    await page.keyboard.press("Tab");
    await expectSaved(page);
    const clear = card.getByRole("button", { name: /^Clear answer and note/ });
    await clear.focus();
    await page.keyboard.press("Enter");
    const undo = card.getByRole("button", { name: /^Undo/ });
    await expect(undo).toBeFocused();
    await expect(card.getByText("Answer and note cleared.")).toBeVisible();
    await expect(card.getByRole("radio", { checked: true })).toHaveCount(0);
    await expectSaved(page);
    await page.keyboard.press("Enter");
    await expect(kept).toBeChecked();
    await expect(kept).toBeFocused();
    await expectSaved(page);
    await page.reload();
    await expect(card.getByLabel("Note (optional)")).toHaveValue("Checked with the rota");
    await expect(card.locator(`input[type=radio][value="${chosen}"]`)).toBeChecked();

    // "Confirm all in this section" in every section but the last, moving between sections by keyboard.
    for (let index = 0; index < count - 1; index++) {
      await sections.nth(index).focus();
      await page.keyboard.press("Enter");
      // Opening a section moves focus to its heading.
      await expect
        .poll(async () => (await focused(page)).tag, { message: "focus after opening a section" })
        .toBe("H2");
      const confirmAll = page.getByRole("button", { name: /Confirm all in this section/ });
      await confirmAll.focus();
      await page.keyboard.press("Enter");
      await expect(confirmAll).toHaveCount(0);
      await expectFocusNotOnBody(page, "Confirm all in this section");
      expect((await focused(page)).tag).toBe("H2");
      await expectSaved(page);
    }

    // The last section's answers are confirmed from the review page.
    await page.getByRole("link", { name: "Review and submit" }).first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/assessment\/review$/);
    const confirmRemaining = page.getByRole("button", { name: /^Confirm all \d+ remaining$/ });
    await confirmRemaining.focus();
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: /^Confirmed \d+ carried-over answers/ }),
    ).toBeFocused();
    await expectFocusNotOnBody(page, "Confirm all remaining");
    // The confirmation refreshes the page in place; its title is set again as part of that.
    await expect(page).toHaveTitle(/Review the assessment/);
    await expectNoAccessibilityViolations(page);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the header is one line, the save status stays in view halfway down a section, and unsaved changes say so", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, `lead.${PHONE_TEAM.slug}@example.com`);
      const header = page.locator("header[data-app-header]");
      const headerBox = await header.boundingBox();
      expect(headerBox!.height, "the sticky header's height").toBeLessThanOrEqual(64);

      // The menu opens by keyboard and reaches every link.
      const menu = header.locator("summary", { hasText: "Menu" });
      await menu.focus();
      await page.keyboard.press("Enter");
      const mainNav = header.getByRole("navigation", { name: "Main" });
      await expect(mainNav.getByRole("link", { name: "My team" })).toBeVisible();
      // Wholly on the screen: the open panel once hung from the button and ran off the left edge.
      const menuLinks = header.locator("details[open]").getByRole("link");
      expect(await menuLinks.count()).toBeGreaterThanOrEqual(3);
      for (const link of await menuLinks.all()) await expect(link).toBeInViewport({ ratio: 1 });
      await expectNoAccessibilityViolations(page);
      await page.keyboard.press("Escape");
      await expect(menu).toBeFocused();

      await page.goto(`/team/${PHONE_TEAM.slug}/assessment`);
      await page.getByRole("button", { name: "Start the 2026 Q4 assessment" }).click();
      await expect(page.getByTestId("progress-text")).toBeHidden();
      await page
        .getByRole("navigation", { name: "Questionnaire sections" })
        .getByRole("link", { name: /^Excessive BAU/ })
        .click();
      const section = page.getByRole("region", { name: /^Excessive BAU/ });
      const questions = section.getByRole("group").filter({ has: page.getByRole("radio") });
      const middle = questions.nth(Math.floor((await questions.count()) / 2));
      await middle.scrollIntoViewIfNeeded();
      const radios = middle.getByRole("radio");
      const checked = await radios.evaluateAll((inputs) =>
        inputs.findIndex((input) => (input as HTMLInputElement).checked),
      );
      await radios.nth(checked === 0 ? 1 : 0).check();
      await expectSaved(page);
      const status = page.getByTestId("save-status");
      await expect(status).toBeInViewport();
      const box = await status.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      expect(box!.y).toBeGreaterThanOrEqual(0);

      // "Not applicable" without its reason is not saved, and the status asks for it.
      await page
        .getByRole("navigation", { name: "Questionnaire sections" })
        .getByRole("link", { name: /^Responsible but unaccountable/ })
        .click();
      const notApplicable = page.getByRole("group", {
        name: /budget holder take part in the review of your team's last major production incident/,
      });
      await notApplicable.getByRole("radio", { name: "Not applicable" }).check();
      await expect(status).toContainText("Add a reason to save “Not applicable”");
      await expect(status).toBeInViewport();
      await expect(notApplicable).toContainText(/Until then (the saved answer stays|nothing is saved)/);
      await expectNoAccessibilityViolations(page);

      // An invalid number is not saved either.
      await page
        .getByRole("navigation", { name: "Questionnaire sections" })
        .getByRole("link", { name: /^Team context/ })
        .click();
      const teamSize = page.getByRole("group", { name: /How many people are in your product team/ });
      await teamSize.getByLabel(/Your answer/).fill("500");
      await expect(status).toContainText("Not saved:");
      await expect(status).toContainText("Enter a whole number between 1 and 100 people");
      await expect(status).toBeInViewport();
      await teamSize.getByLabel(/Your answer/).fill("7");
      // The reason for "Not applicable" is still missing, so the status keeps asking for it.
      await expect(status).toContainText("Add a reason to save “Not applicable”");
    });
  });

  test("the favicon, page titles, an unknown cycle and a page that does not exist", async ({
    page,
    request,
  }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

    await signIn(page, "lead@example.com");
    await page.goto("/team/checkout/dashboard");
    await expect(page).toHaveTitle("Checkout · Team dashboard · Pitfall Radar");

    // A cycle that does not exist is not found (with the status that says so, on the explanation
    // page too), never another cycle shown in its place.
    for (const address of [
      "/team/checkout/dashboard?cycle=2099-q1",
      "/team/checkout/dashboard/excessive-bau?cycle=2099-q1",
    ]) {
      const response = await page.goto(address);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }

    // Another team's pages, and addresses that lead nowhere, are titled "Not found".
    await page.goto("/team/search");
    await expect(page).toHaveTitle("Not found · Pitfall Radar");
    await page.goto("/no-such-page");
    await expect(page).toHaveTitle("Not found · Pitfall Radar");
    await expectNoAccessibilityViolations(page);
  });
});
