import "server-only";
import type { Actor } from "@/domain/access/policy";
import { NOTIFICATION_KINDS, isNotificationKind } from "@/domain/notifications/kinds";
import type {
  NotificationPreferencesInput,
  NotificationPreferencesView,
} from "@/contracts/notifications/schemas";
import { writeAudit } from "../audit/audit";
import { db } from "../db";
import { appMailer } from "./app-mailer";

/** A person's own choices; everyone gets every kind until they turn it off. */
export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferencesView> {
  const rows = await db.notificationOptOut.findMany({ where: { userId: actor.id }, select: { kind: true } });
  const off = new Set(rows.map((row) => row.kind).filter(isNotificationKind));
  return {
    emailConfigured: appMailer() !== null,
    wanted: Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [kind, !off.has(kind)]),
    ) as NotificationPreferencesView["wanted"],
  };
}

/** Saves a person's own choices, with an audit event naming what changed (nothing when nothing did). */
export async function saveNotificationPreferences(actor: Actor, input: NotificationPreferencesInput) {
  await db.$transaction(async (tx) => {
    const rows = await tx.notificationOptOut.findMany({
      where: { userId: actor.id },
      select: { kind: true },
    });
    const before = new Set(rows.map((row) => row.kind));
    const turnedOff = NOTIFICATION_KINDS.filter((kind) => !input[kind] && !before.has(kind));
    const turnedOn = NOTIFICATION_KINDS.filter((kind) => input[kind] && before.has(kind));
    if (turnedOff.length === 0 && turnedOn.length === 0) return;
    if (turnedOn.length > 0) {
      await tx.notificationOptOut.deleteMany({ where: { userId: actor.id, kind: { in: turnedOn } } });
    }
    for (const kind of turnedOff) await tx.notificationOptOut.create({ data: { userId: actor.id, kind } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "notification.preferences_changed",
      entityType: "user",
      entityId: actor.id,
      after: { turnedOff, turnedOn },
    });
  });
}
