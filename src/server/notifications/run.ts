import "server-only";
import type { AppPrismaClient } from "../prisma-client";
import { sendDueDateReminders } from "./due-date-reminders";
import type { Mailer } from "./mailer";
import { sendOverdueDigests } from "./overdue-digest";
import type { RunSummary } from "./outbox";

export interface NotificationRun {
  reminders: RunSummary;
  digests: RunSummary;
}

/**
 * One pass of the scheduler: the due-date reminders and the weekly digests that are due at `now`
 * and not sent yet. Safe to run on every instance at once: each email is claimed before it is sent.
 */
export async function runNotifications(
  client: AppPrismaClient,
  mailer: Mailer,
  settings: { appUrl: string; reminderDays: readonly number[]; timeZone: string },
  now = new Date(),
): Promise<NotificationRun> {
  const reminders = await sendDueDateReminders(client, mailer, settings, now);
  const digests = await sendOverdueDigests(client, mailer, settings, now);
  return { reminders, digests };
}
