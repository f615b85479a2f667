/** Personal access tokens for the read-only API: the account page's forms and what it lists. */
import { z } from "zod";
import { refuseHiddenCharacters } from "@/contracts/hidden-characters";

import { DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_NAME_LENGTH, TOKEN_LIFETIMES_DAYS } from "./token-limits";

export { DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_NAME_LENGTH, TOKEN_LIFETIMES_DAYS };
/** How many unrevoked tokens one person may hold at once. */
export const MAX_ACTIVE_TOKENS = 20;

/** Every token starts with this, so secret scanners can recognise a leaked one. */
export const TOKEN_PREFIX = "prt_";

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the token a name, e.g. the dashboard or script that will use it")
    .max(MAX_TOKEN_NAME_LENGTH, `Use at most ${MAX_TOKEN_NAME_LENGTH} characters`)
    .superRefine(refuseHiddenCharacters("name")),
  expiresInDays: z.coerce
    .number({ error: "Choose when the token expires" })
    .refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), {
      message: `Choose one of ${TOKEN_LIFETIMES_DAYS.join(", ")} days`,
    }),
  /**
   * A token outlives the session it is created in, so creating one asks for the person's current
   * password (people without one, who sign in through single sign-on, need a recent sign-in instead).
   * Left empty, it is missing; the server says so.
   */
  currentPassword: z
    .string()
    .max(128, "Passwords are at most 128 characters")
    .optional()
    .transform((password) => password || undefined),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: z.string().trim().min(1, "Choose a token to revoke").max(100),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;

export type ApiTokenState = "active" | "expired" | "revoked";

/** A token as its owner sees it on the account page: never the secret, only its first characters. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The token's first characters, e.g. "prt_3fK9x2", to tell tokens apart. */
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: ApiTokenState;
}

/** What creating a token hands back, once: the secret itself. */
export interface CreatedApiToken {
  token: string;
  view: ApiTokenView;
}

export function tokenState(
  token: { expiresAt: Date | string; revokedAt: Date | string | null },
  now: Date,
): ApiTokenState {
  if (token.revokedAt !== null) return "revoked";
  return new Date(token.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}
