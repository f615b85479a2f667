import { describe, expect, it } from "vitest";
import { describeAuditEvent, type AuditEventFacts } from "@/domain/audit/describe-event";

const noNames = () => null;

function event(facts: Partial<AuditEventFacts>): AuditEventFacts {
  return {
    action: "",
    entityType: "api_token",
    entityId: "tok1",
    teamId: null,
    actorName: "Ada Lee",
    before: null,
    after: null,
    ...facts,
  };
}

describe("API token events in words", () => {
  it("names the token and when it stops working, never its secret", () => {
    const text = describeAuditEvent(
      event({
        action: "api_token.created",
        after: JSON.stringify({
          name: "Grafana",
          prefix: "prt_abc123",
          expiresAt: "2027-02-28T09:00:00.000Z",
        }),
      }),
      noNames,
    );
    expect(text).toBe("Ada Lee created the API token 'Grafana', valid until 28 February 2027");
  });

  it("says which token was revoked", () => {
    const text = describeAuditEvent(
      event({ action: "api_token.revoked", before: JSON.stringify({ name: "CI", prefix: "prt_abc123" }) }),
      noNames,
    );
    expect(text).toBe("Ada Lee revoked the API token 'CI'");
  });

  it("reads plainly when the stored JSON is missing", () => {
    expect(describeAuditEvent(event({ action: "api_token.revoked" }), noNames)).toBe(
      "Ada Lee revoked the API token 'unnamed'",
    );
  });
});
