/**
 * Runs once when the server starts: a bad environment stops it with a one-line reason; with email
 * configured, the notification scheduler starts (see src/server/notifications/scheduler.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { loadEnvOrExit, schedulerEnabled } = await import("./src/env");
    const env = loadEnvOrExit();
    if (schedulerEnabled(env)) {
      const { startNotificationScheduler } = await import("./src/server/notifications/scheduler");
      startNotificationScheduler();
    }
  }
}
