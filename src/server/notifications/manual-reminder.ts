import "server-only";
import { manualReminderMessage, type ReminderTeamLine } from "@/contracts/notifications/messages";
import { notificationKey, utcDay } from "@/domain/notifications/schedule";
import { wallClock } from "@/domain/time-zone";
import type { AppPrismaClient } from "../prisma-client";
import type { Mailer } from "./mailer";
import { deliverOnce, optedOut } from "./outbox";

export interface ManualReminderLead {
  id: string;
  name: string;
  email: string;
  teams: ReminderTeamLine[];
}

export interface ManualReminderOutcome {
  sent: number;
  /** Leads already reminded about this cycle today, by this or another sender. */
  alreadyToday: number;
  optedOut: number;
  /** Leads the SMTP server would not take the email for; the sender writes to them instead. */
  failed: { name: string; email: string }[];
}

/**
 * Emails the reminder a head of engineering or coach sends by hand, one email per lead listing
 * their teams. At most one per lead, cycle and day, whoever sends it, so pressing the button twice
 * (or two coaches of overlapping units) does not send it twice.
 */
export async function emailManualReminder(
  client: AppPrismaClient,
  mailer: Mailer,
  input: {
    appUrl: string;
    /** The organisation's time zone: "once a day" is per day of its calendar. */
    timeZone: string;
    sender: { id: string; name: string };
    cycle: { id: string; name: string; closesOn: string };
    leads: readonly ManualReminderLead[];
  },
  now = new Date(),
): Promise<ManualReminderOutcome> {
  const outcome: ManualReminderOutcome = { sent: 0, alreadyToday: 0, optedOut: 0, failed: [] };
  const skipped = await optedOut(
    client,
    "manual_reminder",
    input.leads.map((lead) => lead.id),
  );
  for (const lead of input.leads) {
    if (skipped.has(lead.id)) {
      outcome.optedOut += 1;
      continue;
    }
    const result = await deliverOnce(
      client,
      mailer,
      {
        key: notificationKey(
          "manual_reminder",
          lead.id,
          `${input.cycle.id}|${utcDay(wallClock(now, input.timeZone))}`,
        ),
        kind: "manual_reminder",
        user: lead,
        message: manualReminderMessage({
          appUrl: input.appUrl,
          senderName: input.sender.name,
          cycleName: input.cycle.name,
          closesOn: input.cycle.closesOn,
          teams: lead.teams,
        }),
        actorId: input.sender.id,
        about: {
          cycle: input.cycle.name,
          cycleId: input.cycle.id,
          teams: lead.teams.map((team) => team.teamName),
        },
      },
      now,
    );
    if (result === "sent") outcome.sent += 1;
    else if (result === "already-sent") outcome.alreadyToday += 1;
    else outcome.failed.push({ name: lead.name, email: lead.email });
  }
  return outcome;
}
