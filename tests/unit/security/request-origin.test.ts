/** The one rule for "this request comes from a page of this app" (src/request-origin.ts). */
import { describe, expect, it } from "vitest";
import { isSameOriginRequest, originVerdict } from "@/request-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("originVerdict", () => {
  it("matches the Origin's host against the forwarded host, else Host", () => {
    expect(originVerdict(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(
      "same-origin",
    );
    expect(
      originVerdict(
        headers({
          host: "10.0.0.7:3000",
          "x-forwarded-host": "radar.example, lb.internal",
          origin: "https://radar.example",
        }),
      ),
    ).toBe("same-origin");
    // With a forwarded host, Host no longer counts.
    expect(
      originVerdict(
        headers({
          host: "radar.example",
          "x-forwarded-host": "other.example",
          origin: "https://radar.example",
        }),
      ),
    ).toBe("cross-origin");
  });

  it("treats another port, null, a malformed Origin or a missing host as cross-origin", () => {
    for (const origin of ["http://localhost:3001", "https://evil.example", "null", "not a url"]) {
      expect(originVerdict(headers({ host: "localhost:3000", origin })), origin).toBe("cross-origin");
    }
    expect(originVerdict(headers({ origin: "http://localhost:3000" }))).toBe("cross-origin");
  });

  it("says when there is no Origin at all", () => {
    expect(originVerdict(headers({ host: "localhost:3000" }))).toBe("no-origin");
  });
});

describe("isSameOriginRequest", () => {
  it("accepts a same-origin Origin, or no Origin with Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(
      true,
    );
    expect(isSameOriginRequest(headers({ host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(
      true,
    );
  });

  it("refuses anything else, including no Origin with another or no Sec-Fetch-Site", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3000" }))).toBe(false);
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(isSameOriginRequest(headers({ host: "localhost:3000", "sec-fetch-site": site })), site).toBe(
        false,
      );
    }
    // A same-origin Sec-Fetch-Site does not excuse a foreign Origin.
    expect(
      isSameOriginRequest(
        headers({ host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(false);
  });
});
