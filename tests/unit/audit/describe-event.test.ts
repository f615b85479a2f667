import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeAuditEvent,
  type AuditEventFacts,
  type AuditNameKind,
  type AuditNameLookup,
} from "@/domain/audit/describe-event";

const NAMES: Record<string, string> = {
  "user:u-grace": "Grace Hopper",
  "user:u-owner": "Owen Owner",
  "team:t-checkout": "Checkout",
  "org_unit:o-payments": "Payments",
  "plan_item:p-1": "Craft a sustainable on-call schedule",
  "cycle:c-q4": "2026 Q4",
  "assessment:a-1": "2026 Q4",
};
const lookup: AuditNameLookup = (kind: AuditNameKind, id: string) => NAMES[`${kind}:${id}`] ?? null;
const nobodyKnown: AuditNameLookup = () => null;

function event(action: string, overrides: Partial<AuditEventFacts> & { b?: unknown; a?: unknown } = {}) {
  const { b, a, ...rest } = overrides;
  return {
    action,
    entityType: "user",
    entityId: "u-grace",
    teamId: null,
    actorName: "Ada Admin",
    before: b === undefined ? null : JSON.stringify(b),
    after: a === undefined ? null : JSON.stringify(a),
    ...rest,
  } satisfies AuditEventFacts;
}

const team = { entityType: "team", entityId: "t-checkout", teamId: "t-checkout" };
const unit = { entityType: "org_unit", entityId: "o-payments" };
const assessment = { entityType: "assessment", entityId: "a-1", teamId: "t-checkout" };
const planItem = { entityType: "plan_item", entityId: "p-1", teamId: "t-checkout" };
const cycle = { entityType: "cycle", entityId: "c-q4" };

/** One row per audit action the server writes: the event and the sentence it reads as. */
const CASES: [AuditEventFacts, string][] = [
  [event("auth.signed_in"), "Ada Admin signed in"],
  [event("auth.signed_out"), "Ada Admin signed out"],
  [
    event("auth.sign_in_failed", { actorName: null, entityType: "account", entityId: "x@example.com" }),
    "A sign-in as x@example.com failed",
  ],
  [
    event("auth.password_changed", { a: { apiTokensRevoked: 2, replacedAdminSetPassword: true } }),
    "Ada Admin changed their password (replacing the one an admin set), revoking 2 API tokens",
  ],
  [
    event("auth.other_sessions_ended", { a: { sessionsEnded: 3 } }),
    "Ada Admin signed out their other devices (3 sessions)",
  ],
  [
    event("person.created", { a: { name: "Grace Hopper", email: "grace@example.com" } }),
    "Ada Admin added Grace Hopper (grace@example.com)",
  ],
  [event("person.deactivated"), "Ada Admin deactivated Grace Hopper"],
  [event("person.reactivated"), "Ada Admin reactivated Grace Hopper"],
  [event("person.password_set"), "Ada Admin set a new password for Grace Hopper"],
  [
    event("role.granted", { a: { role: "team_lead", teamId: "t-checkout", scope: "Checkout" } }),
    "Ada Admin gave Grace Hopper the role Team lead for Checkout",
  ],
  [
    event("role.revoked", { b: { role: "coach", orgUnitId: "o-payments", scope: "Payments" } }),
    "Ada Admin removed the role Coach for Payments from Grace Hopper",
  ],
  [
    event("org_unit.created", { ...unit, a: { name: "Payments", parent: "Commerce" } }),
    "Ada Admin created the org unit Payments under Commerce",
  ],
  [
    event("org_unit.renamed", { ...unit, b: { name: "Pay" }, a: { name: "Payments" } }),
    "Ada Admin renamed the org unit Pay to Payments",
  ],
  [
    event("org_unit.moved", { ...unit, b: { parent: null }, a: { parent: "Commerce" } }),
    "Ada Admin moved the org unit Payments from the top level to Commerce",
  ],
  [event("org_unit.archived", unit), "Ada Admin archived the org unit Payments"],
  [event("org_unit.unarchived", unit), "Ada Admin unarchived the org unit Payments"],
  [
    event("team.created", { ...team, a: { name: "Checkout", orgUnit: "Payments" } }),
    "Ada Admin created the team Checkout in Payments",
  ],
  [
    event("team.renamed", { ...team, b: { name: "Till" }, a: { name: "Checkout" } }),
    "Ada Admin renamed the team Till to Checkout",
  ],
  [
    event("team.moved", { ...team, b: { orgUnit: "Commerce" }, a: { orgUnit: "Payments" } }),
    "Ada Admin moved the team Checkout from Commerce to Payments",
  ],
  [event("team.archived", team), "Ada Admin archived the team Checkout"],
  [event("team.unarchived", team), "Ada Admin unarchived the team Checkout"],
  [
    event("import.completed", {
      entityType: "import",
      entityId: "i-1",
      a: { fileName: "org.csv", orgUnits: 2, teams: 5, people: 1, roles: 7 },
    }),
    "Ada Admin imported org.csv: 2 org units, 5 teams, 1 person, 7 roles",
  ],
  [
    event("assessment.started", {
      ...assessment,
      a: { cycle: "2026 Q4", carriedFromCycle: "2026 Q3", carriedOver: 40 },
    }),
    "Ada Admin started Checkout's 2026 Q4 assessment, carrying over 40 answers from 2026 Q3",
  ],
  [
    event("assessment.answers_confirmed", { ...assessment, a: { questionIds: ["q1", "q2"] } }),
    "Ada Admin confirmed 2 carried-over answers in Checkout's 2026 Q4 assessment",
  ],
  [
    event("assessment.answers_filled", {
      ...assessment,
      a: { answers: [{ questionId: "q1" }, { questionId: "q2" }], source: "individual answers" },
    }),
    "Ada Admin filled 2 team answers in Checkout's 2026 Q4 assessment from the team's own answers",
  ],
  [
    event("assessment.answer_saved", {
      ...assessment,
      b: null,
      a: {
        questionId: "cmt-deployment-frequency",
        kind: "value",
        value: '"weekly"',
        reason: null,
        note: null,
        carriedOver: false,
      },
    }),
    'Ada Admin answered "How often does your team deploy to production, on average?" in Checkout\'s 2026 Q4 assessment: About once a week',
  ],
  [
    event("assessment.answer_cleared", {
      ...assessment,
      b: {
        questionId: "locs-share-of-team-on-call",
        kind: "value",
        value: "75",
        reason: null,
        note: "Two people joined in October",
        carriedOver: false,
      },
      a: null,
    }),
    "Ada Admin cleared the answer and its note to \"What percentage of your team's engineers take part in the out-of-hours on-call rota?\" in Checkout's 2026 Q4 assessment (was: 75%)",
  ],
  [event("assessment.submitted", assessment), "Ada Admin submitted Checkout's 2026 Q4 assessment"],
  [
    event("assessment.resubmitted", assessment),
    "Ada Admin submitted Checkout's 2026 Q4 assessment again after it was reopened",
  ],
  [
    event("assessment.reopened", { ...assessment, a: { status: "reopened", reason: "Wrong answers" } }),
    `Ada Admin reopened Checkout's 2026 Q4 assessment: "Wrong answers"`,
  ],
  [
    event("plan_item.added", planItem),
    "Ada Admin added 'Craft a sustainable on-call schedule' to Checkout's plan",
  ],
  [
    event("plan_item.updated", {
      ...planItem,
      b: { status: "todo", ownerId: null, dueOn: null },
      a: { status: "in_progress", ownerId: "u-owner", dueOn: "2026-12-31" },
    }),
    "Ada Admin changed Checkout's plan item 'Craft a sustainable on-call schedule': status To do → In progress; owner nobody → Owen Owner; due date none → 31 December 2026",
  ],
  [
    event("plan_item.removed", planItem),
    "Ada Admin removed 'Craft a sustainable on-call schedule' from Checkout's plan",
  ],
  [event("cycle.created", { ...cycle, a: { name: "2026 Q4" } }), "Ada Admin created the cycle 2026 Q4"],
  [event("cycle.opened", cycle), "Ada Admin opened 2026 Q4"],
  [event("cycle.returned_to_planned", cycle), "Ada Admin returned 2026 Q4 to planned"],
  [event("cycle.closed", cycle), "Ada Admin closed 2026 Q4"],
  [
    event("reminder.sent", {
      ...cycle,
      a: { cycle: "2026 Q4", teamCount: 2, teams: ["Checkout", "Search"] },
    }),
    "Ada Admin sent a reminder about 2026 Q4 to the leads of 2 teams: Checkout, Search",
  ],
  [
    event("reminder.prepared", {
      ...cycle,
      a: { cycle: "2026 Q4", teamCount: 2, teams: ["Checkout", "Search"], byEmail: false },
    }),
    "Ada Admin prepared a reminder email about 2026 Q4 for the leads of 2 teams: Checkout, Search; Pitfall Radar did not send it",
  ],
];

describe("describeAuditEvent", () => {
  it("reads an earlier reminder recorded as sent without email as prepared, not sent", () => {
    const earlier = event("reminder.sent", {
      ...cycle,
      a: { cycle: "2026 Q4", teamCount: 1, teams: ["Checkout"], byEmail: false },
    });
    expect(describeAuditEvent(earlier, lookup)).toBe(
      "Ada Admin prepared a reminder email about 2026 Q4 for the leads of 1 team: Checkout; Pitfall Radar did not send it",
    );
  });

  const rows = CASES.map(([facts, sentence]) => ({ action: facts.action, facts, sentence }));
  it.each(rows)("describes $action", ({ facts, sentence }) => {
    expect(describeAuditEvent(facts, lookup)).toBe(sentence);
  });

  it("names the teams whose reopened assessments a closed cycle kept with their last results", () => {
    expect(
      describeAuditEvent(
        event("cycle.closed", { ...cycle, a: { status: "closed", reopenedTeams: ["Billing", "Search"] } }),
        lookup,
      ),
    ).toBe(
      "Ada Admin closed 2026 Q4, keeping the last submitted results of the reopened assessments of Billing, Search",
    );
  });

  it("names the API tokens a password change revoked only when there were some", () => {
    expect(describeAuditEvent(event("auth.password_changed", { a: { apiTokensRevoked: 0 } }), lookup)).toBe(
      "Ada Admin changed their password",
    );
    expect(describeAuditEvent(event("auth.password_changed"), lookup)).toBe(
      "Ada Admin changed their password",
    );
    expect(describeAuditEvent(event("auth.password_changed", { a: { apiTokensRevoked: 1 } }), lookup)).toBe(
      "Ada Admin changed their password, revoking 1 API token",
    );
  });

  it("covers every action the server writes", () => {
    expect(new Set(CASES.map(([facts]) => facts.action)).size).toBe(CASES.length);
  });

  it("falls back to names kept in the event when the entity is gone", () => {
    const removed = event("plan_item.removed", {
      ...planItem,
      entityId: "p-gone",
      teamId: "t-gone",
      b: { countermeasureId: "select-availability-targets-on-financial-exposure" },
    });
    expect(describeAuditEvent(removed, nobodyKnown)).toBe(
      "Ada Admin removed 'Select availability targets on financial exposure' from a deleted team's plan",
    );
    expect(describeAuditEvent(event("person.deactivated"), nobodyKnown)).toBe(
      "Ada Admin deactivated a person no longer listed",
    );
  });

  it("says what an answer changed from and to, or that only its note changed", () => {
    const saved = (b: unknown, a: unknown) =>
      describeAuditEvent(event("assessment.answer_saved", { ...assessment, b, a }), lookup);
    const answer = (kind: string, extra: Record<string, unknown> = {}) => ({
      questionId: "rbu-accountable-for-incidents",
      kind,
      value: null,
      reason: null,
      note: null,
      carriedOver: false,
      ...extra,
    });
    const prompt =
      "\"Who is held accountable when one of your team's services has a serious production incident?\" in Checkout's 2026 Q4 assessment";
    expect(
      saved(
        answer("value", { value: '"shared-or-unclear"', carriedOver: true }),
        answer("notApplicable", { reason: "No production service yet" }),
      ),
    ).toBe(
      `Ada Admin changed the answer to ${prompt}: It is shared or unclear → Not applicable ("No production service yet")`,
    );
    expect(saved(answer("dontKnow"), answer("dontKnow", { note: "Ask the budget holder" }))).toBe(
      `Ada Admin edited the note on ${prompt} (Don't know)`,
    );
    expect(saved(answer("dontKnow", { note: "Old" }), answer("dontKnow"))).toBe(
      `Ada Admin removed the note from ${prompt} (Don't know)`,
    );
    // A question no questionnaire has any more is named by its id.
    expect(
      describeAuditEvent(
        event("assessment.answer_cleared", {
          ...assessment,
          b: { questionId: "retired-question", kind: "dontKnow" },
        }),
        lookup,
      ),
    ).toBe(
      "Ada Admin cleared the answer to question retired-question in Checkout's 2026 Q4 assessment (was: Don't know)",
    );
  });

  it("gives an unknown action a generic sentence", () => {
    expect(describeAuditEvent(event("widget.polished", { entityType: "widget_part" }), lookup)).toBe(
      'Ada Admin recorded "widget.polished" on widget part',
    );
  });

  it("never throws, whatever the stored JSON and names hold", () => {
    const actions = [...CASES.map(([facts]) => facts.action), "unknown.action"];
    const storedText = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value) ?? null),
      fc
        .dictionary(
          fc.constantFrom(
            "status",
            "ownerId",
            "dueOn",
            "teams",
            "teamCount",
            "role",
            "cycle",
            "name",
            "questionIds",
            "questionId",
            "kind",
            "value",
            "note",
          ),
          fc.jsonValue(),
        )
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...actions),
        fc.string(),
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        storedText,
        storedText,
        fc.boolean(),
        (action, entityId, teamId, actorName, before, after, known) => {
          const sentence = describeAuditEvent(
            { action, entityType: "x", entityId, teamId, actorName, before, after },
            known ? lookup : nobodyKnown,
          );
          expect(typeof sentence).toBe("string");
          expect(sentence.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
