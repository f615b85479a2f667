import "server-only";
import { problemBody, type ProblemStatus } from "@/contracts/api/problems";

export type { ProblemStatus } from "@/contracts/api/problems";

/** An RFC 9457 problem details answer, never cached. */
export function problemResponse(
  status: ProblemStatus,
  detail: string,
  options: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
): Response {
  const body = problemBody(status, detail, options.errors);
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...options.headers,
    },
  });
}
