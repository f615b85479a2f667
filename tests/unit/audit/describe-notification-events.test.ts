import { describe, expect, it } from "vitest";
import { describeAuditEvent, type AuditEventFacts } from "@/domain/audit/describe-event";

const names = (type: string, id: string) => (type === "user" && id === "u1" ? "Ada Lee" : null);

function event(facts: Partial<AuditEventFacts>): AuditEventFacts {
  return {
    action: "",
    entityType: "user",
    entityId: "u1",
    teamId: null,
    actorName: null,
    before: null,
    after: null,
    ...facts,
  };
}

describe("single sign-on and notification events in words", () => {
  it("tells a first single sign-on and a mapped role from an admin's doing", () => {
    expect(
      describeAuditEvent(
        event({
          action: "person.created",
          actorName: "Ada Lee",
          after: JSON.stringify({ email: "ada@example.com", source: "sso" }),
        }),
        names,
      ),
    ).toBe("Ada Lee (ada@example.com) signed in through single sign-on for the first time");
    expect(
      describeAuditEvent(
        event({
          action: "role.granted",
          after: JSON.stringify({
            role: "coach",
            scope: "Logistics",
            reason: "single sign-on mapping group:radar-coaches",
          }),
        }),
        names,
      ),
    ).toBe(
      "Ada Lee was given the role Coach for Logistics by the single sign-on mapping group:radar-coaches",
    );
    expect(
      describeAuditEvent(
        event({ action: "auth.signed_in", actorName: "Ada Lee", after: JSON.stringify({ method: "sso" }) }),
        names,
      ),
    ).toBe("Ada Lee signed in through single sign-on");
  });

  it("says who emailed whom about what", () => {
    expect(
      describeAuditEvent(
        event({
          action: "notification.sent",
          after: JSON.stringify({ kind: "cycle_reminder", cycle: "2026 Q4", daysBefore: 7 }),
        }),
        names,
      ),
    ).toBe("Pitfall Radar emailed Ada Lee a reminder about 2026 Q4, 7 days before its due date");
    expect(
      describeAuditEvent(
        event({
          action: "notification.sent",
          actorName: "Priya Natarajan",
          after: JSON.stringify({ kind: "manual_reminder", cycle: "2026 Q4" }),
        }),
        names,
      ),
    ).toBe("Priya Natarajan emailed Ada Lee a reminder about 2026 Q4");
    expect(
      describeAuditEvent(
        event({ action: "notification.sent", after: JSON.stringify({ kind: "plan_digest", itemCount: 3 }) }),
        names,
      ),
    ).toBe("Pitfall Radar emailed Ada Lee the weekly digest of 3 overdue plan items");
    expect(
      describeAuditEvent(
        event({
          action: "notification.preferences_changed",
          actorName: "Ada Lee",
          after: JSON.stringify({ turnedOff: ["plan_digest"], turnedOn: ["cycle_reminder"] }),
        }),
        names,
      ),
    ).toBe(
      "Ada Lee changed their email notifications: turned off weekly digest of overdue plan items; turned on reminders before a cycle is due",
    );
  });
});
