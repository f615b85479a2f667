import "server-only";
import type { Actor } from "@/domain/access/policy";
import { attachmentDisposition } from "@/domain/plans/export-formats";
import { ExpectedError } from "@/contracts/action-result";
import { getCurrentActor } from "../auth/session";
import type { ExportFile } from "./export-file";

const STATUS_BY_CODE: Record<ExpectedError["code"], number> = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  throttled: 429,
};

function jsonError(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json(
    { error: message, ...(fieldErrors && Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** A validation message that names each bad parameter, e.g. "format: Choose a format: md, csv, pdf, json". */
function describeValidation(error: ExpectedError): string {
  const details = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return details.length > 0 ? `Bad request. ${details.join("; ")}.` : error.message;
}

/**
 * Runs an export download: 401 when signed out, the expected errors as JSON with their status
 * (400 bad input, 403 may read but not export, 404 not readable or unknown), anything else logged
 * and answered with a generic 500. The file is sent as an attachment that is never cached.
 */
export async function sendExport(
  request: Request,
  build: (actor: Actor, query: Record<string, string>) => Promise<ExportFile>,
): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return jsonError(401, "Sign in to download exports.");
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  let file: ExportFile;
  try {
    file = await build(actor, query);
  } catch (error) {
    if (error instanceof ExpectedError) {
      const status = STATUS_BY_CODE[error.code];
      return jsonError(status, error.code === "validation" ? describeValidation(error) : error.message, error.fieldErrors);
    }
    console.error("An export could not be built", error);
    return jsonError(500, "The export could not be built. Nothing was changed; please try again.");
  }
  return new Response(file.body, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
