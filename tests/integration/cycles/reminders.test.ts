import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { latestQuestionnaire } from "@/domain/content";
import { auditFilterSchema } from "@/contracts/admin/schemas";
import { listAuditEvents } from "@/server/admin/audit-queries";
import { getReminderPanel, sendCycleReminder } from "@/server/cycles/reminders";
import { db } from "@/server/db";
import { getEnv } from "@/env";
import { actorFor, createTeamIn, createUnit, createUser } from "../admin/fixtures";

/**
 * Two units: Payments (Checkout not started, Refunds in draft, Billing submitted) and Logistics
 * (Returns not started). The coach coaches Payments only.
 */
let head: Actor;
let coach: Actor;
let lead: Actor;
let admin: Actor;
let cycleId: string;
let closedCycleId: string;
const teams: Record<string, string> = {};

beforeAll(async () => {
  const payments = await createUnit("Payments");
  const logistics = await createUnit("Logistics");
  for (const name of ["Checkout", "Refunds", "Billing"]) teams[name] = await createTeamIn(payments, name);
  teams.Returns = await createTeamIn(logistics, "Returns");
  const questionnaireId = latestQuestionnaire().id;
  const cycle = await db.cycle.create({
    data: {
      name: "2026 Q4",
      year: 2026,
      quarter: 4,
      opensOn: new Date("2026-10-01T00:00:00Z"),
      closesOn: new Date("2026-12-15T00:00:00Z"),
      questionnaireId,
      status: "open",
    },
  });
  cycleId = cycle.id;
  closedCycleId = (
    await db.cycle.create({
      data: {
        name: "2026 Q3",
        year: 2026,
        quarter: 3,
        opensOn: new Date("2026-07-01T00:00:00Z"),
        closesOn: new Date("2026-09-15T00:00:00Z"),
        questionnaireId,
        status: "closed",
      },
    })
  ).id;
  await db.assessment.create({ data: { teamId: teams.Refunds!, cycleId, status: "draft" } });
  await db.assessment.create({
    data: {
      teamId: teams.Billing!,
      cycleId,
      status: "submitted",
      submittedAt: new Date("2026-11-01T00:00:00Z"),
    },
  });
  await createUser(
    "lead.checkout@example.com",
    [{ role: "team_lead", teamId: teams.Checkout! }],
    "Cleo Lead",
  );
  await createUser("lead.refunds@example.com", [{ role: "team_lead", teamId: teams.Refunds! }], "Rita Lead");
  await createUser("lead.billing@example.com", [{ role: "team_lead", teamId: teams.Billing! }], "Bill Lead");
  await createUser("lead.returns@example.com", [{ role: "team_lead", teamId: teams.Returns! }], "Ron Lead");
  const gone = await createUser("gone@example.com", [{ role: "team_lead", teamId: teams.Checkout! }], "Gone");
  await db.user.update({ where: { id: gone }, data: { deactivatedAt: new Date() } });
  head = await actorFor(
    await createUser("head@example.com", [{ role: "head_of_engineering" }], "Priya Head"),
  );
  coach = await actorFor(
    await createUser("coach@example.com", [{ role: "coach", orgUnitId: payments }], "Sam Coach"),
  );
  lead = await actorFor(
    (await db.user.findUniqueOrThrow({ where: { email: "lead.checkout@example.com" } })).id,
  );
  admin = await actorFor(await createUser("admin@example.com", [{ role: "admin" }], "Morgan Admin"));
});

describe("cycle reminders", () => {
  it("lists, for the head, every team that has not submitted, with its active leads", async () => {
    const panel = await getReminderPanel(head);
    expect(panel.cycle?.name).toBe("2026 Q4");
    expect(panel.teams.map((team) => [team.teamName, team.status, team.leads.map((l) => l.email)])).toEqual([
      ["Returns", "not-started", ["lead.returns@example.com"]],
      ["Checkout", "not-started", ["lead.checkout@example.com"]],
      ["Refunds", "draft", ["lead.refunds@example.com"]],
    ]);
  });

  it("limits a coach to the teams of the units they coach", async () => {
    const panel = await getReminderPanel(coach);
    expect(panel.teams.map((team) => team.teamName)).toEqual(["Checkout", "Refunds"]);
    const sent = await sendCycleReminder(coach, { cycleId });
    expect(sent.emails).toEqual(["lead.checkout@example.com", "lead.refunds@example.com"]);
    // Nothing is sent without email set up: the message says so, and the email to send goes to
    // the leads in Bcc, naming no team, so no lead learns which other teams are late.
    expect(sent.emailed).toBe(false);
    expect(sent.message).toBe(
      "Reminder for 2026 Q4 prepared for 2 leads of 2 teams. Nothing has been sent yet: send the email below from your mail program.",
    );
    expect(sent.mailtos).toHaveLength(1);
    const url = new URL(sent.mailtos[0]!.href);
    expect(url.pathname).toBe("");
    expect(url.searchParams.get("bcc")).toBe("lead.checkout@example.com,lead.refunds@example.com");
    expect(sent.mailtos[0]!.recipients).toBe(2);
    const body = url.searchParams.get("body")!;
    expect(body).toContain("due on 15 December 2026");
    const appUrl = getEnv().APP_URL.replace(/\/+$/, "");
    expect(body.split("\n").at(-1)).toBe(
      `Your team's questionnaire is on the start page of Pitfall Radar: ${appUrl}/`,
    );
    expect(body).not.toContain("Checkout");
    expect(body).not.toContain("Refunds");
  });

  it("records who reminded which teams about which cycle, as prepared when the app sends no email", async () => {
    await sendCycleReminder(head, { cycleId });
    expect(await db.auditEvent.count({ where: { action: "reminder.sent", actorId: head.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "reminder.prepared", actorId: head.id },
    });
    expect(event.entityType).toBe("cycle");
    expect(event.entityId).toBe(cycleId);
    expect(JSON.parse(event.after!)).toMatchObject({
      cycle: "2026 Q4",
      teamCount: 3,
      teams: ["Returns", "Checkout", "Refunds"],
      leadCount: 3,
      byEmail: false,
    });
  });

  it("refuses team leads and members, and writes nothing", async () => {
    const before = await db.auditEvent.count();
    await expect(getReminderPanel(lead)).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendCycleReminder(lead, { cycleId })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses a cycle that is not open", async () => {
    await expect(sendCycleReminder(head, { cycleId: closedCycleId })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});

describe("the audit log in words", () => {
  it("tells a reminder and a plan change with names resolved, and falls back for deleted entities", async () => {
    const owner = await createUser("owner@example.com", [], "Owen Owner");
    const item = await db.planItem.create({
      data: {
        teamId: teams.Refunds!,
        countermeasureId: "select-availability-targets-on-financial-exposure",
        pitfallId: "limited-on-call-schedule",
        rationale: "so that on-call load is known",
        addresses: "[]",
        sourceAssessmentId: "an-earlier-assessment",
        status: "in_progress",
      },
    });
    await db.auditEvent.createMany({
      data: [
        {
          actorId: admin.id,
          action: "plan_item.updated",
          entityType: "plan_item",
          entityId: item.id,
          teamId: teams.Refunds!,
          before: JSON.stringify({ status: "todo", ownerId: null }),
          after: JSON.stringify({ status: "in_progress", ownerId: owner }),
        },
        {
          actorId: admin.id,
          action: "team.archived",
          entityType: "team",
          entityId: "a-team-that-was-deleted",
          after: JSON.stringify({ archivedAt: "2026-11-01T00:00:00.000Z" }),
        },
      ],
    });
    const page = await listAuditEvents(admin, auditFilterSchema.parse({}));
    const sentences = page.events.map((event) => event.description);
    expect(sentences).toContain(
      "Priya Head prepared a reminder email about 2026 Q4 for the leads of 3 teams: Returns, Checkout, Refunds; Pitfall Radar did not send it",
    );
    expect(sentences).toContain(
      "Morgan Admin changed Refunds' plan item 'Select availability targets on financial exposure': status To do → In progress; owner nobody → Owen Owner",
    );
    expect(sentences).toContain("Morgan Admin archived a team no longer listed");
  });
});
