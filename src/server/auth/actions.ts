"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import {
  changePasswordSchema,
  firstAdminSchema,
  replaceAdminSetPasswordSchema,
  signInSchema,
} from "@/contracts/auth/schemas";
import { db } from "../db";
import { ExpectedError, ValidationError } from "../errors";
import { anyone, formAction, valueAction } from "../server-action";
import { writeAudit } from "../audit/audit";
import { getAuth } from "./auth";
import { completeOwnPasswordChange, endOtherSessions } from "./own-account-mutations";
import { canChangePassword, createPasswordAccount } from "./password-account";
import { requestAddress } from "./request-address";
import {
  recordCurrentPasswordConfirmed,
  recordSuccessfulSignIn,
  reserveCurrentPasswordAttempt,
  reserveSignInAttempt,
  throttleKeys,
  type SignInBlock,
} from "./sign-in-throttle";
import { PASSWORD_CHANGED_ADDRESS } from "@/requested-path";
import { signInDestination } from "./sign-in-destination";
import { currentSession, requireActorChangingPassword } from "./session";
import { currentSsoSettings } from "./single-sign-on";

const WRONG_CREDENTIALS = "That email and password do not match an active account.";

/**
 * An address's block is everyone's failures from that network together, often not the person's
 * own, so it says so; the account's own limit speaks of this email.
 */
function signInBlockedMessage(block: { waitMinutes: number; blockedBy: SignInBlock }): string {
  const wait = `${block.waitMinutes} minute${block.waitMinutes === 1 ? "" : "s"}`;
  return block.blockedBy === "address"
    ? `Too many failed sign-ins from your network, not necessarily yours: sign-in from it is paused. Try again in ${wait}.`
    : `Too many failed sign-in attempts with this email. Try again in ${wait}.`;
}

export const signInAction = formAction({
  actor: anyone,
  input: signInSchema,
  handler: async (input) => {
    const sso = currentSsoSettings();
    if (sso?.only) {
      throw new ExpectedError("forbidden", `This installation signs in through ${sso.displayName} only.`);
    }
    const keys = throttleKeys(input.email, await requestAddress());
    // Counted before the password is checked, so parallel guesses cannot outrun the limit.
    const attempt = await reserveSignInAttempt(db, keys);
    if (!attempt.allowed) throw new ExpectedError("throttled", signInBlockedMessage(attempt));
    let userId: string;
    try {
      const signedIn = await getAuth().api.signInEmail({
        body: { email: input.email, password: input.password },
        headers: await headers(),
      });
      userId = signedIn.user.id;
    } catch {
      // Unknown email, wrong password and deactivated account all read the same.
      await writeAudit(db, {
        actorId: null,
        action: "auth.sign_in_failed",
        entityType: "account",
        entityId: input.email,
      });
      throw new ExpectedError("validation", WRONG_CREDENTIALS);
    }
    await recordSuccessfulSignIn(db, keys, attempt);
    await writeAudit(db, { actorId: userId, action: "auth.signed_in", entityType: "user", entityId: userId });
    return null;
  },
  redirectTo: (_signedIn, input) => signInDestination(input.next),
});

/** Ends the session of the request, if any, inside the same boundary as every other action. */
const endSession = valueAction({
  actor: anyone,
  input: z.undefined(),
  handler: async () => {
    const requestHeaders = await headers();
    const session = await getAuth().api.getSession({ headers: requestHeaders });
    await getAuth().api.signOut({ headers: requestHeaders });
    if (session) {
      await writeAudit(db, {
        actorId: session.user.id,
        action: "auth.signed_out",
        entityType: "user",
        entityId: session.user.id,
      });
    }
    return null;
  },
});

export async function signOutAction(): Promise<void> {
  // Whatever happens, the person lands on sign-in.
  await endSession(undefined);
  redirect("/sign-in");
}

/**
 * Changes the signed-in person's own password: the current one checked (attempts limited), their
 * other sessions ended by the auth library, then their API tokens revoked and a password an admin
 * set marked as replaced (completeOwnPasswordChange).
 */
async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ apiTokensRevoked: number }> {
  if (!(await canChangePassword(actor.id))) {
    const sso = currentSsoSettings();
    throw new ExpectedError(
      "forbidden",
      `You sign in through ${sso?.displayName ?? "single sign-on"}: change your password there.`,
    );
  }
  const attempt = await reserveCurrentPasswordAttempt(db, actor.id);
  if (!attempt.allowed) {
    const minutes = attempt.waitMinutes;
    throw new ExpectedError(
      "throttled",
      `Too many wrong current passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
  try {
    await getAuth().api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: await headers(),
    });
  } catch {
    throw new ValidationError("Your current password is not right.", {
      currentPassword: ["Your current password is not right."],
    });
  }
  await recordCurrentPasswordConfirmed(db, actor.id);
  return completeOwnPasswordChange(actor);
}

/**
 * The account page's password change. The change replaces this browser's session (the auth library
 * ends every session and opens a new one), and a page refreshed in the same response would still
 * be rendered with the old one; so the person is sent back to the account page, which is then
 * rendered with the new session and says what changed.
 */
export const changePasswordAction = formAction({
  input: changePasswordSchema,
  handler: async (input, { actor }) => changeOwnPassword(actor, input),
  redirectTo: () => PASSWORD_CHANGED_ADDRESS,
});

/**
 * The first sign-in with a password an admin set: the person chooses their own before anything
 * else (the only action, with signing out, open to them until they have), then goes where they
 * were going.
 */
export const replaceAdminSetPasswordAction = formAction({
  actor: requireActorChangingPassword,
  input: replaceAdminSetPasswordSchema,
  handler: async (input, { actor }) => changeOwnPassword(actor, input),
  redirectTo: (_changed, input) => signInDestination(input.next),
});

/** Signs the person out on every other browser and device, keeping this session and the password. */
export const signOutOtherDevicesAction = formAction({
  input: z.object({}),
  handler: async (_input, { actor }) => {
    const session = await currentSession();
    if (!session) throw new ExpectedError("forbidden", "You have been signed out. Sign in again.");
    return endOtherSessions(actor, session.id);
  },
  revalidate: ["/account"],
});

/**
 * First run of a real installation: with no people at all, the first visitor creates the admin
 * account. Re-checked inside the transaction so it can only ever happen once.
 */
export const createFirstAdminAction = formAction({
  actor: anyone,
  input: firstAdminSchema,
  handler: async (input) => {
    // Checked before hashing too: hashing is deliberately slow, and anyone may post this form, so
    // a set-up installation answers at once instead of spending a hash on every request.
    const alreadySetUp = () =>
      new ExpectedError("conflict", "This installation already has an admin. Sign in instead.");
    if (await db.user.findFirst({ select: { id: true } })) throw alreadySetUp();
    const passwordHash = await hashPassword(input.password);
    await db.$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) throw alreadySetUp();
      const userId = await createPasswordAccount(tx, { name: input.name, email: input.email, passwordHash });
      await tx.roleAssignment.create({ data: { userId, role: "admin", scopeKey: "" } });
      await writeAudit(tx, {
        actorId: userId,
        action: "role.granted",
        entityType: "user",
        entityId: userId,
        after: { role: "admin", reason: "first-run setup" },
      });
    });
    await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: await headers(),
    });
    return null;
  },
  redirectTo: () => "/",
});
