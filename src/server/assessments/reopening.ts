import "server-only";
import type { ReopeningView } from "@/contracts/assessments/types";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Who reopened a reopened assessment, when and why, for everyone who reads it: the team has to know
 * which answers to revisit. Reopening is recorded as its audit event (written in the same
 * transaction as the reopening), so the latest one is the reopening that holds. Callers have
 * authorised the assessment's team; only the actor's name and the reason leave the audit record.
 */
export async function readReopening(
  reader: Pick<Prisma.TransactionClient, "auditEvent">,
  assessment: { id: string; status: string },
): Promise<ReopeningView | null> {
  if (assessment.status !== "reopened") return null;
  const event = await reader.auditEvent.findFirst({
    where: { entityType: "assessment", entityId: assessment.id, action: "assessment.reopened" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { at: true, after: true, actor: { select: { name: true } } },
  });
  if (!event) return null;
  return { at: event.at.toISOString(), byName: event.actor?.name ?? null, reason: reasonOf(event.after) };
}

function reasonOf(after: string | null): string | null {
  if (!after) return null;
  try {
    const value: unknown = JSON.parse(after);
    const reason = (value as { reason?: unknown } | null)?.reason;
    return typeof reason === "string" && reason.trim() !== "" ? reason : null;
  } catch {
    return null;
  }
}
