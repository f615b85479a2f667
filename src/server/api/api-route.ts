import "server-only";
import type { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import { API_ROUTES } from "@/contracts/api/routes";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "../db";
import { HTTP_STATUS_BY_ERROR_CODE, ValidationError, fieldErrorsOf } from "../errors";
import { authenticateToken } from "./authenticate";
import { problemResponse, type ProblemStatus } from "./problem";
import { countApiRequest } from "./rate-limit";

const STATUS_BY_CODE: Record<ExpectedError["code"], ProblemStatus> = HTTP_STATUS_BY_ERROR_CODE;

export interface ApiContext<Query> {
  actor: Actor;
  query: Query;
  params: Record<string, string>;
}

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

/**
 * The query string as one value per name; a name given twice is malformed. Read into a Map, and
 * handed on as an object of the query's own names only (Object.fromEntries defines each as an own
 * property): names that a plain object inherits or treats specially (`__proto__`, `constructor`,
 * `toString`) are then parameters like any other, unknown to every route.
 */
function readQuery(url: URL): Record<string, string> {
  const query = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    if (query.has(name)) repeated.set(name, ["Give this parameter once."]);
    query.set(name, value);
  }
  if (repeated.size > 0) {
    const errors = Object.fromEntries(repeated);
    throw new ValidationError(describe(errors), errors);
  }
  return Object.fromEntries(query);
}

function describe(errors: Record<string, string[]>): string {
  return `Bad query: ${Object.entries(errors)
    .map(([name, messages]) => `${name}: ${messages.join(" ")}`)
    .join("; ")}`;
}

function parseQuery<Schema extends z.ZodObject>(
  schema: Schema,
  raw: Record<string, string>,
): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error);
  // A parameter the route does not take is named, with the ones it does take.
  const unknown = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys : [],
  );
  delete errors.form;
  const accepted = Object.keys(schema.shape);
  const unknownMessage =
    accepted.length > 0
      ? `Unknown parameter; this route takes ${accepted.join(", ")}.`
      : "Unknown parameter; this route takes none.";
  // Defined, not assigned: assigning `__proto__` would set the object's prototype instead.
  for (const name of unknown) {
    Object.defineProperty(errors, name, { value: [unknownMessage], enumerable: true, writable: true });
  }
  throw new ValidationError(describe(errors), errors);
}

/**
 * The one way an API route handler is built: the token is checked, the request counted against
 * the token's rate limit, the query read with the route's own schema (routes.ts), then the body
 * runs with the token's person. Expected errors become problem details with their status; anything
 * else is logged and answered with a generic 500, never with internal error text.
 */
export function apiRoute<Query>(
  path: string,
  body: (context: ApiContext<Query>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const route = API_ROUTES.find((candidate) => candidate.path === path);
  if (!route) throw new Error(`${path} is not in API_ROUTES`);
  return async (request, context) => {
    try {
      const authentication = await authenticateToken(request);
      if (!authentication.ok && authentication.retryAfterSeconds !== undefined) {
        return problemResponse(429, authentication.detail, {
          headers: { "Retry-After": String(authentication.retryAfterSeconds) },
        });
      }
      if (!authentication.ok) {
        return problemResponse(401, authentication.detail, {
          headers: { "WWW-Authenticate": 'Bearer realm="Pitfall Radar API", error="invalid_token"' },
        });
      }
      const rate = await countApiRequest(db, authentication.tokenId);
      const rateHeaders = {
        "X-RateLimit-Limit": String(rate.limit),
        "X-RateLimit-Remaining": String(rate.remaining),
        "X-RateLimit-Reset": String(rate.resetSeconds),
      };
      if (!rate.allowed) {
        return problemResponse(
          429,
          `This token made more than ${rate.limit} requests in a minute. Try again in ${rate.resetSeconds} seconds.`,
          { headers: { ...rateHeaders, "Retry-After": String(rate.resetSeconds) } },
        );
      }
      try {
        const rawParams = (await context.params) ?? {};
        const params = Object.fromEntries(
          Object.entries(rawParams).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join("/") : value,
          ]),
        );
        const query = parseQuery(route.query, readQuery(new URL(request.url))) as Query;
        const answer = await body({ actor: authentication.actor, query, params });
        return Response.json(answer, {
          status: 200,
          headers: { "Cache-Control": "private, no-store", ...rateHeaders },
        });
      } catch (error) {
        if (error instanceof ExpectedError) {
          const status = STATUS_BY_CODE[error.code];
          return problemResponse(status, error.message, { errors: error.fieldErrors, headers: rateHeaders });
        }
        throw error;
      }
    } catch (error) {
      console.error("An API request failed", error);
      return problemResponse(500, "Something went wrong on our side. Nothing was changed; please try again.");
    }
  };
}
