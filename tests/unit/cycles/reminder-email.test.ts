import { describe, expect, it } from "vitest";
import { MAX_MAILTO_LENGTH, reminderMailtos } from "@/contracts/cycles/reminder-email";

function parts(href: string) {
  const url = new URL(href);
  return {
    to: url.pathname,
    bcc: url.searchParams.get("bcc")!.split(","),
    subject: url.searchParams.get("subject"),
    body: url.searchParams.get("body")!,
  };
}

const leads = (count: number) =>
  Array.from({ length: count }, (_, index) => `lead.team-number-${index}@example.com`);

describe("the reminder email written by hand", () => {
  it("goes to the leads in Bcc, none in To, and says only the cycle, its due date and where to answer", () => {
    const [mailto, ...more] = reminderMailtos(
      ["lead.checkout@example.com", "lead.sok@example.com"],
      "2026 Q4",
      "2026-12-15T00:00:00.000Z",
      "https://radar.example.com/",
    );
    expect(more).toEqual([]);
    expect(mailto!.recipients).toBe(2);
    const { to, bcc, subject, body } = parts(mailto!.href);
    expect(to).toBe("");
    expect(bcc).toEqual(["lead.checkout@example.com", "lead.sok@example.com"]);
    expect(subject).toBe("Reminder: the 2026 Q4 assessment");
    // No list of the late teams: every lead would see which others are late.
    expect(body).toBe(
      [
        "Hello,",
        "",
        "Your team has not submitted its 2026 Q4 assessment yet. It is due on 15 December 2026.",
        "Please answer the questionnaire with your team and submit it before then.",
        "",
        "Thank you.",
        "",
        "Your team's questionnaire is on the start page of Pitfall Radar: https://radar.example.com/",
      ].join("\n"),
    );
  });

  it("keeps spaces as %20, which mail programs read as spaces, and an app under a path", () => {
    const [mailto] = reminderMailtos(
      ["a@example.com"],
      "2026 Q4",
      "2026-12-15T00:00:00.000Z",
      "https://intranet.example.com/radar",
    );
    expect(mailto!.href).not.toContain("+");
    expect(mailto!.href).toContain("subject=Reminder%3A%20the%202026%20Q4%20assessment");
    expect(parts(mailto!.href).body.endsWith("Pitfall Radar: https://intranet.example.com/radar/")).toBe(
      true,
    );
  });

  it("splits dozens of leads over several emails, each link short enough for every mail program", () => {
    const emails = leads(150);
    const mailtos = reminderMailtos(
      emails,
      "2026 Q4",
      "2026-12-15T00:00:00.000Z",
      "https://radar.example.com",
    );
    expect(mailtos.length).toBeGreaterThan(2);
    for (const mailto of mailtos) expect(mailto.href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    // Every lead once, in order, and each link's count is its own.
    expect(mailtos.flatMap((mailto) => parts(mailto.href).bcc)).toEqual(emails);
    expect(mailtos.map((mailto) => mailto.recipients)).toEqual(
      mailtos.map((mailto) => parts(mailto.href).bcc.length),
    );
    // As few links as fit: another lead would not have fitted in any link but the last.
    for (const mailto of mailtos.slice(0, -1))
      expect(mailto.href.length).toBeGreaterThan(MAX_MAILTO_LENGTH - 60);
  });

  it("writes no link for nobody", () => {
    expect(reminderMailtos([], "2026 Q4", "2026-12-15T00:00:00.000Z", "https://radar.example.com")).toEqual(
      [],
    );
  });
});
