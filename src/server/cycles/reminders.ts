import "server-only";
import { can, readsWholeOrganisation, type Actor } from "@/domain/access/policy";
import { teamPath } from "@/contracts/assessments/paths";
import type { CycleIdInput } from "@/contracts/cycles/schemas";
import { reminderMailtos } from "@/contracts/cycles/reminder-email";
import type { ReminderPanelData, ReminderSent, ReminderTeam } from "@/contracts/cycles/types";
import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { appMailer } from "../notifications/app-mailer";
import type { Mailer } from "../notifications/mailer";
import { emailManualReminder, type ManualReminderLead } from "../notifications/manual-reminder";
import { orgTimeZone } from "../org-calendar";

type Reader = Pick<Prisma.TransactionClient, "team">;

/** Heads of engineering remind every team; a coach the teams of the units they coach. */
function requireReminderScope(actor: Actor): void {
  if (!readsWholeOrganisation(actor) && actor.coachOrgUnitIds.size === 0) throw new ForbiddenError();
}

/**
 * Active teams in the actor's scope that have not submitted in the cycle: not started, or a draft
 * (also one reopened for corrections). Scope is in the query and checked again per team.
 */
async function teamsToRemind(reader: Reader, actor: Actor, cycleId: string) {
  const teams = await reader.team.findMany({
    where: {
      archivedAt: null,
      ...(readsWholeOrganisation(actor) ? {} : { orgUnitId: { in: [...actor.coachOrgUnitIds] } }),
      assessments: { none: { cycleId, status: "submitted" } },
    },
    orderBy: [{ orgUnit: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      orgUnitId: true,
      orgUnit: { select: { name: true } },
      assessments: { where: { cycleId }, select: { status: true } },
      roles: {
        where: { role: "team_lead", user: { deactivatedAt: null } },
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  return teams.filter((team) =>
    can(actor, "cycle:remind", { type: "team", teamId: team.id, orgUnitId: team.orgUnitId }),
  );
}

function toReminderTeam(team: Awaited<ReturnType<typeof teamsToRemind>>[number]): ReminderTeam {
  return {
    teamName: team.name,
    teamHref: teamPath(team.slug),
    orgUnitName: team.orgUnit.name,
    status: team.assessments.length === 0 ? "not-started" : "draft",
    leads: team.roles.map(({ user }) => ({ name: user.name, email: user.email })),
  };
}

function uniqueEmails(teams: readonly ReminderTeam[]): string[] {
  return [...new Set(teams.flatMap((team) => team.leads.map((lead) => lead.email)))];
}

/** The reminder panel of the Cycles page: the open cycle's teams still to submit, in scope. */
export async function getReminderPanel(actor: Actor): Promise<ReminderPanelData> {
  requireReminderScope(actor);
  const cycle = await db.cycle.findFirst({
    where: { status: "open" },
    select: { id: true, name: true, closesOn: true },
  });
  const sendsEmail = appMailer() !== null;
  if (!cycle) return { cycle: null, teams: [], sendsEmail };
  const teams = await teamsToRemind(db, actor, cycle.id);
  return {
    cycle: { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn.toISOString() },
    teams: teams.map(toReminderTeam),
    sendsEmail,
  };
}

/** Each lead once, with the teams of theirs the reminder is about. */
function leadsOf(rows: Awaited<ReturnType<typeof teamsToRemind>>): ManualReminderLead[] {
  const leads = new Map<string, ManualReminderLead>();
  for (const team of rows) {
    const line = toReminderTeam(team);
    for (const { user } of team.roles) {
      const lead = leads.get(user.id) ?? { ...user, teams: [] };
      lead.teams.push({ teamName: line.teamName, status: line.status, href: line.teamHref });
      leads.set(user.id, lead);
    }
  }
  return [...leads.values()];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Records a reminder to the leads of the teams in scope that have not submitted in the open
 * cycle. With email configured, it is then sent to each lead (once per lead and day); otherwise,
 * and for any lead the mail server would not take, it returns their emails and ready-made emails
 * for the sender's own mail program. The audit log says which: "reminder.sent" when the app emails
 * the leads, "reminder.prepared" when it only prepared the email, which nobody may ever send.
 */
export async function sendCycleReminder(
  actor: Actor,
  input: CycleIdInput,
  mail: { mailer: Mailer; appUrl: string } | null = appMailer(),
): Promise<ReminderSent> {
  requireReminderScope(actor);
  const recorded = await db.$transaction(async (tx) => {
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: { id: true, name: true, status: true, closesOn: true },
    });
    if (!cycle) throw new NotFoundError("That cycle does not exist.");
    if (cycle.status !== "open") {
      throw new ConflictError(`${cycle.name} is not open, so there is nobody to remind.`);
    }
    const rows = await teamsToRemind(tx, actor, cycle.id);
    if (rows.length === 0) {
      throw new ConflictError(
        `Every team you look after has submitted ${cycle.name}: nobody needs a reminder.`,
      );
    }
    const teams = rows.map(toReminderTeam);
    const emails = uniqueEmails(teams);
    await writeAudit(tx, {
      actorId: actor.id,
      action: mail !== null && emails.length > 0 ? "reminder.sent" : "reminder.prepared",
      entityType: "cycle",
      entityId: cycle.id,
      after: {
        cycle: cycle.name,
        teamCount: rows.length,
        teams: rows.map((team) => team.name),
        teamIds: rows.map((team) => team.id),
        leadCount: emails.length,
        byEmail: mail !== null,
      },
    });
    return { cycle, rows, emails };
  });
  const { cycle, rows, emails } = recorded;
  const closesOn = cycle.closesOn.toISOString();
  const teamCount = plural(rows.length, "team", "teams");
  if (!mail || emails.length === 0) {
    const mailtos = reminderMailtos(emails, cycle.name, closesOn, mail?.appUrl ?? getEnv().APP_URL);
    return {
      message:
        emails.length === 0
          ? `Reminder for ${cycle.name} prepared: ${teamCount}, but none has a lead to write to.`
          : `Reminder for ${cycle.name} prepared for ${plural(emails.length, "lead", "leads")} of ${teamCount}. Nothing has been sent yet: send ${mailtos.length === 1 ? "the email" : `the ${mailtos.length} emails`} below from your mail program.`,
      emails,
      mailtos,
      emailed: false,
    };
  }
  const outcome = await emailManualReminder(db, mail.mailer, {
    appUrl: mail.appUrl,
    timeZone: orgTimeZone(),
    sender: { id: actor.id, name: actor.name },
    cycle: { id: cycle.id, name: cycle.name, closesOn },
    leads: leadsOf(rows),
  });
  const parts = [
    `Reminder for ${cycle.name} emailed to ${plural(outcome.sent, "lead", "leads")} of ${teamCount}.`,
  ];
  if (outcome.alreadyToday > 0) {
    parts.push(
      `${plural(outcome.alreadyToday, "lead was", "leads were")} already reminded about ${cycle.name} today and got no second email.`,
    );
  }
  if (outcome.optedOut > 0) {
    parts.push(`${plural(outcome.optedOut, "lead has", "leads have")} turned these reminders off.`);
  }
  const failed = outcome.failed.map((lead) => lead.email);
  if (failed.length > 0) {
    parts.push(
      `The mail server did not take the email for ${plural(failed.length, "lead", "leads")}: write to them below.`,
    );
  }
  return {
    message: parts.join(" "),
    emails: failed,
    mailtos: reminderMailtos(failed, cycle.name, closesOn, mail.appUrl),
    emailed: true,
  };
}
