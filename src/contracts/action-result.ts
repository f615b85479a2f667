/**
 * The shape every server action returns, shared by forms (client) and actions (server).
 * Kept free of server imports so client components can use the types and the error class.
 */

export type FieldErrors = Record<string, string[]>;

export type ErrorCode = "validation" | "not_found" | "forbidden" | "conflict" | "throttled" | "internal";

export interface ActionError {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  /** Extra structured information, e.g. the current server state on a conflict. */
  details?: unknown;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** An error whose message is meant for the user. */
export class ExpectedError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "internal">,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ExpectedError";
  }

  toPayload(): ActionError {
    return {
      code: this.code,
      message: this.message,
      ...(Object.keys(this.fieldErrors).length ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}
