import "server-only";
import { teamPath } from "@/contracts/assessments/paths";
import { dueDateReminderMessage, type ReminderTeamLine } from "@/contracts/notifications/messages";
import { daysUntil, notificationKey, reminderStage, utcDay } from "@/domain/notifications/schedule";
import { wallClock } from "@/domain/time-zone";
import type { AppPrismaClient } from "../prisma-client";
import type { Mailer } from "./mailer";
import { count, deliverOnce, emptySummary, optedOut, type RunSummary } from "./outbox";

interface Lead {
  id: string;
  name: string;
  email: string;
  teams: ReminderTeamLine[];
}

/** The active leads of the active teams that have not submitted in a cycle, each with their teams. */
async function leadsToRemind(client: AppPrismaClient, cycleId: string): Promise<Lead[]> {
  const teams = await client.team.findMany({
    where: { archivedAt: null, assessments: { none: { cycleId, status: "submitted" } } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      slug: true,
      assessments: { where: { cycleId }, select: { id: true } },
      roles: {
        where: { role: "team_lead", user: { deactivatedAt: null } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const leads = new Map<string, Lead>();
  for (const team of teams) {
    const line: ReminderTeamLine = {
      teamName: team.name,
      status: team.assessments.length === 0 ? "not-started" : "draft",
      href: teamPath(team.slug),
    };
    for (const { user } of team.roles) {
      const lead = leads.get(user.id) ?? { ...user, teams: [] };
      lead.teams.push(line);
      leads.set(user.id, lead);
    }
  }
  return [...leads.values()];
}

/**
 * Reminds the leads of teams that have not submitted the open cycle, on the configured days before
 * its due date: one email per lead per reminder day, listing all their teams still to submit. Days
 * are counted in the organisation's time zone.
 */
export async function sendDueDateReminders(
  client: AppPrismaClient,
  mailer: Mailer,
  settings: { appUrl: string; reminderDays: readonly number[]; timeZone: string },
  now: Date,
): Promise<RunSummary> {
  const summary = emptySummary();
  const cycles = await client.cycle.findMany({
    where: { status: "open" },
    select: { id: true, name: true, closesOn: true },
  });
  for (const cycle of cycles) {
    const daysLeft = daysUntil(wallClock(now, settings.timeZone), cycle.closesOn);
    const stage = reminderStage(daysLeft, settings.reminderDays);
    if (stage === null) continue;
    const leads = await leadsToRemind(client, cycle.id);
    const skipped = await optedOut(
      client,
      "cycle_reminder",
      leads.map((lead) => lead.id),
    );
    summary.optedOut += skipped.size;
    for (const lead of leads) {
      if (skipped.has(lead.id)) continue;
      const outcome = await deliverOnce(
        client,
        mailer,
        {
          key: notificationKey("cycle_reminder", lead.id, `${cycle.id}|${utcDay(cycle.closesOn)}|${stage}`),
          kind: "cycle_reminder",
          user: lead,
          message: dueDateReminderMessage({
            appUrl: settings.appUrl,
            personName: lead.name,
            cycleName: cycle.name,
            closesOn: cycle.closesOn.toISOString(),
            daysLeft,
            teams: lead.teams,
          }),
          actorId: null,
          about: {
            cycle: cycle.name,
            cycleId: cycle.id,
            daysBefore: stage,
            teams: lead.teams.map((team) => team.teamName),
          },
        },
        now,
      );
      count(summary, outcome);
    }
  }
  return summary;
}
