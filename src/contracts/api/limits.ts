/** How many requests one token may make: a fixed window shared by every app instance. */
export const API_RATE_LIMIT = { max: 120, windowMs: 60_000 } as const;
