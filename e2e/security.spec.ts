/**
 * The edges an outside probe goes for: sign-in throttling by address, redirects after sign-in,
 * malformed addresses, cross-origin action calls and autosaves, clients that stall their request
 * bodies, and the Content-Security-Policy on every page.
 */
import { connect, type Socket } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers, signIn } from "./support/auth";
import { openCycleAssessment, withDemoDatabase } from "./support/demo-database";

/** Throttle counts this spec leaves behind must not slow down the specs after it. */
function clearSignInThrottle() {
  withDemoDatabase((database) => database.prepare("DELETE FROM rate_limit WHERE key LIKE 'sign-in:%'").run());
}

test.afterAll(clearSignInThrottle);

test.describe("sign-in abuse", () => {
  test.beforeEach(clearSignInThrottle);

  test("a rotated X-Forwarded-For does not escape the per-address limit, which blames the network and lets known people in", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const formAlert = page.locator("form [role=alert]");
    // The admin signs in from this machine first, so it is an address their account is known at.
    await signIn(page, demoUsers.admin);
    await page.context().clearCookies();
    // 20 failures from this machine, each claiming another address and trying another account.
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${attempt}` });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(`nobody-${attempt}@example.com`);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert).toHaveText("That email and password do not match an active account.");
    }
    // Yet another claimed address, and a real account with its right password: still this machine.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.77" });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoUsers.member);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert).toHaveText(
      /^Too many failed sign-ins from your network, not necessarily yours: sign-in from it is paused\. Try again in \d+ minutes\.$/,
    );
    // The admin, known at this address, still gets in with the right password.
    await signIn(page, demoUsers.admin);
  });

  const REDIRECT_PAYLOADS = [
    "/..//evil.example/x",
    "/.//evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
  ];

  test(`signing in with any of ${REDIRECT_PAYLOADS.length} hostile next= values stays on the site`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    for (const next of REDIRECT_PAYLOADS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const left: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(baseURL!)) left.push(request.url());
      });
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(demoUsers.member);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out" }), next).toBeVisible();
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
      expect(left, next).toEqual([]);
      // Already signed in, the sign-in page sends the person on at once: the same rule applies.
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
      await context.close();
    }
  });

  test("a same-site next= is followed after signing in", async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent("/playbook")}`);
    await page.getByLabel("Email").fill(demoUsers.member);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/playbook$/);
  });
});

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

test.describe("malformed requests", () => {
  for (const path of [
    "/team/%E0%A4%A",
    "/team/%E0%A4%A/plan",
    "/playbook/%C3%28",
    "/api/exports/teams/%E0%A4%A",
    "/plans/%FF",
  ]) {
    test(`${path} answers 400 with the security headers`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expectSecurityHeaders(response.headers());
    });
  }

  test("a cross-origin server action call answers 403 with the security headers", async ({ request }) => {
    for (const origin of ["https://evil.example", "null", "not a url"]) {
      const response = await request.post("/sign-in", {
        headers: {
          "Next-Action": "0".repeat(42),
          Origin: origin,
          "Content-Type": "text/plain;charset=UTF-8",
        },
        data: "[]",
      });
      expect(response.status(), origin).toBe(403);
      expectSecurityHeaders(response.headers());
    }
  });

  test("addresses that only begin like the static files the proxy skips get its checks and headers", async ({
    request,
  }) => {
    for (const path of ["/icon.svgx", "/icon.svg/x", "/_next/imagex", "/_next/staticx"]) {
      const action = await request.post(path, {
        headers: {
          "Next-Action": "0".repeat(42),
          Origin: "https://evil.example",
          "Content-Type": "text/plain;charset=UTF-8",
        },
        data: "[]",
      });
      expect(action.status(), path).toBe(403);
      expectSecurityHeaders(action.headers());
      const page = await request.get(path);
      expect(page.status(), path).toBe(404);
      expectSecurityHeaders(page.headers());
    }
    // The icon itself is still served as a static file.
    const icon = await request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("a server action posted as a plain form is refused with 4xx when it is malformed or cross-origin", async ({
    request,
    baseURL,
  }) => {
    const id = "7f".padEnd(42, "0");
    const action = (parts: Record<string, string>) => ({
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }),
      "$ACTION_1:1": "[null]",
      email: "someone@example.com",
      ...parts,
    });
    const cases: { name: string; origin: string; multipart: Record<string, string>; status: number }[] = [
      { name: "another site", origin: "https://evil.example", multipart: action({}), status: 403 },
      { name: "an opaque origin", origin: "null", multipart: action({}), status: 403 },
      {
        name: "a bound part that is not there",
        origin: baseURL!,
        multipart: action({ "$ACTION_1:0": JSON.stringify({ id, bound: "$@9" }) }),
        status: 400,
      },
      {
        name: "a part that is not JSON",
        origin: baseURL!,
        multipart: action({ "$ACTION_1:1": "{{" }),
        status: 400,
      },
      { name: "a reference", origin: baseURL!, multipart: action({ "$ACTION_1:1": '["$Q5"]' }), status: 400 },
      { name: "an unknown field", origin: baseURL!, multipart: action({ $ACTION_X: "1" }), status: 400 },
      {
        name: "a body over 1 MiB",
        origin: baseURL!,
        multipart: { [`$ACTION_ID_${id}`]: "", email: "a".repeat(1_100_000) },
        status: 413,
      },
    ];
    for (const { name, origin, multipart, status } of cases) {
      const response = await request.post("/sign-in", { headers: { Origin: origin }, multipart });
      expect(response.status(), name).toBe(status);
      expectSecurityHeaders(response.headers());
    }
  });

  test("action arguments too many, too deep or not a list answer 400 with the security headers, not 500", async ({
    request,
    baseURL,
  }) => {
    const id = "7f".padEnd(42, "0");
    const scripted = (data: string) =>
      request.post("/sign-in", {
        headers: { "Next-Action": id, Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" },
        data,
      });
    const plainForm = (bound: string) => ({
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }),
      "$ACTION_1:1": bound,
      email: "someone@example.com",
    });
    const tooMany = JSON.stringify(Array.from({ length: 1001 }, () => null));
    const tooDeep = "[".repeat(3000) + "]".repeat(3000);
    const answers = [
      await scripted(tooMany),
      await scripted(tooDeep),
      ...(await Promise.all(
        [tooMany, tooDeep, "null"].map((bound) =>
          request.post("/sign-in", { headers: { Origin: baseURL! }, multipart: plainForm(bound) }),
        ),
      )),
    ];
    for (const [index, response] of answers.entries()) {
      expect(response.status(), `case ${index}`).toBe(400);
      expectSecurityHeaders(response.headers());
    }
  });

  test("a plain-form action posted under /api/ is refused, and signs no one in", async ({
    request,
    baseURL,
  }) => {
    clearSignInThrottle();
    const signInForm = {
      [`$ACTION_ID_${"7f".padEnd(42, "0")}`]: "",
      email: demoUsers.head,
      password: DEMO_PASSWORD,
    };
    const cases = [
      { name: "same origin", origin: baseURL!, multipart: signInForm, status: 404 },
      { name: "another site", origin: "https://evil.example", multipart: signInForm, status: 403 },
      {
        name: "3 MB",
        origin: baseURL!,
        multipart: { ...signInForm, note: "x".repeat(3_000_000) },
        status: 413,
      },
      { name: "malformed", origin: baseURL!, multipart: { ...signInForm, $ACTION_X: "1" }, status: 400 },
    ];
    for (const { name, origin, multipart, status } of cases) {
      const response = await request.post("/api/x", {
        headers: { Origin: origin },
        multipart,
        maxRedirects: 0,
      });
      expect(response.status(), name).toBe(status);
      expect(response.headers()["set-cookie"], name).toBeUndefined();
      expectSecurityHeaders(response.headers());
    }
  });

  test("without JavaScript, the sign-in form still signs in", async ({ browser }) => {
    clearSignInThrottle();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoUsers.head);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await context.close();
  });

  test("TRACE answers 405 with the security headers, echoing nothing", async ({ request }) => {
    for (const path of ["/", "/api/health", "/api/v1/teams"]) {
      const response = await request.fetch(path, { method: "TRACE", headers: { "X-Echo-Me": "secret" } });
      expect(response.status(), path).toBe(405);
      expect(response.headers()["allow"]).not.toContain("TRACE");
      expect(await response.text()).not.toContain("secret");
      expectSecurityHeaders(response.headers());
    }
  });
});

test.describe("slow clients", () => {
  test("connections that send a POST's headers and stall its body leave pages and health answering", async ({
    request,
    baseURL,
  }) => {
    const { hostname, port } = new URL(baseURL!);
    // More than every server process's request places together (REQUESTS_IN_FLIGHT, 8 each).
    const stalled = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(Number(port), hostname, () => {
              socket.write(
                `POST /sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
                  "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n--xyz\r\n",
              );
              resolve(socket);
            });
            socket.once("error", reject);
          }),
      ),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = Date.now();
      const health = await request.get("/api/health", { timeout: 5_000 });
      expect(health.status()).toBe(200);
      const signInPage = await request.get("/sign-in", { timeout: 5_000 });
      expect(signInPage.status()).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });
});

test.describe("cross-site autosave", () => {
  /** A team with a draft in the demo's open cycle; its own lead signs in, so only the origin is wrong. */
  const TEAM = "refunds";

  test("a POST to the autosave route from another site, or from no page at all, is refused with 403 and changes nothing", async ({
    page,
  }) => {
    const before = openCycleAssessment(TEAM);
    expect(before, "the demo has a draft for Refunds in the open cycle").not.toBeNull();
    expect(before!.answers.length, "the draft has answers to clear").toBeGreaterThan(0);
    await signIn(page, `lead.${TEAM}@example.com`);

    // Clearing an answer the lead may clear: refused only because of where the request comes from.
    const save = {
      assessmentId: before!.id,
      questionId: before!.answers[0]!.questionId,
      answer: null,
      note: null,
      expectedVersion: before!.version,
    };
    const forgedOrigins: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      // No Origin: only a same-origin Sec-Fetch-Site would vouch for it.
      {},
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of forgedOrigins) {
      // page.request carries the lead's session cookie, as a leaked or same-site cookie would.
      const response = await page.request.post("/api/autosave/answer", {
        headers: { ...headers, "Content-Type": "application/json" },
        data: JSON.stringify(save),
        maxRedirects: 0,
      });
      const label = JSON.stringify(headers);
      expect(response.status(), label).toBe(403);
      expect(response.headers()["cache-control"], label).toContain("no-store");
      expectSecurityHeaders(response.headers());
      expect(await response.json(), label).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(openCycleAssessment(TEAM)).toEqual(before);
  });
});

/** Collects CSP violations and CSP console errors of a page, from its first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const reported: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      /Content Security Policy|CSP violation|Refused to (execute|load|apply)/i.test(message.text())
    ) {
      reported.push(`${page.url()}: ${message.text()}`);
    }
  });
  return reported;
}

test.describe("Content-Security-Policy", () => {
  test("every page reached from the navigation, signed in as an admin, runs its scripts with no CSP violation", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const reported = await watchCsp(page);
    await page.goto("/sign-in");
    expect(
      await page.evaluate(() => Boolean((window as { next?: unknown }).next)),
      "the sign-in page hydrated",
    ).toBe(true);
    await signIn(page, demoUsers.admin);

    const seen = new Set<string>();
    const queue = ["/"];
    while (queue.length > 0 && seen.size < 60) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      const csp = response?.headers()["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      // Next's client runtime started: its scripts were allowed by the nonce.
      await expect
        .poll(() => page.evaluate(() => Boolean((window as { next?: unknown }).next)), { message: path })
        .toBe(true);
      const links = await page
        .locator("a[href^='/']")
        .evaluateAll((anchors) =>
          anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
        );
      for (const link of links) {
        if (!link.startsWith("/api/") && !seen.has(link) && !queue.includes(link)) queue.push(link);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(reported).toEqual([]);
  });
});
