import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/domain/access/safe-redirect";

const ORIGIN = "https://radar.example.com";

/** Every one of these would take a browser off the site, or is not a plain path. */
const LEAVING = [
  "/..//evil.com/x",
  "/.//evil.com",
  "/../..//evil.com",
  "/%2e%2e//evil.com/x",
  "//evil.com",
  "///evil.com",
  "/\\evil.com",
  "\\/evil.com",
  "\\\\evil.com",
  "https://evil.com",
  "http:evil.com",
  "//radar.example.com@evil.com",
  "javascript:alert(1)",
  "/javascript:alert(1)//",
  "%2F%2Fevil.com",
  "/%5Cevil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/ /evil.com",
  "data:text/html,<script>alert(1)</script>",
  "evil.com",
  "",
];

describe("where signing in leads", () => {
  it.each(LEAVING)("stays on the site for %j", (next) => {
    const path = safeRedirectPath(next, ORIGIN);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    // Resolved once, as the redirect is, and again from its normalised path, as a client-side
    // router navigating to that path does: both must stay on the site.
    const once = new URL(path, ORIGIN);
    const twice = new URL(`${once.pathname}${once.search}${once.hash}`, ORIGIN);
    expect(once.origin).toBe(ORIGIN);
    expect(twice.origin).toBe(ORIGIN);
  });

  it("refuses the payloads outright rather than rewriting them into something else", () => {
    for (const next of [
      "/..//evil.com/x",
      "/.//evil.com",
      "//evil.com",
      "/\\evil.com",
      "https://evil.com",
      "javascript:alert(1)",
    ]) {
      expect(safeRedirectPath(next, ORIGIN)).toBe("/");
    }
  });

  it("keeps same-site paths with their query and fragment, normalised", () => {
    expect(safeRedirectPath("/team/checkout/plan?cycle=2026-Q3#item-4", ORIGIN)).toBe(
      "/team/checkout/plan?cycle=2026-Q3#item-4",
    );
    expect(safeRedirectPath("/org/./rollups", ORIGIN)).toBe("/org/rollups");
    expect(safeRedirectPath("/team/%E2%9C%93", ORIGIN)).toBe("/team/%E2%9C%93");
    expect(safeRedirectPath("/%5Cevil.com", ORIGIN)).toBe("/%5Cevil.com");
    expect(safeRedirectPath(undefined, ORIGIN)).toBe("/");
  });
});
