import "server-only";
import { teamPlanPath } from "@/contracts/plans/paths";
import {
  overdueDigestMessage,
  type DigestItemLine,
  type DigestLeftItemLine,
} from "@/contracts/notifications/messages";
import { countermeasureById } from "@/domain/content";
import { isoWeek, notificationKey } from "@/domain/notifications/schedule";
import { startOfUtcDay } from "@/domain/plans/plan-item-rules";
import { wallClock } from "@/domain/time-zone";
import type { AppPrismaClient } from "../prisma-client";
import type { Mailer } from "./mailer";
import { count, deliverOnce, emptySummary, optedOut, type RunSummary } from "./outbox";

type Person = { id: string; name: string; email: string };

/** The roles that put a person on a team: the ones a plan item's owner must hold. */
const TEAM_ROLES = ["team_lead", "member"];

/**
 * Once per ISO week, each person with open plan items past their due date (on active teams) gets
 * one email listing them, oldest due date first: the items they own on teams they still have a
 * role on, and, for each team they lead, the items whose owner no longer has a role on it (moved
 * to another team, or deactivated). A former owner hears nothing more about the team: its plan is
 * no longer theirs to read. Items without an owner are left to the plan page, as before.
 */
export async function sendOverdueDigests(
  client: AppPrismaClient,
  mailer: Mailer,
  settings: { appUrl: string; timeZone: string },
  now: Date,
): Promise<RunSummary> {
  const summary = emptySummary();
  // Which day and week it is, in the organisation's time zone.
  const today = wallClock(now, settings.timeZone);
  const items = await client.planItem.findMany({
    where: {
      status: { in: ["todo", "in_progress"] },
      dueOn: { lt: startOfUtcDay(today) },
      team: { archivedAt: null },
      ownerId: { not: null },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      countermeasureId: true,
      dueOn: true,
      status: true,
      teamId: true,
      team: { select: { name: true, slug: true } },
      owner: { select: { id: true, name: true, email: true } },
    },
  });
  // Who is on each of these teams now, and who leads it: active people with a team role.
  const grants = await client.roleAssignment.findMany({
    where: {
      teamId: { in: [...new Set(items.map((item) => item.teamId))] },
      role: { in: TEAM_ROLES },
      user: { deactivatedAt: null },
    },
    select: { teamId: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
  const onTeam = new Set(grants.map((grant) => `${grant.teamId} ${grant.user.id}`));
  const leadsOf = new Map<string, Person[]>();
  for (const grant of grants) {
    if (grant.role !== "team_lead" || !grant.teamId) continue;
    leadsOf.set(grant.teamId, [...(leadsOf.get(grant.teamId) ?? []), grant.user]);
  }

  const recipients = new Map<string, Person & { items: DigestItemLine[]; leftItems: DigestLeftItemLine[] }>();
  const recipient = (person: Person) => {
    const known = recipients.get(person.id) ?? { ...person, items: [], leftItems: [] };
    recipients.set(person.id, known);
    return known;
  };
  for (const item of items) {
    if (!item.owner || !item.dueOn) continue;
    const line: DigestItemLine = {
      teamName: item.team.name,
      title: countermeasureById(item.countermeasureId)?.action ?? item.countermeasureId,
      dueOn: item.dueOn.toISOString(),
      status: item.status === "in_progress" ? "in_progress" : "todo",
      href: teamPlanPath(item.team.slug),
    };
    if (onTeam.has(`${item.teamId} ${item.owner.id}`)) {
      recipient(item.owner).items.push(line);
      continue;
    }
    for (const lead of leadsOf.get(item.teamId) ?? []) {
      recipient(lead).leftItems.push({ ...line, formerOwnerName: item.owner.name });
    }
  }
  const week = isoWeek(today);
  const skipped = await optedOut(client, "plan_digest", [...recipients.keys()]);
  summary.optedOut += skipped.size;
  for (const person of recipients.values()) {
    if (skipped.has(person.id)) continue;
    const outcome = await deliverOnce(
      client,
      mailer,
      {
        key: notificationKey("plan_digest", person.id, week),
        kind: "plan_digest",
        user: person,
        message: overdueDigestMessage({
          appUrl: settings.appUrl,
          personName: person.name,
          items: person.items,
          leftItems: person.leftItems,
        }),
        actorId: null,
        about: {
          week,
          itemCount: person.items.length + person.leftItems.length,
          ...(person.leftItems.length > 0 ? { ownerLeftCount: person.leftItems.length } : {}),
        },
      },
      now,
    );
    count(summary, outcome);
  }
  return summary;
}
