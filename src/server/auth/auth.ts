import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getEnv, oidcSettings } from "@/env";
import { writeAudit } from "../audit/audit";
import { db } from "../db";
import { databaseProvider } from "../prisma-client";
import { onSsoAccountCreated, ssoPlugin, SSO_PROVIDER_ID } from "./single-sign-on";

const SESSION_DAYS = 7;

function sessionSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // `npm start` always provides a secret; only `next dev` and tests get here without one.
  if (env.NODE_ENV !== "production") return "development-only-secret-never-used-in-production-0000";
  throw new Error(
    "AUTH_SECRET is not set. Start the app with `npm start`, which creates one, or set it yourself.",
  );
}

/**
 * The auth library owns passwords (hashing, verification), single sign-on and database sessions.
 * Password sign-up is off: people are created by admins (or by the first-run setup), or by their
 * first single sign-on, with no role until an admin (or the configured mapping) gives one.
 */
function createAuth() {
  const sso = oidcSettings(getEnv());
  return betterAuth({
    appName: "Pitfall Radar",
    baseURL: getEnv().APP_URL,
    secret: sessionSecret(),
    database: prismaAdapter(db, { provider: databaseProvider(getEnv().DATABASE_URL) }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request checks the session row, so deactivation and sign-out
      // take effect immediately on every instance.
      cookieCache: { enabled: false },
    },
    // Sign-in goes through our own server action, which throttles per account and per address.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: getEnv().APP_URL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    account: {
      // Single sign-on joins an existing person only when the provider says the email is verified
      // (and the person's own email is verified); no provider is trusted without that.
      accountLinking: { enabled: true, trustedProviders: [], requireLocalEmailVerified: true },
    },
    user: {
      // Read with every session, so a request learns that its person was deactivated without
      // reading the person again (src/server/auth/session.ts); never set through sign-up.
      additionalFields: {
        deactivatedAt: { type: "date", required: false, input: false },
        // Likewise, so a person who must replace an admin-set password is known without a read.
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: false },
      },
      // A person is only ever created from an email the identity provider has verified.
      validateUserInfo: ({ user, source }) =>
        source.action === "create-user" && source.method === "oauth" && !user.emailVerified
          ? { error: "email_not_verified" }
          : undefined,
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const session = ctx.context.newSession;
        if (ctx.path.startsWith("/callback") && session) {
          await writeAudit(db, {
            actorId: session.user.id,
            action: "auth.signed_in",
            entityType: "user",
            entityId: session.user.id,
            after: { method: "sso" },
          });
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // A provider that shares no name: the person is called by their email until an admin renames them.
          before: async (user) => (user.name?.trim() ? undefined : { data: { ...user, name: user.email } }),
        },
      },
      account: {
        create: {
          after: async (account) => {
            if (account.providerId === SSO_PROVIDER_ID) await onSsoAccountCreated(account);
          },
        },
      },
      session: {
        create: {
          // A deactivated person can never get a new session, whatever path creates it.
          before: async (session) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { deactivatedAt: true },
            });
            return user && !user.deactivatedAt ? undefined : false;
          },
        },
      },
    },
    // nextCookies last, so it sees the cookies every other plugin set.
    plugins: [...(sso ? [ssoPlugin(sso)] : []), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

/** Created on first use, not at import, so building the app needs no secret. */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
