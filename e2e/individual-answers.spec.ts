import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { expectNoAccessibilityViolations, expectSaved, openSection } from "./support/questionnaire";
import { deleteOpenCycleAssessment, openCycleAssessment, withDemoDatabase } from "./support/demo-database";

/**
 * Individual answers: four people of Checkout answer on their own and one of them disagrees; the
 * lead sees the split and the suggested team answer, settles the team answer, fills a question the
 * team left open from their own answers, and submits; the result shows where the team disagreed.
 */

const TEAM = { slug: "checkout", name: "Checkout" };
const MY_ANSWERS = `/team/${TEAM.slug}/assessment/mine`;
const SECTION = "Linear run costs";
/** Yes/no; the team splits on it: the lead, Riley and the fourth member say yes, the third member no. */
const SPLIT_QUESTION = {
  id: "lrc-target-chosen-on-exposure",
  prompt:
    "Was your service's availability target chosen from an estimate of what an hour of downtime would cost?",
};
/** A choice everyone answers alike; the lead clears the team answer and fills it from theirs. */
const AGREED_QUESTION = {
  id: "lrc-out-of-hours-cover-decided-by",
  prompt: "How was your out-of-hours on-call arrangement decided?",
  choice: "We inherited it and have not revisited it",
};
const THIRD_PASSWORD = "third-member-password-1";
const FOURTH_PASSWORD = "fourth-member-password-1";

let checkoutHadStarted = false;
let thirdEmail = "";
let fourthEmail = "";

/** A question's card on the questionnaire: its fields, and what the team's own answers say. */
const questionCard = (page: Page, questionId: string) => page.locator(`#question-${questionId}`);

async function signedIn(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

/** Gives one's own answers on "My answers": the split question, and the question everyone agrees on. */
async function answerOnMyOwn(page: Page, splitAnswer: "Yes" | "No") {
  await page.goto(MY_ANSWERS);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${TEAM.name}: my answers for 2026 Q4`);
  await expect(page.getByText("These are your own answers")).toBeVisible();
  // The team context is the team's: "My answers" starts with the first pitfall.
  await expect(page.getByRole("region", { name: new RegExp(`^${SECTION}`) })).toBeVisible();
  await page
    .getByRole("group", { name: SPLIT_QUESTION.prompt })
    .getByRole("radio", { name: splitAnswer, exact: true })
    .check();
  await expectSaved(page);
  await page
    .getByRole("group", { name: AGREED_QUESTION.prompt })
    .getByRole("radio", { name: AGREED_QUESTION.choice })
    .check();
  await expectSaved(page);
  // One's own answers keep no note, and none of them is required: the team's answers are.
  await expect(page.getByText("Add a note")).toHaveCount(0);
  await expect(page.locator("#questionnaire-progress-text")).toHaveText(/^2 of \d+ answered$/);
}

test.describe("individual answers", () => {
  test.beforeAll(() => {
    // A clean quarter for Checkout: whatever an earlier spec left in the open cycle goes.
    checkoutHadStarted = openCycleAssessment(TEAM.slug) !== null;
    deleteOpenCycleAssessment(TEAM.slug);
  });

  test.afterAll(() => {
    // Checkout keeps its two demo people, and its quarter as the specs before this one left it.
    for (const email of [thirdEmail, fourthEmail].filter(Boolean)) {
      withDemoDatabase((database) =>
        database
          .prepare('DELETE FROM role_assignment WHERE userId = (SELECT id FROM "user" WHERE email = ?)')
          .run(email),
      );
    }
    if (!checkoutHadStarted) deleteOpenCycleAssessment(TEAM.slug);
  });

  test("four people answer on their own, the lead settles the split and submits, the result shows the disagreement", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);

    // An admin adds a third and a fourth member to Checkout.
    const admin = await signedIn(browser, demoUsers.admin);
    thirdEmail = `sam.third.${Date.now()}@example.com`;
    fourthEmail = `kim.fourth.${Date.now()}@example.com`;
    for (const person of [
      { name: "Sam Third", email: thirdEmail, password: THIRD_PASSWORD },
      { name: "Kim Fourth", email: fourthEmail, password: FOURTH_PASSWORD },
    ]) {
      await admin.page.goto("/admin/people/new");
      await admin.page.getByLabel("Name", { exact: true }).fill(person.name);
      await admin.page.getByLabel("Email", { exact: true }).fill(person.email);
      await admin.page.getByLabel("Initial password").fill(person.password);
      await admin.page.getByLabel("Member of").selectOption({ label: TEAM.name });
      await admin.page.getByRole("button", { name: "Add person" }).click();
      await expect(admin.page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    }
    // Admins read every team, but never answer as one of it.
    await admin.page.goto(MY_ANSWERS);
    await expect(admin.page.getByRole("heading", { level: 1 })).not.toContainText("my answers");
    await admin.context.close();

    // Riley, a member, is led to "My answers" first: on the start page and on the team page, where
    // it is the main button, and starts the quarter from it.
    const member = await signedIn(browser, demoUsers.member);
    await member.page.goto("/");
    const due = member.page.getByRole("region", { name: "Your assessment is due" });
    await expect(
      due.getByRole("link", { name: `My answers for the 2026 Q4 assessment of ${TEAM.name}` }),
    ).toHaveAttribute("href", MY_ANSWERS);
    await expect(due.getByRole("link", { name: /^Start the 2026 Q4 assessment/ })).toHaveCount(0);
    await member.page.goto(`/team/${TEAM.slug}`);
    await expect(member.page.getByText("Your own answers")).toBeVisible();
    await expect(member.page.getByRole("button", { name: /^Start the 2026 Q4 assessment/ })).toHaveCount(0);
    await expect(member.page.getByText(/The team's answers are shared, and .+ submits them\./)).toBeVisible();
    await member.page.getByRole("link", { name: "My answers", exact: true }).click();
    await expect(member.page).toHaveURL(new RegExp(`${MY_ANSWERS}$`));
    await member.page.getByRole("button", { name: "Start answering" }).click();
    await expect(member.page.getByRole("navigation", { name: "Questionnaire sections" })).toBeVisible();
    await answerOnMyOwn(member.page, "Yes");
    await expectNoAccessibilityViolations(member.page);
    await member.page.goto(`/team/${TEAM.slug}`);
    await expect(member.page.locator("dt:text-is('Your own answers') + dd")).toHaveText(/^2 of \d+ answered/);
    // The team's questionnaire stays open to members, and says whose answers they are.
    await member.page.getByRole("link", { name: "edit the team's answers" }).click();
    await expect(member.page).toHaveURL(new RegExp(`/team/${TEAM.slug}/assessment$`));
    const notice = member.page.getByTestId("team-answers-notice");
    await expect(notice).toContainText(/^You are editing the team's answers, which .+ submits\./);
    await expect(notice.getByRole("link", { name: "My answers" })).toHaveAttribute("href", MY_ANSWERS);

    // On a phone, "My answers" fits the screen.
    await member.page.setViewportSize({ width: 390, height: 844 });
    await member.page.goto(MY_ANSWERS);
    await expect(member.page.getByRole("group", { name: SPLIT_QUESTION.prompt })).toBeVisible();
    const width = await member.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(width.scrollWidth, `My answers is ${width.scrollWidth} px wide`).toBeLessThanOrEqual(
      width.innerWidth,
    );

    // Sam, the third member, sees the other way.
    const third = await signedIn(browser, thirdEmail, THIRD_PASSWORD);
    await answerOnMyOwn(third.page, "No");
    await third.context.close();

    // The lead answers on their own too.
    await signIn(page, demoUsers.lead);
    await answerOnMyOwn(page, "Yes");

    // With only two answers besides their own, the lead is shown nothing of the others' answers.
    await page.goto(`/team/${TEAM.slug}/assessment`);
    await openSection(page, SECTION);
    await expect(page.getByRole("group", { name: SPLIT_QUESTION.prompt })).toBeVisible();
    await expect(page.getByTestId("individual-answers")).toHaveCount(0);

    // Kim, the fourth member, sides with the lead: now three answers besides the lead's own are in.
    const fourth = await signedIn(browser, fourthEmail, FOURTH_PASSWORD);
    await answerOnMyOwn(fourth.page, "Yes");
    await fourth.context.close();

    // Members never see other people's answers before submission, not even on the team's questionnaire.
    await member.page.setViewportSize({ width: 1280, height: 800 });
    await member.page.goto(`/team/${TEAM.slug}/assessment`);
    await openSection(member.page, SECTION);
    await expect(member.page.getByTestId("individual-answers")).toHaveCount(0);
    await member.context.close();

    // The lead's team questionnaire shows the spread, the split and the suggested team answer.
    await page.goto(`/team/${TEAM.slug}/assessment`);
    // The lead submits: no "you are editing the team's answers" reminder for them.
    await expect(page.getByTestId("team-answers-notice")).toHaveCount(0);
    await openSection(page, SECTION);
    const split = questionCard(page, SPLIT_QUESTION.id);
    const splitSummary = split.getByTestId("individual-answers");
    await expect(splitSummary).toContainText("The team's own answers (4 people)");
    await expect(splitSummary).toContainText("Yes 3 · No 1");
    await expect(splitSummary).toContainText("Team split");
    await expect(splitSummary).toContainText("Suggested team answer: Yes");
    await expect(split.getByRole("group", { name: SPLIT_QUESTION.prompt })).toHaveAccessibleDescription(
      /Team split: the team's own answers are far apart on this question/,
    );
    // The lead starts from "No" and settles on the suggestion.
    await split.getByRole("radio", { name: "No", exact: true }).check();
    await expectSaved(page);
    await split.getByRole("button", { name: /^Use this answer/ }).click();
    await expect(split.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
    await expectSaved(page);
    await expect(splitSummary).toContainText("(the team answer now)");
    await expect(split.getByRole("button", { name: /^Use this answer/ })).toHaveCount(0);

    const agreed = questionCard(page, AGREED_QUESTION.id);
    await expect(agreed.getByTestId("individual-answers")).toContainText(`${AGREED_QUESTION.choice} 4`);
    await expect(agreed.getByTestId("individual-answers")).not.toContainText("Team split");
    // The lead leaves the team answer open, to fill it from the team's own answers on the review.
    await agreed.getByRole("button", { name: /^Clear answer/ }).click();
    await expectSaved(page);
    await expectNoAccessibilityViolations(page);

    // The review: who answered on their own, where the team is split, and what can be filled.
    await page.goto(`/team/${TEAM.slug}/assessment/review`);
    const individual = page.getByRole("region", { name: "Answers given on their own" });
    await expect(individual).toContainText("4 people have answered on their own.");
    await expect(individual.getByRole("link", { name: SPLIT_QUESTION.prompt })).toHaveAttribute(
      "href",
      `/team/${TEAM.slug}/assessment#question-${SPLIT_QUESTION.id}`,
    );
    await expect(individual).toContainText(`would be filled with “${AGREED_QUESTION.choice}”`);
    const confirm = page.getByRole("button", { name: /^Confirm all \d+ remaining$/ });
    if (await confirm.count()) {
      await confirm.click();
      await expect(
        page.getByText(/^Confirmed \d+ carried-over answers? as (it was|they were)\.$/),
      ).toBeVisible();
    }
    await individual
      .getByRole("button", { name: "Fill 1 unanswered question from the team's answers" })
      .click();
    await expect(individual.getByRole("status")).toHaveText(
      "Filled 1 team answer from the team's own answers.",
    );
    await expect(individual.getByRole("status")).toBeFocused();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Submit the 2026 Q4 assessment" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/team/${TEAM.slug}/results/2026-q4$`));

    // The result shows where the team disagreed: counts, never names, and the team answer submitted.
    const disagreed = page.getByRole("region", { name: "Where the team disagreed" });
    await expect(disagreed).toContainText(SPLIT_QUESTION.prompt);
    await expect(disagreed).toContainText("Answers on their own: Yes 3 · No 1");
    await expect(disagreed).toContainText("Team answer: Yes");
    await expect(disagreed).not.toContainText("Sam Third");
    await expect(disagreed).not.toContainText("Kim Fourth");
    await expect(disagreed).not.toContainText(AGREED_QUESTION.prompt);
    await expectNoAccessibilityViolations(page);

    // Submitted: individual answers are frozen, and still there to read.
    await page.goto(MY_ANSWERS);
    await expect(page.getByText(/so your answers can no longer be changed/)).toBeVisible();
    const record = page.getByRole("region", { name: "Your answers for 2026 Q4" });
    await expect(record).toContainText(/Read-only: 2 of \d+ answered\./);
    const splitAnswer = record.getByRole("term").filter({ hasText: SPLIT_QUESTION.prompt });
    await expect(splitAnswer.locator("xpath=following-sibling::dd[1]")).toHaveText("Yes");
    await expect(
      record
        .getByRole("term")
        .filter({ hasText: AGREED_QUESTION.prompt })
        .locator("xpath=following-sibling::dd[1]"),
    ).toHaveText(AGREED_QUESTION.choice);
    await expect(record.getByRole("radio")).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
