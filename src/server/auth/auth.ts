import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getEnv } from "@/env";
import { db } from "../db";
import { databaseProvider } from "../prisma-client";

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
 * The auth library owns passwords (hashing, verification) and database sessions. Sign-up is off:
 * people are created by admins (or by the first-run setup), never by visitors.
 */
function createAuth() {
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
    databaseHooks: {
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
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

/** Created on first use, not at import, so building the app needs no secret. */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
