import "server-only";
import type { Prisma } from "@/generated/prisma/client";

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditEntry {
  actorId: string | null;
  /** Dotted verb, e.g. "assessment.submitted", "role.granted", "auth.signed_in". */
  action: string;
  entityType: string;
  entityId: string;
  teamId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event; call it with the transaction client of the change it records. */
export async function writeAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      teamId: entry.teamId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
