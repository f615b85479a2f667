/**
 * Warnings about a deployment that works but is likely set up wrong, printed where an operator
 * reads them: at start-up (scripts/prepare.ts), and by a server process on the first request that
 * shows it (scripts/lib/http-server.ts).
 *
 * Sign-in throttling counts failures per client address. With TRUSTED_PROXY_HOPS=0 that is the
 * address of the connection the app sees; behind a reverse proxy or load balancer that is the
 * proxy's, the same for everyone, and one person's failures then pause sign-in for everybody who
 * has not signed in from there before.
 */

const FIX =
  "Set TRUSTED_PROXY_HOPS to the number of proxies that append to X-Forwarded-For (one load balancer: 1).";

export const UNTRUSTED_FORWARDING_WARNING =
  "Warning: requests arrive with forwarding headers (X-Forwarded-For, X-Forwarded-Proto or Forwarded) " +
  "while TRUSTED_PROXY_HOPS is 0, so every request counts under the address of the connection the " +
  "app sees. If a reverse proxy or load balancer is in front of the app, that is the proxy's address " +
  "for everyone, and one person's failed sign-ins pause sign-in from it for everybody who has not " +
  `signed in there before. ${FIX}`;

/** At start-up: an https APP_URL means something in front of the app terminates TLS (it serves plain HTTP). */
export function startUpWarnings(settings: { appUrl: string; trustedProxyHops: number }): string[] {
  if (settings.trustedProxyHops > 0 || !settings.appUrl.startsWith("https:")) return [];
  return [
    "Warning: APP_URL is https, but the app itself serves plain HTTP, so a proxy or load balancer " +
      "in front of it terminates TLS; with TRUSTED_PROXY_HOPS=0 every request counts under that " +
      "proxy's address, and one person's failed sign-ins pause sign-in for everybody who has not " +
      `signed in before. ${FIX} Leave it at 0 only if nothing in front of the app changes the ` +
      "connection's address.",
  ];
}
