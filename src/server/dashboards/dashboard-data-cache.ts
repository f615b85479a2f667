import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";

export { FingerprintedCache } from "../cache/fingerprinted-cache";

/**
 * The organisation dashboards read thousands of rows that change only when a team starts, submits
 * or reopens an assessment, or when an administrator changes units, teams or cycles. Each
 * instance keeps the rows it read, keyed by the exact (actor-scoped) query, together with a
 * fingerprint of those tables taken from the database; a request reuses them only while the
 * fingerprint is unchanged. The fingerprint comes from the shared database, so an instance notices
 * writes made through other instances. Assessments carry a version that every write increments,
 * so their part is exact; teams, units and cycles only have an update time, which two writes in the
 * same millisecond, or a write from a server whose clock runs behind, may not move: the cache's
 * 30-second expiry bounds how long such an edit can go unseen.
 */
export async function dashboardDataFingerprint(cycleIds: readonly string[]): Promise<string> {
  // One statement instead of an aggregate per table: every page of the dashboards takes this
  // fingerprint, and each statement costs more in the database client than in the database.
  // Every assessment write increments its version, so the sum moves with each one; the count
  // catches deletions, the latest update time anything else.
  const cycles = cycleIds.length > 0 ? Prisma.join([...cycleIds]) : Prisma.sql`NULL`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a.n AS "assessments", a.v AS "versions", a.u AS "assessmentsUpdated",
           t.n AS "teams", t.u AS "teamsUpdated",
           o.n AS "orgUnits", o.u AS "orgUnitsUpdated",
           c.n AS "cycles", c.u AS "cyclesUpdated"
    FROM (SELECT COUNT(*) AS n, SUM("version") AS v, MAX("updatedAt") AS u
            FROM "assessment" WHERE "cycleId" IN (${cycles})) a,
         (SELECT COUNT(*) AS n, MAX("updatedAt") AS u FROM "team") t,
         (SELECT COUNT(*) AS n, MAX("updatedAt") AS u FROM "org_unit") o,
         (SELECT COUNT(*) AS n, MAX("updatedAt") AS u FROM "cycle") c`;
  return Object.values(rows[0] ?? {})
    .map(fingerprintPart)
    .join("|");
}

/** Counts and sums come back as bigints or numbers, update times as dates or stored text, by database. */
function fingerprintPart(value: unknown): string {
  if (value instanceof Date) return String(value.getTime());
  return String(value ?? 0);
}
