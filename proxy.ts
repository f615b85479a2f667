import { NextResponse, type NextRequest } from "next/server";
import { apiAddressProblem } from "./src/api-address";
import { getEnv } from "./src/env";
import { originVerdict } from "./src/request-origin";
import { MAX_REQUEST_BODY_BYTES } from "./src/request-limits";
import { REQUESTED_PATH_HEADER } from "./src/requested-path";
import { contentSecurityPolicy, securityHeaders } from "./src/security-headers";

/** Largest server action request accepted: the framework's own limit (1 MiB), answered with 413, not 500. */
const ACTION_BODY_LIMIT_BYTES = MAX_REQUEST_BODY_BYTES;

/**
 * Plain values a client may send inside action arguments. Any other "$…" string is a reference
 * into parts of the request that the decoder would chase (and fail on, as a 500), and our own
 * forms and components never send one.
 */
const PLAIN_MARKERS = /^\$(?:\$|D|-0$|NaN$|Infinity$|-Infinity$|undefined$)/;

/**
 * Most arguments any action of this app takes, bound values included (a form action with its
 * previous state and the form is two). Next itself refuses more than 1,000 with a 500.
 */
export const MAX_ACTION_ARGUMENTS = 16;

/** Deepest nesting of arrays and objects accepted in action arguments; our own forms send a few levels. */
export const MAX_ARGUMENT_DEPTH = 32;

type ArgumentsVerdict = "sound" | "unsupported-reference" | "too-deep";

/**
 * Walks the arguments without recursion (a hostile body nests thousands of levels deep, which
 * would overflow the stack) and reports the first reference or nesting it refuses.
 */
function inspectArguments(root: unknown, allowFormData: boolean): ArgumentsVerdict {
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value === "string") {
      if (!value.startsWith("$") || PLAIN_MARKERS.test(value)) continue;
      if (allowFormData && /^\$K\d+$/.test(value)) continue;
      return "unsupported-reference";
    }
    if (!value || typeof value !== "object") continue;
    if (depth >= MAX_ARGUMENT_DEPTH) return "too-deep";
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return "sound";
}

const ARGUMENTS_PROBLEMS: Record<Exclude<ArgumentsVerdict, "sound">, string> = {
  "unsupported-reference": "The action arguments contain values this app does not accept.",
  "too-deep": "The action arguments are nested too deeply.",
};

const TOO_MANY_ARGUMENTS = `An action takes at most ${MAX_ACTION_ARGUMENTS} arguments.`;

function argumentsProblem(json: string | null, allowFormData: boolean): string | null {
  if (json === null) return "The request body is missing its action arguments.";
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "The request body could not be read as action arguments.";
  }
  if (!Array.isArray(parsed)) return "The request body must be a list of action arguments.";
  if (parsed.length > MAX_ACTION_ARGUMENTS) return TOO_MANY_ARGUMENTS;
  const verdict = inspectArguments(parsed, allowFormData);
  return verdict === "sound" ? null : ARGUMENTS_PROBLEMS[verdict];
}

/**
 * Server action requests whose body cannot be decoded would otherwise reach the framework's
 * decoder and come back as a 500. They are malformed input, so they get a 4xx here, before any
 * application code runs. Authorization is not decided here; it lives in the data layer.
 */
type RequestProblem = { status: number; error: string };

const TOO_LARGE: RequestProblem = { status: 413, error: "The request is too large." };

/**
 * The request's body read as a form, refused as too large by its declared length or once read
 * (a copy: Next reads the body again). Throws when it is not a readable form of `contentType`.
 */
async function readFormWithinLimit(
  request: NextRequest,
  contentType: string,
): Promise<{ form: FormData } | RequestProblem> {
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  return { form: await new Response(body, { headers: { "content-type": contentType } }).formData() };
}

async function malformedActionRequest(request: NextRequest): Promise<RequestProblem | null> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  const contentType = request.headers.get("content-type") ?? "";
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const read = await readFormWithinLimit(request, contentType);
      if (!("form" in read)) return read;
      const first = read.form.get("0");
      const problem = argumentsProblem(typeof first === "string" ? first : null, true);
      return problem ? { status: 400, error: problem } : null;
    }
    const text = await request.clone().text();
    if (Buffer.byteLength(text) > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
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

const NO_SCRIPT_ACTION_FIELD = /^\$ACTION_(?:KEY|ID_[0-9a-f]+|REF_(\d+)|(\d+):(\d+))$/;

/**
 * A server action posted by a plain form (a browser without JavaScript): no Next-Action header,
 * the action named by `$ACTION_…` fields of the form body instead. Next decodes those fields
 * itself and answers anything it cannot decode with a 500, so they are checked here first: each
 * field one our forms send, each action's description (`$ACTION_n:0`) naming an id and, if bound,
 * a part that is there and is a short list, every part plain JSON of bounded depth. Says whether
 * the body is such an action when it is sound.
 */
async function inspectNoScriptAction(request: NextRequest): Promise<RequestProblem | { isAction: boolean }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (
    !contentType.startsWith("multipart/form-data") &&
    !contentType.startsWith("application/x-www-form-urlencoded")
  )
    return { isAction: false };
  let form: FormData;
  try {
    const read = await readFormWithinLimit(request, contentType);
    if (!("form" in read)) return read;
    form = read.form;
  } catch {
    return { status: 400, error: "The form could not be read." };
  }
  const unreadable = { status: 400, error: "The form's action fields could not be read." };
  try {
    return noScriptActionFieldsProblem(form) ?? { isAction: [...form.keys()].some(isActionField) };
  } catch {
    // Whatever the checks themselves trip over is still a form this app cannot read, not a 500.
    return unreadable;
  }
}

function isActionField(name: string): boolean {
  return name.startsWith("$ACTION_");
}

function noScriptActionFieldsProblem(form: FormData): RequestProblem | null {
  const unreadable = { status: 400, error: "The form's action fields could not be read." };
  const parts = new Map<string, unknown>();
  const references: string[] = [];
  for (const [name, value] of form) {
    if (!isActionField(name)) continue;
    const match = NO_SCRIPT_ACTION_FIELD.exec(name);
    if (!match) return unreadable;
    if (match[1] !== undefined) references.push(match[1]);
    if (match[2] === undefined) continue;
    if (typeof value !== "string") return unreadable;
    try {
      parts.set(`${match[2]}:${match[3]}`, JSON.parse(value));
    } catch {
      return unreadable;
    }
  }
  for (const reference of references) {
    const description = parts.get(`${reference}:0`);
    if (!description || typeof description !== "object" || Array.isArray(description)) return unreadable;
    const { id, bound } = description as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return unreadable;
    if (bound === null || bound === undefined) continue;
    const boundPart = typeof bound === "string" ? /^\$@(\d+)$/.exec(bound) : null;
    if (!boundPart || !parts.has(`${reference}:${boundPart[1]}`)) return unreadable;
    const boundValues = parts.get(`${reference}:${boundPart[1]}`);
    if (!Array.isArray(boundValues)) return unreadable;
    if (boundValues.length > MAX_ACTION_ARGUMENTS) return { status: 400, error: TOO_MANY_ARGUMENTS };
  }
  for (const [key, value] of parts) {
    if (key.endsWith(":0")) continue;
    const verdict = inspectArguments(value, true);
    if (verdict !== "sound") return { status: 400, error: ARGUMENTS_PROBLEMS[verdict] };
  }
  return null;
}

/**
 * The route handlers that take POSTs, each with its own checks on its body. Every other address
 * under /api/ is not a page, yet Next runs a plain-form action posted to it all the same.
 */
const POST_ROUTE_HANDLER_PREFIXES = ["/api/autosave/", "/api/auth/"];

function isPostRouteHandler(pathname: string): boolean {
  return POST_ROUTE_HANDLER_PREFIXES.some((prefix) => pathname.startsWith(prefix));
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
  } else if (request.method === "POST" && !isPostRouteHandler(request.nextUrl.pathname)) {
    // Any other POST is only ever a server action from a plain form.
    const inspected = await inspectNoScriptAction(request);
    if ("status" in inspected) return refuse(inspected.status, inspected.error, csp, https);
    if (crossOriginAction(request))
      return refuse(403, "Cross-origin requests to this app's actions are not allowed.", csp, https);
    // This app's forms post to its pages, never under /api/.
    if (inspected.isAction && request.nextUrl.pathname.startsWith("/api/"))
      return refuse(404, "There is no form at this address.", csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  // Server components are not told which address they render; a signed-out visitor's sign-in
  // page uses it to bring them back here. Always set here, so a client cannot supply its own.
  requestHeaders.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

/**
 * Every address but the framework's static files (`/_next/static/…`), its image optimiser
 * (`/_next/image`) and the icon (`/icon.svg`), each matched exactly: a look-ahead without the
 * trailing `/` or `$` (or with an unescaped `.`) would also skip `/icon.svgx` or `/_next/imagex`,
 * where pages and actions run without the checks and headers above.
 */
export const config = {
  matcher: ["/((?!_next/static/|_next/image$|icon\\.svg$).*)"],
};
