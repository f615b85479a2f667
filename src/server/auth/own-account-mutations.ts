import "server-only";
import type { Actor } from "@/domain/access/policy";
import { writeAudit } from "../audit/audit";
import { revokeAllApiTokens } from "../api/token-mutations";
import { db } from "../db";

/**
 * After a person changed their own password (the auth library has checked the current one, stored
 * the new one and ended their other sessions): changing one's password is how an account is taken
 * back, so their API tokens are revoked too, as when an admin sets a password; a password an admin
 * set no longer has to be replaced; and the change is recorded. One transaction.
 */
export async function completeOwnPasswordChange(
  actor: Actor,
  now = new Date(),
): Promise<{ apiTokensRevoked: number }> {
  return db.$transaction(async (tx) => {
    const apiTokensRevoked = await revokeAllApiTokens(tx, actor.id, now);
    const person = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { mustChangePassword: true },
    });
    if (person.mustChangePassword) {
      await tx.user.update({ where: { id: actor.id }, data: { mustChangePassword: false } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "auth.password_changed",
      entityType: "user",
      entityId: actor.id,
      after: { apiTokensRevoked, ...(person.mustChangePassword ? { replacedAdminSetPassword: true } : {}) },
    });
    return { apiTokensRevoked };
  });
}

/**
 * Signs the person out everywhere but in this session (a phone lost, a shared computer left signed
 * in), without changing the password; their API tokens stay (they revoke those one by one).
 */
export async function endOtherSessions(
  actor: Actor,
  currentSessionId: string,
): Promise<{ sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { userId: actor.id, id: { not: currentSessionId } } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "auth.other_sessions_ended",
      entityType: "user",
      entityId: actor.id,
      after: { sessionsEnded: ended.count },
    });
    return { sessionsEnded: ended.count };
  });
}
