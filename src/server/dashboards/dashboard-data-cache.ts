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
 * writes made through other instances.
 *
 * Of the assessments it covers what the dashboards show: how many there are in each status, and
 * every write to a submitted one (a submitted assessment's version is incremented by every write,
 * so that part is exact). A reopened assessment's last submitted results show on the dashboards
 * too, and only two writes change them: submitting it again, which moves it to the submitted
 * counts, and a re-score, which moves its scoring method version (covered by the sum of the
 * reopened ones' method versions). Saving an answer to a draft or reopened assessment changes none
 * of it: the dashboards show a draft's status and nothing of its answers, and a reopened
 * assessment's last results stay as they were until it is submitted again or re-scored. At a quarter end, when hundreds of
 * people are answering, that is what keeps the heatmap from being read afresh after every save.
 * Teams, units and cycles only have an update time, which two writes in the same millisecond, or a
 * write from a server whose clock runs behind, may not move: the cache reads its rows again every
 * 30 seconds (FingerprintedCache), which bounds how long such an edit can go unseen.
 */
export async function dashboardDataFingerprint(cycleIds: readonly string[]): Promise<string> {
  // One statement instead of an aggregate per table: every page of the dashboards takes this
  // fingerprint, and each statement costs more in the database client than in the database.
  // The counts per status catch assessments submitted, reopened or deleted, the latest creation
  // time one started (also in place of a deleted one); the sum of the submitted ones' versions and
  // their latest update time catch any other write to them; the sum of the reopened ones' scoring
  // method versions a re-score of their results (a re-score always moves to the current method, so
  // the sum only grows; a missing method version counts as 0).
  const cycles = cycleIds.length > 0 ? Prisma.join([...cycleIds]) : Prisma.sql`NULL`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a.drafts AS "drafts", a.reopened AS "reopened", a.submitted AS "submitted",
           a.created AS "assessmentsCreated",
           a.v AS "submittedVersions", a.u AS "submittedUpdated", a.rm AS "reopenedMethods",
           t.n AS "teams", t.u AS "teamsUpdated",
           o.n AS "orgUnits", o.u AS "orgUnitsUpdated",
           c.n AS "cycles", c.u AS "cyclesUpdated"
    FROM (SELECT SUM(CASE WHEN "status" = 'draft' THEN 1 ELSE 0 END) AS drafts,
                 SUM(CASE WHEN "status" = 'reopened' THEN 1 ELSE 0 END) AS reopened,
                 SUM(CASE WHEN "status" = 'submitted' THEN 1 ELSE 0 END) AS submitted,
                 SUM(CASE WHEN "status" = 'submitted' THEN "version" ELSE 0 END) AS v,
                 MAX(CASE WHEN "status" = 'submitted' THEN "updatedAt" END) AS u,
                 SUM(CASE WHEN "status" = 'reopened' THEN COALESCE("scoringMethodVersion", 0) ELSE 0 END) AS rm,
                 MAX("createdAt") AS created
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
