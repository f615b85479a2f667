/**
 * Email notifications against a real SMTP server running in this process (`smtp-server`), read
 * back as they arrive (`mailparser`). "Two instances" are two Prisma clients of their own on the
 * test database, each with its own mailer, running the scheduler at the same moment.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { roleScopeKey, type Actor } from "@/domain/access/policy";
import { content, latestQuestionnaire } from "@/domain/content";
import type { MailSettings } from "@/env";
import { sendCycleReminder } from "@/server/cycles/reminders";
import { db } from "@/server/db";
import { createSmtpMailer, type Mailer } from "@/server/notifications/mailer";
import { getNotificationPreferences, saveNotificationPreferences } from "@/server/notifications/preferences";
import { runNotifications } from "@/server/notifications/run";
import { createPrismaClient, type AppPrismaClient } from "@/server/prisma-client";
import { actorFor, createTeamIn, createUnit, createUser } from "../admin/fixtures";

interface Received {
  to: string[];
  subject: string;
  text: string;
}

const APP_URL = "https://radar.example.test";
const REFUSED = "refused@example.test";
let received: Received[] = [];
let smtp: SMTPServer;
let settings: MailSettings;
const mailers: Mailer[] = [];
const clients: AppPrismaClient[] = [];

function mailer(): Mailer {
  const created = createSmtpMailer(settings);
  mailers.push(created);
  return created;
}

/** A second app instance: its own database client and its own SMTP connection. */
function instance(): { client: AppPrismaClient; mailer: Mailer } {
  const client = createPrismaClient(process.env.DATABASE_URL!);
  clients.push(client);
  return { client, mailer: mailer() };
}

function to(email: string): Received[] {
  return received.filter((mail) => mail.to.includes(email));
}

const people: Record<string, string> = {};
const teams: Record<string, string> = {};
let cycleId: string;
let head: Actor;
const schedule = { appUrl: APP_URL, reminderDays: [7, 1], timeZone: "UTC" };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address === REFUSED ? new Error("mailbox unavailable") : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  const { port } = smtp.server.address() as AddressInfo;
  settings = {
    transport: { url: `smtp://127.0.0.1:${port}` },
    from: "Pitfall Radar <radar@example.test>",
    reminderDays: [7, 1],
  };

  const payments = await createUnit("Payments");
  for (const name of ["Checkout", "Refunds", "Billing", "Legacy"])
    teams[name] = await createTeamIn(payments, name);
  await db.team.update({
    where: { id: teams.Legacy! },
    data: { archivedAt: new Date("2026-10-01T00:00:00Z") },
  });
  people.ada = await createUser(
    "ada@example.test",
    [
      { role: "team_lead", teamId: teams.Checkout! },
      { role: "team_lead", teamId: teams.Refunds! },
    ],
    "Ada Lee",
  );
  people.ben = await createUser(
    "ben@example.test",
    [{ role: "team_lead", teamId: teams.Billing! }],
    "Ben Ode",
  );
  people.cy = await createUser("cy@example.test", [{ role: "team_lead", teamId: teams.Legacy! }], "Cy Old");
  people.dee = await createUser(
    "dee@example.test",
    [{ role: "team_lead", teamId: teams.Checkout! }],
    "Dee Out",
  );
  people.eve = await createUser(
    "eve@example.test",
    [{ role: "team_lead", teamId: teams.Refunds! }],
    "Eve Gone",
  );
  await db.user.update({
    where: { id: people.eve! },
    data: { deactivatedAt: new Date("2026-11-01T00:00:00Z") },
  });
  people.rex = await createUser(REFUSED, [{ role: "team_lead", teamId: teams.Refunds! }], "Rex Refused");
  await db.notificationOptOut.create({ data: { userId: people.dee!, kind: "cycle_reminder" } });
  await db.notificationOptOut.create({ data: { userId: people.rex!, kind: "cycle_reminder" } });
  head = await actorFor(
    await createUser("head@example.test", [{ role: "head_of_engineering" }], "Hana Head"),
  );

  cycleId = (
    await db.cycle.create({
      data: {
        name: "2026 Q4",
        year: 2026,
        quarter: 4,
        opensOn: new Date("2026-10-01T00:00:00Z"),
        closesOn: new Date("2026-12-15T00:00:00Z"),
        questionnaireId: latestQuestionnaire().id,
        status: "open",
      },
    })
  ).id;
  await db.assessment.create({ data: { teamId: teams.Refunds!, cycleId, status: "draft" } });
  await db.assessment.create({
    data: {
      teamId: teams.Billing!,
      cycleId,
      status: "submitted",
      submittedAt: new Date("2026-11-20T00:00:00Z"),
    },
  });
});

beforeEach(() => {
  received = [];
});

afterAll(async () => {
  for (const created of mailers) created.close();
  await Promise.all(clients.map((client) => client.$disconnect()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("reminders before a cycle's due date", () => {
  it("counts the days in the organisation's time zone", async () => {
    // 06:00 UTC on 8 December is 22:00 on 7 December in Los Angeles: 8 days before, not 7.
    await runNotifications(
      db,
      mailer(),
      { ...schedule, timeZone: "America/Los_Angeles" },
      new Date("2026-12-08T06:00:00Z"),
    );
    expect(received).toEqual([]);
    expect(await db.notificationSent.count({ where: { kind: "cycle_reminder" } })).toBe(0);
  });

  it("reach each lead of a team still to submit once per reminder day, even with two instances racing", async () => {
    const first = instance();
    const second = instance();
    const sevenDaysBefore = new Date("2026-12-08T06:00:00Z");
    const runs = await Promise.all([
      runNotifications(first.client, first.mailer, schedule, sevenDaysBefore),
      runNotifications(second.client, second.mailer, schedule, sevenDaysBefore),
    ]);
    expect(runs.map((run) => run.reminders.sent).sort()).toEqual([0, 1]);

    // Only Ada: Ben's team submitted, Cy's team is archived, Eve is deactivated, Dee and Rex opted out.
    expect(received.map((mail) => mail.to)).toEqual([["ada@example.test"]]);
    const [mail] = received;
    expect(mail!.subject).toBe("Reminder: the 2026 Q4 assessment is due in 7 days");
    expect(mail!.text).toContain("Hello Ada Lee,");
    expect(mail!.text).toContain("It is due on 15 December 2026.");
    expect(mail!.text).toMatch(/- Checkout \(not started\): https:\/\/radar\.example\.test\/team\/checkout-/);
    expect(mail!.text).toMatch(/- Refunds \(in draft\): https:\/\/radar\.example\.test\/team\/refunds-/);
    expect(mail!.text).toContain("https://radar.example.test/account");

    // A restart later that day, and the next day: the 7-day reminder is not sent again.
    await runNotifications(db, mailer(), schedule, new Date("2026-12-08T18:00:00Z"));
    await runNotifications(db, mailer(), schedule, new Date("2026-12-09T06:00:00Z"));
    expect(received).toHaveLength(1);

    const sent = await db.notificationSent.findMany({ where: { kind: "cycle_reminder" } });
    expect(sent.map((row) => [row.userId, row.status])).toEqual([[people.ada, "sent"]]);
    const audit = await db.auditEvent.findMany({
      where: { action: "notification.sent", entityId: people.ada! },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      kind: "cycle_reminder",
      cycle: "2026 Q4",
      daysBefore: 7,
    });
  });

  it("sends the 1-day reminder once more, and nothing before the first reminder day or after the due date", async () => {
    await runNotifications(db, mailer(), schedule, new Date("2026-12-01T06:00:00Z"));
    expect(received).toEqual([]);

    const first = instance();
    const second = instance();
    const dayBefore = new Date("2026-12-14T06:00:00Z");
    await Promise.all([
      runNotifications(first.client, first.mailer, schedule, dayBefore),
      runNotifications(second.client, second.mailer, schedule, dayBefore),
      runNotifications(db, mailer(), schedule, dayBefore),
    ]);
    expect(received.map((mail) => [mail.to, mail.subject])).toEqual([
      [["ada@example.test"], "Reminder: the 2026 Q4 assessment is due tomorrow"],
    ]);

    received = [];
    await runNotifications(db, mailer(), schedule, new Date("2026-12-16T06:00:00Z"));
    expect(received).toEqual([]);
  });

  it("stops for a person who opts out, and starts again when they opt back in", async () => {
    await db.notificationOptOut.create({ data: { userId: people.ada!, kind: "cycle_reminder" } });
    await db.notificationOptOut.deleteMany({ where: { userId: people.dee!, kind: "cycle_reminder" } });
    const dueDate = new Date("2026-12-15T06:00:00Z");
    await runNotifications(db, mailer(), schedule, dueDate);
    expect(received.map((mail) => mail.to)).toEqual([["dee@example.test"]]);
    expect(received[0]!.text).toContain("Your team has not submitted");
    await db.notificationOptOut.deleteMany({ where: { userId: people.ada! } });
  });
});

describe("the weekly digest of overdue plan items", () => {
  it("lists each owner's open items past their due date, once a week, even with two instances racing", async () => {
    const assessment = await db.assessment.findFirstOrThrow({ where: { teamId: teams.Billing! } });
    const [first, second, third, fourth] = content.countermeasures;
    const item = (
      teamId: string,
      countermeasureId: string,
      ownerId: string,
      dueOn: string,
      status = "todo",
    ) =>
      db.planItem.create({
        data: {
          teamId,
          countermeasureId,
          pitfallId: content.pitfalls[0]!.id,
          rationale: "so that it is tested",
          addresses: "[]",
          sourceAssessmentId: assessment.id,
          ownerId,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          status,
        },
      });
    // Owners hold a role on their items' teams (Ben leads Billing and is a member of the others).
    for (const [userId, teamId] of [
      [people.ben!, teams.Checkout!],
      [people.ben!, teams.Refunds!],
      [people.rex!, teams.Checkout!],
    ] as const) {
      await db.roleAssignment.create({
        data: { userId, role: "member", teamId, scopeKey: roleScopeKey({ teamId }) },
      });
    }
    await item(teams.Checkout!, first!.id, people.ben!, "2026-12-01", "in_progress");
    await item(teams.Refunds!, first!.id, people.ben!, "2026-11-20");
    await item(teams.Billing!, first!.id, people.ben!, "2026-11-10", "done");
    await item(teams.Billing!, second!.id, people.ben!, "2026-12-20");
    await item(teams.Legacy!, first!.id, people.ben!, "2026-11-01");
    await item(teams.Checkout!, second!.id, people.dee!, "2026-11-15");
    await item(teams.Checkout!, third!.id, people.rex!, "2026-11-15");
    await item(teams.Refunds!, third!.id, people.ada!, "2026-12-09");
    await db.notificationOptOut.create({ data: { userId: people.dee!, kind: "plan_digest" } });
    await db.notificationOptOut.create({ data: { userId: people.ada!, kind: "cycle_reminder" } });
    expect(fourth).toBeDefined();

    const a = instance();
    const b = instance();
    // Tuesday of ISO week 2026-W50; the cycle is closed by now, so only digests are due.
    await db.cycle.update({ where: { id: cycleId }, data: { status: "closed" } });
    const tuesday = new Date("2026-12-08T06:00:00Z");
    await Promise.all([
      runNotifications(a.client, a.mailer, schedule, tuesday),
      runNotifications(b.client, b.mailer, schedule, tuesday),
    ]);

    const bens = to("ben@example.test");
    expect(bens).toHaveLength(1);
    expect(bens[0]!.subject).toBe("Weekly digest: 2 overdue plan items");
    const lines = bens[0]!.text.split("\n").filter((line) => line.startsWith("- "));
    expect(lines).toEqual([
      `- Refunds: ${first!.action} — due 20 November 2026, to do: ${APP_URL}/team/${(await db.team.findUniqueOrThrow({ where: { id: teams.Refunds! } })).slug}/plan`,
      `- Checkout: ${first!.action} — due 1 December 2026, in progress: ${APP_URL}/team/${(await db.team.findUniqueOrThrow({ where: { id: teams.Checkout! } })).slug}/plan`,
    ]);
    // Dee opted out; Ada's item is not due yet; Rex's mailbox is refused.
    expect(to("dee@example.test")).toEqual([]);
    expect(to("ada@example.test")).toEqual([]);
    expect(received).toHaveLength(1);
    expect(
      (await db.notificationSent.findFirstOrThrow({ where: { userId: people.rex!, kind: "plan_digest" } }))
        .status,
    ).toBe("failed");

    received = [];
    await runNotifications(db, mailer(), schedule, new Date("2026-12-13T20:00:00Z"));
    expect(to("ben@example.test")).toEqual([]);
    expect(to("ada@example.test")).toHaveLength(1);

    received = [];
    await runNotifications(db, mailer(), schedule, new Date("2026-12-14T06:00:00Z"));
    expect(to("ben@example.test").map((mail) => mail.subject)).toEqual([
      "Weekly digest: 2 overdue plan items",
    ]);
    await db.cycle.update({ where: { id: cycleId }, data: { status: "open" } });
  });

  it("goes to the team's leads for items whose owner has left the team, and no longer to that owner", async () => {
    // The items of the test above are done by now.
    await db.planItem.updateMany({ data: { status: "done" } });
    const assessment = await db.assessment.findFirstOrThrow({ where: { teamId: teams.Billing! } });
    const [first, second] = content.countermeasures;
    const item = (teamId: string, countermeasureId: string, ownerId: string, dueOn: string) =>
      db.planItem.create({
        data: {
          teamId,
          countermeasureId,
          pitfallId: content.pitfalls[0]!.id,
          rationale: "so that it is tested",
          addresses: "[]",
          sourceAssessmentId: assessment.id,
          ownerId,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          status: "todo",
        },
      });
    // Fay owned a Billing item, then moved from Billing to Checkout, where she owns one too.
    people.fay = await createUser(
      "fay@example.test",
      [{ role: "member", teamId: teams.Billing! }],
      "Fay Moved",
    );
    await db.planItem.deleteMany({ where: { countermeasureId: second!.id, teamId: teams.Billing! } });
    await item(teams.Billing!, second!.id, people.fay, "2026-12-02");
    await db.roleAssignment.deleteMany({ where: { userId: people.fay } });
    await db.roleAssignment.create({
      data: {
        userId: people.fay,
        role: "member",
        teamId: teams.Checkout!,
        scopeKey: roleScopeKey({ teamId: teams.Checkout! }),
      },
    });
    await db.planItem.deleteMany({ where: { countermeasureId: second!.id, teamId: teams.Checkout! } });
    await item(teams.Checkout!, second!.id, people.fay, "2026-12-03");
    // Eve, a lead of Refunds, was deactivated with an item of Refunds still hers.
    await db.planItem.deleteMany({ where: { countermeasureId: first!.id, teamId: teams.Refunds! } });
    await item(teams.Refunds!, first!.id, people.eve!, "2026-12-04");

    // Tuesday of ISO week 2026-W52, after the cycle's due date: only digests are due.
    await runNotifications(db, mailer(), schedule, new Date("2026-12-22T06:00:00Z"));
    const slug = async (teamId: string) => (await db.team.findUniqueOrThrow({ where: { id: teamId } })).slug;
    const lines = (mail: Received) => mail.text.split("\n").filter((line) => line.startsWith("- "));

    // Fay hears about her Checkout item only.
    const fays = to("fay@example.test");
    expect(fays.map((mail) => mail.subject)).toEqual(["Weekly digest: 1 overdue plan item"]);
    expect(lines(fays[0]!)).toEqual([
      `- Checkout: ${second!.action} — due 3 December 2026, to do: ${APP_URL}/team/${await slug(teams.Checkout!)}/plan`,
    ]);
    // Ben leads Billing: he hears about the item Fay left behind, named as hers.
    const bens = to("ben@example.test");
    expect(bens.map((mail) => mail.subject)).toEqual(["Weekly digest: 1 overdue plan item"]);
    expect(bens[0]!.text).toContain(
      "This plan item of a team you lead is past its due date, and its owner is no longer on the team:",
    );
    expect(lines(bens[0]!)).toEqual([
      `- Billing: ${second!.action} — due 2 December 2026, to do, owned by Fay Moved (no longer on the team): ${APP_URL}/team/${await slug(teams.Billing!)}/plan`,
    ]);
    expect(bens[0]!.text).toContain("Give them a new owner on the team, or drop them with a reason.");
    expect(bens[0]!.text).toContain("You get this email because you lead these teams.");
    expect(bens[0]!.text).not.toContain("you own");
    // Ada leads Refunds: she hears about deactivated Eve's item; Eve gets nothing; Rex, who leads
    // Refunds too, is refused by the mail server; Dee opted out.
    expect(to("ada@example.test").flatMap(lines)).toEqual([
      `- Refunds: ${first!.action} — due 4 December 2026, to do, owned by Eve Gone (no longer on the team): ${APP_URL}/team/${await slug(teams.Refunds!)}/plan`,
    ]);
    expect(to("eve@example.test")).toEqual([]);
    expect(received.map((mail) => mail.to[0]).sort()).toEqual([
      "ada@example.test",
      "ben@example.test",
      "fay@example.test",
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "notification.sent", entityId: people.ben! },
      orderBy: { at: "desc" },
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ kind: "plan_digest", itemCount: 1, ownerLeftCount: 1 });
  });
});

describe("the reminder a head of engineering sends by hand", () => {
  it("is emailed to each lead once a day, skips those who opted out, and lists those the server refused", async () => {
    await db.notificationOptOut.create({ data: { userId: people.ada!, kind: "manual_reminder" } });
    const mail = { mailer: mailer(), appUrl: APP_URL };
    const sent = await sendCycleReminder(head, { cycleId }, mail);
    expect(sent.emailed).toBe(true);
    expect(received.map((message) => message.to)).toEqual([["dee@example.test"]]);
    expect(received[0]!.subject).toBe("Reminder: the 2026 Q4 assessment");
    expect(received[0]!.text).toContain("Sent by Hana Head through Pitfall Radar.");
    expect(sent.message).toBe(
      "Reminder for 2026 Q4 emailed to 1 lead of 2 teams. 1 lead has turned these reminders off. The mail server did not take the email for 1 lead: write to them below.",
    );
    expect(sent.emails).toEqual([REFUSED]);
    // The email written by hand goes to the refused lead in Bcc, and names no team.
    expect(sent.mailtos).toHaveLength(1);
    const url = new URL(sent.mailtos[0]!.href);
    expect(url.searchParams.get("bcc")).toBe(REFUSED);
    const body = url.searchParams.get("body")!;
    expect(body).not.toContain("Checkout");
    expect(body).not.toContain("Refunds");
    expect(body).toMatch(
      new RegExp(`\nYour team's questionnaire is on the start page of Pitfall Radar: ${APP_URL}/$`),
    );
    // Emailed by the app: the audit log says sent.
    expect(await db.auditEvent.count({ where: { action: "reminder.sent", actorId: head.id } })).toBe(1);

    received = [];
    const again = await sendCycleReminder(head, { cycleId }, mail);
    expect(received.map((message) => message.to)).toEqual([]);
    expect(again.message).toContain(
      "1 lead was already reminded about 2026 Q4 today and got no second email.",
    );
    const audit = await db.auditEvent.findMany({ where: { action: "notification.sent", actorId: head.id } });
    expect(audit.map((event) => event.entityId)).toEqual([people.dee]);
  });

  it("keeps the copyable list and mailto link when email is not configured", async () => {
    const sent = await sendCycleReminder(head, { cycleId }, null);
    expect(sent.emailed).toBe(false);
    expect(sent.emails.sort()).toEqual(["ada@example.test", "dee@example.test", REFUSED].sort());
    expect(received).toEqual([]);
  });
});

describe("each person's choice of emails", () => {
  it("turns kinds off and on for the person alone, recording what changed", async () => {
    const ben = await actorFor(people.ben!);
    const othersBefore = await db.notificationOptOut.count({ where: { userId: { not: ben.id } } });
    expect((await getNotificationPreferences(ben)).wanted).toEqual({
      cycle_reminder: true,
      manual_reminder: true,
      plan_digest: true,
    });
    await saveNotificationPreferences(ben, {
      cycle_reminder: false,
      manual_reminder: true,
      plan_digest: false,
    });
    expect((await getNotificationPreferences(ben)).wanted).toEqual({
      cycle_reminder: false,
      manual_reminder: true,
      plan_digest: false,
    });
    await saveNotificationPreferences(ben, {
      cycle_reminder: false,
      manual_reminder: true,
      plan_digest: true,
    });
    await saveNotificationPreferences(ben, {
      cycle_reminder: false,
      manual_reminder: true,
      plan_digest: true,
    });
    const events = await db.auditEvent.findMany({
      where: { action: "notification.preferences_changed", actorId: ben.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => JSON.parse(event.after!))).toEqual([
      { turnedOff: ["cycle_reminder", "plan_digest"], turnedOn: [] },
      { turnedOff: [], turnedOn: ["plan_digest"] },
    ]);
    expect(await db.notificationOptOut.count({ where: { userId: { not: ben.id } } })).toBe(othersBefore);
  });
});
