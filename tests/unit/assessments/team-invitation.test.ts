import { describe, expect, it } from "vitest";
import {
  invitationBody,
  invitationLinks,
  invitationMailto,
  invitationSubject,
  type TeamInvitation,
} from "@/contracts/assessments/team-invitation";

const invitation: TeamInvitation = {
  teamName: "Checkout",
  teamSlug: "checkout",
  cycleName: "2026 Q4",
  closesOn: "2026-12-15T00:00:00.000Z",
  hasPulse: true,
  senderName: "Jordan Baker",
  appUrl: "https://radar.example.com/",
};

describe("asking the team for their own answers", () => {
  it("links to My answers and the pulse at the app's own address, signed by the lead", () => {
    expect(invitationLinks(invitation)).toEqual({
      myAnswers: "https://radar.example.com/team/checkout/assessment/mine",
      pulse: "https://radar.example.com/team/checkout/pulse",
    });
    const body = invitationBody(invitation);
    expect(body).toContain("Before I submit our 2026 Q4 assessment (due 15 December 2026)");
    expect(body).toContain("- Your own answers: https://radar.example.com/team/checkout/assessment/mine");
    expect(body).toContain("- The anonymous pulse: https://radar.example.com/team/checkout/pulse");
    expect(body).toContain("Nobody sees who gave which answer");
    expect(body.endsWith("Thank you,\nJordan Baker")).toBe(true);
  });

  it("leaves the pulse out of a cycle that has none", () => {
    const withoutPulse = { ...invitation, hasPulse: false };
    expect(invitationLinks(withoutPulse).pulse).toBeNull();
    expect(invitationBody(withoutPulse)).not.toContain("pulse");
  });

  it("puts everyone in Bcc, not To, with the subject and the message", () => {
    const href = invitationMailto(["riley@example.com", "sam+rota@example.com"], invitation);
    expect(href.startsWith("mailto:?")).toBe(true);
    const query = new URLSearchParams(href.slice("mailto:?".length));
    expect(query.get("bcc")).toBe("riley@example.com,sam+rota@example.com");
    expect(query.get("to")).toBeNull();
    expect(query.get("subject")).toBe(invitationSubject(invitation));
    expect(query.get("body")).toBe(invitationBody(invitation));
    // Spaces as %20, not "+", which some mail programs keep as a plus sign.
    expect(href).not.toContain("+");
  });
});
