import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoAccessibilityViolations, expectSaved, openSection } from "./support/questionnaire";

/**
 * The questionnaire asks only what applies to the team: a question its saved team context rules out
 * is not shown, counted or required, and comes back as soon as a context answer brings it in.
 * Web Storefront's lead, whose 2026 Q4 draft no other spec touches.
 */
const LEAD = "lead.web-storefront@example.com";
const DOCUMENTED_NEED = /If your service's target is 99\.99%, is there a documented business need/;
const ON_CALL_SHARE = /What percentage of your team's engineers take part in the out-of-hours on-call rota/;

/** The number of questions the progress counts ("3 of 52 answered" gives 52). */
async function questionsCounted(page: Page): Promise<number> {
  const text = await page.locator("#questionnaire-progress-text").textContent();
  return Number(/of (\d+) answered/.exec(text ?? "")?.[1]);
}

test("a question the team context rules out is not asked, and comes back when the context changes", async ({
  page,
}) => {
  await signIn(page, LEAD);
  await page.goto("/team/web-storefront/assessment");
  const context = page.getByRole("region", { name: /^Team context/ });
  const target = context.getByRole("group", {
    name: /What availability target does your most important service/,
  });
  const documentedNeed = context.getByRole("group", { name: DOCUMENTED_NEED });
  const notAskedNote = context.getByText(
    "1 question of this section is not asked: your answers above say it does not apply to your team.",
  );

  await target.getByRole("radio", { name: /^99\.99%/ }).check();
  await expectSaved(page);
  await expect(documentedNeed).toBeVisible();
  await expect(notAskedNote).toHaveCount(0);
  const withIt = await questionsCounted(page);

  await target.getByRole("radio", { name: /^99\.0%/ }).check();
  await expectSaved(page);
  await expect(documentedNeed).toHaveCount(0);
  await expect(notAskedNote).toBeVisible();
  expect(await questionsCounted(page)).toBe(withIt - 1);

  // A pitfall question: the share of the team on its own rota, for a team on its own rota only.
  const setup = context.getByRole("group", { name: /Who responds when your service has a problem outside/ });
  await setup.getByRole("radio", { name: "A schedule shared with sibling teams in our domain" }).check();
  await expectSaved(page);
  await openSection(page, "Limited on-call schedule");
  const onCall = page.getByRole("region", { name: /^Limited on-call schedule/ });
  await expect(onCall.getByRole("group", { name: ON_CALL_SHARE })).toHaveCount(0);
  await expect(onCall.getByText(/^1 question of this section is not asked/)).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // After a reload the saved context still decides.
  await page.reload();
  await openSection(page, "Limited on-call schedule");
  await expect(onCall.getByRole("group", { name: ON_CALL_SHARE })).toHaveCount(0);

  // "My answers" has no team context of its own: the team's saved one decides there too.
  await page.goto("/team/web-storefront/assessment/mine");
  await openSection(page, "Limited on-call schedule");
  await expect(onCall.getByRole("group", { name: ON_CALL_SHARE })).toHaveCount(0);
  await expect(onCall.getByText(/^1 question of this section is not asked/)).toBeVisible();

  await page.goto("/team/web-storefront/assessment");
  await setup.getByRole("radio", { name: "Our team's own on-call schedule" }).check();
  await expectSaved(page);
  await openSection(page, "Limited on-call schedule");
  await expect(onCall.getByRole("group", { name: ON_CALL_SHARE })).toBeVisible();
  await expect(onCall.getByText(/is not asked/)).toHaveCount(0);
  await page.goto("/team/web-storefront/assessment/mine");
  await openSection(page, "Limited on-call schedule");
  await expect(onCall.getByRole("group", { name: ON_CALL_SHARE })).toBeVisible();
});

test("'not applicable' that the team's own context rules out says so the moment it is chosen, as the review does", async ({
  page,
}) => {
  await signIn(page, LEAD);
  await page.goto("/team/web-storefront/assessment");
  const context = page.getByRole("region", { name: /^Team context/ });
  const ownSchedule = context
    .getByRole("group", { name: /Who responds when your service has a problem outside/ })
    .getByRole("radio", { name: "Our team's own on-call schedule" });
  if (!(await ownSchedule.isChecked())) {
    await ownSchedule.check();
    await expectSaved(page);
  }
  await openSection(page, "Limited on-call schedule");
  const question = page
    .getByRole("region", { name: /^Limited on-call schedule/ })
    .getByRole("group", { name: ON_CALL_SHARE });
  const status = page.getByTestId("save-status");
  const sentence =
    /^Your team context says this applies to your team \(.*Our team's own on-call schedule\), so it cannot be "not applicable"\. Answer it, or choose "don't know"\.$/;

  // Start from "don't know", whatever the draft held (Not applicable is a toggle on a number question).
  const dontKnow = question.getByRole("button", { name: "Don't know" });
  if ((await dontKnow.getAttribute("aria-pressed")) !== "true") {
    await dontKnow.click();
    await expectSaved(page);
  }

  // Said on the question at once, before any reason is written, and in the save status.
  await question.getByRole("button", { name: "Not applicable" }).click();
  const said = question.getByTestId("not-applicable-contradiction");
  await expect(said).toHaveText(sentence);
  await expect(question).toHaveAccessibleDescription(/cannot be "not applicable"/);
  await expect(status).toHaveText(
    /^“What percentage of .*” cannot be “Not applicable”: your team context says it applies/,
  );
  await expectNoAccessibilityViolations(page);

  // Saved with its reason all the same, but never as a plain green "Saved".
  const reason = question.getByLabel(/Why does this not apply/);
  await reason.fill("We have no rota this quarter");
  await reason.blur();
  await expect(status).toHaveText(/^Saved\. “What percentage of .*” cannot be “Not applicable”/, {
    timeout: 15_000,
  });
  const words = await said.textContent();

  // The review lists it in the same words, and submitting waits for it.
  await page.goto("/team/web-storefront/assessment/review");
  const toCorrect = page.getByRole("region", { name: /^Answers to correct \(\d+\)$/ });
  await expect(toCorrect.getByRole("listitem").filter({ hasText: ON_CALL_SHARE })).toContainText(words!);

  // "Don't know" is accepted: the sentence goes, and the status reads Saved.
  await page.goto("/team/web-storefront/assessment");
  await openSection(page, "Limited on-call schedule");
  await dontKnow.click();
  await expectSaved(page);
  await expect(said).toHaveCount(0);
});

test("answers that cannot all be true are said beside both, on the review, and go once one is corrected", async ({
  page,
}) => {
  await signIn(page, LEAD);
  await page.goto("/team/web-storefront/assessment");
  const context = page.getByRole("region", { name: /^Team context/ });
  const ownSchedule = context
    .getByRole("group", { name: /Who responds when your service has a problem outside/ })
    .getByRole("radio", { name: "Our team's own on-call schedule" });
  if (!(await ownSchedule.isChecked())) {
    await ownSchedule.check();
    await expectSaved(page);
  }
  const teamSize = context.getByRole("group", { name: /How many people are in your product team/ });
  const rotaSize = context.getByRole("group", {
    name: /How many people take turns on the out-of-hours rota/,
  });
  const status = page.getByTestId("save-status");
  const sentence =
    /^Your team context says your team runs its own on-call schedule with 6 people on the rota, but has 3 people in the team\. A team's own rota cannot be larger than the team/;

  await teamSize.getByRole("spinbutton").fill("3");
  await teamSize.getByRole("spinbutton").blur();
  await rotaSize.getByRole("spinbutton").fill("6");
  await rotaSize.getByRole("spinbutton").blur();
  await expect(status).toHaveText(
    /^Saved\. Two answers cannot both be true: the message beside “How many people are in your product team/,
    {
      timeout: 15_000,
    },
  );
  await expect(teamSize.getByTestId("impossible-answers")).toHaveText(sentence);
  await expect(rotaSize.getByTestId("impossible-answers")).toHaveText(sentence);
  await expect(rotaSize).toHaveAccessibleDescription(/cannot be larger than the team/);
  await expectNoAccessibilityViolations(page);

  await page.goto("/team/web-storefront/assessment/review");
  const toCorrect = page.getByRole("region", { name: /^Answers to correct \(\d+\)$/ });
  await expect(
    toCorrect.getByRole("listitem").filter({ hasText: /How many people are in your product team/ }),
  ).toContainText("cannot be larger than the team");
  await expect(
    toCorrect
      .getByRole("listitem")
      .filter({ hasText: /How many people take turns on the out-of-hours rota/ }),
  ).toContainText("cannot be larger than the team");

  await page.goto("/team/web-storefront/assessment");
  await rotaSize.getByRole("spinbutton").fill("3");
  await rotaSize.getByRole("spinbutton").blur();
  await expectSaved(page);
  await expect(page.getByTestId("impossible-answers")).toHaveCount(0);
});
