/**
 * OIDC_TRUST_EMAIL, for providers that never send email_verified (Microsoft Entra ID): off by
 * default, so an unverified email neither creates nor joins a person; on, the provider's emails
 * count as verified.
 */
import { describe, expect, it } from "vitest";
import { oidcSettings, parseEnv } from "@/env";
import { ssoProfileMapping } from "@/server/auth/single-sign-on";

const PROVIDER = {
  OIDC_ISSUER: "https://login.example.test/tenant/v2.0",
  OIDC_CLIENT_ID: "pitfall-radar",
  OIDC_CLIENT_SECRET: "a-secret",
};

describe("trusting a provider's emails", () => {
  it("is off unless asked for: the provider's own email_verified decides", () => {
    const settings = oidcSettings(parseEnv(PROVIDER))!;
    expect(settings.trustEmail).toBe(false);
    expect(ssoProfileMapping(settings)).toBeUndefined();
  });

  it("marks an email from the provider as verified when OIDC_TRUST_EMAIL is on", () => {
    const settings = oidcSettings(parseEnv({ ...PROVIDER, OIDC_TRUST_EMAIL: "true" }))!;
    const mapping = ssoProfileMapping(settings)!;
    expect(mapping({ sub: "abc", email: "ada@example.com" })).toEqual({ emailVerified: true });
    // Without an email there is nothing to vouch for.
    expect(mapping({ sub: "abc" })).toEqual({});
    expect(mapping({ sub: "abc", email: "" })).toEqual({});
  });

  it("refuses a value that is not a yes or no", () => {
    expect(() => parseEnv({ ...PROVIDER, OIDC_TRUST_EMAIL: "perhaps" })).toThrow(/OIDC_TRUST_EMAIL/);
  });
});
