/**
 * The request proxy on its own: the answers it gives itself (400 for malformed addresses, 403 for
 * cross-origin actions) carry the security headers, every page gets a fresh CSP nonce, HSTS is
 * sent exactly when the app's public URL is https, and other POSTs (the autosave routes) pass
 * with their body unread.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadProxy(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  return (await import("../../../proxy")).proxy;
}

afterEach(() => vi.unstubAllEnvs());

function scriptSrc(response: Response): string {
  return /script-src [^;]*/.exec(response.headers.get("content-security-policy") ?? "")?.[0] ?? "";
}

describe("the request proxy", () => {
  it("answers malformed percent-encoding in a path with 400 and the security headers", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    for (const path of ["/team/%E0%A4%A", "/playbook/%C3%28", "/team/%", "/plans/%FF"]) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(response.status, path).toBe(400);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(scriptSrc(response)).toMatch(/'nonce-/);
    }
    expect((await proxy(new NextRequest("http://localhost:3000/team/%E2%9C%93"))).status).toBe(200);
  });

  it("answers an unknown API address with 404 and a method other than GET with 405, both as problem documents", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const unknown = await proxy(new NextRequest("http://localhost:3000/api/v1/teamz"));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect(unknown.headers.get("x-frame-options")).toBe("DENY");
    expect(await unknown.json()).toEqual({
      type: "/api-docs#problem-not-found",
      title: "Not found",
      status: 404,
      detail: "There is no API address /api/v1/teamz: /api-docs lists every one.",
    });

    const post = await proxy(
      new NextRequest("http://localhost:3000/api/v1/teams/checkout", { method: "POST" }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await post.json()).toMatchObject({ status: 405, type: "/api-docs#problem-method-not-allowed" });

    // Every described route, with its parameters filled in, goes through to its handler.
    for (const path of ["/teams", "/teams/checkout/results/2026-q3", "/heatmap", "/openapi.json"]) {
      expect((await proxy(new NextRequest(`http://localhost:3000/api/v1${path}`))).status, path).toBe(200);
    }
    expect((await proxy(new NextRequest("http://localhost:3000/api/v1/openapiXjson"))).status).toBe(404);
    expect((await proxy(new NextRequest("http://localhost:3000/api/v1/teams/a/b/c/d"))).status).toBe(404);
  });

  it("answers a cross-origin server action call with 403, and lets a same-origin one through", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const action = (origin: string | null) =>
      proxy(
        new NextRequest("http://localhost:3000/sign-in", {
          method: "POST",
          headers: { host: "localhost:3000", "next-action": "a".repeat(42), ...(origin ? { origin } : {}) },
          body: "[]",
        }),
      );
    for (const origin of ["https://evil.example", "http://localhost:3001", "null", "not a url"]) {
      const response = await action(origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    expect((await action("http://localhost:3000")).status).toBe(200);
    expect((await action(null)).status).toBe(200);
  });

  it("lets an autosave POST through with the security headers, without reading its body", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const request = new NextRequest("http://localhost:3000/api/autosave/answer", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "https://evil.example", "content-type": "application/json" },
      // Not a list of action arguments: the proxy would refuse it, were it read as an action.
      body: '{"assessmentId":"a"}',
    });
    const response = await proxy(request);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(scriptSrc(response)).toMatch(/'nonce-/);
    // The route itself refuses other origins (src/server/autosave-route.ts); the body is left to it.
    expect(request.bodyUsed).toBe(false);
  });

  it("sets a CSP with a fresh nonce per request and no 'unsafe-inline' for scripts", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const first = scriptSrc(await proxy(new NextRequest("http://localhost:3000/")));
    const second = scriptSrc(await proxy(new NextRequest("http://localhost:3000/")));
    expect(first).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("unsafe-inline");
  });

  it("sends HSTS only when APP_URL is https", async () => {
    const overHttps = await loadProxy("https://radar.example.com");
    expect(
      (await overHttps(new NextRequest("https://radar.example.com/"))).headers.get(
        "strict-transport-security",
      ),
    ).toBe("max-age=63072000; includeSubDomains");
    const overHttp = await loadProxy("http://localhost:3000");
    expect(
      (await overHttp(new NextRequest("http://localhost:3000/"))).headers.get("strict-transport-security"),
    ).toBeNull();
  });
});
