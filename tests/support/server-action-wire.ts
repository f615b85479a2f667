/**
 * The server-action request format proxy.ts relies on, written down once for the e2e test that
 * captures real requests from the built app and for the unit test that replays captured ones.
 *
 * proxy.ts recognises a server action by its `next-action` header and reads its arguments either
 * as the whole body (a JSON array, sent as text/plain) or as the multipart field "0" (a JSON array
 * whose "$K<n>" strings point at form fields). Neither is a documented interface of the framework.
 */
export interface CapturedActionRequest {
  /** What the request did, e.g. "sign in (form)". */
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface WireFormat {
  encoding: "text" | "multipart";
  /** Multipart field names, with the form's own field names kept and numbers kept. */
  fields: string[];
  /** The arguments' JSON with every value replaced by its type; "$…" markers kept. */
  argumentShape: unknown;
}

export const ACTION_HEADER = "next-action";

function shapeOf(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? value.replace(/\d+/g, "<n>") : "string";
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
  }
  return value === null ? null : typeof value;
}

function parseArguments(json: string | null, where: string): unknown[] {
  if (json === null) throw new Error(`no action arguments in ${where}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`the action arguments in ${where} are not JSON: ${json.slice(0, 80)}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`the action arguments in ${where} are not a JSON array`);
  return parsed;
}

/**
 * Reads a captured request the way proxy.ts does; throws, naming what differs, when the request no
 * longer has the format proxy.ts expects.
 */
export async function wireFormatOf(request: CapturedActionRequest): Promise<WireFormat> {
  if (!request.headers[ACTION_HEADER]) {
    throw new Error(
      `the request has no "${ACTION_HEADER}" header (headers: ${Object.keys(request.headers).sort().join(", ")})`,
    );
  }
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(request.body, { headers: { "content-type": contentType } }).formData();
    const first = form.get("0");
    const argumentsList = parseArguments(typeof first === "string" ? first : null, 'the multipart field "0"');
    return { encoding: "multipart", fields: [...form.keys()].sort(), argumentShape: shapeOf(argumentsList) };
  }
  if (contentType.startsWith("text/plain")) {
    return { encoding: "text", fields: [], argumentShape: shapeOf(parseArguments(request.body, "the body")) };
  }
  throw new Error(
    `unexpected content type "${contentType}" (proxy.ts reads text/plain and multipart/form-data)`,
  );
}

export const WIRE_FORMAT_CHANGED =
  "The framework's server-action request format changed. proxy.ts parses that format to refuse " +
  "malformed and oversized actions early: review its checks against the new format, then record " +
  "new samples with RECORD_SERVER_ACTION_REQUESTS=1 npx playwright test e2e/server-action-wire-format.spec.ts";
