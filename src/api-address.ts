/**
 * What the read-only API answers for an address no handler of it serves: an unknown path under
 * /api/v1, or a method other than GET. Without this, Next answered those with its HTML "Page not
 * found" and an empty 405, while the API promises a problem details document for every error.
 * Decided from the routes' own list (the one the OpenAPI document is generated from), so a new
 * route is known here as soon as it is described. Kept free of server-only imports: proxy.ts uses it.
 */
import { API_ROUTES } from "@/contracts/api/routes";
import { problemResponse } from "@/contracts/api/problems";

export const API_PREFIX = "/api/v1";

/** Methods every API route answers: GET, and what Next derives from it. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const ROUTE_PATTERNS = API_ROUTES.map(
  (route) =>
    new RegExp(
      `^${route.path
        .split(/(\{\w+\})/)
        .map((part) => (/^\{\w+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("")}/?$`,
    ),
);

/** The answer for a request the API has no handler for; null when one of its routes serves it (or it is not the API's). */
export function apiAddressProblem(method: string, pathname: string): Response | null {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return null;
  const path = pathname.slice(API_PREFIX.length);
  if (!ROUTE_PATTERNS.some((pattern) => pattern.test(path))) {
    return problemResponse(404, `There is no API address ${pathname}: /api-docs lists every one.`);
  }
  if (!READ_METHODS.has(method.toUpperCase())) {
    return problemResponse(405, `The API is read-only: ${pathname} answers GET only.`, {
      headers: { Allow: "GET, HEAD, OPTIONS" },
    });
  }
  return null;
}
