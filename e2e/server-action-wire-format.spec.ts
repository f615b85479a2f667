/**
 * proxy.ts reads the framework's undocumented server-action request format to refuse malformed
 * and oversized actions before they reach the framework's decoder. This drives a real server
 * action of the built app (a form action: sign-in), checks that its request still has the format
 * proxy.ts reads and the same shape as the sample the unit test replays
 * (tests/unit/proxy/server-action-requests.json), and that the running proxy refuses the same
 * requests with unreadable arguments. After a React or Next.js upgrade that changes the format,
 * this fails with a message saying so, instead of proxy.ts silently letting requests by.
 *
 * The app's pages no longer call an action directly with a plain value (autosave, the one that
 * did, posts JSON to its own routes), so the direct-call sample in that file is the one recorded
 * from the autosave action under Next.js 16.4.6; recording keeps it. The proxy still reads such
 * calls, since anyone can send one, and the running proxy's refusal of an unreadable one is
 * checked below.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page, type Request } from "@playwright/test";
import {
  ACTION_HEADER,
  type CapturedActionRequest,
  WIRE_FORMAT_CHANGED,
  wireFormatOf,
} from "../tests/support/server-action-wire";
import { DEMO_PASSWORD } from "./support/auth";

const SAMPLES_FILE = "tests/unit/proxy/server-action-requests.json";
const RECORDING = process.env.RECORD_SERVER_ACTION_REQUESTS === "1";
/** A team with a draft in the demo's open cycle that no other spec works on. */
const TEAM = "notifications";

async function capture(name: string, request: Request): Promise<CapturedActionRequest> {
  const all = await request.allHeaders();
  const headers: Record<string, string> = {};
  for (const header of [ACTION_HEADER, "content-type"]) if (all[header]) headers[header] = all[header];
  return { name, path: new URL(request.url()).pathname, headers, body: request.postData() ?? "" };
}

async function expectKnownFormat(captured: CapturedActionRequest) {
  const live = await wireFormatOf(captured).catch((error: Error) => {
    throw new Error(`${captured.name}: ${error.message}.\n${WIRE_FORMAT_CHANGED}`);
  });
  if (RECORDING) return;
  const samples = JSON.parse(readFileSync(SAMPLES_FILE, "utf8")) as CapturedActionRequest[];
  const sample = samples.find((candidate) => candidate.name === captured.name);
  expect(sample, `a recorded sample named "${captured.name}" in ${SAMPLES_FILE}`).toBeDefined();
  expect(live, `${captured.name}: ${WIRE_FORMAT_CHANGED}`).toEqual(await wireFormatOf(sample!));
}

function postsTo(page: Page, path: string | RegExp): Promise<Request> {
  return page.waitForRequest(
    (request) =>
      request.method() === "POST" &&
      (typeof path === "string"
        ? new URL(request.url()).pathname === path
        : path.test(new URL(request.url()).pathname)),
  );
}

test("real server actions still send the request format proxy.ts reads, and the proxy refuses unreadable ones", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const captured: CapturedActionRequest[] = [];

  // A form action (multipart/form-data).
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`lead.${TEAM}@example.com`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  const signIn = postsTo(page, "/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  const signInRequest = await signIn;
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect((await signInRequest.response())?.status(), "the proxy let the real sign-in through").toBeLessThan(
    400,
  );
  captured.push(await capture("sign in (form action)", signInRequest));

  for (const request of captured) await expectKnownFormat(request);
  if (RECORDING) {
    const kept = (JSON.parse(readFileSync(SAMPLES_FILE, "utf8")) as CapturedActionRequest[]).filter(
      (sample) => !captured.some((live) => live.name === sample.name),
    );
    writeFileSync(SAMPLES_FILE, `${JSON.stringify([...captured, ...kept], null, 2)}\n`);
    test.info().annotations.push({ type: "recorded", description: SAMPLES_FILE });
  }

  // The running proxy recognises these requests as actions and reads their arguments: the same
  // requests with unreadable arguments end as its 400, before the framework's decoder sees them.
  const [formAction] = captured as [CapturedActionRequest];
  const unreadableForm = await page.request.post(formAction.path, {
    headers: { [ACTION_HEADER]: formAction.headers[ACTION_HEADER]! },
    multipart: { "0": "not a list of arguments" },
    maxRedirects: 0,
  });
  expect(unreadableForm.status()).toBe(400);
  expect(await unreadableForm.json()).toEqual({
    error: "The request body could not be read as action arguments.",
  });

  // A direct call (its arguments as the whole text/plain body) to the same action.
  const chasedReference = await page.request.post(formAction.path, {
    headers: {
      [ACTION_HEADER]: formAction.headers[ACTION_HEADER]!,
      "content-type": "text/plain;charset=UTF-8",
    },
    data: '["$Q1"]',
    maxRedirects: 0,
  });
  expect(chasedReference.status()).toBe(400);
  expect(await chasedReference.json()).toEqual({
    error: "The action arguments contain values this app does not accept.",
  });
});
