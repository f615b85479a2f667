import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download, type Page } from "@playwright/test";
import Papa from "papaparse";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { demoUsers, signIn } from "./support/auth";

/** Due dates in next year: always ahead, since a day already gone is refused. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

// The coach's journey creates the plan items the member's journey then reads, so they run in order.
test.describe.configure({ mode: "serial" });

const PLAN_PATH = "/team/checkout/plan";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** What the coach saved, and the request that saved it, for the member's journey to check and forge. */
const shared: {
  actions: string[];
  cycleName: string;
  savedNote: string;
  saveRequest: { headers: Record<string, string>; body: Buffer } | null;
} = {
  actions: [],
  cycleName: "",
  savedNote: "Agreed in the retro, with the platform team",
  saveRequest: null,
};

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([]);
}

async function downloadedText(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error("the download was not saved");
  return readFile(path);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await document.destroy();
  return parts.join(" ").replace(/\s+/g, " ");
}

async function download(page: Page, buttonName: string): Promise<Download> {
  const downloadEvent = page.waitForEvent("download");
  await page.getByRole("button", { name: buttonName }).click();
  return downloadEvent;
}

test("a coach builds the checkout plan, sets owners and due dates, and exports CSV and PDF", async ({
  page,
}) => {
  await signIn(page, demoUsers.coach);
  await page.goto(PLAN_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Remediation plan: Checkout" })).toBeVisible();

  const ranking = page.getByRole("region", { name: "Ranked countermeasures" });
  const addButtons = ranking.getByRole("button", { name: /^Add to plan: / });
  await expect(addButtons.first()).toBeVisible();
  const names = await addButtons.evaluateAll((buttons) =>
    buttons.slice(0, 2).map((button) => button.getAttribute("aria-label") ?? ""),
  );
  shared.actions = names.map((name) => name.replace(/^Add to plan: /, "").trim());
  expect(shared.actions).toHaveLength(2);

  const plan = page.getByRole("region", { name: /^Plan \(/ });
  for (const action of shared.actions) {
    await ranking.getByRole("button", { name: `Add to plan: ${action}` }).click();
    await expect(plan.getByRole("heading", { name: action })).toBeVisible();
    // The new item's editor opens with focus on its owner: what to set next.
    await expect(
      plan.getByRole("article", { name: action }).getByLabel("Owner", { exact: true }),
    ).toBeFocused();
  }
  await expect(plan.getByRole("heading", { level: 2 })).toHaveText("Plan (2 items)");

  // Capture the save request, so the member's journey can replay it as a forgery.
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && !shared.saveRequest) {
      shared.saveRequest = { headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    }
  });

  const owners = [
    {
      label: "Riley Chen (Team member)",
      name: "Riley Chen",
      email: demoUsers.member,
      due: `${NEXT_YEAR}-01-31`,
    },
    {
      label: "Jordan Baker (Team lead)",
      name: "Jordan Baker",
      email: demoUsers.lead,
      due: `${NEXT_YEAR}-02-28`,
    },
  ];
  for (const [index, action] of shared.actions.entries()) {
    const item = plan.getByRole("article", { name: action });
    // Plan items are compact, the editor folded away, but adding opened these two.
    await item.getByLabel("Owner", { exact: true }).selectOption({ label: owners[index]!.label });
    await item.getByLabel("Due date", { exact: true }).fill(owners[index]!.due);
    if (index === 0) await item.getByLabel("Notes", { exact: true }).fill(shared.savedNote);
    await item.getByRole("button", { name: "Save changes" }).click();
    await expect(item.getByRole("status")).toHaveText("Saved.");
    // Sending the form did not drop keyboard focus to the top of the page.
    await expect(item.getByRole("button", { name: "Save changes" })).toBeFocused();
  }
  expect(shared.saveRequest).not.toBeNull();

  // Dropping needs a reason: without one the server refuses and says why, next to the field, and
  // names a past due date in the same answer rather than on the next save.
  const second = plan.getByRole("article", { name: shared.actions[1]! });
  await second.getByLabel("Status", { exact: true }).selectOption("dropped");
  await second.getByLabel("Due date", { exact: true }).fill("2020-01-31");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("Say why the item is dropped")).toBeVisible();
  await expect(second.getByLabel("Why is it dropped?", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(second.getByText("That day has passed: choose today or a later day")).toBeVisible();
  await expect(second.getByLabel("Due date", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await second.getByLabel("Due date", { exact: true }).fill(owners[1]!.due);
  await second.getByLabel("Status", { exact: true }).selectOption("in_progress");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  const first = plan.getByRole("article", { name: shared.actions[0]! });
  await expect(first.getByLabel("Owner", { exact: true })).toHaveValue(/.+/);
  await expect(first.getByLabel("Due date", { exact: true })).toHaveValue(`${NEXT_YEAR}-01-31`);
  await expect(
    first.getByText(/^.+: \d+(\.\d)? when added in \d{4} Q\d; no later result yet$/),
  ).toBeVisible();

  const exportForm = page.getByRole("group", { name: "Download the plan" });
  shared.cycleName =
    (await exportForm.getByLabel("Cycle", { exact: true }).locator("option:checked").textContent()) ?? "";
  expect(shared.cycleName).toMatch(/^\d{4} Q[1-4]$/);
  const cycleSlug = shared.cycleName.toLowerCase().replace(" ", "-");

  const csvDownload = await download(page, "Download CSV for Jira");
  expect(csvDownload.suggestedFilename()).toBe(`checkout-${cycleSlug}-plan.csv`);
  const csv = Papa.parse<Record<string, string>>((await downloadedText(csvDownload)).toString("utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields).toEqual(["Summary", "Description", "Due date", "Labels", "Priority", "Assignee"]);
  expect(csv.data.map((row) => [row.Summary, row.Assignee, row["Due date"]])).toEqual([
    [shared.actions[0], owners[0]!.email, owners[0]!.due],
    [shared.actions[1], owners[1]!.email, owners[1]!.due],
  ]);
  expect(csv.data[0]!.Description).toContain(shared.savedNote);

  const pdfDownload = await download(page, "Download PDF summary");
  expect(pdfDownload.suggestedFilename()).toBe(`checkout-${cycleSlug}-plan.pdf`);
  const text = await pdfText(await downloadedText(pdfDownload));
  expect(text).toContain("Checkout: remediation plan");
  expect(text).toContain(shared.cycleName);
  for (const action of shared.actions) expect(text).toContain(action);
  // The PDF is for people: owners by name, never by email (the Jira CSV keeps the email it matches on).
  expect(text).toContain(owners[0]!.name);
  expect(text).not.toContain(owners[0]!.email);

  await expectNoAxeViolations(page);
});

test("a team member reads the plan, cannot change or export it, and marks the progress of the item they own", async ({
  page,
}) => {
  expect(shared.actions).toHaveLength(2);
  await signIn(page, demoUsers.member);
  await page.goto(PLAN_PATH);
  const plan = page.getByRole("region", { name: /^Plan \(/ });
  for (const action of shared.actions)
    await expect(plan.getByRole("heading", { name: action })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: shared.savedNote })).toBeVisible();

  await expect(
    page.getByRole("button", { name: /Add to plan|Save changes|Remove from plan|Download/ }),
  ).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);

  const exportResponse = await page.request.get("/api/exports/teams/checkout?format=csv");
  expect(exportResponse.status()).toBe(403);

  // Replays the coach's save with the member's session and a changed note: the server refuses it.
  const saved = shared.saveRequest!;
  const forgedBody = Buffer.from(
    saved.body.toString("utf8").replace(shared.savedNote, "Forged by a member"),
    "utf8",
  );
  const forged = await page.request.post(PLAN_PATH, {
    headers: {
      accept: saved.headers["accept"] ?? "text/x-component",
      "content-type": saved.headers["content-type"]!,
      "next-action": saved.headers["next-action"]!,
      ...(saved.headers["next-router-state-tree"]
        ? { "next-router-state-tree": saved.headers["next-router-state-tree"] }
        : {}),
      origin: new URL(page.url()).origin,
    },
    data: forgedBody,
  });
  expect(await forged.text()).toContain("You do not have permission to do that.");

  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: shared.savedNote })).toBeVisible();
  await expect(page.getByText("Forged by a member")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Riley owns the first item: owning it means marking its progress (not its owner or due date).
  const mine = plan.getByRole("article", { name: shared.actions[0]! });
  await mine.getByText("Details and progress").click();
  await expect(mine.getByLabel("Owner", { exact: true })).toHaveCount(0);
  await expect(mine.getByLabel("Due date", { exact: true })).toHaveCount(0);
  await mine.getByLabel("Status", { exact: true }).selectOption("in_progress");
  await mine.getByLabel("Notes", { exact: true }).fill("Riley: the rota draft is with the team");
  await mine.getByRole("button", { name: "Save progress" }).click();
  await expect(mine.getByRole("status")).toHaveText("Saved.");
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(
    mine.getByRole("definition").filter({ hasText: "Riley: the rota draft is with the team" }),
  ).toBeVisible();
  await expect(mine.getByText("In progress").first()).toBeVisible();
  // The lead's item stays read-only for Riley, and nothing can be removed.
  const theirs = plan.getByRole("article", { name: shared.actions[1]! });
  await theirs.locator("summary").click();
  await expect(theirs.getByRole("button", { name: /Save/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove from plan/ })).toHaveCount(0);
});

test("a coach sees the units they coach and downloads the heatmap CSV", async ({ page }) => {
  await signIn(page, demoUsers.coach);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Remediation plans" })).toBeVisible();
  const units = page.getByRole("table", { name: "Org units and their plan items" });
  await expect(units.getByRole("rowheader")).toHaveText(["Customer Experience", "Payments"]);

  const heatmap = await download(page, "Download heatmap CSV");
  expect(heatmap.suggestedFilename()).toMatch(/^heatmap-\d{4}-q[1-4]\.csv$/);
  const rows = Papa.parse<Record<string, string>>((await downloadedText(heatmap)).toString("utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  expect(rows.errors).toEqual([]);
  expect(new Set(rows.data.map((row) => row["Org unit"]))).toEqual(
    new Set(["Customer Experience", "Payments"]),
  );
  expect(rows.data).toHaveLength(10);

  await units.getByRole("link", { name: "Payments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plans of Payments" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Countermeasures by number of teams" })).toBeVisible();
  const checkout = page
    .getByRole("table", { name: "Teams of Payments and their plans" })
    .getByRole("row", { name: /Checkout/ });
  // Columns after the team: latest results, plan items, open, overdue, done.
  // As shown: the column's name beside a value is for phones only.
  await expect(checkout.getByRole("cell").nth(1)).toHaveText("2", { useInnerText: true });
  await expect(checkout.getByRole("cell").nth(2)).toHaveText("2", { useInnerText: true });
  await expectNoAxeViolations(page);
});
