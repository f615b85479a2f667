import "server-only";
import { getEnv, schedulerEnabled } from "@/env";
import { db } from "../db";
import { appMailer } from "./app-mailer";
import { runNotifications } from "./run";

/** The first run waits a little, so a restarting instance does not mail before it serves requests. */
const FIRST_RUN_DELAY_MS = 30_000;

const state = globalThis as unknown as { pitfallRadarScheduler?: NodeJS.Timeout };

/**
 * Starts the notification scheduler inside the server process (called once from
 * instrumentation.ts): every NOTIFICATIONS_INTERVAL_MINUTES it sends the due-date reminders and
 * weekly digests that are due. The timers are unref'd, so they never keep the process alive, and
 * runs never overlap. Every instance may run it: each email is claimed before it is sent.
 */
export function startNotificationScheduler(): boolean {
  const env = getEnv();
  const mail = appMailer();
  if (!schedulerEnabled(env) || !mail || state.pitfallRadarScheduler) return false;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { reminders, digests } = await runNotifications(db, mail.mailer, {
        appUrl: env.APP_URL,
        reminderDays: mail.settings.reminderDays,
        timeZone: env.ORG_TIME_ZONE,
      });
      const sent = reminders.sent + digests.sent;
      const failed = reminders.failed + digests.failed;
      if (sent > 0 || failed > 0)
        console.log(`Notifications: ${sent} sent, ${failed} failed (tried again on the next run).`);
    } catch (error) {
      console.error("The notification run failed; it is tried again on the next run:", error);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), FIRST_RUN_DELAY_MS).unref();
  state.pitfallRadarScheduler = setInterval(() => void tick(), env.NOTIFICATIONS_INTERVAL_MINUTES * 60_000);
  state.pitfallRadarScheduler.unref();
  console.log(
    `Notifications: email reminders and digests checked every ${env.NOTIFICATIONS_INTERVAL_MINUTES} minutes.`,
  );
  return true;
}
