import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  ExpectedError,
  type ActionResult,
  type ErrorCode,
  type FieldErrors,
} from "@/contracts/action-result";

export { ExpectedError };

export class ValidationError extends ExpectedError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super("validation", message, fieldErrors);
  }
}

export class NotFoundError extends ExpectedError {
  constructor(message = "That page or item does not exist, or you do not have access to it.") {
    super("not_found", message);
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = "You do not have permission to do that.") {
    super("forbidden", message);
  }
}

export class ConflictError extends ExpectedError {
  constructor(message: string, details?: unknown) {
    super("conflict", message, {}, details);
  }
}

/** The HTTP status of each kind of error, for every entry point that answers over HTTP itself. */
export const HTTP_STATUS_BY_ERROR_CODE = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  throttled: 429,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/** Field-level messages from a zod error, keyed by the dotted path of each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Parses input with a shared schema; a failure becomes a ValidationError with field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError("Some fields need attention.", fieldErrorsOf(result.error));
  }
  return result.data;
}

/**
 * Runs a server action body. Expected errors (validation, not found, forbidden, conflict,
 * throttled) reach the user with their message; anything else is logged and replaced by a
 * generic message, so internal details never leave the server. Next's own control-flow errors
 * (redirect, notFound) are re-thrown untouched.
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof ExpectedError) return { ok: false, error: error.toPayload() };
    if (isNextControlFlow(error)) throw error;
    console.error("Unexpected error in a server action", error);
    return {
      ok: false,
      error: {
        code: "internal",
        message: "Something went wrong on our side. Nothing was changed; please try again.",
      },
    };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

/**
 * For pages: loads what the page shows; an item that does not exist, or that the person may not
 * see, renders the same "not found" page, so an address reveals nothing about other teams' data.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ExpectedError && (error.code === "not_found" || error.code === "forbidden"))
      notFound();
    throw error;
  }
}
