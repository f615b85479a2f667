/**
 * The one check on where a person may be sent after signing in. Pure: the server passes the app's
 * origin from its configuration.
 */

/** Stands in for the app's origin when none is given; only same-origin paths survive either way. */
const PLACEHOLDER_ORIGIN = "https://pitfall-radar.invalid";

/**
 * Where to go after signing in: `next` resolved as a URL against the app's own origin and kept only
 * when it stays there, so a crafted link cannot send a person who signs in to another site. The
 * normalised path (what the URL parser made of it) is what redirects, and it must resolve to the
 * same origin again, so `/..//host` (normalised to `//host`) is refused rather than followed.
 * Control characters, which browsers silently drop, and backslashes, which they read as slashes,
 * are refused outright. Anything refused becomes "/".
 */
export function safeRedirectPath(
  next: string | null | undefined,
  appOrigin: string = PLACEHOLDER_ORIGIN,
): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let origin: string;
  try {
    origin = new URL(appOrigin).origin;
  } catch {
    return "/";
  }
  const stays = (candidate: string): URL | null => {
    try {
      const url = new URL(candidate, origin);
      return url.origin === origin && (url.protocol === "https:" || url.protocol === "http:") ? url : null;
    } catch {
      return null;
    }
  };
  const resolved = stays(next);
  if (!resolved) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || !stays(path)) return "/";
  return path;
}
