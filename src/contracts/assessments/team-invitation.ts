/**
 * The message a team lead sends to ask the team for their own answers and the anonymous pulse
 * before submitting: one wording for the email the team page opens and the text it copies.
 */
import { formatDayLong } from "@/domain/format";
import { absoluteUrl } from "@/contracts/cycles/reminder-email";
import { myAnswersPath } from "@/contracts/responses/paths";
import { pulsePath } from "@/contracts/pulse/paths";

export interface TeamInvitation {
  teamName: string;
  teamSlug: string;
  cycleName: string;
  /** The cycle's due date (an ISO day or instant). */
  closesOn: string;
  /** Whether the cycle's questionnaire has an anonymous pulse to answer. */
  hasPulse: boolean;
  /** Who asks: the message is signed with their name. */
  senderName: string;
  /** The app's public address (`APP_URL`). */
  appUrl: string;
}

export function invitationSubject(invitation: TeamInvitation): string {
  return `${invitation.teamName}: your own answers for the ${invitation.cycleName} assessment`;
}

/** The links the message gives: My answers, and the pulse when the cycle has one. */
export function invitationLinks(invitation: TeamInvitation): { myAnswers: string; pulse: string | null } {
  return {
    myAnswers: absoluteUrl(invitation.appUrl, myAnswersPath(invitation.teamSlug)),
    pulse: invitation.hasPulse ? absoluteUrl(invitation.appUrl, pulsePath(invitation.teamSlug)) : null,
  };
}

export function invitationBody(invitation: TeamInvitation): string {
  const links = invitationLinks(invitation);
  return [
    "Hello,",
    "",
    `Before I submit our ${invitation.cycleName} assessment (due ${formatDayLong(invitation.closesOn)}), please give your own answers${links.pulse ? " and answer the anonymous pulse" : ""}. It takes a few minutes, and it shows where we agree and where we see things differently.`,
    "",
    `- Your own answers: ${links.myAnswers}`,
    ...(links.pulse ? [`- The anonymous pulse: ${links.pulse}`] : []),
    "",
    `Nobody sees who gave which answer: I see how many people gave each one. ${links.pulse ? "Both close" : "They close"} when the assessment is submitted.`,
    "",
    "Thank you,",
    invitation.senderName,
  ].join("\n");
}

/** A mailto: link with the team's people in Bcc (they need not see each other's addresses). */
export function invitationMailto(emails: readonly string[], invitation: TeamInvitation): string {
  const query = new URLSearchParams({
    bcc: emails.join(","),
    subject: invitationSubject(invitation),
    body: invitationBody(invitation),
  })
    .toString()
    .replace(/\+/g, "%20");
  return `mailto:?${query}`;
}
