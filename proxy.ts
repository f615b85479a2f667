import { NextResponse, type NextRequest } from "next/server";
import { apiAddressProblem } from "./src/api-address";
import { getEnv } from "./src/env";
import { originVerdict } from "./src/request-origin";
import { contentSecurityPolicy, securityHeaders } from "./src/security-headers";

/** Largest server action request accepted: the framework's own limit (1 MiB), answered with 413, not 500. */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Plain values a client may send inside action arguments. Any other "$…" string is a reference
 * into parts of the request that the decoder would chase (and fail on, as a 500), and our own
 * forms and components never send one.
 */
const PLAIN_MARKERS = /^\$(?:\$|D|-0$|NaN$|Infinity$|-Infinity$|undefined$)/;

function hasUnsupportedReference(value: unknown, allowFormData: boolean): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || PLAIN_MARKERS.test(value)) return false;
    return !(allowFormData && /^\$K\d+$/.test(value));
  }
  if (Array.isArray(value)) return value.some((item) => hasUnsupportedReference(item, allowFormData));
  if (value && typeof value === "object") {
    return Object.values(value).some((item) => hasUnsupportedReference(item, allowFormData));
  }
  return false;
}

function argumentsProblem(json: string | null, allowFormData: boolean): string | null {
  if (json === null) return "The request body is missing its action arguments.";
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "The request body could not be read as action arguments.";
  }
  if (!Array.isArray(parsed)) return "The request body must be a list of action arguments.";
  if (hasUnsupportedReference(parsed, allowFormData))
    return "The action arguments contain values this app does not accept.";
  return null;
}

/**
 * Server action requests whose body cannot be decoded would otherwise reach the framework's
 * decoder and come back as a 500. They are malformed input, so they get a 4xx here, before any
 * application code runs. Authorization is not decided here; it lives in the data layer.
 */
async function malformedActionRequest(
  request: NextRequest,
): Promise<{ status: number; error: string } | null> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, error: "The request is too large." };
  const contentType = request.headers.get("content-type") ?? "";
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const body = await request.clone().arrayBuffer();
      if (body.byteLength > ACTION_BODY_LIMIT_BYTES)
        return { status: 413, error: "The request is too large." };
      const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
      const first = form.get("0");
      const problem = argumentsProblem(typeof first === "string" ? first : null, true);
      return problem ? { status: 400, error: problem } : null;
    }
    const text = await request.clone().text();
    if (Buffer.byteLength(text) > ACTION_BODY_LIMIT_BYTES)
      return { status: 413, error: "The request is too large." };
    const problem = argumentsProblem(text, false);
    return problem ? { status: 400, error: problem } : null;
  } catch {
    return { status: 400, error: "The request body could not be read as action arguments." };
  }
}

/** True when a path segment holds percent-encoding that does not decode (e.g. `/team/%E0%A4%A`). */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/**
 * Next refuses a server action whose Origin is not the host it was sent to (CSRF protection), but
 * answers that with a 500. The same rule here, first, answers 403 (see src/request-origin.ts).
 * Requests without an Origin are left to Next, which lets them through as it always has (only
 * non-browser clients omit it).
 */
function crossOriginAction(request: NextRequest): boolean {
  return originVerdict(request.headers) === "cross-origin";
}

function withSecurityHeaders<Answer extends Response>(response: Answer, csp: string, https: boolean): Answer {
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of securityHeaders({ https })) response.headers.set(key, value);
  return response;
}

function refuse(status: number, error: string, csp: string, https: boolean): NextResponse {
  return withSecurityHeaders(NextResponse.json({ error }, { status }), csp, https);
}

export async function proxy(request: NextRequest) {
  const https = getEnv().APP_URL.startsWith("https://");
  // A fresh, unguessable nonce per request; Next reads it from the request's CSP header and puts
  // it on every script it renders.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = contentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development", https });

  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    return refuse(400, "The address contains malformed percent-encoding.", csp, https);
  }
  const apiProblem = apiAddressProblem(request.method, request.nextUrl.pathname);
  if (apiProblem) return withSecurityHeaders(apiProblem, csp, https);
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (crossOriginAction(request))
      return refuse(403, "Cross-origin requests to this app's actions are not allowed.", csp, https);
    const problem = await malformedActionRequest(request);
    if (problem) return refuse(problem.status, problem.error, csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
