"use client";

import { useId, useState } from "react";
import type { TeamOverview } from "@/contracts/assessments/types";
import { Button } from "@/ui/button";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";

type Invitation = NonNullable<TeamOverview["invitation"]>;

/**
 * On the team page, for the person who submits: ask the team's other people for their own answers
 * (and the anonymous pulse) before submitting, by an email the lead's own mail program sends, with
 * everyone in Bcc, or by copying the message into a chat.
 */
export function InviteTeam({ invitation, cycleName }: { invitation: Invitation; cycleName: string }) {
  const messageId = useId();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const { links } = invitation;
  const copy = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopied("failed");
      return;
    }
    clipboard.writeText(invitation.message).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };
  return (
    <SectionCard
      id="invite-heading"
      title="Ask your team to answer"
      description={
        <p className="max-w-3xl">
          Everyone&apos;s own answers show where the team agrees and where it is split
          {links.pulse ? ", and the anonymous pulse asks the people on the rota directly" : ""}. Nobody sees
          who gave which answer. {links.pulse ? "Both close" : "They close"} when you submit the {cycleName}{" "}
          assessment.
        </p>
      }
    >
      {invitation.mailtoHref ? (
        <div className="flex flex-wrap items-center gap-3">
          <a
            href={invitation.mailtoHref}
            className="inline-flex rounded-md border border-blue-700 bg-white px-4 py-2 text-sm font-semibold text-blue-800 hover:bg-blue-50"
          >
            Email the team
            <span className="sr-only">
              {" "}
              ({invitation.recipients} {invitation.recipients === 1 ? "person" : "people"} in Bcc)
            </span>
          </a>
          <Button type="button" variant="secondary" onClick={copy}>
            Copy the message
          </Button>
          <span role="status" className="text-sm text-slate-800">
            {copied === "copied"
              ? "Copied: paste it into your team's chat."
              : copied === "failed"
                ? "This browser did not allow copying: select the message below and copy it."
                : ""}
          </span>
        </div>
      ) : null}
      <p className="text-sm text-slate-700">
        {invitation.mailtoHref
          ? `The email opens in your mail program with the team's ${invitation.recipients} other ${
              invitation.recipients === 1 ? "person" : "people"
            } in Bcc. Or share the links: `
          : "Nobody else is on the team yet (an admin adds people to teams). The links to share: "}
        <TextLink href={links.myAnswers}>My answers</TextLink>
        {links.pulse ? (
          <>
            {" "}
            and <TextLink href={links.pulse}>the anonymous pulse</TextLink>
          </>
        ) : null}
        .
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-blue-800">The message</summary>
        <label htmlFor={messageId} className="sr-only">
          The message to your team
        </label>
        <textarea
          id={messageId}
          readOnly
          value={invitation.message}
          rows={Math.min(14, invitation.message.split("\n").length + 1)}
          className="mt-2 w-full rounded-md border border-slate-300 bg-slate-50 p-2 text-sm text-slate-900"
          onFocus={(event) => event.currentTarget.select()}
        />
      </details>
    </SectionCard>
  );
}
