/**
 * A real OpenID Connect provider on 127.0.0.1 for the end-to-end tests (the `oidc-provider`
 * package): discovery, authorization code with PKCE, signed ID tokens, and its own development
 * login form, which accepts any password for the logins below. Started by playwright.config.ts.
 *
 *   npx tsx e2e/support/oidc-provider.ts   (OIDC_TEST_PORT, default 3101)
 */
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

const OIDC_TEST_PORT = Number(process.env.OIDC_TEST_PORT ?? 3101);
const OIDC_TEST_ISSUER = `http://127.0.0.1:${OIDC_TEST_PORT}`;
const OIDC_TEST_CLIENT = { id: "pitfall-radar-e2e", secret: "e2e-client-secret-not-for-production" };
const APP_URL = process.env.OIDC_TEST_APP_URL ?? "http://127.0.0.1:3100";

interface TestAccount {
  email: string;
  emailVerified: boolean;
  name: string;
  groups: string[];
}

/** The people the provider knows, by the login typed on its form. */
const SSO_TEST_ACCOUNTS: Record<string, TestAccount> = {
  newcomer: {
    email: "sso.newcomer@example.com",
    emailVerified: true,
    name: "Noor Newcomer",
    groups: ["staff"],
  },
  "mapped-coach": {
    email: "sso.coach@example.com",
    emailVerified: true,
    name: "Casey Mapped",
    groups: ["staff", "radar-coaches"],
  },
  "search-lead": {
    email: "lead.search@example.com",
    emailVerified: true,
    name: "Search Lead",
    groups: ["staff"],
  },
  "unverified-member": {
    email: "member.search@example.com",
    emailVerified: false,
    name: "Unverified Member",
    groups: ["staff"],
  },
};

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_TEST_CLIENT.id,
      client_secret: OIDC_TEST_CLIENT.secret,
      redirect_uris: [`${APP_URL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    groups: ["groups"],
  },
  scopes: ["openid", "email", "profile", "groups"],
  // Put the requested claims in the ID token, as Keycloak and Entra ID do for groups.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["e2e-oidc-provider-cookie-key-0123456789"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx: KoaContextWithOIDC, id: string) {
    const account = SSO_TEST_ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      claims: async () => ({
        sub: id,
        email: account.email,
        email_verified: account.emailVerified,
        name: account.name,
        groups: account.groups,
      }),
    };
  },
  // The app is a first-party client: no consent screen, every requested scope granted.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { session, client, params } = ctx.oidc;
    if (!session?.accountId || !client) return undefined;
    const existing = session.grantIdFor(client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope(String(params?.scope ?? "openid"));
    grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
    await grant.save();
    return grant;
  },
};

const provider = new Provider(OIDC_TEST_ISSUER, configuration);
const server = provider.listen(OIDC_TEST_PORT, "127.0.0.1", () => {
  console.log(`Test OpenID Connect provider at ${OIDC_TEST_ISSUER}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
