/**
 * The address a request asked for, passed from proxy.ts to server components (which are not told
 * it) so that a signed-out visitor is sent to sign in and then brought back to it.
 */
export const REQUESTED_PATH_HEADER = "x-pitfall-radar-path";

/**
 * The sign-in page for someone who asked for `path` while signed out: with `next=` so they land
 * where they were going (a link from a reminder email, a bookmarked dashboard). The sign-in page
 * checks `next` again before following it.
 */
export function signInAddressFor(path: string | null): string {
  if (!path || !path.startsWith("/") || path === "/" || path.startsWith("/sign-in")) return "/sign-in";
  return `/sign-in?next=${encodeURIComponent(path)}`;
}

/** Where a person who must replace the password an admin gave them is sent first. */
export const NEW_PASSWORD_PATH = "/account/new-password";

/**
 * The page that asks for a new password, for someone who asked for `path` with a password an
 * admin set: with `next=` so they carry on where they were going once they have chosen their own.
 */
export function newPasswordAddressFor(path: string | null): string {
  if (!path || !path.startsWith("/") || path === "/" || path.startsWith(NEW_PASSWORD_PATH))
    return NEW_PASSWORD_PATH;
  return `${NEW_PASSWORD_PATH}?next=${encodeURIComponent(path)}`;
}

/** Where the account page's password change leads: the account page, saying the password changed. */
export const PASSWORD_CHANGED_ADDRESS = "/account?password=changed";
