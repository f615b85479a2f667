/**
 * The token form's choices and limits, apart from the schemas (which need zod) because the form in
 * the browser shows them too.
 */

/** The expiry choices the account page offers, in days; a token never lives longer than a year. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
export const MAX_TOKEN_NAME_LENGTH = 80;

/**
 * For people without a password (single sign-on only), creating a token needs a sign-in this many
 * minutes ago at most, instead of their current password.
 */
export const RECENT_SIGN_IN_MINUTES = 15;
