import "server-only";
import { getEnv } from "@/env";
import { safeRedirectPath } from "@/domain/access/safe-redirect";

/** Where a person goes after signing in: `next`, when it stays on this app's own origin, else "/". */
export function signInDestination(next: unknown): string {
  return safeRedirectPath(typeof next === "string" ? next : undefined, getEnv().APP_URL);
}
