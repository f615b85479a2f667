/**
 * The reminder email teams' leads get: one wording for the email the app sends each lead (with
 * their own teams) and the one a head or coach writes by hand from a mailto: link.
 */
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
 * Mail programs cut a mailto: link short past about 2,000 characters (Outlook on Windows, for one),
 * dropping recipients or the end of the text, so no link is longer than this.
 */
export const MAX_MAILTO_LENGTH = 2_000;

/** One ready-made email: a mailto: link and how many leads it goes to. */
export interface ReminderMailto {
  href: string;
  recipients: number;
}

/**
 * The email written by hand goes to many leads at once, so it says only what each of them needs:
 * the cycle, its due date and where to answer. It lists no team: in Bcc, no lead sees which other
 * teams are late, or whom else it went to.
 */
export function reminderMailtoBody(cycleName: string, closesOn: string, appUrl: string): string {
  return [
    reminderBody(cycleName, closesOn),
    "",
    `Your team's questionnaire is on the start page of Pitfall Radar: ${absoluteUrl(appUrl, "/")}`,
  ].join("\n");
}

function mailtoHref(bcc: readonly string[], subject: string, body: string): string {
  // Spaces as %20, which every mail program reads as spaces ("+" some leave as it is).
  const query = new URLSearchParams({ bcc: bcc.join(","), subject, body }).toString().replace(/\+/g, "%20");
  return `mailto:?${query}`;
}

/**
 * The reminder as mailto: links with the leads in Bcc, none longer than MAX_MAILTO_LENGTH: as many
 * leads as fit go in each link, so a few dozen late teams make two or three emails rather than one
 * link a mail program cuts short.
 */
export function reminderMailtos(
  emails: readonly string[],
  cycleName: string,
  closesOn: string,
  appUrl: string,
): ReminderMailto[] {
  const subject = reminderSubject(cycleName);
  const body = reminderMailtoBody(cycleName, closesOn, appUrl);
  const links: ReminderMailto[] = [];
  let batch: string[] = [];
  for (const email of emails) {
    if (batch.length > 0 && mailtoHref([...batch, email], subject, body).length > MAX_MAILTO_LENGTH) {
      links.push({ href: mailtoHref(batch, subject, body), recipients: batch.length });
      batch = [];
    }
    batch.push(email);
  }
  if (batch.length > 0) links.push({ href: mailtoHref(batch, subject, body), recipients: batch.length });
  return links;
}
