import type { ApiProblem } from "./schemas";

/** Where each kind of problem is explained: the API reference page, one anchor per kind. */
const PROBLEM_TYPES = {
  400: { type: "/api-docs#problem-bad-request", title: "Bad request" },
  401: { type: "/api-docs#problem-unauthorized", title: "Unauthorized" },
  403: { type: "/api-docs#problem-forbidden", title: "Forbidden" },
  404: { type: "/api-docs#problem-not-found", title: "Not found" },
  405: { type: "/api-docs#problem-method-not-allowed", title: "Method not allowed" },
  409: { type: "/api-docs#problem-conflict", title: "Conflict" },
  429: { type: "/api-docs#problem-too-many-requests", title: "Too many requests" },
  500: { type: "/api-docs#problem-internal-error", title: "Internal error" },
} as const;

export type ProblemStatus = keyof typeof PROBLEM_TYPES;

/** The body of an RFC 9457 problem details answer. */
function problemBody(
  status: ProblemStatus,
  detail: string,
  errors?: Record<string, string[]>,
): ApiProblem {
  return {
    ...PROBLEM_TYPES[status],
    status,
    detail,
    ...(errors && Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

/** An RFC 9457 problem details answer, never cached. */
export function problemResponse(
  status: ProblemStatus,
  detail: string,
  options: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, detail, options.errors)), {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...options.headers,
    },
  });
}
