/**
 * The words of every notification email, as plain text. One place, so the scheduler, the reminder
 * sent by hand and the tests agree on what a person reads.
 */
import { formatDayLong } from "@/domain/format";
import {
  absoluteUrl,
  reminderBody,
  reminderSubject,
  reminderTeamLines,
  type ReminderTeamLine,
} from "../cycles/reminder-email";

export interface MailMessage {
  subject: string;
  text: string;
}

export type { ReminderTeamLine };

function footer(appUrl: string, why: string): string[] {
  return [
    "",
    "--",
    `${why} To stop these emails, change your notifications on ${absoluteUrl(appUrl, "/account")}.`,
  ];
}

function dueIn(days: number): string {
  if (days <= 0) return "due today";
  return days === 1 ? "due tomorrow" : `due in ${days} days`;
}

/** The reminder the scheduler sends to a lead some days before the cycle's due date. */
export function dueDateReminderMessage(input: {
  appUrl: string;
  personName: string;
  cycleName: string;
  closesOn: string;
  daysLeft: number;
  teams: readonly ReminderTeamLine[];
}): MailMessage {
  const teams = input.teams.length === 1 ? "Your team has" : "Your teams have";
  return {
    subject: `Reminder: the ${input.cycleName} assessment is ${dueIn(input.daysLeft)}`,
    text: [
      `Hello ${input.personName},`,
      "",
      `${teams} not submitted the ${input.cycleName} assessment yet. It is due on ${formatDayLong(input.closesOn)}.`,
      "",
      ...reminderTeamLines(input.appUrl, input.teams),
      "",
      "Please answer the questionnaire with your team and submit it before then.",
      ...footer(input.appUrl, "You get this email because you lead these teams in Pitfall Radar."),
    ].join("\n"),
  };
}

/** The reminder a head of engineering or coach sends by hand: the same words as the mailto link. */
export function manualReminderMessage(input: {
  appUrl: string;
  senderName: string;
  cycleName: string;
  closesOn: string;
  teams: readonly ReminderTeamLine[];
}): MailMessage {
  return {
    subject: reminderSubject(input.cycleName),
    text: [
      reminderBody(input.cycleName, input.closesOn),
      "",
      ...reminderTeamLines(input.appUrl, input.teams),
      "",
      `Sent by ${input.senderName} through Pitfall Radar.`,
      ...footer(input.appUrl, "You get this email because you lead these teams."),
    ].join("\n"),
  };
}

export interface DigestItemLine {
  teamName: string;
  title: string;
  dueOn: string;
  status: "todo" | "in_progress";
  href: string;
}

/** The weekly digest of a person's overdue plan items, oldest due date first. */
export function overdueDigestMessage(input: {
  appUrl: string;
  personName: string;
  items: readonly DigestItemLine[];
}): MailMessage {
  const count = input.items.length;
  return {
    subject: `Weekly digest: ${count} overdue plan ${count === 1 ? "item" : "items"}`,
    text: [
      `Hello ${input.personName},`,
      "",
      `${count === 1 ? "This remediation plan item you own is" : "These remediation plan items you own are"} past ${count === 1 ? "its" : "their"} due date:`,
      "",
      ...input.items.map(
        (item) =>
          `- ${item.teamName}: ${item.title} — due ${formatDayLong(item.dueOn)}, ${item.status === "todo" ? "to do" : "in progress"}: ${absoluteUrl(input.appUrl, item.href)}`,
      ),
      "",
      "Mark them done, give them a new due date, or drop them with a reason.",
      ...footer(input.appUrl, "You get this email because you own these plan items."),
    ].join("\n"),
  };
}
