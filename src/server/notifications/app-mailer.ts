import "server-only";
import { getEnv, mailSettings, type MailSettings } from "@/env";
import { createSmtpMailer, type Mailer } from "./mailer";

let cached: { mailer: Mailer; settings: MailSettings; appUrl: string } | null | undefined;

/** This process's mailer, from the environment; null when email is not configured. */
export function appMailer(): { mailer: Mailer; settings: MailSettings; appUrl: string } | null {
  if (cached !== undefined) return cached;
  const env = getEnv();
  const settings = mailSettings(env);
  cached = settings ? { mailer: createSmtpMailer(settings), settings, appUrl: env.APP_URL } : null;
  return cached;
}
