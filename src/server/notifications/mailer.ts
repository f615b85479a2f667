import "server-only";
import nodemailer from "nodemailer";
import type { MailSettings } from "@/env";
import type { MailMessage } from "@/contracts/notifications/messages";

/** Sends one plain-text email; throws when the SMTP server refuses it or cannot be reached. */
export interface Mailer {
  send(to: string, message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (STARTTLS when the server offers it, or TLS from the start on port 465). */
export function createSmtpMailer(settings: MailSettings): Mailer {
  const transport =
    "url" in settings.transport
      ? nodemailer.createTransport(settings.transport.url)
      : nodemailer.createTransport({
          host: settings.transport.host,
          port: settings.transport.port,
          secure: settings.transport.secure,
          auth: settings.transport.auth,
        });
  return {
    async send(to, message) {
      await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
