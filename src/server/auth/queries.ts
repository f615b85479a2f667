import "server-only";
import type { Actor } from "@/domain/access/policy";
import { db } from "../db";

/** False only on a brand-new installation, before the first admin exists. */
export async function hasAnyPerson(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** How many sessions of the person are open besides this one (other browsers and devices). */
export async function countOtherSessions(
  actor: Actor,
  currentSessionId: string,
  now = new Date(),
): Promise<number> {
  return db.session.count({
    where: { userId: actor.id, id: { not: currentSessionId }, expiresAt: { gt: now } },
  });
}
