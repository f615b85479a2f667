import { NextResponse, type NextRequest } from "next/server";

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
  if (hasUnsupportedReference(parsed, allowFormData)) return "The action arguments contain values this app does not accept.";
  return null;
}

/**
 * Server action requests whose body cannot be decoded would otherwise reach the framework's
 * decoder and come back as a 500. They are malformed input, so they get a 4xx here, before any
 * application code runs. Authorization is not decided here; it lives in the data layer.
 */
async function malformedActionRequest(request: NextRequest): Promise<{ status: number; error: string } | null> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, error: "The request is too large." };
  const contentType = request.headers.get("content-type") ?? "";
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const body = await request.clone().arrayBuffer();
      if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, error: "The request is too large." };
      const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
      const first = form.get("0");
      const problem = argumentsProblem(typeof first === "string" ? first : null, true);
      return problem ? { status: 400, error: problem } : null;
    }
    const text = await request.clone().text();
    if (Buffer.byteLength(text) > ACTION_BODY_LIMIT_BYTES) return { status: 413, error: "The request is too large." };
    const problem = argumentsProblem(text, false);
    return problem ? { status: 400, error: problem } : null;
  } catch {
    return { status: 400, error: "The request body could not be read as action arguments." };
  }
}

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const problem = await malformedActionRequest(request);
    if (problem) return NextResponse.json({ error: problem.error }, { status: problem.status });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
