import "server-only";
import type { Actor } from "@/domain/access/policy";
import { addressFromHeaders } from "../auth/request-address";
import { loadActor } from "../auth/session";
import { db } from "../db";
import { countUnknownToken } from "./rate-limit";
import { hashToken, looksLikeToken } from "./token-secret";

/** Last-used times are written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenAuthentication =
  | { ok: true; actor: Actor; tokenId: string }
  | { ok: false; detail: string; retryAfterSeconds?: undefined }
  /** Too many unknown tokens from the caller's address: answered 429, not 401. */
  | { ok: false; detail: string; retryAfterSeconds: number };

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Who is calling: the person of the personal access token in `Authorization: Bearer …`, with the
 * roles they hold now (re-read from the database on every request, exactly as a page does). A
 * missing, malformed, unknown, revoked or expired token, or one whose person was deactivated, is
 * refused with a reason that helps its owner and reveals nothing to anyone else. Unknown tokens are
 * counted per client address (see `countUnknownToken`), so guessing is slowed down.
 */
export async function authenticateToken(request: Request, now = new Date()): Promise<TokenAuthentication> {
  const header = request.headers.get("authorization");
  if (!header) return { ok: false, detail: "Send a personal access token: Authorization: Bearer prt_…" };
  const token = BEARER.exec(header)?.[1];
  if (!token || !looksLikeToken(token)) {
    return {
      ok: false,
      detail: "The Authorization header does not hold a personal access token (Bearer prt_…).",
    };
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) {
    const throttle = await countUnknownToken(db, addressFromHeaders(request.headers), now.getTime());
    if (!throttle.allowed) {
      return {
        ok: false,
        detail: `Too many requests with unknown tokens came from your address. Try again in ${throttle.resetSeconds} seconds.`,
        retryAfterSeconds: throttle.resetSeconds,
      };
    }
    return { ok: false, detail: "This token is not valid." };
  }
  if (row.revokedAt) return { ok: false, detail: "This token was revoked." };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, detail: "This token has expired." };
  const actor = await loadActor(row.userId);
  if (!actor) return { ok: false, detail: "This token's account is deactivated." };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, actor, tokenId: row.id };
}
