/**
 * Whether a request comes from a page of this app, read from the headers browsers set and pages
 * cannot: Origin, and Sec-Fetch-Site. Shared by proxy.ts (server actions) and the autosave routes,
 * so both judge "same origin" by one rule. Kept free of server-only imports: proxy.ts uses it.
 */

export type OriginVerdict = "same-origin" | "cross-origin" | "no-origin";

/**
 * The Origin's host must be the host the request was sent to: x-forwarded-host's first entry when
 * a proxy in front set it, else Host. An Origin of "null" (sandboxed frames, some redirects) or one
 * that is not a URL never matches.
 */
export function originVerdict(headers: Headers): OriginVerdict {
  const origin = headers.get("origin");
  if (origin === null) return "no-origin";
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return "cross-origin";
  }
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwardedHost || headers.get("host");
  return host && originHost === host ? "same-origin" : "cross-origin";
}

/**
 * For endpoints only this app's own pages call: browsers send an Origin with every fetch POST, and
 * a Sec-Fetch-Site of "same-origin" when they leave the Origin out, so a request with neither is
 * not from one of our pages and is refused too.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const verdict = originVerdict(headers);
  if (verdict === "no-origin") return headers.get("sec-fetch-site") === "same-origin";
  return verdict === "same-origin";
}
