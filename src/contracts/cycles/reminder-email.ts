/** The reminder email teams' leads get: one wording for the mailto link and the copied text. */
import { formatDayLong } from "@/domain/format";

/** A team the reminder is about, with the path of its page in the app. */
export interface ReminderTeamLine {
  teamName: string;
  status: "not-started" | "draft";
  href: string;
}

const STATUS_WORDS: Record<ReminderTeamLine["status"], string> = {
  "not-started": "not started",
  draft: "in draft",
};

/** A path of the app as a full address, from the app's own (`APP_URL`). */
export function absoluteUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

/** "- Checkout (not started): https://radar.example.com/team/checkout", one line per team. */
export function reminderTeamLines(appUrl: string, teams: readonly ReminderTeamLine[]): string[] {
  return teams.map(
    (team) => `- ${team.teamName} (${STATUS_WORDS[team.status]}): ${absoluteUrl(appUrl, team.href)}`,
  );
}

export function reminderSubject(cycleName: string): string {
  return `Reminder: the ${cycleName} assessment`;
}

export function reminderBody(cycleName: string, closesOn: string): string {
  return [
    "Hello,",
    "",
    `Your team has not submitted its ${cycleName} assessment yet. It is due on ${formatDayLong(closesOn)}.`,
    "Please answer the questionnaire with your team and submit it before then.",
    "",
    "Thank you.",
  ].join("\n");
}

/**
 * A mailto: link with every lead in To, and the subject and body above, followed by a link to each
 * team's page and the app's address, so leads reading it can go straight to the questionnaire.
 */
export function reminderMailto(
  emails: readonly string[],
  cycleName: string,
  closesOn: string,
  links: { appUrl: string; teams: readonly ReminderTeamLine[] },
): string {
  const body = [
    reminderBody(cycleName, closesOn),
    "",
    ...reminderTeamLines(links.appUrl, links.teams),
    "",
    `Pitfall Radar: ${absoluteUrl(links.appUrl, "/")}`,
  ].join("\n");
  const query = new URLSearchParams({ subject: reminderSubject(cycleName), body })
    .toString()
    .replace(/\+/g, "%20");
  return `mailto:${emails.join(",")}?${query}`;
}
