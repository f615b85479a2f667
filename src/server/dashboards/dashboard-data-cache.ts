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
  // One statement instead of one per table: every page of the dashboards takes this fingerprint,
  // and each statement costs more in the database client than in the database. The assessments'
  // part is grouped by cycle and status and read from assessment_fingerprint_idx alone (a heatmap
  // covers every cycle up to the one shown: about 8,000 assessments in two years of a 1,000-team
  // organisation). Of each group it keeps what the dashboards show (fingerprintPart): the count
  // (assessments started, submitted, reopened or deleted) and the latest creation time (one
  // started in place of a deleted one); of the submitted ones the sum of their versions and their
  // latest update time (any other write to them); of the reopened ones the sum of their scoring
  // method versions (a re-score of their last results: it always moves to the current method, so
  // the sum only grows; a missing method version counts as 0). A draft's versions and update
  // times are left out: its answers are on no dashboard.
  const cycles = cycleIds.length > 0 ? Prisma.join([...cycleIds]) : Prisma.sql`NULL`;
  const rows = await db.$queryRaw<FingerprintRow[]>`
    SELECT "cycleId" AS "cycle", CAST("status" AS TEXT) AS "kind", COUNT(*) AS "count",
           SUM("version") AS "versions", MAX("updatedAt") AS "updated",
           SUM(COALESCE("scoringMethodVersion", 0)) AS "methods", MAX("createdAt") AS "created"
      FROM "assessment" WHERE "cycleId" IN (${cycles}) GROUP BY "cycleId", "status"
    UNION ALL SELECT NULL, 'team', COUNT(*), NULL, MAX("updatedAt"), NULL, NULL FROM "team"
    UNION ALL SELECT NULL, 'org_unit', COUNT(*), NULL, MAX("updatedAt"), NULL, NULL FROM "org_unit"
    UNION ALL SELECT NULL, 'cycle', COUNT(*), NULL, MAX("updatedAt"), NULL, NULL FROM "cycle"`;
  // The order of a UNION's rows is not defined: sorted, equal data gives an equal fingerprint.
  return rows.map(fingerprintPart).sort().join("|");
}

type FingerprintRow = {
  cycle: string | null;
  kind: string;
  count: unknown;
  versions: unknown;
  updated: unknown;
  methods: unknown;
  created: unknown;
};

function fingerprintPart(row: FingerprintRow): string {
  // Teams, org units and cycles: how many, and the latest update.
  if (row.cycle === null) return [row.kind, row.count, row.updated].map(fingerprintValue).join(":");
  const parts: unknown[] = [row.kind, row.cycle, row.count];
  if (row.kind === "submitted") parts.push(row.versions, row.updated, row.created);
  else if (row.kind === "reopened") parts.push(row.methods, row.created);
  else parts.push(row.created);
  return parts.map(fingerprintValue).join(":");
}

/** Counts and sums come back as bigints or numbers, update times as dates or stored text, by database. */
function fingerprintValue(value: unknown): string {
  if (value instanceof Date) return String(value.getTime());
  return String(value ?? 0);
}
