/**
 * Response headers. The Content-Security-Policy is per request: proxy.ts creates a fresh nonce for
 * every request and Next adds it to its own scripts (framework, page bundles, inline bootstrap), so
 * scripts need no 'unsafe-inline'; 'strict-dynamic' lets those scripts load the app's chunks.
 * Styles keep 'unsafe-inline': recharts and Next's streaming runtime set style attributes, which a
 * nonce cannot cover, and a style cannot run code. The dev server additionally needs eval.
 */
export function contentSecurityPolicy(options: { nonce: string; isDev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: the app is only ever served over https once APP_URL says so. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The headers every response carries, besides the CSP (which needs the request's nonce): set by
 * next.config.ts on every route, and again by proxy.ts on the answers it gives itself. HSTS only
 * when the app's public URL is https, so a plain-http installation is never pinned to https.
 */
export function securityHeaders(options: { https: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(options.https ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : []),
  ];
}
