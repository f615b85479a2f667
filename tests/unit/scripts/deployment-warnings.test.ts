import { describe, expect, it } from "vitest";
import { startUpWarnings } from "../../../scripts/lib/deployment-warnings";

describe("start-up warnings", () => {
  it("warns when APP_URL is https and no proxy is trusted: TLS ends in a proxy whose address everyone would share", () => {
    const warnings = startUpWarnings({ appUrl: "https://radar.example.com", trustedProxyHops: 0 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUSTED_PROXY_HOPS=0/);
    expect(warnings[0]).toMatch(/Set TRUSTED_PROXY_HOPS/);
  });

  it("says nothing when a proxy is trusted, or the app is served over plain http", () => {
    expect(startUpWarnings({ appUrl: "https://radar.example.com", trustedProxyHops: 1 })).toEqual([]);
    expect(startUpWarnings({ appUrl: "http://localhost:3000", trustedProxyHops: 0 })).toEqual([]);
  });
});
