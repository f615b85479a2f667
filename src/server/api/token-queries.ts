import "server-only";
import type { Actor } from "@/domain/access/policy";
import { tokenState, type ApiTokenView } from "@/contracts/api/tokens";
import { db } from "../db";

export const tokenColumns = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function toTokenView(row: TokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: tokenState(row, now),
  };
}

/** The signed-in person's own tokens, newest first; nobody lists anyone else's. */
export async function listOwnApiTokens(actor: Actor, now = new Date()): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: tokenColumns,
  });
  return rows.map((row) => toTokenView(row, now));
}
