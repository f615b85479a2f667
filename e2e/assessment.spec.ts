import { expect, test, type Locator } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { expectNoAccessibilityViolations, expectSaved, openSection } from "./support/questionnaire";
import { withDemoDatabase } from "./support/demo-database";

const SECTIONS = [
  "Team context",
  "Linear run costs",
  "Responsible but unaccountable",
  "Excessive BAU",
  "Change management treacle",
  "No major incident management",
  "Embedded specialists",
  "Limited on-call schedule",
];

/** Opens one section of the questionnaire through its section list (one section shows at a time). */
/** Picks the yes/no radio that is not checked yet, and returns its label. */
async function flipYesNo(question: Locator): Promise<"Yes" | "No"> {
  const yesChecked = await question.getByRole("radio", { name: "Yes", exact: true }).isChecked();
  const choice = yesChecked ? "No" : "Yes";
  await question.getByRole("radio", { name: choice, exact: true }).check();
  return choice;
}

test.describe("quarterly assessment", () => {
  // The cycle steps continue from the submitted assessment of the journey.
  test.describe.configure({ mode: "serial" });

  test.afterAll(() => {
    // Leave no extra cycle behind for the specs that run after this one.
    withDemoDatabase((database) =>
      database
        .prepare(
          "DELETE FROM cycle WHERE name = '2027 Q1' AND NOT EXISTS (SELECT 1 FROM assessment WHERE cycleId = cycle.id)",
        )
        .run(),
    );
  });

  test("a team lead starts from last quarter, answers, confirms, resolves a conflict, submits and sees the result", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    await signIn(page, demoUsers.lead);

    await page.goto("/team");
    await expect(page.getByRole("heading", { level: 1, name: "My teams" })).toBeVisible();
    await page.getByRole("link", { name: "Checkout", exact: true }).click();
    await expect(page).toHaveURL(/\/team\/checkout$/);
    await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
    const history = page.getByRole("table", { name: /Past assessments of Checkout/ });
    await expect(history.getByRole("row")).toHaveCount(5);
    // Each past cycle links to its result, with the day it was submitted under it.
    await expect(history.getByRole("link", { name: "2026 Q3 result" })).toHaveAttribute(
      "href",
      "/team/checkout/results/2026-q3",
    );
    await expect(history.getByRole("rowheader").first()).toContainText(/Submitted \d{1,2} \w+ 2026/);

    // Start the quarter: answers come from 2026 Q3, each waiting for confirmation.
    await page.getByRole("button", { name: "Start the 2026 Q4 assessment" }).click();
    await expect(page).toHaveURL(/\/team\/checkout\/assessment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout: 2026 Q4 assessment");
    // One section at a time, with every section in the list beside it.
    await expect(page.getByRole("region", { name: /^Team context/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Linear run costs/ })).toHaveCount(0);
    const sectionLinks = page.getByRole("navigation", { name: "Questionnaire sections" }).getByRole("link");
    await expect(sectionLinks).toHaveCount(SECTIONS.length);
    await expect(sectionLinks.first()).toHaveAttribute("aria-current", "step");
    await expect(page.getByText("Carried over from 2026 Q3 — confirm or change").first()).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    // Every answer of 2026 Q3 is carried over; a question new this quarter starts blank. Central
    // operations cover Checkout out of hours, so the questions about a rota of its own are not asked.
    await expect(page.locator("#questionnaire-progress-text")).toHaveText(
      "0 of 42 answered · 42 carried over, still to confirm",
    );

    await expectNoAccessibilityViolations(page);

    // Answer part of the questionnaire: a number (typed, saved after a pause) and a radio (saved at once).
    const teamSize = page.getByRole("group", { name: /How many people are in your product team/ });
    // Demo teams have 5 to 10 people, so 12 is a change.
    await teamSize.getByLabel(/Your answer/).fill("12");
    await expectSaved(page);

    // Offline, a save fails and says so; a link to another page of the app asks first instead of
    // losing it; back online, it is saved by itself.
    await page.context().setOffline(true);
    await teamSize.getByLabel(/Your answer/).fill("11");
    await expect(page.getByTestId("save-status")).toContainText("Could not reach the server", {
      timeout: 15_000,
    });
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Checkout" })
      .click();
    await expect.poll(() => asked).toContain("Some answers are not saved");
    await expect(page).toHaveURL(/\/team\/checkout\/assessment$/);
    await page.context().setOffline(false);
    await expectSaved(page);
    await page.reload();
    await expect(teamSize.getByLabel(/Your answer/)).toHaveValue("11");
    await teamSize.getByLabel(/Your answer/).fill("12");
    await expectSaved(page);
    await openSection(page, "Linear run costs");
    await expect(
      page.getByRole("link", { name: "Read about Linear run costs in the playbook" }),
    ).toHaveAttribute("href", "/playbook/linear-run-costs");
    const linearRunCosts = page.getByRole("region", { name: /^Linear run costs/ });
    const targetQuestion = linearRunCosts.getByRole("group", {
      name: /availability target chosen from an estimate/,
    });
    const chosen = await flipYesNo(targetQuestion);
    await expectSaved(page);
    await expect(targetQuestion.getByText("Carried over from 2026 Q3")).toHaveCount(0);
    await expect(page.locator("#questionnaire-progress-text")).toHaveText(
      "2 of 42 answered · 40 carried over, still to confirm",
    );

    // Not applicable needs its reason before it is saved. (On-call questions are not used here: the
    // team runs an out-of-hours schedule, so "not applicable" would contradict its context.)
    await openSection(page, "Responsible but unaccountable");
    const notApplicableQuestion = page.getByRole("group", {
      name: /budget holder take part in the review of your team's last major production incident/,
    });
    await notApplicableQuestion.getByRole("radio", { name: "Not applicable" }).check();
    // Until the reason is given nothing is saved; the status asks for it, without calling it an error.
    const status = page.getByTestId("save-status");
    await expect(status).toHaveText(
      /^Add a reason to save “Not applicable” for “Did your product budget holder/,
    );
    await expect(status).not.toContainText("Not saved");
    await expect(notApplicableQuestion.getByText(/^Add a reason to save “Not applicable”\./)).toBeVisible();
    // "Show the question" puts the cursor in the reason field, not on the first choice.
    await page.getByRole("button", { name: "Show the question" }).click();
    await expect(notApplicableQuestion.getByLabel(/Why does this not apply/)).toBeFocused();
    // A reason too short reads as a mistake once the field is left.
    await notApplicableQuestion.getByLabel(/Why does this not apply/).fill("no");
    await expect(status).not.toContainText("Not saved");
    await notApplicableQuestion.getByLabel(/Why does this not apply/).blur();
    await expect(status).toContainText("Not saved:");
    await expect(
      notApplicableQuestion.getByText(/Say briefly why this question does not apply/),
    ).toBeVisible();
    await page.getByRole("button", { name: "Show the question" }).click();
    await expect(notApplicableQuestion.getByLabel(/Why does this not apply/)).toBeFocused();
    await notApplicableQuestion
      .getByLabel(/Why does this not apply/)
      .fill("We have no separate budget holder");
    await expectSaved(page);

    // A reload (or a closed tab) loses nothing.
    // The address keeps the open section.
    await page.reload();
    await expect(notApplicableQuestion.getByLabel(/Why does this not apply/)).toHaveValue(
      "We have no separate budget holder",
    );
    await openSection(page, "Team context");
    await expect(teamSize.getByLabel(/Your answer/)).toHaveValue("12");
    await openSection(page, "Linear run costs");
    await expect(targetQuestion.getByRole("radio", { name: chosen, exact: true })).toBeChecked();
    await expect(page.locator("#questionnaire-progress-text")).toContainText("3 of 42 answered");

    // A team member edits the same answer in the meantime: the lead is asked, nothing is overwritten.
    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, demoUsers.member);
    await memberPage.goto("/team/checkout/assessment#section-linear-run-costs");
    const memberTarget = memberPage.getByRole("group", {
      name: /availability target chosen from an estimate/,
    });
    const memberChoice = await flipYesNo(memberTarget);
    await expect(memberPage.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
    // Opened from a link to the section, the page stays where the member is answering after the
    // save: focus stays on the answer, not back on the section's heading.
    await expect(memberTarget.getByRole("radio", { name: memberChoice, exact: true })).toBeFocused();

    // This page still shows the old answer; changing it here must not overwrite the member's.
    await targetQuestion.getByRole("radio", { name: "Don't know", exact: true }).check();
    const conflict = targetQuestion.locator("xpath=..").getByRole("alert");
    await expect(conflict).toContainText(
      `Riley Chen changed this to “${memberChoice}” while you were editing.`,
    );
    await conflict.getByRole("button", { name: "Keep theirs" }).click();
    await expect(targetQuestion.getByRole("radio", { name: memberChoice, exact: true })).toBeChecked();
    await expect(conflict).toHaveCount(0);

    // The member may answer but not submit.
    await memberPage.goto("/team/checkout/assessment/review");
    await expect(memberPage.getByText("The team lead submits the assessment (Jordan Baker).")).toBeVisible();
    await expect(memberPage.getByRole("button", { name: /Submit the 2026 Q4 assessment/ })).toHaveCount(0);
    await memberContext.close();

    // Confirm what still holds, section by section.
    for (const title of SECTIONS) {
      await openSection(page, title);
      const section = page.getByRole("region", { name: new RegExp(`^${title}`) });
      const confirmAll = section.getByRole("button", { name: /Confirm all in this section/ });
      if ((await confirmAll.count()) > 0) {
        await confirmAll.click();
        await expect(confirmAll).toHaveCount(0);
        await expectSaved(page);
      }
      await expect(page.getByText("Carried over from 2026 Q3 — confirm or change")).toHaveCount(0);
    }

    // Review: nothing missing, then submit.
    await page.getByRole("link", { name: "Review and submit" }).first().click();
    await expect(page).toHaveURL(/\/team\/checkout\/assessment\/review$/);
    await expect(
      page.getByRole("heading", { name: "Required questions without an answer (0)" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Carried-over answers to confirm (0)" })).toBeVisible();
    await expect(page.getByText("Ready to submit.")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    // Submitting asks first and says what it locks; Cancel leaves everything as it was.
    const submit = page.getByRole("button", { name: "Submit the 2026 Q4 assessment" });
    await submit.click();
    const confirm = page.getByRole("dialog", { name: "Submit the 2026 Q4 assessment?" });
    await expect(confirm).toContainText("can no longer be changed unless an admin");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(submit).toBeFocused();
    await expect(page).toHaveURL(/\/team\/checkout\/assessment\/review$/);
    await submit.click();
    await confirm.getByRole("button", { name: "Submit", exact: true }).click();

    // The result, right away: seven pitfalls with score, band and why.
    await expect(page).toHaveURL(/\/team\/checkout\/results\/2026-q4$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout: 2026 Q4 result");
    const results = page.getByTestId("pitfall-results").getByRole("article");
    await expect(results).toHaveCount(7);
    for (const score of await page.getByTestId("pitfall-score").allTextContents()) {
      expect(score).toMatch(/^(\d{1,3}\.\d \/ 100|No score)$/);
    }
    await expect(
      results
        .first()
        .getByText(/^(None|Low|Medium|High|Critical|Not scored)$/)
        .first(),
    ).toBeVisible();
    for (const href of await page
      .locator('main a[href^="/playbook/"][href*="#"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
      expect(href).toMatch(/^\/playbook\/[a-z-]+#[a-z0-9-]+$/);
    }
    await expectNoAccessibilityViolations(page);

    // The questionnaire is closed for changes, and the team page offers the result.
    await page.goto("/team/checkout");
    await expect(page.getByRole("link", { name: "View the 2026 Q4 result" })).toBeVisible();
    const teamPages = page.getByRole("navigation", { name: "Team pages" });
    await expect(teamPages.getByRole("link", { name: "Dashboard" })).toHaveAttribute(
      "href",
      "/team/checkout/dashboard",
    );
    await expect(teamPages.getByRole("link", { name: "Remediation plan" })).toHaveAttribute(
      "href",
      "/team/checkout/plan",
    );
    await page.goto("/team/checkout/assessment");
    await expect(
      page.getByText(/was submitted on .*, so its answers can no longer be changed/),
    ).toBeVisible();
  });

  test("the head of engineering manages cycles and reopens the assessment; the lead resubmits", async ({
    page,
    browser,
  }) => {
    await signIn(page, demoUsers.head);
    await page.goto("/cycles");
    await expect(page.getByRole("heading", { level: 1, name: "Assessment cycles" })).toBeVisible();
    const cycles = page.getByRole("table", { name: /Assessment cycles/ });
    await expect(cycles.getByRole("row", { name: /2026 Q4/ })).toContainText("Open");
    await expectNoAccessibilityViolations(page);

    // A new cycle starts as planned; it cannot open while 2026 Q4 is open.
    const form = page.getByRole("region", { name: "Create a cycle" });
    await expect(form.getByLabel("Year")).toHaveValue("2027");
    await form.getByRole("button", { name: "Create cycle" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "2027 Q1 was created. Open it when teams should start answering.",
    );
    const planned = cycles.getByRole("row", { name: /2027 Q1/ });
    await expect(planned).toContainText("Planned");
    // Opening it would only fail, so the button is disabled and says why.
    await expect(planned.getByRole("button", { name: "Open 2027 Q1" })).toBeDisabled();
    await expect(planned.getByRole("button", { name: "Open 2027 Q1" })).toHaveAccessibleDescription(
      "Close the open cycle first: one cycle is open at a time.",
    );
    await expect(planned).toContainText("Planned");
    await form.getByRole("button", { name: "Create cycle" }).click();
    await expect(form.getByRole("alert")).toHaveText("2027 Q1 already exists.");
    await expect(form.getByLabel("Quarter")).toHaveAttribute("aria-invalid", "true");

    // Reopen Checkout's 2026 Q4 assessment (submitted by the journey above) with a reason.
    await page.goto("/team/checkout/results/2026-q4");
    const reopen = page.getByRole("region", { name: "Reopen for changes" });
    await reopen.getByRole("button", { name: "Reopen the 2026 Q4 assessment" }).click();
    await expect(reopen.getByText(/Say why the assessment is reopened/)).toBeVisible();
    await reopen.getByLabel("Why is it reopened?").fill("The team asked to correct its on-call answers");
    await reopen.getByRole("button", { name: "Reopen the 2026 Q4 assessment" }).click();
    await expect(page.getByText("This assessment is reopened for changes.")).toBeVisible();
    // Who reopened it, when and why: the team reads it wherever it meets the assessment.
    const reopenedBy =
      /^Reopened by Priya Natarajan on \d{1,2} \w+ 2026: “The team asked to correct its on-call answers”\.$/;
    await expect(page.getByTestId("reopened-notice").locator("p").first()).toHaveText(reopenedBy);

    // The lead resubmits; the new submission replaces the stored results.
    const leadContext = await browser.newContext();
    const leadPage = await leadContext.newPage();
    await signIn(leadPage, demoUsers.lead);
    await leadPage.goto("/team/checkout");
    await expect(leadPage.getByTestId("reopening")).toHaveText(reopenedBy);
    await leadPage.getByRole("link", { name: "Continue the 2026 Q4 assessment" }).click();
    await expect(leadPage.getByTestId("reopened-notice").locator("p").first()).toHaveText(reopenedBy);
    await expect(leadPage.getByTestId("save-status")).toHaveText("Answers save automatically as you go.");
    await leadPage.getByRole("link", { name: "Review and submit" }).first().click();
    await expect(leadPage.getByTestId("reopened-notice").locator("p").first()).toHaveText(reopenedBy);
    await leadPage.getByRole("button", { name: "Submit the 2026 Q4 assessment" }).click();
    await leadPage.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
    await expect(leadPage).toHaveURL(/\/team\/checkout\/results\/2026-q4$/);
    await expect(leadPage.getByText("This assessment is reopened for changes.")).toHaveCount(0);
    await expect(leadPage.getByTestId("reopened-notice")).toHaveCount(0);
    await expect(leadPage.getByTestId("pitfall-results").getByRole("article")).toHaveCount(7);
    await leadContext.close();
  });
});
