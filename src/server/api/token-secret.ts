import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { TOKEN_PREFIX } from "@/contracts/api/tokens";

/** 32 random bytes: far beyond guessing, so one fast hash (not a password hash) protects them at rest. */
const SECRET_BYTES = 32;
/** "prt_" and the first six characters of the random part: enough to tell a person's tokens apart. */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

export interface NewTokenSecret {
  token: string;
  hash: string;
  prefix: string;
}

export function newTokenSecret(): NewTokenSecret {
  const token = `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

/** What the database keeps of a token: its SHA-256, in hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string could be one of our tokens at all, before any lookup. */
export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
