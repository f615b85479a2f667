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

/** An overdue item of a team the person leads, whose owner no longer has a role on the team. */
export interface DigestLeftItemLine extends DigestItemLine {
  formerOwnerName: string;
}

function digestLine(appUrl: string, item: DigestItemLine, owner = ""): string {
  const status = item.status === "todo" ? "to do" : "in progress";
  return `- ${item.teamName}: ${item.title} — due ${formatDayLong(item.dueOn)}, ${status}${owner}: ${absoluteUrl(appUrl, item.href)}`;
}

/**
 * The weekly digest of a person's overdue plan items, oldest due date first: the items they own,
 * then the items of teams they lead whose owner has left the team (lost their role on it, or was
 * deactivated), which nobody else would hear about.
 */
export function overdueDigestMessage(input: {
  appUrl: string;
  personName: string;
  items: readonly DigestItemLine[];
  leftItems?: readonly DigestLeftItemLine[];
}): MailMessage {
  const owned = input.items;
  const left = input.leftItems ?? [];
  const count = owned.length + left.length;
  const ownedPart =
    owned.length === 0
      ? []
      : [
          "",
          `${owned.length === 1 ? "This remediation plan item you own is" : "These remediation plan items you own are"} past ${owned.length === 1 ? "its" : "their"} due date:`,
          "",
          ...owned.map((item) => digestLine(input.appUrl, item)),
          "",
          "Mark them done, give them a new due date, or drop them with a reason.",
        ];
  const leftPart =
    left.length === 0
      ? []
      : [
          "",
          `${left.length === 1 ? "This plan item of a team you lead is" : "These plan items of teams you lead are"} past ${left.length === 1 ? "its" : "their"} due date, and ${left.length === 1 ? "its owner is" : "their owners are"} no longer on the team:`,
          "",
          ...left.map((item) =>
            digestLine(input.appUrl, item, `, owned by ${item.formerOwnerName} (no longer on the team)`),
          ),
          "",
          "Give them a new owner on the team, or drop them with a reason.",
        ];
  const why =
    left.length === 0
      ? "You get this email because you own these plan items."
      : owned.length === 0
        ? "You get this email because you lead these teams."
        : "You get this email because you own these plan items or lead these teams.";
  return {
    subject: `Weekly digest: ${count} overdue plan ${count === 1 ? "item" : "items"}`,
    text: [`Hello ${input.personName},`, ...ownedPart, ...leftPart, ...footer(input.appUrl, why)].join("\n"),
  };
}
