import "server-only";
import { verifyPassword } from "better-auth/crypto";
import { RECENT_SIGN_IN_MINUTES } from "@/contracts/api/token-limits";
import type { Actor } from "@/domain/access/policy";
import { db } from "../db";
import { ExpectedError, ValidationError } from "../errors";
import { canChangePassword } from "./password-account";
import { currentSession } from "./session";
import { recordCurrentPasswordConfirmed, reserveCurrentPasswordAttempt } from "./sign-in-throttle";
import { signInOptions } from "./single-sign-on";

function minutes(count: number): string {
  return `${count} minute${count === 1 ? "" : "s"}`;
}

/**
 * Before the person creates a credential that outlives their session (an API token): proof that
 * it is them, not someone holding a browser they left signed in. Their current password, when they
 * have one (attempts limited with the password change's); for people who sign in only through
 * single sign-on, a sign-in in the last RECENT_SIGN_IN_MINUTES.
 */
export async function confirmIdentity(
  actor: Actor,
  currentPassword: string | undefined,
  now = new Date(),
): Promise<void> {
  if (await canChangePassword(actor.id)) {
    await confirmCurrentPassword(actor, currentPassword, now);
    return;
  }
  const session = await currentSession();
  const ageMs = session ? now.getTime() - session.startedAt.getTime() : Infinity;
  if (ageMs > RECENT_SIGN_IN_MINUTES * 60_000) {
    const provider = signInOptions().sso?.name ?? "single sign-on";
    throw new ExpectedError(
      "forbidden",
      `Sign out and sign in again through ${provider} first: creating a token needs a sign-in in the last ${minutes(RECENT_SIGN_IN_MINUTES)}.`,
    );
  }
}

async function confirmCurrentPassword(actor: Actor, currentPassword: string | undefined, now: Date) {
  const missing = "Enter your current password.";
  if (!currentPassword) throw new ValidationError(missing, { currentPassword: [missing] });
  const attempt = await reserveCurrentPasswordAttempt(db, actor.id, now.getTime());
  if (!attempt.allowed) {
    throw new ExpectedError(
      "throttled",
      `Too many wrong current passwords. Try again in ${minutes(attempt.waitMinutes)}.`,
    );
  }
  const account = await db.account.findFirst({
    where: { userId: actor.id, providerId: "credential" },
    select: { password: true },
  });
  const right =
    account?.password != null &&
    (await verifyPassword({ hash: account.password, password: currentPassword }));
  if (!right) {
    const wrong = "Your current password is not right.";
    throw new ValidationError(wrong, { currentPassword: [wrong] });
  }
  await recordCurrentPasswordConfirmed(db, actor.id);
}
