import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoUsers, signIn } from "./support/auth";
import { withDemoDatabase } from "./support/demo-database";

// Four people of Checkout answer its anonymous pulse. Checkout's 2026 Q4 assessment may have been
// submitted by an earlier journey, which closes the pulse: it is set back to "reopened" for this
// spec and restored afterwards, and the pulse counts this spec made are removed again, so later
// specs see Checkout as they would have.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PASSWORD = "first-password-123";
const STRAIN = "How close to burnout the people on the rota feel";

interface CheckoutState {
  teamId: string;
  cycleId: string;
  assessmentStatus: string | null;
}

function checkoutState(): CheckoutState {
  return withDemoDatabase((database) => {
    const row = database
      .prepare(
        `SELECT t.id AS teamId, c.id AS cycleId, a.status AS assessmentStatus
         FROM team t JOIN cycle c ON c.status = 'open'
         LEFT JOIN assessment a ON a.teamId = t.id AND a.cycleId = c.id
         WHERE t.slug = 'checkout'`,
      )
      .get() as CheckoutState;
    return row;
  });
}

function setAssessmentStatus(state: CheckoutState, status: string) {
  withDemoDatabase((database) =>
    database
      .prepare(`UPDATE assessment SET status = ? WHERE teamId = ? AND cycleId = ?`)
      .run(status, state.teamId, state.cycleId),
  );
}

function clearPulse(state: CheckoutState) {
  withDemoDatabase((database) => {
    database
      .prepare(`DELETE FROM pulse_tally WHERE teamId = ? AND cycleId = ?`)
      .run(state.teamId, state.cycleId);
    database
      .prepare(`DELETE FROM pulse_participation WHERE teamId = ? AND cycleId = ?`)
      .run(state.teamId, state.cycleId);
  });
}

/** The page's title streams in with its metadata: axe is run once it is there. */
async function expectNoAxeViolations(page: Page, title: string) {
  await expect(page).toHaveTitle(`${title} · Pitfall Radar`);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => window.innerWidth)).toBe(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function signedIn(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

/** Answers the burnout question (and nothing else) as someone on the rota, confirming in the dialog. */
async function answerStrain(page: Page, option: string) {
  await page.getByLabel("I am on this team's on-call rota this quarter").check();
  await page
    .getByRole("group", { name: "How close to burning out does being on call leave you?" })
    .getByLabel(option, { exact: true })
    .check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  const dialog = page.getByRole("dialog", { name: "Send your answers?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Go back" })).toBeFocused();
  await expect(dialog.getByText(option, { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — your answers were counted" })).toBeVisible();
}

test.describe("the anonymous pulse", () => {
  let checkout: CheckoutState;
  let third: { name: string; email: string; id?: string };
  let fourth: { name: string; email: string; id?: string };

  test.beforeAll(() => {
    checkout = checkoutState();
    clearPulse(checkout);
    if (checkout.assessmentStatus === "submitted") setAssessmentStatus(checkout, "reopened");
  });

  test.afterAll(() => {
    clearPulse(checkout);
    if (checkout.assessmentStatus) setAssessmentStatus(checkout, checkout.assessmentStatus);
    // The third and fourth members were only needed here: they leave Checkout again.
    for (const person of [third, fourth])
      withDemoDatabase((database) =>
        database
          .prepare(`DELETE FROM role_assignment WHERE userId = (SELECT id FROM "user" WHERE email = ?)`)
          .run(person?.email ?? ""),
      );
  });

  test("four people answer; nothing shows after three, only the counts after four, and nobody answers twice", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    // A third and a fourth member of Checkout, added by an admin.
    third = { name: "Sam Okafor", email: `pulse.third.${Date.now()}@example.com` };
    fourth = { name: "Ada Mensah", email: `pulse.fourth.${Date.now()}@example.com` };
    await signIn(page, demoUsers.admin);
    for (const person of [third, fourth]) {
      await page.goto("/admin/people/new");
      await page.getByLabel("Name", { exact: true }).fill(person.name);
      await page.getByLabel("Email", { exact: true }).fill(person.email);
      await page.getByLabel("Initial password").fill(PASSWORD);
      await page.getByLabel("Member of").selectOption({ label: "Checkout" });
      await page.getByRole("button", { name: "Add person" }).click();
      await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    }

    // The lead finds the pulse on the team page, and opens it twice (a second tab stays on the form).
    const lead = await signedIn(browser, demoUsers.lead);
    await lead.page.goto("/team/checkout");
    const card = lead.page.getByRole("region", { name: "2026 Q4 anonymous pulse" });
    await expect(card.getByText("Nobody has answered the 2026 Q4 pulse yet.")).toBeVisible();
    await card.getByRole("link", { name: "Answer the anonymous pulse" }).click();
    await expect(lead.page).toHaveURL(/\/team\/checkout\/pulse$/);
    await expect(
      lead.page.getByRole("heading", { level: 1, name: "Checkout: 2026 Q4 anonymous pulse" }),
    ).toBeVisible();
    await expect(lead.page.getByText("Only counts of at least 4 people are shown")).toBeVisible();
    // The questions appear once the person says they are on the rota.
    const strainGroup = lead.page.getByRole("group", {
      name: "How close to burning out does being on call leave you?",
    });
    await expect(strainGroup).toBeHidden();
    await lead.page.getByLabel("I am on this team's on-call rota this quarter").check();
    await expect(strainGroup).toBeVisible();
    await expectNoAxeViolations(lead.page, "Checkout · Anonymous pulse");
    await lead.page.getByLabel("I am on this team's on-call rota this quarter").uncheck();
    const secondTab = await lead.context.newPage();
    await secondTab.goto("/team/checkout/pulse");

    // Sending without an answer is refused on the spot.
    await lead.page.getByRole("button", { name: "Send my answers" }).click();
    await expect(lead.page.locator("form [role=alert]")).toHaveText(
      /Choose an answer to at least one question/,
    );
    await answerStrain(lead.page, "Close to burning out");
    await expectNoAxeViolations(lead.page, "Checkout · Anonymous pulse");

    // The second tab still shows the form; sending from it is refused, says why and closes the form.
    await answerStrainRefused(secondTab);
    await lead.page.goto("/team/checkout/pulse");
    await expect(lead.page.getByRole("heading", { name: "You answered the 2026 Q4 pulse" })).toBeVisible();
    await expect(lead.page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);

    const member = await signedIn(browser, demoUsers.member);
    await member.page.goto("/team/checkout/pulse");
    await answerStrain(member.page, "Often exhausted");

    const newcomer = await signedIn(browser, third.email, PASSWORD);
    await newcomer.page.goto("/team/checkout/pulse");
    await answerStrain(newcomer.page, "Not at all");

    // After three answers the team page shows that three people answered, and nothing about what.
    await page.goto("/team/checkout");
    const pulseCard = page.getByRole("region", { name: "2026 Q4 anonymous pulse" });
    await expect(pulseCard.getByText("3 people answered the 2026 Q4 pulse.")).toBeVisible();
    // Below four answers a question is only listed as waiting, without any count.
    const waiting = pulseCard.getByRole("region", { name: "Not enough answers to show yet" });
    await expect(
      waiting.getByText("These 6 questions have fewer than 4 answers, so their counts stay hidden:"),
    ).toBeVisible();
    await expect(waiting.getByRole("listitem").filter({ hasText: STRAIN })).toHaveCount(1);
    await expect(pulseCard.getByRole("article")).toHaveCount(0);
    await expect(pulseCard.getByText(/of 3/)).toHaveCount(0);
    const strainResult = pulseCard.getByRole("article", { name: STRAIN });
    // Admins read the counts but do not answer.
    await expect(pulseCard.getByText(/Only the team's own people/)).toBeVisible();
    await expect(pulseCard.getByRole("link", { name: "Answer the anonymous pulse" })).toHaveCount(0);

    const latecomer = await signedIn(browser, fourth.email, PASSWORD);
    await latecomer.page.goto("/team/checkout/pulse");
    await answerStrain(latecomer.page, "Often exhausted");

    // After four, only the counts: per option, the number of answers and the average risk.
    await page.goto("/team/checkout");
    await expect(pulseCard.getByText("4 people answered the 2026 Q4 pulse.")).toBeVisible();
    await expect(strainResult.getByText("4 people answered.")).toBeVisible();
    const counts = strainResult.getByRole("list", { name: `Answers to: ${STRAIN}` }).getByRole("listitem");
    await expect(counts).toHaveText([
      /Not at all\s*1 of 4/,
      /Sometimes stretched, but I recover\s*0 of 4/,
      /Often exhausted\s*2 of 4/,
      /Close to burning out\s*1 of 4/,
    ]);
    await expect(strainResult.getByText("65.0 High")).toBeVisible();
    // A question nobody answered stays hidden.
    await expect(
      waiting
        .getByRole("listitem")
        .filter({ hasText: "Whether the people on the rota feel fairly paid for on-call" }),
    ).toHaveCount(1);
    await expect(
      pulseCard.getByRole("article", { name: "Whether the people on the rota feel fairly paid for on-call" }),
    ).toHaveCount(0);
    // Nobody's name appears with the pulse: not the answerers', anywhere on the page.
    const text = await page.locator("main").innerText();
    for (const name of ["Jordan Baker", "Riley Chen", third.name, fourth.name])
      expect(text).not.toContain(name);
    await expectNoAxeViolations(page, "Checkout · Team");

    // The lead sees they answered; the team page is readable on a phone.
    await lead.page.goto("/team/checkout");
    await expect(card.getByText("You answered this quarter's pulse.")).toBeVisible();
    await lead.page.setViewportSize({ width: 390, height: 844 });
    await lead.page.reload();
    await expect(card.getByText("You answered this quarter's pulse.")).toBeVisible();
    await expectNoSidewaysScroll(lead.page);
    await lead.page.goto("/team/checkout/pulse");
    await expect(lead.page.getByRole("heading", { name: "You answered the 2026 Q4 pulse" })).toBeVisible();
    await expectNoSidewaysScroll(lead.page);

    for (const session of [lead, member, newcomer, latecomer]) await session.context.close();
  });
});

/** Sends an answer from a form that was open before the person answered elsewhere: refused. */
async function answerStrainRefused(page: Page) {
  await page.getByLabel("I am on this team's on-call rota this quarter").check();
  await page
    .getByRole("group", { name: "How close to burning out does being on call leave you?" })
    .getByLabel("Not at all", { exact: true })
    .check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page
    .getByRole("dialog", { name: "Send your answers?" })
    .getByRole("button", { name: "Send my answers" })
    .click();
  // The form gives way to the reason, with focus on it, so nothing more can be sent from this tab.
  const notice = page.getByRole("alert").filter({ hasText: "Your answers were not sent" });
  await expect(notice).toContainText(
    "You have already answered this quarter's pulse. Answers are anonymous, so they cannot be changed or sent twice.",
  );
  await expect(notice.getByRole("heading", { name: "Your answers were not sent" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  await expect(notice.getByRole("link", { name: "Back to Checkout" })).toBeVisible();
  await expectNoAxeViolations(page, "Checkout · Anonymous pulse");
}
