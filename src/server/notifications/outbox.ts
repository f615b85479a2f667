import "server-only";
import type { NotificationKind } from "@/domain/notifications/kinds";
import type { MailMessage } from "@/contracts/notifications/messages";
import { writeAudit } from "../audit/audit";
import { isUniqueConstraintViolation } from "../db-errors";
import type { AppPrismaClient } from "../prisma-client";
import type { Mailer } from "./mailer";

/**
 * A claim left "claimed" this long was taken by a process that stopped before it could say whether
 * the email went out; a later run takes it over.
 */
const ABANDONED_CLAIM_MS = 30 * 60 * 1000;

export interface Delivery {
  key: string;
  kind: NotificationKind;
  user: { id: string; email: string };
  message: MailMessage;
  /** Who the email goes out for (a reminder sent by hand); null for the scheduler. */
  actorId: string | null;
  /** What the audit event keeps, besides the kind and subject. */
  about: Record<string, unknown>;
}

export type DeliveryOutcome = "sent" | "already-sent" | "failed";

/**
 * Claims a notification's key, before anything is sent. The insert either creates the row or hits
 * the unique key, in one statement, so of two instances (or two runs) racing for the same key
 * exactly one gets it. A failed or abandoned claim is taken over by one conditional update, again
 * won by exactly one caller.
 */
export async function claimNotification(
  client: AppPrismaClient,
  delivery: Pick<Delivery, "key" | "kind" | "user" | "message">,
  now: Date,
): Promise<boolean> {
  try {
    await client.notificationSent.create({
      data: {
        key: delivery.key,
        kind: delivery.kind,
        userId: delivery.user.id,
        subject: delivery.message.subject,
        claimedAt: now,
      },
    });
    return true;
  } catch (error) {
    if (!isUniqueConstraintViolation(error)) throw error;
  }
  const retaken = await client.notificationSent.updateMany({
    where: {
      key: delivery.key,
      OR: [
        { status: "failed" },
        { status: "claimed", claimedAt: { lt: new Date(now.getTime() - ABANDONED_CLAIM_MS) } },
      ],
    },
    data: { status: "claimed", claimedAt: now, attempts: { increment: 1 } },
  });
  return retaken.count === 1;
}

/**
 * Sends one notification at most once: claimed first, then sent, then marked sent together with
 * its audit event. When the SMTP server refuses it, the claim is marked failed so a later run
 * tries again.
 */
export async function deliverOnce(
  client: AppPrismaClient,
  mailer: Mailer,
  delivery: Delivery,
  now: Date,
): Promise<DeliveryOutcome> {
  if (!(await claimNotification(client, delivery, now))) return "already-sent";
  try {
    await mailer.send(delivery.user.email, delivery.message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Could not send the ${delivery.kind} email to ${delivery.user.email}: ${reason}`);
    await client.notificationSent.update({ where: { key: delivery.key }, data: { status: "failed" } });
    return "failed";
  }
  await client.$transaction(async (tx) => {
    await tx.notificationSent.update({
      where: { key: delivery.key },
      data: { status: "sent", sentAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: delivery.actorId,
      action: "notification.sent",
      entityType: "user",
      entityId: delivery.user.id,
      after: {
        kind: delivery.kind,
        subject: delivery.message.subject,
        to: delivery.user.email,
        ...delivery.about,
      },
    });
  });
  return "sent";
}

/** The people among `userIds` who opted out of a kind of notification. */
export async function optedOut(client: AppPrismaClient, kind: NotificationKind, userIds: readonly string[]) {
  const rows = await client.notificationOptOut.findMany({
    where: { kind, userId: { in: [...userIds] } },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}

export interface RunSummary {
  sent: number;
  alreadySent: number;
  failed: number;
  optedOut: number;
}

export function emptySummary(): RunSummary {
  return { sent: 0, alreadySent: 0, failed: 0, optedOut: 0 };
}

export function count(summary: RunSummary, outcome: DeliveryOutcome): void {
  if (outcome === "sent") summary.sent += 1;
  else if (outcome === "already-sent") summary.alreadySent += 1;
  else summary.failed += 1;
}
