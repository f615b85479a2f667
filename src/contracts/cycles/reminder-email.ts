/** The reminder email teams' leads get: one wording for the mailto link and the copied text. */
import { formatDayLong } from "@/domain/format";

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

/** A mailto: link with every lead in To, and the subject and body above. */
export function reminderMailto(emails: readonly string[], cycleName: string, closesOn: string): string {
  const query = new URLSearchParams({
    subject: reminderSubject(cycleName),
    body: reminderBody(cycleName, closesOn),
  })
    .toString()
    .replace(/\+/g, "%20");
  return `mailto:${emails.join(",")}?${query}`;
}
