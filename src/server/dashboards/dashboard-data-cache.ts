import "server-only";
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
  const [assessments, teams, orgUnits, cycles] = await Promise.all([
    // Every assessment write increments its version, so the sum moves with each one; the count
    // catches deletions, the latest update time anything else.
    db.assessment.aggregate({
      where: { cycleId: { in: [...cycleIds] } },
      _count: { _all: true },
      _sum: { version: true },
      _max: { updatedAt: true },
    }),
    db.team.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.orgUnit.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.cycle.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return [
    assessments._count._all,
    assessments._sum.version ?? 0,
    assessments._max.updatedAt?.getTime() ?? 0,
    teams._count._all,
    teams._max.updatedAt?.getTime() ?? 0,
    orgUnits._count._all,
    orgUnits._max.updatedAt?.getTime() ?? 0,
    cycles._count._all,
    cycles._max.updatedAt?.getTime() ?? 0,
  ].join(":");
}
