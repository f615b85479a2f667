import "server-only";
import type { Actor } from "@/domain/access/policy";
import type { Prisma } from "@/generated/prisma/client";
import {
  MAX_ACTIVE_TOKENS,
  type CreateApiTokenInput,
  type CreatedApiToken,
  type RevokeApiTokenInput,
} from "@/contracts/api/tokens";
import { writeAudit } from "../audit/audit";
import { confirmIdentity } from "../auth/confirm-identity";
import { db } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { newTokenSecret } from "./token-secret";
import { tokenColumns, toTokenView } from "./token-queries";

const DAY_MS = 86_400_000;

/**
 * A new personal access token for the signed-in person, once they have confirmed it is them (their
 * current password, or a recent single sign-on): a token works for up to a year, long after a
 * session someone else may hold has ended. The secret is returned once and only its SHA-256 is
 * stored; the audit event names the token, never its secret.
 */
export async function createApiToken(
  actor: Actor,
  input: CreateApiTokenInput,
  now = new Date(),
): Promise<CreatedApiToken> {
  await confirmIdentity(actor, input.currentPassword, now);
  const secret = newTokenSecret();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({
      where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } },
    });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new ValidationError(
        `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use first.`,
      );
    }
    const row = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        tokenHash: secret.hash,
        prefix: secret.prefix,
        createdAt: now,
        expiresAt,
      },
      select: tokenColumns,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix, expiresAt: expiresAt.toISOString() },
    });
    return { token: secret.token, view: toTokenView(row, now) };
  });
}

/**
 * Revokes one of the signed-in person's own tokens at once: the next request with it gets 401.
 * Another person's token, or one already revoked, is not found.
 */
export async function revokeApiToken(
  actor: Actor,
  input: RevokeApiTokenInput,
  now = new Date(),
): Promise<null> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.tokenId, userId: actor.id, revokedAt: null },
      select: { id: true, name: true, prefix: true },
    });
    if (!token) throw new NotFoundError("That token does not exist or is already revoked.");
    // Conditional, so two revocations at once record one event.
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new NotFoundError("That token does not exist or is already revoked.");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix },
      after: { revokedAt: now.toISOString() },
    });
    return null;
  });
}

/**
 * Revokes every token of a person still in force, inside the caller's transaction: how an account
 * someone else may hold is taken back (a deactivation, a password set by an admin or changed by its
 * owner). A revoked token stays revoked; the person creates new ones. Returns how many were revoked.
 */
export async function revokeAllApiTokens(
  tx: Prisma.TransactionClient,
  userId: string,
  at: Date,
): Promise<number> {
  const revoked = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: at },
  });
  return revoked.count;
}
