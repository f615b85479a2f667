/** How many requests one token may make: a fixed window shared by every app instance. */
export const API_RATE_LIMIT = { max: 120, windowMs: 60_000 } as const;

/**
 * How many requests with an unknown token one address may make in a window before further unknown
 * tokens from it get 429 instead of 401: far more than a mistyped or stale token explains, far fewer
 * than guessing needs. Shared by every app instance, like the per-token limit.
 */
export const API_UNKNOWN_TOKEN_LIMIT = { max: 20, windowMs: 15 * 60_000 } as const;
