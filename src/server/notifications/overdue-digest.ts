import "server-only";
import { teamPlanPath } from "@/contracts/plans/paths";
import { overdueDigestMessage, type DigestItemLine } from "@/contracts/notifications/messages";
import { countermeasureById } from "@/domain/content";
import { isoWeek, notificationKey } from "@/domain/notifications/schedule";
import { startOfUtcDay } from "@/domain/plans/plan-item-rules";
import { wallClock } from "@/domain/time-zone";
import type { AppPrismaClient } from "../prisma-client";
import type { Mailer } from "./mailer";
import { count, deliverOnce, emptySummary, optedOut, type RunSummary } from "./outbox";

/**
 * Once per ISO week, each person who owns open plan items past their due date (on active teams)
 * gets one email listing them, oldest due date first.
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
      owner: { deactivatedAt: null },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      countermeasureId: true,
      dueOn: true,
      status: true,
      team: { select: { name: true, slug: true } },
      owner: { select: { id: true, name: true, email: true } },
    },
  });
  const owners = new Map<string, { id: string; name: string; email: string; items: DigestItemLine[] }>();
  for (const item of items) {
    if (!item.owner || !item.dueOn) continue;
    const owner = owners.get(item.owner.id) ?? { ...item.owner, items: [] };
    owner.items.push({
      teamName: item.team.name,
      title: countermeasureById(item.countermeasureId)?.action ?? item.countermeasureId,
      dueOn: item.dueOn.toISOString(),
      status: item.status === "in_progress" ? "in_progress" : "todo",
      href: teamPlanPath(item.team.slug),
    });
    owners.set(owner.id, owner);
  }
  const week = isoWeek(today);
  const skipped = await optedOut(client, "plan_digest", [...owners.keys()]);
  summary.optedOut += skipped.size;
  for (const owner of owners.values()) {
    if (skipped.has(owner.id)) continue;
    const outcome = await deliverOnce(
      client,
      mailer,
      {
        key: notificationKey("plan_digest", owner.id, week),
        kind: "plan_digest",
        user: owner,
        message: overdueDigestMessage({
          appUrl: settings.appUrl,
          personName: owner.name,
          items: owner.items,
        }),
        actorId: null,
        about: { week, itemCount: owner.items.length },
      },
      now,
    );
    count(summary, outcome);
  }
  return summary;
}
