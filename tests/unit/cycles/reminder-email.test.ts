import { describe, expect, it } from "vitest";
import { reminderMailto } from "@/contracts/cycles/reminder-email";

const teams = [
  { teamName: "Checkout", status: "not-started" as const, href: "/team/checkout" },
  { teamName: "Søk & Finn", status: "draft" as const, href: "/team/sok-finn" },
];

function parts(href: string) {
  const url = new URL(href);
  return { to: url.pathname, subject: url.searchParams.get("subject"), body: url.searchParams.get("body")! };
}

describe("the reminder email written by hand", () => {
  it("links each team's page and the app, on the app's own address", () => {
    const href = reminderMailto(
      ["lead.checkout@example.com", "lead.sok@example.com"],
      "2026 Q4",
      "2026-12-15T00:00:00.000Z",
      { appUrl: "https://radar.example.com/", teams },
    );
    const { to, subject, body } = parts(href);
    expect(to).toBe("lead.checkout@example.com,lead.sok@example.com");
    expect(subject).toBe("Reminder: the 2026 Q4 assessment");
    expect(body).toBe(
      [
        "Hello,",
        "",
        "Your team has not submitted its 2026 Q4 assessment yet. It is due on 15 December 2026.",
        "Please answer the questionnaire with your team and submit it before then.",
        "",
        "Thank you.",
        "",
        "- Checkout (not started): https://radar.example.com/team/checkout",
        "- Søk & Finn (in draft): https://radar.example.com/team/sok-finn",
        "",
        "Pitfall Radar: https://radar.example.com/",
      ].join("\n"),
    );
  });

  it("keeps spaces as %20, which mail programs read as spaces, and an app under a path", () => {
    const href = reminderMailto(["a@example.com"], "2026 Q4", "2026-12-15T00:00:00.000Z", {
      appUrl: "https://intranet.example.com/radar",
      teams: [teams[0]!],
    });
    expect(href).not.toContain("+");
    expect(href).toContain("subject=Reminder%3A%20the%202026%20Q4%20assessment");
    expect(parts(href).body).toContain(
      "- Checkout (not started): https://intranet.example.com/radar/team/checkout",
    );
    expect(parts(href).body.endsWith("Pitfall Radar: https://intranet.example.com/radar/")).toBe(true);
  });
});
